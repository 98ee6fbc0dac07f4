"""Running database work off the UI thread and handing plain results back.

Screens never touch a Session: they pass a function of the open `Database`
(usually a `sellerdesk.leads` call) and get its plain result on the UI thread.
A result from a cancelled worker (a newer search replaced it) is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.worker import Worker, get_current_worker

from sellerdesk.errors import SellerdeskError

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from sellerdesk.db.engine import Database

T = TypeVar("T")

NOT_OPEN = "The database is still opening; try again in a moment."


def run_db(
    node: DOMNode,
    job: Callable[[Database], T],
    done: Callable[[T], Any],
    failed: Callable[[SellerdeskError], Any] | None = None,
    *,
    group: str = "db",
    exclusive: bool = False,
) -> Worker[None] | None:
    """Run `job(db)` in a thread; call `done(result)` or `failed(error)` on the UI thread.

    Errors a user can act on go to `failed` (default: a notification). Anything
    else is shown as one plain sentence too, never as a traceback. Asked while
    the database is still opening (someone typing as the app starts), the job
    waits for it.
    """
    app = node.app
    on_error = failed or _notify_error(node)
    db = getattr(app, "db", None)
    if db is None:
        when_ready = getattr(app, "when_db_ready", None)
        if when_ready is not None and getattr(app, "db_problem", None) is None:
            when_ready(
                lambda: _if_attached(
                    node,
                    lambda _: run_db(node, job, done, failed, group=group, exclusive=exclusive),
                    None,
                )
            )
        else:
            on_error(SellerdeskError(getattr(app, "db_problem", None) or NOT_OPEN))
        return None

    def work() -> None:
        try:
            result = job(db)
        except SellerdeskError as exc:
            if not get_current_worker().is_cancelled:
                app.call_from_thread(on_error, exc)
            return
        except Exception as exc:  # shown plainly; the app keeps running
            app.log.error(repr(exc))
            message = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            app.call_from_thread(on_error, SellerdeskError(f"That did not work: {message}"))
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(_if_attached, node, done, result)

    return node.run_worker(work, thread=True, group=group, exclusive=exclusive)


def _if_attached(node: DOMNode, done: Callable[[T], Any], result: T) -> None:
    # Checked on the UI thread: a screen closed while its job ran (a dialog
    # dismissed, then another lead opened) must not be updated after removal.
    if node.is_attached:
        done(result)


def _notify_error(node: DOMNode) -> Callable[[SellerdeskError], None]:
    def show(exc: SellerdeskError) -> None:
        node.app.notify(str(exc), severity="error", timeout=8)

    return show
