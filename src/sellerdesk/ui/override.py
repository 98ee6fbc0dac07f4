"""The dialog that passes a refused rule on purpose: it shows the rule book's
sentence and asks why. Escape leaves the rule standing (nothing is copied or
moved); a reason passes it, and the reason goes on the lead's timeline with
the rule and who passed it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from sellerdesk.ui.prompts import TextPromptScreen


class OverrideScreen(TextPromptScreen):
    """The one-line reason prompt, over the rule book's sentence."""

    def __init__(self, title: str, sentence: str, what: str = "copy it anyway") -> None:
        super().__init__(
            f"Refused: {title}",
            f"{sentence}\n\nTo {what} on purpose, say why (it goes on the lead's timeline):",
            placeholder="e.g. scope agreed in an earlier chat",
            required="A reason is needed: nothing passes a rule silently.",
        )
        self.sentence = sentence


def ask_override(
    screen: Screen,
    title: str,
    sentence: str,
    passed: Callable[[str], Any],
    what: str = "copy it anyway",
) -> None:
    """Show a refusal and ask for a reason to pass it; `passed(reason)` if one is given,
    else the refusal stays (and is said once more, so the seller knows nothing went)."""
    app = screen.app

    def answered(reason: str | None) -> None:
        if reason:
            passed(reason)
        else:
            app.notify(f"Not done. {sentence}", severity="warning", timeout=8, markup=False)

    app.push_screen(OverrideScreen(title, sentence, what), answered)
