"""The sellerdesk app: a lead book in the terminal.

The first frame is drawn before the database layer is imported. Right after
it, a thread worker reads the home screen's first data through the standard
library's sqlite3 (`sellerdesk.prefetch`), shows it, and only then opens the
database (migrating it if needed), which reads the screen again the ordinary
way. Screens ask for data through `sellerdesk.ui.tasks.run_db` and get
plain records back; what they may ask of the app itself is declared by
`sellerdesk.ui.desk.DeskApp`. While it is open, changes others make to the
book are heard (`sellerdesk.live`) and each open screen with a
`book_changed` method reads again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import OptionList, Static

from sellerdesk.commands import LeadCommands
from sellerdesk.config import Settings, load_settings
from sellerdesk.errors import SellerdeskError
from sellerdesk.safe_text import visible
from sellerdesk.screens.home import HomeScreen
from sellerdesk.ui import theme
from sellerdesk.ui.desk import DeskApp
from sellerdesk.ui.key_order import OrderedKeys

if TYPE_CHECKING:
    from sellerdesk.db.engine import Database
    from sellerdesk.early_look import EarlyLook
    from sellerdesk.prefetch import HomeData
    from sellerdesk.records import Event


class SellerdeskApp(OrderedKeys, DeskApp):
    TITLE = "sellerdesk"
    # Absolute, so that a subclass defined elsewhere (a benchmark, a test) finds it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {LeadCommands}
    COMMAND_PALETTE_DISPLAY = "ctrl+p"
    # The daily backup starts this long after the database is open, so the copy
    # never competes with filling the first screen.
    DAILY_BACKUP_AFTER_S = 5.0
    # Others' changes arriving together are shown together, this long after the first.
    LIVE_COALESCE_S = 0.25
    # After each screen's own keys in the footer, most used first.
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Jump", id="palette", priority=True),
        Binding("f1,question_mark", "help", "Help", id="help"),
        Binding("f3", "settings", "Settings", id="settings"),
        Binding("f4", "referrals", "Referrals", id="referrals"),
        # Out of the footer (it is full at 80 columns); listed by `?` and the palette.
        Binding("f5", "insight", "Insight", id="insight", show=False),
        Binding("f6", "import_leads", "Import leads", id="import", show=False),
        Binding("f7", "week", "Weekly review", id="week", show=False),
        Binding("u", "take_back", "Take back the last copy", id="take-back", show=False),
        # Wherever a copy's message says "press v": the text of the last copy.
        Binding("v", "show_last_copy", "Show the last copy", id="show-last-copy", show=False),
        # Listed by help (f1): at 80 columns the footer has better uses for the room.
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, show=False),
    ]
    # Whether the tones of the theme in use are on the console's theme stack.
    _tones_pushed = False

    def __init__(
        self,
        db_url: str,
        settings: Settings | None = None,
        *,
        demo: bool = False,
        early: EarlyLook | None = None,
    ):
        super().__init__()
        for each in theme.load_themes():
            self.register_theme(each)
        self._start_in_theme(theme.DARK)
        self.db_url = db_url
        self.settings = settings if settings is not None else load_settings()
        self.demo = demo
        self._early = early  # the first look being read by a forked child (a server)
        self.db: Database | None = None
        self.db_problem: str | None = None
        self._waiting: list[Callable[[], Any]] = []
        self.last_copy = None
        self.last_copied_text = None
        self._stop_watching = threading.Event()
        self._change_timer: Timer | None = None
        self.live_changes = 0  # how many times others' changes were shown (tests wait on it)
        if demo:
            self.sub_title = "demo — sample leads, nothing is kept"

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    # ------------------------------------------------------------ theme

    def _start_in_theme(self, name: str) -> None:
        """Start in `name` as if it were Textual's default theme. Assigning
        `self.theme` here would have Textual parse every stylesheet a second
        time right after the first (its watcher refreshes the CSS), delaying
        the first frame. Nothing is parsed or drawn yet: the stylesheet only
        needs the theme's variables, and the app its theme classes."""
        self.set_reactive(SellerdeskApp.theme, name)
        # Textual took the default theme's variables when it made the stylesheet;
        # nothing is parsed yet, so giving it this theme's costs nothing.
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        self.set_class(True, f"-theme-{name}", update=False)
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Textual's own themes lack this app's variables: take them from their colours.
        return theme.fallback_variables(self.current_theme)

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        # Text coloured in Python names tones; they follow the variables of the theme in use.
        if self._tones_pushed:
            self.console.pop_theme()
        self.console.push_theme(theme.rich_theme(variables))
        self._tones_pushed = True
        return variables

    def _redraw_text(self, _theme: Theme) -> None:
        """A Rich Text took its tones' colours when it was given to a Static or
        an option list: give it again, so it takes the new theme's. (Markup and
        Rich tables are drawn afresh each time; they follow on their own.)"""
        for screen in self.screen_stack:
            for static in screen.query(Static):
                if isinstance(static.content, Text):
                    static.update(static.content)
            for options in screen.query(OptionList):
                for index in range(options.option_count):
                    prompt = options.get_option_at_index(index).prompt
                    options.replace_option_prompt_at_index(index, prompt)

    # ------------------------------------------------------------ user text

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: what it quotes (a name, a note, an
        error about either) is shown as written, never read as markup or sent to
        the terminal as a control, whatever `markup` a caller passes."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        # A lead's name or a template's title is often the sub-title.
        return super().format_title(visible(title), visible(sub_title))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # Pasted text arrives with whatever controls it held: an input would
            # draw them raw. They are made visible before any input holds them.
            event = events.Paste(visible(event.text))
        await super().on_event(event)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._redraw_text)
        for problem in self.settings.problems:
            self.notify(f"Settings: {problem}", severity="warning", timeout=10)

    def on_ready(self) -> None:
        # The first frame is on screen. Filling it, or importing the database
        # layer in a thread, must not come before that.
        self.run_worker(self._first_look, thread=True, group="open", exit_on_error=False)

    def _first_look(self) -> None:
        """In a thread: the home screen's first data without SQLAlchemy where
        the database allows it (`sellerdesk.prefetch`), then the database."""
        data = self._early_data() if self._early is not None else self._read_first_look()
        if data is None:
            self._open_database()
            return
        # A RuntimeError here means the app is no longer running: nothing to fill.
        with suppress(RuntimeError):
            self.call_from_thread(self._show_first_look, data)

    def _read_first_look(self) -> HomeData | None:
        from sellerdesk.people import current
        from sellerdesk.prefetch import first_look

        # The queue panel opens on the person's own queue ("mine").
        return first_look(self.db_url, self.settings, current(self.settings))

    def _early_data(self) -> HomeData | None:
        assert self._early is not None
        try:
            # Kept on the app meanwhile: closing the app stops the child (on_unmount).
            return self._early.result()
        except Exception:
            return None  # the ordinary path reads it, and explains any error

    def _show_first_look(self, data: HomeData) -> None:
        home = self.screen_stack[0] if self.screen_stack else None
        if isinstance(home, HomeScreen):
            home.show_home_data(data)
        # Opening the database imports SQLAlchemy, which would hold the
        # interpreter lock the UI needs to draw what was just shown.
        self.call_after_refresh(self._start_opening)

    def _start_opening(self) -> None:
        self.run_worker(self._open_database, thread=True, group="open", exit_on_error=False)

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
        if not self.demo:
            from sellerdesk.prefetch import remove_leftovers

            remove_leftovers()
        self.call_from_thread(self._database_ready, db)

    def _database_ready(self, db: Database) -> None:
        self.db = db
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
        self._start_watching(db)
        if self.settings.backups.automatic and not self.demo:
            if self.DAILY_BACKUP_AFTER_S > 0:
                self.set_timer(self.DAILY_BACKUP_AFTER_S, self._start_daily_backup)
            else:
                self.call_after_refresh(self._start_daily_backup)

    def _start_daily_backup(self) -> None:
        self.run_worker(self._daily_backup, thread=True, group="backup", exit_on_error=False)

    def _daily_backup(self) -> None:
        from sellerdesk.transfer.backup import daily

        try:
            made = daily(self.db_url, self.settings.backups.keep)
        except Exception as exc:  # a full disk must not take the app down
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            message = f"Today's automatic backup failed: {detail}"
            self.call_from_thread(self.notify, message, severity="warning", markup=False)
            return
        if made is not None:
            self.log.info(f"daily backup written to {made}")

    def _database_failed(self, message: str) -> None:
        from sellerdesk.screens.problem import ProblemScreen

        self.db_problem = message
        self._waiting.clear()
        self.push_screen(ProblemScreen(message, self.db_url))

    def retry_opening(self) -> None:
        """Open the database again after it failed (the problem screen's r)."""
        from sellerdesk.screens.problem import ProblemScreen

        if not isinstance(self.screen, ProblemScreen):
            return
        self.pop_screen()
        self.db_problem = None
        # What waited for the database was dropped when it failed: once open,
        # every screen reads again, as after a teammate's change.
        self._waiting.append(self._read_again)
        self.run_worker(self._open_database, thread=True, group="open", exit_on_error=False)

    def when_db_ready(self, callback: Callable[[], Any]) -> None:
        """Call `callback` now if the database is open, else as soon as it is."""
        if self.db is not None:
            callback()
        elif self.db_problem is None:
            self._waiting.append(callback)

    def on_unmount(self) -> None:
        self._stop_watching.set()
        if self._early is not None:  # a child still reading is stopped; else nothing to do
            self._early.discard()
        if self.db is not None:
            self.db.close()

    # ------------------------------------------------------------ others' changes

    def _start_watching(self, db: Database) -> None:
        """Hear teammates' (and other windows') changes while the app is open.

        A thread of its own rather than a worker: it never finishes, and the
        app's workers are what "busy" means (tests wait for them)."""

        def watch() -> None:
            from sellerdesk.live import watch

            with suppress(Exception):  # an app that cannot listen still works
                watch(db, self._heard_change, self._stop_watching)

        threading.Thread(target=watch, name="sellerdesk-live", daemon=True).start()

    def _heard_change(self) -> None:
        # In the watcher's thread, which may hear one last change as the app closes.
        loop = self._loop
        if self._stop_watching.is_set() or loop is None or not loop.is_running():
            return
        with suppress(RuntimeError):  # it closed in between
            self.call_from_thread(self._book_changed)

    def _book_changed(self) -> None:
        """Someone else changed the book: every screen open shows it, a burst of
        changes at most once per `LIVE_COALESCE_S`. Each screen keeps its own
        place (the highlighted lead, what is typed in a dialog)."""
        if self._change_timer is not None:
            return

        def refresh() -> None:
            self._change_timer = None
            self.live_changes += 1
            self._read_again()

        self._change_timer = self.set_timer(self.LIVE_COALESCE_S, refresh)

    def _read_again(self) -> None:
        for screen in self.screen_stack:
            react = getattr(screen, "book_changed", None)
            if react is not None and screen.is_attached:
                react()

    # ------------------------------------------------------------ navigation

    def open_lead(self, lead_id: int) -> None:
        from sellerdesk.screens.lead import LeadScreen

        # One lead at a time, always over the home screen: back always goes home.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LeadScreen(lead_id))

    def action_new_lead(self, username: str = "") -> None:
        from sellerdesk.screens.lead_form import LeadFormScreen

        def saved(lead_id: int | None) -> None:
            if lead_id is not None:
                self.open_lead(lead_id)

        self.push_screen(LeadFormScreen(username=username), saved)

    def add_lead_and_open(self, username: str) -> None:
        """Add a lead by its username alone (a new inquiry, mid-chat) and open
        it; one already in the book is opened instead."""
        from sellerdesk.ui.tasks import run_db

        def job(db):
            from sellerdesk.leads import add_lead, find_lead

            found = find_lead(db, username)
            return (found, False) if found is not None else (add_lead(db, username), True)

        def done(result) -> None:
            lead, added = result
            if added:
                self.notify(f"Added {lead.username}. c copies the first reply.", timeout=4)
            self.open_lead(lead.id)

        run_db(self.screen, job, done, group="add-lead")

    def action_whole_queue(self) -> None:
        from sellerdesk.widgets.queue_panel import QueuePanel

        # The same queue as the one on the screen: the person's own, or the team's.
        shown = self.screen.query(QueuePanel)
        self.open_whole_queue(team=bool(shown) and shown.first().team)

    def open_whole_queue(self, lane: str | None = None, *, team: bool = False) -> None:
        from sellerdesk.screens.queue import QueueScreen

        if not isinstance(self.screen, QueueScreen):
            self.push_screen(QueueScreen(lane, team=team))

    def action_settings(self) -> None:
        from sellerdesk.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_referrals(self) -> None:
        from sellerdesk.screens.referrals import ReferralsScreen

        if not isinstance(self.screen, ReferralsScreen):
            self.push_screen(ReferralsScreen())

    def action_import_leads(self) -> None:
        from sellerdesk.screens.import_leads import ImportScreen

        if not isinstance(self.screen, ImportScreen):
            self.push_screen(ImportScreen())

    def remember_copy(self, event: Event) -> None:
        self.last_copy = event

    def action_take_back(self) -> None:
        from sellerdesk.screens.take_back import take_back_last

        take_back_last(self)

    def action_insight(self) -> None:
        from sellerdesk.screens.insight import InsightScreen

        if not isinstance(self.screen, InsightScreen):
            self.push_screen(InsightScreen())

    def action_week(self) -> None:
        from sellerdesk.screens.week import WeekScreen

        if not isinstance(self.screen, WeekScreen):
            self.push_screen(WeekScreen())

    def remember_copied_text(self, title: str, text: str) -> None:
        self.last_copied_text = (title, text)

    def action_show_last_copy(self) -> None:
        from sellerdesk.ui.show_text import ShowTextScreen

        if self.last_copied_text is None:
            self.notify("Nothing was copied since sellerdesk started.", timeout=3)
            return
        if not isinstance(self.screen, ShowTextScreen):
            title, text = self.last_copied_text
            self.push_screen(ShowTextScreen(title, text, "The last text copied."))

    def action_help(self) -> None:
        from sellerdesk.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
