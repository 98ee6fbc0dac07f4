"""After a copy, the message that goes with it, one key away: the referral
ask's ready-to-forward text, or "Who referred you to us?" after a first reply
to a client who came by referral (`sellerdesk.referrals.next_message`). The
copy flow offers it (`sellerdesk.ui.copy_flow.offer_next`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain


class NextMessageScreen(DeskModal[bool]):
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
