"""Which kind of project a new inquiry is, asked when its first reply is about
to be copied and nobody has said yet: each kind has its own approved first
reply (`sellerdesk.scripts.registry.first_reply`), and guessing would send a
redesign pitch to someone who wants a new website.

The answer is saved on the lead (its project type, on the timeline), then the
caller goes on with the first reply of that kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.user_text import plain
from sellerdesk.vocab import PROJECT_TYPES


class ProjectTypeChoice(DeskModal[str | None]):
    """Returns a project type key, or None when cancelled."""

    BINDINGS = [
        *(
            Binding(str(n), f"choose({n})", key, show=False, id=f"project-type-{n}")
            for n, (key, _label) in enumerate(PROJECT_TYPES.items, start=1)
        ),
        Binding("escape", "cancel", "Cancel", id="project-type-cancel"),
    ]

    def __init__(self, username: str) -> None:
        super().__init__()
        self.username = username

    def compose(self) -> ComposeResult:
        lines = "\n".join(
            f"{n}  {label}" for n, (_key, label) in enumerate(PROJECT_TYPES.items, start=1)
        )
        with Vertical(classes="dialog", id="project-type-dialog"):
            yield Static(
                plain(f"What does {self.username} want? Each has its own first reply."),
                classes="dialog-title",
            )
            yield Static(lines)
            yield Static(
                "the number chooses (it is kept on the lead) · escape cancels", classes="hint"
            )

    def action_choose(self, number: int) -> None:
        self.dismiss(PROJECT_TYPES.items[number - 1][0])

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_project_type(
    screen: Screen, lead_id: int, username: str, then: Callable[[Any], Any]
) -> None:
    """Ask which kind of project it is, save it on the lead, then call `then`
    with the lead as saved."""

    def chosen(project_type: str | None) -> None:
        if project_type is None:
            screen.notify("Nothing copied: choose the kind of project to get its first reply.")
            return

        def job(db):
            from sellerdesk.leads import get_lead_by_id, update_lead

            lead = get_lead_by_id(db, lead_id)
            return update_lead(
                db, lead.username, expected_version=lead.version, project_type=project_type
            )

        run_db(screen, job, then, lambda exc: screen.notify(str(exc), severity="error"))

    screen.app.push_screen(ProjectTypeChoice(username), chosen)
