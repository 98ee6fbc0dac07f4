"""`sellerdesk today`: the morning review in the shell, without opening the app."""

from __future__ import annotations

from sellerdesk.cli.common import db_option, whole_number
from sellerdesk.followups.lane_size import TODAY_PER_LANE


def register(subparsers) -> None:
    today = subparsers.add_parser(
        "today",
        parents=[db_option()],
        help="what is due: first replies, overdue, today, the coming week",
    )
    today.add_argument("--json", action="store_true", help="print the queue as JSON")
    today.add_argument(
        "--limit",
        type=whole_number(1, 10_000),
        default=TODAY_PER_LANE,
        help=f"at most this many lines per lane (default {TODAY_PER_LANE})",
    )
    whose = today.add_mutually_exclusive_group()
    whose.add_argument(
        "--mine",
        dest="team",
        action="store_false",
        help="what you are responsible for, and what nobody is (the default)",
    )
    whose.add_argument(
        "--team", dest="team", action="store_true", help="what is due for the whole team"
    )
    today.set_defaults(handler=run_today, team=False)


def run_today(ctx) -> int:
    from sellerdesk.people import current

    limit = max(1, ctx.args.limit)
    person = None if ctx.args.team else current(ctx.settings)
    result = _read_plain(ctx, limit, person)
    if result is None:
        from sellerdesk.followups import queue

        result = queue.build(ctx.db, ctx.settings, limit=limit, person=person)
    if ctx.args.json:
        from sellerdesk.cli.common import print_json

        print_json(result.to_json())
    else:
        print("\n".join(render(result)))
    return 0


def _read_plain(ctx, limit: int, person: str | None):
    """The queue read through sqlite3 (psycopg on a server) with the SQL generated from the queue's
    statements, without importing SQLAlchemy (`sellerdesk.prefetch`); None to
    read it the ordinary way (another database, one to create or migrate, or
    anything that went wrong, which the ordinary way then explains)."""
    from sellerdesk import prefetch
    from sellerdesk.followups import lanes

    settings = ctx.settings
    try:
        return prefetch.replay_url(
            ctx.db_url,
            lambda reader: lanes.assemble(reader, settings, limit=limit, person=person),
        )
    except Exception:
        return None


def render(result) -> list[str]:
    from sellerdesk.followups.show import (
        due_text,
        messages_text,
        referrer_hint,
        reply_clock,
        why_text,
    )
    from sellerdesk.people import same
    from sellerdesk.vocab import STAGES

    lines = [f"Morning review for {result.day}"]
    for lane in result.lanes:
        lines.append("")
        lines.append(f"{lane.title}: {lane.count}")
        if not lane.items:
            lines.append("  nothing")
        for item in lane.items:
            if lane.key == "first_replies":
                stale = "  [stale]" if item.stale else ""
                ask = f"  {referrer_hint(item)}" if item.ask_referrer else ""
                lines.append(
                    f"  {item.username:<24} {item.name:<24} {reply_clock(item)}{stale}{ask}"
                )
                continue
            template = f"  → {messages_text(item.template)}" if item.template else ""
            for_whom = "" if same(item.assignee, result.person) else f"  @{item.assignee}"
            lines.append(
                f"  {item.username:<24} {due_text(item):<22} "
                f"{STAGES.label(item.stage):<18} {why_text(item)}{template}"
                f"{for_whom if item.assignee else ''}"
            )
        if lane.hidden:
            lines.append(f"  … and {lane.hidden} more")
    lines.append("")
    quiet = result.no_next_step.count
    if quiet:
        lines.append(
            f"No next step: {quiet} open lead{'s' if quiet != 1 else ''} with no follow-up "
            "planned (sellerdesk followup add USERNAME WHEN)"
        )
        lines.extend(f"  {lead.username}" for lead in result.no_next_step.items[:10])
    else:
        lines.append("No next step: 0 (every open lead has a follow-up planned)")
    if result.stale_count:
        lines.append(f"Stale: {result.stale_count} open lead(s) sat too long in one stage")
    lines.append(f"Targets today: {result.activity.line()}")
    if result.due_for_others:
        lines.append(
            f"For the rest of the team: {result.due_for_others} more due "
            "(sellerdesk today --team)"
        )
    return lines
