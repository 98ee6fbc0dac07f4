"""The small dialogs behind the queue panel's keys: how long to snooze, and a
typed due date (checked as it is submitted, so a bad one is never saved);
and planning a follow-up, the same from the queue and from the lead screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from sellerdesk.errors import SellerdeskError
from sellerdesk.followups import when as when_
from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain

TYPED = "typed"


class SnoozeChoice(DeskModal[int | str | None]):
    """Returns a number of days, TYPED to type a date, or None when cancelled."""

    BINDINGS = [
        Binding("1", "choose(1)", "+1 day", id="snooze-1d"),
        Binding("3", "choose(3)", "+3 days", id="snooze-3d"),
        Binding("w,7", "choose(7)", "+1 week", id="snooze-1w"),
        Binding("t", "typed", "Type a date", id="snooze-typed"),
        Binding("escape", "cancel", "Cancel", id="snooze-cancel"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="snooze-dialog"):
            yield Static(plain(f"Snooze: {self.what}"), classes="dialog-title")
            yield Static("1  one day\n3  three days\nw  one week\nt  type a date")
            yield Static("escape cancels", classes="hint")

    def action_choose(self, days: int) -> None:
        self.dismiss(days)

    def action_typed(self) -> None:
        self.dismiss(TYPED)

    def action_cancel(self) -> None:
        self.dismiss(None)


class WhenPrompt(DeskModal[tuple[when_.When, str] | None]):
    """Asks for a due date (and, when planning a new follow-up, a reason).

    Returns (when, reason) or None when cancelled.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="when-cancel")]

    def __init__(self, title: str, *, ask_reason: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.ask_reason = ask_reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="when-dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Input(placeholder="When? e.g. 3d, fri 15:00, next monday", id="when-input")
            if self.ask_reason:
                yield Input(placeholder="Why? e.g. asked to be called back", id="when-reason")
            yield Static("", id="when-error", classes="error")
            yield Static(f"Accepted: {when_.ACCEPTED}.", classes="hint")
            yield Static("enter saves · escape cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#when-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "when-input" and self.ask_reason:
            self.query_one("#when-reason", Input).focus()
            return
        self.save()

    def save(self) -> None:
        typed = self.query_one("#when-input", Input).value
        error = self.query_one("#when-error", Static)
        try:
            chosen = when_.parse(typed)
        except SellerdeskError as exc:
            error.update(plain(exc))
            error.add_class("shown")
            self.query_one("#when-input", Input).focus()
            return
        reason = self.query_one("#when-reason", Input).value if self.ask_reason else ""
        self.dismiss((chosen, reason.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


def plan_followup(
    screen: Screen, username: str, title: str, write: Callable[[Any, str], Any]
) -> None:
    """Ask when (and why), then `write(job, message)`: the caller runs the job
    (adding the follow-up) its own way and shows the message when it is saved."""

    def answered(answer: tuple[when_.When, str] | None) -> None:
        if answer is None:
            return
        when, reason = answer

        def job(db):
            from sellerdesk.followups import store

            return store.add(db, username, when, reason=reason)

        write(job, f"Follow-up planned for {username}: {when.describe()}.")

    screen.app.push_screen(WhenPrompt(title, ask_reason=True), answered)
