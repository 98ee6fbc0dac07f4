"""Starting the app from the command line (imported only when the app is launched)."""

from __future__ import annotations

from sellerdesk.paths import resolve_db_url


def make_app(db: str | None):
    """The app on the user's database: `--db`, SELLERDESK_DB, the settings' team
    database or the own file (it reads its first data once drawn; on a server
    a forked child starts reading it now, see `sellerdesk.early_look`)."""
    from sellerdesk.config import load_settings
    from sellerdesk.early_look import start
    from sellerdesk.people import current

    settings = load_settings()
    url = resolve_db_url(db, settings.team.database)
    # Before the UI is imported: the child must not copy it, nor wait for it.
    early = start(url, settings, current(settings))
    from sellerdesk.app import SellerdeskApp

    return SellerdeskApp(url, settings, early=early)


def run_app(db: str | None = None, demo: bool = False) -> int:
    """Run the app until the user quits; returns the process exit code.

    With `demo`, the app opens a throwaway database in a temporary folder, filled
    with sample leads, and deletes it afterwards; the user's own file is never opened.
    """
    if not demo:
        app = make_app(db)
        app.run()
        return app.return_code or 0
    import shutil
    import tempfile
    from pathlib import Path

    from sellerdesk.app import SellerdeskApp

    folder = Path(tempfile.mkdtemp(prefix="sellerdesk-demo-"))
    try:
        app = SellerdeskApp(f"sqlite:///{folder / 'demo.sqlite3'}", demo=True)
        app.run()
        return app.return_code or 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)
