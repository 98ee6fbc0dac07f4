"""`sellerdesk week`: the weekly review (seed 003) in the shell."""

from __future__ import annotations

from sellerdesk.cli.common import db_option, print_json


def register(subparsers) -> None:
    week = subparsers.add_parser(
        "week",
        parents=[db_option()],
        help="the weekly review: outcomes not noted, missed follow-ups, gaps in records",
        description="Seed 003: weekly check-ins to ensure data integrity and follow-up "
        "completion. Each row names its lead (sellerdesk lead show USERNAME).",
    )
    week.add_argument("--json", action="store_true", help="print the review as JSON")
    week.add_argument("--limit", type=int, default=50, help="at most this many rows a section")
    week.set_defaults(handler=run_week)


def run_week(ctx) -> int:
    from sellerdesk.weekly import review

    result = review(ctx.db, limit=max(1, ctx.args.limit))
    if ctx.args.json:
        print_json(result.to_json())
        return 0
    print(f"Weekly review, {result.first_day} to {result.last_day}")
    for section in result.sections:
        print()
        print(f"{section.title}: {section.count}")
        if not section.count:
            print("  nothing")
            continue
        for row in section.rows:
            print(f"  {row.username:<24} {row.detail}")
        if section.hidden:
            print(f"  … and {section.hidden} more")
        print(f"  → {section.hint}")
    return 0
