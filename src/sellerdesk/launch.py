"""Starting the app from the command line (imported only when the app is launched)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sellerdesk.paths import resolve_db_url


def run_app(db: str | None = None, demo: bool = False) -> int:
    """Run the app until the user quits; returns the process exit code.

    With `demo`, the app opens a throwaway database in a temporary folder, filled
    with sample leads, and deletes it afterwards; the user's own file is never opened.
    """
    from sellerdesk.app import SellerdeskApp

    if not demo:
        app = SellerdeskApp(resolve_db_url(db))
        app.run()
        return app.return_code or 0
    folder = Path(tempfile.mkdtemp(prefix="sellerdesk-demo-"))
    try:
        app = SellerdeskApp(f"sqlite:///{folder / 'demo.sqlite3'}", demo=True)
        app.run()
        return app.return_code or 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)
