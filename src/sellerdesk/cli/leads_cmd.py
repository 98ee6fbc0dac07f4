"""`sellerdesk lead ...` and `sellerdesk note`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sellerdesk.cli.common import db_option, local_time, print_json, whole_number
from sellerdesk.vocab import INDUSTRIES, PROJECT_TYPES, SOURCES, STAGES

if TYPE_CHECKING:
    from sellerdesk.records import Lead


def register(subparsers) -> None:
    common = db_option()
    lead = subparsers.add_parser("lead", help="add, show, list and edit leads")
    sub = lead.add_subparsers(dest="lead_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", parents=[common], help="add a lead")
    add.add_argument("username")
    _record_options(add)
    add.add_argument("--stage", help=f"one of: {', '.join(label for _, label in STAGES.items)}")
    add.add_argument("--label", action="append", default=[], help="a label (repeatable)")
    add.set_defaults(handler=run_add)

    show = sub.add_parser("show", parents=[common], help="show a lead and its timeline")
    show.add_argument("username")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    lst = sub.add_parser("list", parents=[common], help="list leads, most recent first")
    lst.add_argument("--stage")
    lst.add_argument("--label")
    lst.add_argument("--search", default="", help="substring of username, name or website")
    lst.add_argument("--limit", type=whole_number(1, 1_000_000), default=100)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=run_list)

    edit = sub.add_parser("edit", parents=[common], help="edit a lead's record")
    edit.add_argument("username")
    _record_options(edit)
    edit.add_argument("--stage", help="move to this stage (logged); Lost needs --reason")
    edit.add_argument("--reason", default="", help="why (required to mark a lead Lost)")
    edit.add_argument("--label", action="append", default=[], help="add a label")
    edit.add_argument("--unlabel", action="append", default=[], help="remove a label")
    edit.add_argument("--do-not-contact", metavar="REASON", help="mark do-not-contact")
    edit.add_argument("--allow-contact", action="store_true", help="clear do-not-contact")
    edit.add_argument(
        "--expect-version",
        metavar="N",
        type=whole_number(1, 2**31 - 1),
        help='refuse unless the lead is still at this version ("version" in lead show --json); '
        "by default, the version the command reads as it starts",
    )
    edit.set_defaults(handler=run_edit)

    decline = sub.add_parser(
        "decline",
        parents=[common],
        help="the client declined the offer: back to Qualified, with a nurture follow-up",
        description="Seed 003: a client who does not accept returns to step 2. What they "
        "said is noted, the offer follow-ups end, and a follow-up is planned "
        "followups.nurture_days later (30 by default).",
    )
    decline.add_argument("username")
    decline.add_argument("reason", nargs="+", help="what the client said, in a few words")
    decline.set_defaults(handler=run_decline)
    assign = sub.add_parser(
        "assign", parents=[common], help="hand a lead, with its waiting follow-ups, to a person"
    )
    assign.add_argument("username")
    assign.add_argument("person", metavar="TO", help="who it goes to, as they sign their entries")
    assign.set_defaults(handler=run_assign)

    note = subparsers.add_parser("note", parents=[common], help="add a note to a lead's timeline")
    note.add_argument("username")
    note.add_argument("text")
    note.set_defaults(handler=run_note)


def _record_options(parser) -> None:
    parser.add_argument("--name", dest="display_name")
    parser.add_argument("--website")
    parser.add_argument("--source", help=f"one of: {', '.join(SOURCES.keys)}")
    parser.add_argument("--referred-by", metavar="USERNAME")
    parser.add_argument("--project-type", help=f"one of: {', '.join(PROJECT_TYPES.keys)}")
    parser.add_argument("--industry", help=f"one of: {', '.join(INDUSTRIES.keys)}")
    parser.add_argument("--owner")
    parser.add_argument("--notes")


RECORD_FIELDS = (
    "display_name",
    "website",
    "source",
    "referred_by",
    "project_type",
    "industry",
    "owner",
    "notes",
)


def run_add(ctx) -> int:
    from sellerdesk import leads

    a = ctx.args
    fields = {key: getattr(a, key) for key in RECORD_FIELDS}
    if a.referred_by:
        return _add_referred(ctx, fields)
    lead = leads.add_lead(ctx.db, a.username, stage=a.stage, labels=a.label, **fields)
    print(f"Added {lead.username} ({STAGES.label(lead.stage)}).")
    return 0


def _add_referred(ctx, fields: dict) -> int:
    from sellerdesk.referrals.recording import add_referred_lead

    a = ctx.args
    rest = {key: value for key, value in fields.items() if key != "referred_by"}
    lead = add_referred_lead(
        ctx.db,
        a.username,
        a.referred_by,
        stage=a.stage,
        labels=a.label,
        settings=ctx.settings,
        **rest,
    )
    print(f"Added {lead.username} ({STAGES.label(lead.stage)}), referred by {lead.referred_by}.")
    return 0


def run_edit(ctx) -> int:
    from sellerdesk import leads

    a = ctx.args
    changes = {key: getattr(a, key) for key in RECORD_FIELDS if getattr(a, key) is not None}
    # Like the app's form: the edit carries the version it read, and is refused
    # whole if someone saved the lead in between (nothing is overwritten silently).
    seen = None if a.expect_version else leads.get_lead(ctx.db, a.username)
    lead = leads.edit_lead(
        ctx.db,
        a.username,
        expected_version=a.expect_version or (seen.version if seen else None),
        seen=seen,
        changes=changes,
        stage=a.stage,
        reason=a.reason,
        add=a.label,
        remove=a.unlabel,
        do_not_contact=a.do_not_contact,
        allow_contact=a.allow_contact,
    )
    print(f"Saved {lead.username}.")
    return 0


def run_decline(ctx) -> int:
    from sellerdesk.followups.when import describe
    from sellerdesk.outcomes import decline_offer

    lead = decline_offer(ctx.db, ctx.args.username, " ".join(ctx.args.reason))
    when = describe(lead.next_followup_at, False) if lead.next_followup_at else "none"
    print(f"{lead.username} is back at {STAGES.label(lead.stage)}; next follow-up {when}.")
    return 0


def run_assign(ctx) -> int:
    from sellerdesk.team import assign

    lead = assign(ctx.db, ctx.args.username, ctx.args.person)
    print(f"{lead.username} is {lead.owner}'s now.")
    return 0


def run_note(ctx) -> int:
    from sellerdesk import leads

    leads.add_note(ctx.db, ctx.args.username, ctx.args.text)
    print(f"Noted on {ctx.args.username}'s timeline.")
    return 0


def run_show(ctx) -> int:
    from sellerdesk import leads

    lead = leads.get_lead(ctx.db, ctx.args.username)
    events = leads.lead_timeline(ctx.db, lead.id, limit=50)
    if ctx.args.json:
        data = lead.to_json()
        data["timeline"] = [event.to_json() for event in events]
        print_json(data)
        return 0
    for label, value in record_lines(lead):
        print(f"{label:<15} {value}")
    print()
    print("Timeline (newest first)")
    for event in events:
        from sellerdesk.timeline import event_label

        body = f"  {event.body}" if event.body else ""
        print(f"  {local_time(event.at)}  {event.author:<10} {event_label(event)}{body}")
    return 0


def record_lines(lead: Lead) -> list[tuple[str, str]]:
    """The lead record in the order of seed 002's CRM card, then the rest."""
    from sellerdesk.followups.when import day_or_moment

    lines = [
        ("Username", lead.username),
        ("Name", lead.display_name or ""),
        ("Stage", STAGES.label(lead.stage)),
        ("Website", lead.website or ""),
        ("Last messaged", local_time(lead.last_messaged_at, with_time=False)),
        ("Next follow-up", day_or_moment(lead.next_followup_at)),
        ("Labels", ", ".join(lead.labels)),
        ("Notes", lead.notes or ""),
        ("Source", SOURCES.label(lead.source)),
        ("Project type", PROJECT_TYPES.label(lead.project_type)),
        ("Industry", INDUSTRIES.label(lead.industry)),
        ("Referred by", lead.referred_by or ""),
        ("Owner", lead.owner or ""),
    ]
    if lead.do_not_contact:
        lines.append(("Do not contact", lead.dnc_reason or "yes"))
    return lines


def run_list(ctx) -> int:
    from sellerdesk import search

    a = ctx.args
    rows = search.list_leads(ctx.db, a.search, stage=a.stage, label=a.label, limit=a.limit)
    if a.json:
        print_json([row.__dict__ for row in rows])
        return 0
    if not rows:
        print("No leads match.")
        return 0
    from sellerdesk.followups.when import day_or_moment

    for row in rows:
        flag = "  [do not contact]" if row.do_not_contact else ""
        print(
            f"{row.username:<24} {STAGES.label(row.stage):<18} "
            f"{(row.display_name or ''):<20} {(row.website or ''):<28} "
            f"{day_or_moment(row.next_followup_at)}{flag}".rstrip()
        )
    return 0
