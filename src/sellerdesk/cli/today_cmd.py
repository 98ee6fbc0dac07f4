"""`sellerdesk today`: the morning review in the shell, without opening the app."""

from __future__ import annotations

import sys

from sellerdesk.cli.common import db_option, whole_number
from sellerdesk.followups.items import TODAY_PER_LANE


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
    today.set_defaults(handler=run_today)


def run_today(ctx) -> int:
    limit = max(1, ctx.args.limit)
    result = _replayed(ctx, limit)
    through_sqlalchemy = result is None
    if result is None:
        from sellerdesk.followups import queue

        result = queue.build(ctx.db, ctx.settings, limit=limit)
    if ctx.args.json:
        from sellerdesk.cli.common import print_json

        print_json(result.to_json())
    else:
        print("\n".join(render(result)))
    if through_sqlalchemy and ctx.db.is_sqlite:
        sys.stdout.flush()  # the answer first; keeping statements is for next time
        _keep_statements()
    return 0


def _replayed(ctx, limit: int):
    """The queue read through statements kept by an earlier run, without
    importing SQLAlchemy; None to read it the ordinary way."""
    from sellerdesk import prefetch
    from sellerdesk.followups import lanes
    from sellerdesk.paths import resolve_db_url, sqlite_path

    path = sqlite_path(resolve_db_url(ctx.args.db))
    if path is None or not path.is_file():
        return None
    settings = ctx.settings
    try:
        return prefetch.replay(path, lambda reader: lanes.assemble(reader, settings, limit=limit))
    except Exception:
        return None


def _keep_statements() -> None:
    from sellerdesk import prefetch
    from sellerdesk.db.statements import load_compiled

    try:
        if load_compiled(prefetch.statements_file()) is None:
            prefetch.keep_statements()
    except OSError:
        pass  # a read-only data folder: the next run reads the ordinary way again


def render(result) -> list[str]:
    from sellerdesk.followups.show import due_text, reply_clock, why_text
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
                lines.append(f"  {item.username:<24} {item.name:<24} {reply_clock(item)}{stale}")
                continue
            template = f"  → {item.template}" if item.template else ""
            lines.append(
                f"  {item.username:<24} {due_text(item):<22} "
                f"{STAGES.label(item.stage):<11} {why_text(item)}{template}"
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
    return lines
