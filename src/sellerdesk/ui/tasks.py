"""Running database work off the UI thread and handing plain results back.

Screens never touch a Session: they pass a function of the open `Database`
(usually a `sellerdesk.leads` call) and get its plain result on the UI thread.
A result from a cancelled worker (a newer search replaced it) is dropped.

A result is handed over only to a node that can take it: one still being
composed gets it once it is (the hand-over queues behind its own start-up),
and one that was closed or is being removed never gets it (an error meant
for it is still shown, as a notification).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.widget import Widget
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
                lambda: hand_over(
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
                app.call_from_thread(hand_over, node, on_error, exc, _notify_error(app))
            return
        except Exception as exc:  # shown plainly; the app keeps running
            app.log.error(repr(exc))
            message = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            error = SellerdeskError(f"That did not work: {message}")
            app.call_from_thread(hand_over, node, on_error, error, _notify_error(app))
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(hand_over, node, done, result)

    return node.run_worker(work, thread=True, group=group, exclusive=exclusive)


def hand_over(
    node: DOMNode,
    deliver: Callable[[T], Any],
    value: T,
    orphaned: Callable[[T], Any] | None = None,
) -> None:
    """Call `deliver(value)` on the UI thread once `node` is composed; never after it
    was closed or while it is being removed (then `orphaned(value)`, if given)."""
    if not _alive(node):
        if orphaned is not None:
            orphaned(value)
        return
    if isinstance(node, Widget) and not node.is_mounted:
        # Attached but still composing: a message to the node itself is handled only
        # after its compose and mount, and is dropped if it closes first.
        queued = node.call_after_refresh(hand_over, node, deliver, value, orphaned)
        if not queued and orphaned is not None:
            orphaned(value)
        return
    deliver(value)


def _alive(node: DOMNode) -> bool:
    """Attached to the app and neither closing nor being removed (itself or its screen)."""
    if not node.is_attached:
        return False
    return not any(
        getattr(n, flag, False)
        for n in (node, *node.ancestors)
        for flag in ("_closing", "_closed", "_pruning")
    )


def _notify_error(node: DOMNode) -> Callable[[SellerdeskError], None]:
    def show(exc: SellerdeskError) -> None:
        node.app.notify(str(exc), severity="error", timeout=8)

    return show
