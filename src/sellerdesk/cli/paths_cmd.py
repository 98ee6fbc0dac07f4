"""`sellerdesk paths`: where everything lives."""

from __future__ import annotations

from sellerdesk import paths


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "paths", help="print where the database, settings and templates are"
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(ctx) -> int:
    url = ctx.db_url
    db_file = paths.sqlite_path(url)
    backups = paths.backups_of(db_file) if db_file is not None else []
    found = {
        "database": paths.shown_url(url),
        "newest backup": str(backups[0]) if backups else "none (one is kept before each upgrade)",
        "settings": str(paths.settings_file()),
        "user templates": str(paths.user_templates_dir()),
        "shipped templates": str(paths.shipped_templates_dir()),
    }
    if ctx.args.json:
        from sellerdesk.cli.common import print_json

        print_json(found)
        return 0
    width = max(len(key) for key in found)
    for key, value in found.items():
        print(f"{key:<{width}}  {value}")
    return 0
