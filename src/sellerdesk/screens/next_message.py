"""After a copy, the message that goes with it, one key away: the referral
ask's ready-to-forward text, or "Who referred you to us?" after a first reply
to a client who came by referral (`sellerdesk.referrals.next_message`)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from sellerdesk.records import Lead
from sellerdesk.screens.tasks import run_db
from sellerdesk.widgets.user_text import plain


class NextMessageScreen(ModalScreen[bool]):
    """Enter copies the next message; escape leaves it."""

    BINDINGS = [
        Binding("enter", "copy", "Copy it", id="next-message-copy", priority=True),
        Binding("escape", "skip", "Not now", id="next-message-skip"),
    ]

    def __init__(self, title: str, why: str) -> None:
        super().__init__()
        self.title_text = title
        self.why = why

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="next-message"):
            yield Static(plain(f"Next: {self.title_text}"), classes="dialog-title")
            yield Static(plain(self.why))
            yield Static(
                "Paste the first message in the chat, then press enter to copy this one · "
                "escape: not now",
                classes="hint",
            )
        yield Footer(show_command_palette=False)

    def action_copy(self) -> None:
        self.dismiss(True)

    def action_skip(self) -> None:
        self.dismiss(False)


def offer_next(screen: Screen, template_id: str, before: Lead | None, on_done: Any) -> None:
    """Offer the message that goes with `template_id`, if one does."""
    from sellerdesk.referrals.next_message import after_copy
    from sellerdesk.templates.loading import library

    found = after_copy(template_id, before)
    template = library().templates.get(found.template) if found else None
    if found is None or template is None or before is None:
        return
    app = screen.app
    lead_id = before.id

    def chosen(go: bool | None) -> None:
        if not go:
            return

        def job(db):
            from sellerdesk.leads import get_lead_by_id

            return get_lead_by_id(db, lead_id)

        def loaded(lead: Lead) -> None:
            from sellerdesk.screens.templates import copy_message

            copy_message(screen, template, lead, on_done)

        run_db(screen, job, loaded, group="copy-next")

    app.push_screen(NextMessageScreen(template.title, found.why), chosen)
