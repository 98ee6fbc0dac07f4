"""The whole morning queue on one screen: every lane, every item, the same
order as `sellerdesk today`, with the same keys as the panel on the home
screen. A long lane reads a page at a time; its last line loads the next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList

from sellerdesk.ui.desk import DeskScreen
from sellerdesk.widgets.queue_panel import QueuePanel

HELP = (
    "Everything that is due, lane by lane, in the order `sellerdesk today` prints it. "
    "The cursor stays on its item when the queue is read again (each minute and after "
    "every change); if that item left, the cursor moves to the next one and says so. "
    "A copy asked for within a second of the rows moving under the cursor is not made: "
    "look again, then press c. The last line of a long lane loads more."
)


class QueueScreen(DeskScreen):
    HELP = HELP
    BINDINGS = [Binding("escape,backspace", "back", "Back", id="queue-screen-back")]

    def __init__(self, lane: str | None = None, *, team: bool = False) -> None:
        super().__init__()
        self.lane = lane
        self.team = team
        self._placed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="queue-full"):
            yield QueuePanel(full=True, team=self.team, id="queue-full-panel")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Whole queue"
        self.query_one("#queue-list", OptionList).focus()

    def on_queue_panel_shown(self, _message: QueuePanel.Shown) -> None:
        """Once, at the first showing: start at the first item the home screen
        could not list in the lane asked for."""
        if self._placed or self.lane is None:
            return
        self._placed = True
        options = self.query_one("#queue-list", OptionList)
        try:
            start = options.get_option_index(f"lane:{self.lane}")
        except Exception:
            return
        from sellerdesk.followups.lane_size import TODAY_PER_LANE

        target = min(start + TODAY_PER_LANE + 1, options.option_count - 1)
        if not options.get_option_at_index(target).disabled:
            options.highlighted = target

    def action_back(self) -> None:
        self.dismiss()
