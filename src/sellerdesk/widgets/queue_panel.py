"""The morning queue on the home screen: first replies, overdue, today and the
coming week, with the suggested message one key away.

Its data is loaded in a thread worker after mount (and again after every
action, when the home screen comes back, and each minute so "reply within"
stays true); nothing here imports the database layer at module import.

It shows the queue of the person at the keyboard ("mine": what they are
responsible for and what nobody is) until `t` switches to the whole team's;
the summary says how much is left to the others. Each change carries the
version of the follow-up it was made on (`sellerdesk.stale`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.errors import SellerdeskError
from sellerdesk.safe_text import visible
from sellerdesk.screens.tasks import run_db
from sellerdesk.vocab import STAGES
from sellerdesk.widgets.user_text import plain

if TYPE_CHECKING:
    from sellerdesk.followups.items import FirstReply, Queue, QueueItem, QuietLead

# The queue's records, its wording and its prompts are imported when a queue
# is shown or acted on, not before the first frame.

FIRST_REPLY_TEMPLATE = "redesign.first_reply"
REFRESH_S = 60.0

LANE_STYLES = {
    "first_replies": "bold #e6c384",
    "overdue": "bold #e46876",
    "today": "bold #7fb4ca",
    "upcoming": "bold #938aa9",
    "no_next_step": "bold #727169",
}


class QueuePanel(Vertical):
    DEFAULT_CSS = """
    QueuePanel {
        height: auto;
    }
    QueuePanel #queue-list {
        height: auto;
        max-height: 8;
        border: none;
        padding: 0;
        background: transparent;
    }
    QueuePanel #queue-summary, QueuePanel #queue-targets {
        height: 1;
        color: #727169;
    }
    """

    BINDINGS = [
        Binding("c", "copy", "Copy message", id="queue-copy"),
        Binding("d", "done", "Done", id="queue-done"),
        Binding("z", "snooze", "Snooze", id="queue-snooze"),
        Binding("r", "reschedule", "Reschedule", id="queue-reschedule"),
        Binding("a", "plan", "Plan follow-up", id="queue-plan"),
        Binding("t", "toggle_team", "Mine / team", id="queue-team"),
    ]

    def __init__(self, *, id: str | None = "queue-panel") -> None:
        super().__init__(id=id)
        self.queue: Queue | None = None
        self.entries: dict[str, FirstReply | QueueItem | QuietLead] = {}
        self.loads = 0  # how many times the queue was shown (tests wait on it)
        self.team = False  # the whole team's queue, rather than the person's own

    def compose(self) -> ComposeResult:
        yield Static("Loading what is due…", id="queue-summary")
        yield OptionList(id="queue-list")
        yield Static("", id="queue-targets")

    def on_mount(self) -> None:
        when_ready = getattr(self.app, "when_db_ready", None)
        if when_ready is not None:
            when_ready(self.reload)
        else:
            self.reload()
        if self.parent is not None and self.parent.id == "queue":
            self.parent.border_title = "Morning review"
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self.set_interval(REFRESH_S, self.reload)

    def _screen_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.reload()

    # ------------------------------------------------------------ loading

    def show_queue(self, queue: Queue) -> None:
        """Show a queue read elsewhere (the home screen's first look, before the
        database was open); the database reads it again once open."""
        self._show(queue)

    def reload(self) -> None:
        if getattr(self.app, "db", None) is None:
            return
        settings = getattr(self.app, "settings", None)
        team = self.team

        def job(db):
            from sellerdesk.followups import queue
            from sellerdesk.followups.items import PANEL_PER_LANE

            person = None if team else db.author
            return queue.build(db, settings, limit=PANEL_PER_LANE, person=person)

        run_db(self, job, self._show, self._load_failed, group="queue", exclusive=True)

    def _load_failed(self, exc: SellerdeskError) -> None:
        summary = self.query_one("#queue-summary", Static)
        summary.update(plain(f"The queue could not be read: {exc}"))

    def _show(self, queue: Queue) -> None:
        self.queue = queue
        options = self.query_one("#queue-list", OptionList)
        keep_id, keep_index = self._highlighted_id(), options.highlighted
        self.entries = {}
        rows: list[Option | None] = []
        for lane in (*queue.lanes, queue.no_next_step):
            if lane.key in ("upcoming", "no_next_step") and not lane.count:
                continue
            title = Text(f"{lane.title} ({lane.count})", style=LANE_STYLES[lane.key])
            if lane.key == "no_next_step":
                title.append("  press a to plan one", style="#727169")
            rows.append(Option(title, id=f"lane:{lane.key}", disabled=True))
            for item in lane.items:
                key = _key(item)
                self.entries[key] = item
                rows.append(Option(_line(item, queue.person), id=key))
            if lane.hidden:
                rows.append(Option(f"  … and {lane.hidden} more", disabled=True))
        with options.prevent(OptionList.OptionHighlighted):
            options.set_options(rows)
            if keep_id is not None and keep_id in self.entries:
                options.highlighted = options.get_option_index(keep_id)
            elif self.entries:
                options.highlighted = _nearest_enabled(options, keep_index)
        self.query_one("#queue-summary", Static).update(_summary(queue))
        self.query_one("#queue-targets", Static).update(f"Targets today: {queue.activity.line()}")
        self.loads += 1

    # ------------------------------------------------------------ what is highlighted

    def _highlighted_id(self) -> str | None:
        options = self.query_one("#queue-list", OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    @property
    def current(self) -> FirstReply | QueueItem | QuietLead | None:
        key = self._highlighted_id()
        return self.entries.get(key) if key else None

    def _current_followup(self) -> QueueItem | None:
        from sellerdesk.followups.items import QueueItem

        item = self.current
        if isinstance(item, QueueItem):
            return item
        if item is not None:
            self.notify("That line is a lead, not a follow-up: press a to plan one.")
        return None

    # ------------------------------------------------------------ actions

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.entries.get(event.option.id or "")
        if item is None:
            return
        open_lead = getattr(self.app, "open_lead", None)
        if open_lead is not None:
            open_lead(item.lead_id)

    def action_copy(self) -> None:
        from sellerdesk.followups.items import FirstReply

        item = self.current
        if item is None:
            return
        template_id = (
            FIRST_REPLY_TEMPLATE
            if isinstance(item, FirstReply)
            else getattr(item, "template", None)
        )
        if not template_id:
            self.notify(
                f"No message is suggested for {item.username}; press enter to open the lead.",
                severity="warning",
            )
            return
        from sellerdesk.templates.loading import library

        try:
            template = library().get(template_id)
        except SellerdeskError as exc:
            self.notify(str(exc), severity="error")
            return
        except KeyError:
            self.notify(f"The template {template_id} is missing.", severity="error")
            return
        lead_id = item.lead_id
        screen = self.screen

        def job(db):
            from sellerdesk.leads import get_lead_by_id

            return get_lead_by_id(db, lead_id)

        def loaded(lead) -> None:
            from sellerdesk.screens.templates import copy_message

            copy_message(screen, template, lead, on_done=self.reload)

        run_db(self, job, loaded, group="queue-copy")

    def action_done(self) -> None:
        item = self._current_followup()
        if item is None:
            return

        def job(db):
            from sellerdesk.followups import store

            return store.done(db, followup_id=item.followup_id, expected_version=item)

        self._write(job, f"Done: {item.username} — {item.reason or 'follow-up'}.")

    def action_snooze(self) -> None:
        from sellerdesk.widgets.queue_prompts import TYPED, SnoozeChoice, WhenPrompt

        item = self._current_followup()
        if item is None:
            return

        def chosen(choice: int | str | None) -> None:
            if choice is None:
                return
            if choice == TYPED:
                self.app.push_screen(WhenPrompt(f"Snooze {item.username} until…"), typed)
                return
            self._snooze_days(item, int(choice))

        def typed(answer) -> None:
            if answer is None:
                return
            when, _ = answer

            def job(db):
                from sellerdesk.followups import store

                return store.snooze(
                    db, when_text=when, followup_id=item.followup_id, expected_version=item
                )

            self._write(job, f"Snoozed {item.username} to {when.describe()}.")

        self.app.push_screen(SnoozeChoice(f"{item.username} — {item.reason}"), chosen)

    def _snooze_days(self, item: QueueItem, days: int) -> None:
        def job(db):
            from sellerdesk.followups import store

            return store.snooze_days(db, item.followup_id, days, expected_version=item)

        def done(followup) -> None:
            from sellerdesk.followups.when import describe

            self.notify(
                f"Snoozed {item.username} to {describe(followup.due_at, followup.has_time)}."
            )
            self.reload()

        def failed(exc: SellerdeskError) -> None:
            self.notify(str(exc), severity="error", timeout=8)
            self.reload()

        run_db(self, job, done, failed, group="queue-write")

    def action_reschedule(self) -> None:
        from sellerdesk.widgets.queue_prompts import WhenPrompt

        item = self._current_followup()
        if item is None:
            return

        def answered(answer) -> None:
            if answer is None:
                return
            when, _ = answer

            def job(db):
                from sellerdesk.followups import store

                return store.reschedule(db, item.followup_id, when, expected_version=item)

            self._write(job, f"Moved {item.username}'s follow-up to {when.describe()}.")

        self.app.push_screen(WhenPrompt(f"Move {item.username}'s follow-up to…"), answered)

    def action_plan(self) -> None:
        from sellerdesk.widgets.queue_prompts import WhenPrompt

        item = self.current
        if item is None:
            return
        username = item.username

        def answered(answer) -> None:
            if answer is None:
                return
            when, reason = answer

            def job(db):
                from sellerdesk.followups import store

                return store.add(db, username, when, reason=reason)

            self._write(job, f"Follow-up planned for {username}: {when.describe()}.")

        self.app.push_screen(
            WhenPrompt(f"Plan a follow-up for {username}", ask_reason=True), answered
        )

    def action_toggle_team(self) -> None:
        self.team = not self.team
        self.notify("The whole team's queue." if self.team else "Your queue.")
        self.reload()

    def _write(self, job, message: str) -> None:
        def done(_result: Any) -> None:
            self.notify(message)
            self.reload()

        def failed(exc: SellerdeskError) -> None:
            # Refused (a teammate got there first): say so, and show what is there now.
            self.notify(str(exc), severity="error", timeout=8)
            self.reload()

        run_db(self, job, done, failed, group="queue-write")


def _key(item: FirstReply | QueueItem | QuietLead) -> str:
    from sellerdesk.followups.items import FirstReply, QueueItem

    if isinstance(item, QueueItem):
        return f"followup:{item.followup_id}"
    if isinstance(item, FirstReply):
        return f"reply:{item.lead_id}"
    return f"quiet:{item.lead_id}"


def _line(item: FirstReply | QueueItem | QuietLead, person: str | None = None) -> Text:
    from sellerdesk.followups.items import FirstReply, QueueItem
    from sellerdesk.followups.show import due_text, reply_clock, why_text
    from sellerdesk.people import same

    line = Text("  ")
    line.append(f"{item.username:<22}", style="bold")
    if isinstance(item, FirstReply):
        style = "#e46876" if item.late else "#e6c384"
        line.append(f" {reply_clock(item):<24}", style=style)
        line.append(f" {FIRST_REPLY_TEMPLATE}", style="#727169")
    elif isinstance(item, QueueItem):
        line.append(f" {due_text(item):<22}")
        line.append(f" {visible(why_text(item))}")
        if item.template:
            line.append(f"  → {visible(item.template)}", style="#727169")
        if item.assignee and not same(item.assignee, person):
            line.append(f"  @{visible(item.assignee)}", style="#938aa9")
    else:
        line.append(f" {STAGES.label(item.stage):<22}")
        line.append(" no follow-up planned" + (" [stale]" if item.stale else ""), style="#727169")
    return line


def _summary(queue: Queue) -> Text:
    parts = [f"{lane.title} {lane.count}" for lane in queue.lanes]
    text = Text("Team: " if queue.person is None else "Mine: ", style="bold")
    text.append(" · ".join(parts))
    if queue.no_next_step.count:
        text.append(f" · No next step {queue.no_next_step.count}", style="#e6c384")
    if queue.stale_count:
        text.append(f" · Stale {queue.stale_count}", style="#727169")
    if queue.due_for_others:
        text.append(f" · {queue.due_for_others} more due for the team (t)", style="#938aa9")
    return text


def _nearest_enabled(options: OptionList, index: int | None) -> int | None:
    count = options.option_count
    if not count:
        return None
    start = min(index or 0, count - 1)
    for candidate in (*range(start, count), *range(start - 1, -1, -1)):
        if not options.get_option_at_index(candidate).disabled:
            return candidate
    return None
