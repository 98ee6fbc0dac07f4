"""The take-back key: the copy just made was not sent after all. The domain
(`sellerdesk.takeback`) puts back what it moved; the screen on show is read
again so it shows the lead as it is now."""

from __future__ import annotations

from typing import Any

from sellerdesk.errors import SellerdeskError
from sellerdesk.ui.desk import DeskApp
from sellerdesk.ui.tasks import run_db


def take_back_last(app: DeskApp) -> None:
    event = app.last_copy
    if event is None:
        app.notify("Nothing to take back: no message was copied here yet.", timeout=4)
        return
    screen = app.screen

    def job(db):
        from sellerdesk.takeback import take_back

        return take_back(db, event_id=event.id)

    def done(result) -> None:
        app.last_copy = None
        app.notify(result.sentence(), timeout=8, markup=False)
        _reload(app.screen)

    def failed(exc: SellerdeskError) -> None:
        app.notify(str(exc), severity="error", timeout=8, markup=False)

    run_db(screen, job, done, failed, group="take-back")


def _reload(screen: Any) -> None:
    """Read the screen on show again (each kind has its own way)."""
    for name in ("reload", "load", "reload_lead"):
        method = getattr(screen, name, None)
        if callable(method):
            method()
            return
    for panel in screen.query("QueuePanel"):
        panel.reload()
