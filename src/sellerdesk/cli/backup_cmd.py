"""`sellerdesk backup [PATH]` and `sellerdesk restore PATH`."""

from __future__ import annotations

from sellerdesk.cli.common import db_option, file_path
from sellerdesk.paths import user_path


def register(subparsers) -> None:
    common = db_option()
    backup = subparsers.add_parser(
        "backup",
        parents=[common],
        help="copy the database (safe while the app is open)",
        description="Take a consistent copy of the database, even while the app is open. "
        "PATH may be a file or a folder; the default is beside the database.",
    )
    backup.add_argument("path", nargs="?", type=file_path, help="where to write the copy")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a backup (checked first; the old one is kept)",
    )
    restore.add_argument("path", type=file_path, help="the backup to restore")
    restore.set_defaults(handler=run_restore)


def _url(ctx) -> str:
    return ctx.db_url


def run_backup(ctx) -> int:
    from sellerdesk.transfer.backup import backup

    target = user_path(ctx.args.path) if ctx.args.path else None
    copy = backup(_url(ctx), target)
    size = copy.size / (1024 * 1024)
    print(f"Backed up {copy.leads:,} lead{'s' if copy.leads != 1 else ''} to {copy.path} "
          f"({size:.1f} MB).")  # fmt: skip
    return 0


def run_restore(ctx) -> int:
    from sellerdesk.db.open import open_database
    from sellerdesk.transfer.backup import restore

    url = _url(ctx)
    done = restore(url, user_path(ctx.args.path))
    # Opening it upgrades a backup made by an older sellerdesk, and proves it opens.
    open_database(url, ctx.settings.author).close()
    print(f"Restored {done.leads:,} lead{'s' if done.leads != 1 else ''} from {done.source}.")
    if done.kept:
        print(f"The database it replaced is kept at {done.kept}.")
    return 0
