"""`sellerdesk followup add|done|snooze|list`."""

from __future__ import annotations

from sellerdesk.cli.common import db_option

WHEN_HELP = "when: 2w, 3d, 4h, tomorrow, fri, next monday, 2026-12-01, optionally with a time"


def register(subparsers) -> None:
    common = db_option()
    followup = subparsers.add_parser("followup", help="plan, complete and snooze follow-ups")
    sub = followup.add_subparsers(dest="followup_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", parents=[common], help="plan a follow-up on a lead")
    add.add_argument("username")
    add.add_argument("when", nargs="+", help=WHEN_HELP)
    add.add_argument("--reason", default="", help="why (shown in the queue)")
    add.add_argument("--template", help="suggested message template id, e.g. followup.offer_day3")
    add.add_argument(
        "--to", dest="assignee", metavar="PERSON", help="who does it (default: the lead's owner)"
    )
    add.set_defaults(handler=run_add)

    done = sub.add_parser("done", parents=[common], help="mark the lead's earliest follow-up done")
    done.add_argument("username")
    done.set_defaults(handler=run_done)

    snooze = sub.add_parser("snooze", parents=[common], help="put the earliest follow-up off")
    snooze.add_argument("username")
    snooze.add_argument("when", nargs="+", help=WHEN_HELP)
    snooze.set_defaults(handler=run_snooze)

    lst = sub.add_parser("list", parents=[common], help="a lead's follow-ups")
    lst.add_argument("username")
    lst.add_argument("--all", action="store_true", help="include done and cancelled ones")
    lst.set_defaults(handler=run_list)


def run_add(ctx) -> int:
    from sellerdesk.followups import store

    a = ctx.args
    made = store.add(
        ctx.db,
        a.username,
        " ".join(a.when),
        reason=a.reason,
        template=a.template,
        assignee=a.assignee,
    )
    whose = f", for {made.assignee}" if _someone_else(ctx, made.assignee) else ""
    print(f"Follow-up planned for {a.username.lstrip('@')}: {_when(made)}{whose}.")
    return 0


def run_done(ctx) -> int:
    from sellerdesk.followups import store

    made = store.done(ctx.db, ctx.args.username)
    what = f" ({made.reason})" if made.reason else ""
    print(f"Done: {ctx.args.username.lstrip('@')}'s follow-up of {_when(made)}{what}.")
    return 0


def run_snooze(ctx) -> int:
    from sellerdesk.followups import store

    a = ctx.args
    made = store.snooze(ctx.db, a.username, " ".join(a.when))
    print(f"Snoozed {a.username.lstrip('@')}'s follow-up to {_when(made)}.")
    return 0


def run_list(ctx) -> int:
    from sellerdesk import leads
    from sellerdesk.followups import store

    lead = leads.get_lead(ctx.db, ctx.args.username)
    found = store.for_lead(ctx.db, lead.id, include_closed=ctx.args.all)
    if not found:
        print(f"{lead.username} has no follow-up planned.")
        return 0
    for item in found:
        template = f"  → {item.template}" if item.template else ""
        whose = f"  @{item.assignee}" if _someone_else(ctx, item.assignee) else ""
        print(
            f"  #{item.id:<6} {_when(item):<22} {item.status:<10} {item.reason}{template}{whose}"
        )
    return 0


def _when(item) -> str:
    from sellerdesk.followups.when import describe

    return describe(item.due_at, item.has_time)


def _someone_else(ctx, person: str | None) -> bool:
    """A follow-up is named for someone other than whoever runs the command."""
    from sellerdesk.people import current, same

    return bool(person) and not same(person, current(ctx.settings))
