"""Asking "Who referred you to us?" for a lead, and recording the answer."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.errors import SellerdeskError
from sellerdesk.ui.desk import DeskModal, desk
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.user_text import plain

MAX_MATCHES = 8


class ReferredByScreen(DeskModal[str | None]):
    """Ask "Who referred you to us?": pick an existing lead or type a username."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="referred-by-cancel"),
        Binding("down", "to_matches", "Matches", show=False, id="referred-by-down"),
    ]

    def __init__(self, username: str) -> None:
        super().__init__()
        self.username = username

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="referred-by"):
            yield Static(f"Who referred {self.username}?", classes="dialog-title")
            yield Input(placeholder="Referrer's Fiverr username", id="referred-by-input")
            yield OptionList(id="referred-by-matches")
            yield Static("", id="referred-by-error", classes="error")
            yield Static(
                "type to find a lead · down picks from the list · enter records · "
                "a username not in the book is added as a past client",
                classes="hint",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        text = event.value.strip().lstrip("@")
        matches = self.query_one(OptionList)
        if len(text) < 2:
            matches.clear_options()
            return
        me = self.username.lower()

        def job(db):
            from sellerdesk.search import list_leads

            return [
                r for r in list_leads(db, text, limit=MAX_MATCHES + 1) if r.username.lower() != me
            ]

        def show(rows) -> None:
            matches.clear_options()
            for row in rows[:MAX_MATCHES]:
                label = row.username + (f" — {row.display_name}" if row.display_name else "")
                matches.add_option(Option(plain(label), id=row.username))

        run_db(self, job, show, group="referred-by-search", exclusive=True)

    def action_to_matches(self) -> None:
        matches = self.query_one(OptionList)
        if matches.option_count:
            matches.focus()
            matches.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from sellerdesk.checks import clean_username
        from sellerdesk.errors import Invalid

        try:
            name = clean_username(event.value)
        except Invalid as exc:
            self._error(str(exc))
            return
        if name.lower() == self.username.lower():
            self._error(f"{self.username} cannot refer themselves.")
            return
        self.dismiss(name)

    def _error(self, message: str) -> None:
        error = self.query_one("#referred-by-error", Static)
        error.update(plain(message))
        error.add_class("shown")

    def action_cancel(self) -> None:
        self.dismiss(None)


def record_referred_by(screen: Screen, username: str, on_done: Any = None) -> None:
    """Ask who referred `username`, record it, and say what changed."""
    app = desk(screen)

    def chosen(referrer: str | None) -> None:
        if referrer is None:
            return

        def job(db):
            from sellerdesk.referrals.recording import record_referral

            return record_referral(db, username, referrer, settings=app.settings)

        def done(got) -> None:
            r = got.referral
            added = f" {r.referrer} was added as a past client." if got.created_referrer else ""
            app.notify(
                f"{r.referred}: referred by {r.referrer}; label Referral and note added.{added}",
                timeout=6,
            )
            if on_done is not None:
                on_done()

        def failed(exc: SellerdeskError) -> None:
            app.notify(str(exc), severity="error", timeout=10)

        run_db(screen, job, done, failed, group="referral-write")

    app.push_screen(ReferredByScreen(username), chosen)
