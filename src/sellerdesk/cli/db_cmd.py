"""`sellerdesk db copy --to URL | --from URL [--merge]`: moving a lead book
between databases, e.g. from the seller's own file to the team's server."""

from __future__ import annotations

import sys

from sellerdesk.cli.common import db_option


def register(subparsers) -> None:
    db = subparsers.add_parser("db", help="move the lead book to another database")
    sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    copy = sub.add_parser(
        "copy",
        parents=[db_option()],
        help="copy every lead, timeline entry, follow-up, order and referral to or from "
        "another database",
    )
    where = copy.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--to", metavar="PATH_OR_URL", help="copy this book there (e.g. the team's server)"
    )
    where.add_argument("--from", dest="source", metavar="PATH_OR_URL", help="copy that book here")
    copy.add_argument(
        "--merge",
        action="store_true",
        help="copy into a book that has leads already; the same username is the same lead",
    )
    copy.set_defaults(handler=run_copy)


def run_copy(ctx) -> int:
    from sellerdesk.db.open import open_database
    from sellerdesk.errors import NotFound
    from sellerdesk.paths import resolve_db_url, shown_url, sqlite_path
    from sellerdesk.transfer.book_copy import copy_book

    here = ctx.db_url
    there = resolve_db_url(ctx.args.to or ctx.args.source)
    source_url, target_url = (here, there) if ctx.args.to else (there, here)
    source_file = sqlite_path(source_url)
    if source_file is not None and not source_file.is_file():
        # Opening it would make an empty book there: a mistyped path copies nothing.
        raise NotFound(f"There is no lead book at {source_file}; nothing was copied.")
    author = ctx.settings.author
    source = open_database(source_url, author)
    try:
        target = open_database(target_url, author)
        try:
            print(
                f"sellerdesk: copying {shown_url(source_url)} → {shown_url(target_url)} …",
                file=sys.stderr,
            )
            done = copy_book(source, target, merge=ctx.args.merge)
        finally:
            target.close()
    finally:
        source.close()
    print(f"Copied into {shown_url(target_url)}:")
    width = max(len(tally.name) for tally in done.tallies)
    for tally in done.tallies:
        line = f"  {tally.name:<{width}}  {tally.copied:>9,}"
        if tally.already:
            line += f"   ({tally.already:,} {_already(tally.name)})"
        print(line)
    print("Every table was counted in the target afterwards and holds what was copied.")
    return 0


def _already(name: str) -> str:
    if name == "leads":
        return "already there by username: merged"
    return "already there: kept as they were"
