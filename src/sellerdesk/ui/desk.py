"""The app as screens and widgets see it.

`DeskApp` declares what they may ask of the app: the settings, the database
once it is open (or why it could not be), waiting for it, opening a lead or
the whole queue, adding a lead by its username, remembering the last copy for
the take-back key and its text for `v`. `sellerdesk.app.SellerdeskApp`
is its one implementation; screens and widgets sit below it and never import
it. `DeskScreen` and `DeskModal` give every screen a typed `self.app`; a
widget that needs the app declares `app = getters.app(DeskApp)` the same way,
and code handed a plain `Screen` asks `desk(screen)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual import getters
from textual.app import App
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from sellerdesk.config import Settings
    from sellerdesk.db.engine import Database
    from sellerdesk.records import Event

ResultT = TypeVar("ResultT")


class DeskApp(App[int]):
    """What screens and widgets may ask of the app (see `SellerdeskApp`)."""

    settings: Settings
    db: Database | None
    """The open database; None while it is opening, or when it could not be opened."""
    db_problem: str | None
    """Why the database could not be opened, in one sentence; None otherwise."""
    last_copy: Event | None
    """The latest copy made here, for the take-back key."""
    last_copied_text: tuple[str, str] | None
    """(title, text) of the last message put on a clipboard, for `v`."""

    def when_db_ready(self, callback: Callable[[], Any]) -> None:
        """Call `callback` now if the database is open, else as soon as it is."""
        raise NotImplementedError

    def open_lead(self, lead_id: int) -> None:
        """Show the lead's screen over the home screen."""
        raise NotImplementedError

    def remember_copy(self, event: Event) -> None:
        """Keep `event` (a copy just recorded) for the take-back key."""
        raise NotImplementedError

    def remember_copied_text(self, title: str, text: str) -> None:
        """Keep the text just put on a clipboard, for `v` (show the last copy)."""
        raise NotImplementedError

    def add_lead_and_open(self, username: str) -> None:
        """Add a lead by its username alone and open it (or open the one that has it)."""
        raise NotImplementedError

    def action_new_lead(self, username: str = "") -> None:
        """The full form for a new lead, its username filled in with `username`."""
        raise NotImplementedError

    def open_whole_queue(self, lane: str | None = None, *, team: bool = False) -> None:
        """Show the whole queue (at `lane`'s first item the home screen could not list),
        the person's own or, with `team`, the whole team's."""
        raise NotImplementedError


class DeskScreen(Screen[ResultT]):
    """A screen of the app, with `self.app` typed as `DeskApp`."""

    app = getters.app(DeskApp)


class DeskModal(ModalScreen[ResultT]):
    """A dialog of the app, with `self.app` typed as `DeskApp`."""

    app = getters.app(DeskApp)


class _InApp(Protocol):
    @property
    def app(self) -> App[Any]: ...


def desk(node: _InApp) -> DeskApp:
    """The app `node` belongs to, typed: for code handed a plain `Screen`, a
    widget or a command palette provider."""
    return cast(DeskApp, node.app)
