"""The sellerdesk app: a lead book in the terminal.

The first frame is drawn before the database layer is imported. The database
is opened (and migrated if needed) in a thread worker after mount; screens ask
for data through `sellerdesk.screens.tasks.run_db` and get plain records back.
Launched from the command line, the home screen's first data is read in
parallel by a forked process (`sellerdesk.prefetch`) and shown before the
database is open here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from sellerdesk.commands import LeadCommands
from sellerdesk.config import Settings, load_settings
from sellerdesk.errors import SellerdeskError
from sellerdesk.screens.home import HomeScreen

if TYPE_CHECKING:
    from sellerdesk.db.engine import Database
    from sellerdesk.prefetch import Prefetch


class SellerdeskApp(App[int]):
    TITLE = "sellerdesk"
    # Absolute, so that a subclass defined elsewhere (a benchmark, a test) finds it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {LeadCommands}
    COMMAND_PALETTE_DISPLAY = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1,question_mark", "help", "Help", id="help"),
        Binding("f3", "settings", "Settings", id="settings"),
        Binding("f4", "referrals", "Referrals", id="referrals"),
        Binding("ctrl+p", "command_palette", "Jump", id="palette", priority=True),
    ]

    def __init__(
        self,
        db_url: str,
        settings: Settings | None = None,
        *,
        demo: bool = False,
        prefetch: Prefetch | None = None,
    ):
        super().__init__()
        self.db_url = db_url
        self._prefetch = prefetch
        self._drawn = threading.Event()
        self.settings = settings if settings is not None else load_settings()
        self.demo = demo
        self.db: Database | None = None
        self.db_problem: str | None = None
        self._waiting: list[Callable[[], Any]] = []
        if demo:
            self.sub_title = "demo — sample leads, nothing is kept"

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def on_mount(self) -> None:
        for problem in self.settings.problems:
            self.notify(f"Settings: {problem}", severity="warning", timeout=10)
        if self._prefetch is not None:
            # Waiting on the pipe holds no lock: the UI draws meanwhile.
            self.run_worker(self._receive_prefetch, thread=True, group="open", exit_on_error=False)

    def on_ready(self) -> None:
        # The first frame is on screen. Filling it, or importing the database
        # layer in a thread, must not come before that.
        self._drawn.set()
        if self._prefetch is None:
            self._start_opening()

    def _start_opening(self) -> None:
        self.run_worker(self._open_database, thread=True, group="open", exit_on_error=False)

    def _receive_prefetch(self) -> None:
        assert self._prefetch is not None
        raw = self._prefetch.receive()
        self._drawn.wait()  # also released if the app closes before its first frame
        try:
            # Unpacked on the UI thread, in one go: from this thread it would trade
            # the interpreter lock with the UI many times over for the same work.
            self.call_from_thread(self._prefetched, raw)
        except RuntimeError:
            pass  # the app is no longer running: nothing to fill
        finally:
            self._prefetch.reap()

    def _prefetched(self, raw: bytes) -> None:
        from sellerdesk.prefetch import decode

        data = decode(raw)
        home = self.screen_stack[0] if self.screen_stack else None
        if data is not None and isinstance(home, HomeScreen):
            home.show_home_data(data)
        self.call_after_refresh(self._start_opening)

    # ------------------------------------------------------------ database

    def _open_database(self) -> None:
        try:
            from sellerdesk.db.open import open_database

            db = open_database(self.db_url, self.settings.author)
            if self.demo:
                from sellerdesk.demo import fill_demo

                fill_demo(db)
        except SellerdeskError as exc:
            self.call_from_thread(self._database_failed, str(exc))
            return
        except Exception as exc:
            from sellerdesk.db.engine import where

            detail = (str(getattr(exc, "orig", None) or exc).splitlines() or [repr(exc)])[0]
            shown = where(self.db_url)
            self.call_from_thread(
                self._database_failed, f"Cannot open the database at {shown}: {detail}."
            )
            return
        self.call_from_thread(self._database_ready, db)

    def _database_ready(self, db: Database) -> None:
        self.db = db
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

    def _database_failed(self, message: str) -> None:
        from sellerdesk.screens.problem import ProblemScreen

        self.db_problem = message
        self._waiting.clear()
        self.push_screen(ProblemScreen(message, self.db_url))

    def when_db_ready(self, callback: Callable[[], Any]) -> None:
        """Call `callback` now if the database is open, else as soon as it is."""
        if self.db is not None:
            callback()
        elif self.db_problem is None:
            self._waiting.append(callback)

    def on_unmount(self) -> None:
        self._drawn.set()  # a reader still waiting for the first frame must not wait forever
        if self.db is not None:
            self.db.close()

    # ------------------------------------------------------------ navigation

    def open_lead(self, lead_id: int) -> None:
        from sellerdesk.screens.lead import LeadScreen

        # One lead at a time, always over the home screen: back always goes home.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LeadScreen(lead_id))

    def action_new_lead(self) -> None:
        from sellerdesk.screens.lead_form import LeadFormScreen

        def saved(lead_id: int | None) -> None:
            if lead_id is not None:
                self.open_lead(lead_id)

        self.push_screen(LeadFormScreen(), saved)

    def action_settings(self) -> None:
        from sellerdesk.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_referrals(self) -> None:
        from sellerdesk.screens.referrals import ReferralsScreen

        if not isinstance(self.screen, ReferralsScreen):
            self.push_screen(ReferralsScreen())

    def action_help(self) -> None:
        from sellerdesk.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
