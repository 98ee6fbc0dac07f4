"""`sellerdesk report`: every insight figure in the shell, as text or JSON.

The figures are the insight screen's (`sellerdesk.insight.report.build`).
Names that come from the book or from template files (usernames, owners,
template titles) are printed with control characters made visible
(`insight.show`), and the JSON is printed by `cli.common.print_json`, which
escapes them, so nothing stored can reach the terminal as a command.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Any

from sellerdesk.cli.common import db_option, print_json


def register(subparsers) -> None:
    report = subparsers.add_parser(
        "report",
        parents=[db_option()],
        help="how the business is doing: targets, funnel, first replies, messages, orders",
    )
    report.add_argument(
        "--since",
        metavar="DATE",
        default="90d",
        help="first day counted: 2026-09-01, a span back from today (30d, 12w, 6m) "
        "or all (default 90d)",
    )
    report.add_argument("--owner", metavar="NAME", help="only leads owned by NAME")
    report.add_argument(
        "--project-type", metavar="TYPE", help="only leads of this project type (e.g. redesign)"
    )
    report.add_argument(
        "--json", action="store_true", help="print every figure as JSON (docs/report.schema.json)"
    )
    report.set_defaults(handler=run_report)


def run_report(ctx) -> int:
    from sellerdesk.insight import report
    from sellerdesk.insight.scope import Scope, clean_owner, parse_project_type, parse_since

    scope = Scope(
        parse_since(ctx.args.since),
        owner=clean_owner(ctx.args.owner),
        project_type=parse_project_type(ctx.args.project_type),
    )
    told: list[bool] = []

    def progress(done: int, total: int) -> None:
        # Only a long catch-up (the first run on a big book) is worth a word.
        if total > 3 and not told:
            told.append(True)
            print("sellerdesk: summarising the timeline (once, on a first run)…", file=sys.stderr)

    insight = report.build(ctx.db, ctx.settings, scope, progress=progress)
    if ctx.args.json:
        print_json(insight.to_json())
    else:
        print("\n".join(render(insight)))
    return 0


def render(insight) -> list[str]:
    from sellerdesk.insight import show

    funnel, replies, messages = insight.funnel, insight.replies, insight.messages
    orders, targets = insight.orders, insight.targets
    goal = " · ".join(f"{show.TARGET_LABELS[k].lower()} {v}" for k, v in targets.targets.items())
    met = " · ".join(
        f"{show.TARGET_LABELS[k].lower()} {targets.met(k)}/{len(targets.days)}"
        for k in targets.targets
    )
    sections: tuple[tuple[str, Any, list[str]], ...] = (
        (
            f"Daily targets, last {len(targets.days)} days (a day's target: {goal})",
            show.targets_numbers(targets),
            [f"Days on target: {met}"],
        ),
        (
            f"Funnel: {funnel.leads} lead{'s' if funnel.leads != 1 else ''} created in the period",
            show.funnel_numbers(funnel),
            [],
        ),
        (
            f"First replies: {replies.inquiries} Fiverr inbox inquiries created in the period",
            show.replies_numbers(replies),
            [show.rate_line(replies.response_rate)],
        ),
        (
            "Messages copied in the period",
            show.messages_numbers(messages),
            [show.unused_line(messages)],
        ),
        (
            "Orders and referrals",
            show.orders_numbers(orders),
            [show.rewards_line(orders), show.referrers_line(orders)],
        ),
    )
    lines = [f"Report for {show.scope_line(insight.scope)}"]
    for title, numbers, notes in sections:
        lines += ["", title, *_table(numbers)]
        for note in notes:
            lines.extend(
                textwrap.wrap(
                    note,
                    width=100,
                    initial_indent="  ",
                    subsequent_indent="    ",
                    break_on_hyphens=False,
                )
            )
    return lines


def _table(numbers) -> list[str]:
    """Aligned columns: the first to the left, the numbers to the right, the last
    (a title, when it is text) to the left."""
    if not numbers.rows:
        return ["  none"]
    grid = [numbers.columns, *numbers.rows]
    widths = [max(len(row[n]) for row in grid) for n in range(len(numbers.columns))]
    last_is_text = not any(ch.isdigit() for ch in numbers.rows[0][-1][:1])

    def line(row) -> str:
        cells = []
        for n, cell in enumerate(row):
            left = n == 0 or (last_is_text and n == len(row) - 1)
            cells.append(cell.ljust(widths[n]) if left else cell.rjust(widths[n]))
        return ("  " + "  ".join(cells)).rstrip()

    return [line(row) for row in grid]
