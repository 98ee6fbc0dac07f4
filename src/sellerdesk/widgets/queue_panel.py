"""The morning queue on the home screen: first replies, overdue, today and the
coming week, with the suggested message one key away.

Its data is loaded in a thread worker after mount (and again after every
action, when the home screen comes back, and each minute so "reply within"
stays true); nothing here imports the database layer at module import.

The cursor belongs to an item, not to a row number: when the queue is read
again the same follow-up stays highlighted wherever it moved, and when it
left the queue the cursor goes to the next one and says so. Because a row
can still move under the cursor a moment before a key lands, a copy asked
for within a second of the rows under the cursor changing is not made: the
seller is told to look again.

The home screen lists as many items per lane as `sellerdesk today` does; the
whole queue is one key further (`QueueScreen`), loading more as it is read.

It shows the queue of the person at the keyboard ("mine": what they are
responsible for and what nobody is) until `t` switches to the whole team's;
the summary says how much is left to the others. Each change carries the
version of the follow-up it was made on (`sellerdesk.stale`).
"""

from __future__ import annotations

import time
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.errors import SellerdeskError
from sellerdesk.followups.lane_size import TODAY_PER_LANE
from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import DeskApp
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import (
    ERROR,
    ERROR_BOLD,
    GOLD,
    GOLD_BOLD,
    LILAC,
    LILAC_BOLD,
    MUTED,
    MUTED_BOLD,
    PRIMARY_BOLD,
    WARNING,
)
from sellerdesk.ui.user_text import plain
from sellerdesk.vocab import STAGES

if TYPE_CHECKING:
    from sellerdesk.followups.items import FirstReply, Queue, QueueItem, QuietLead

# The queue's records, its wording and its prompts are imported when a queue
# is shown or acted on, not before the first frame.

REFRESH_S = 60.0
# A copy asked for this soon after the rows under the cursor changed is not made.
MOVED_GUARD_S = 1.0
# The whole queue (`QueueScreen`) reads this many items a lane at first, and
# as many more each time the reader asks at the end of a lane.
FULL_PAGE = 500

LANE_STYLES = {
    "first_replies": GOLD_BOLD,
    "overdue": ERROR_BOLD,
    "today": PRIMARY_BOLD,
    "upcoming": LILAC_BOLD,
    "no_next_step": MUTED_BOLD,
}


class QueuePanel(Vertical):
    app = getters.app(DeskApp)
    DEFAULT_CSS = """
    QueuePanel {
        height: auto;
    }
    QueuePanel #queue-list {
        height: auto;
        border: none;
        padding: 0;
        background: transparent;
        /* one line an item, cut at the edge: a narrow terminal must not double the rows */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    QueuePanel.-full #queue-list {
        height: 1fr;
    }
    QueuePanel #queue-summary, QueuePanel #queue-targets {
        height: 1;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("c", "copy", "Copy", id="queue-copy"),
        Binding("d", "done", "Done", id="queue-done"),
        Binding("z", "snooze", "Snooze", id="queue-snooze"),
        Binding("r", "reschedule", "Move", id="queue-reschedule"),
        Binding("a", "plan", "Plan", id="queue-plan"),
        Binding("t", "toggle_team", "Mine/team", id="queue-team"),
    ]

    class Shown(Message):
        """The queue was (read and) shown again."""

    class Wrote(Message):
        """Something was recorded for a lead from the queue (a copy, a follow-up
        done, snoozed, moved or planned): whatever lists leads reads them again."""

    def __init__(
        self, *, full: bool = False, team: bool = False, id: str | None = "queue-panel"
    ) -> None:
        super().__init__(id=id, classes="-full" if full else "")
        self.full = full
        # As many as `sellerdesk today` lists; the whole queue starts at a page.
        self.per_lane = FULL_PAGE if full else TODAY_PER_LANE
        self.queue: Queue | None = None
        self.entries: dict[str, FirstReply | QueueItem | QuietLead] = {}
        self.loads = 0  # how many times the queue was shown (tests wait on it)
        # When the rows under the cursor last changed by themselves (monotonic).
        self.moved_at: float | None = None
        self.team = team  # the whole team's queue, rather than the person's own

    def compose(self) -> ComposeResult:
        yield Static("Loading what is due…", id="queue-summary")
        yield OptionList(id="queue-list")
        yield Static("", id="queue-targets")

    def on_mount(self) -> None:
        self.app.when_db_ready(self.reload)
        if isinstance(self.parent, Widget) and self.parent.id == "queue":
            self.parent.border_title = "Morning review"
            self.parent.border_subtitle = "↑ from search · ctrl+t whole queue"
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
        if self.app.db is None:
            return
        settings = self.app.settings
        per_lane = self.per_lane
        team = self.team

        def job(db):
            from sellerdesk.followups import queue

            warm()
            person = None if team else db.author
            return queue.build(db, settings, limit=per_lane, person=person)

        run_db(self, job, self._show, self._load_failed, group="queue", exclusive=True)

    def _load_failed(self, exc: SellerdeskError) -> None:
        summary = self.query_one("#queue-summary", Static)
        summary.update(plain(f"The queue could not be read: {exc}"))

    def _show(self, queue: Queue) -> None:
        self.queue = queue
        options = self.query_one("#queue-list", OptionList)
        keep_id, keep_index = self._highlighted_id(), options.highlighted
        before = self.entries
        self.entries = {}
        rows: list[Option | None] = []
        for lane in (*queue.lanes, queue.no_next_step):
            if lane.key in ("upcoming", "no_next_step") and not lane.count:
                continue
            title = Text(f"{lane.title} ({lane.count})", style=LANE_STYLES[lane.key])
            if lane.key == "no_next_step":
                title.append("  press a to plan one", style=MUTED)
            rows.append(Option(title, id=f"lane:{lane.key}", disabled=True))
            for item in lane.items:
                key = _key(item)
                self.entries[key] = item
                rows.append(Option(_line(item, queue.person), id=key))
            if lane.hidden:
                more = "enter shows more" if self.full else "enter shows the whole queue"
                rows.append(Option(f"  … and {lane.hidden} more ({more})", id=f"more:{lane.key}"))
        # A follow-up done whose lead now has no next step: the cursor follows the
        # lead to the No next step lane, where `a` plans its next one.
        follow = _now_quiet(before.get(keep_id or ""), self.entries)
        with options.prevent(OptionList.OptionHighlighted):
            options.set_options(rows)
            if keep_id is not None and keep_id in self.entries:
                options.highlighted = options.get_option_index(keep_id)
            elif follow is not None:
                options.highlighted = options.get_option_index(follow)
            elif self.entries:
                options.highlighted = _nearest_enabled(options, keep_index)
        self._note_moves(before, keep_id, keep_index)
        self.query_one("#queue-summary", Static).update(_summary(queue))
        self.query_one("#queue-targets", Static).update(f"Targets today: {queue.activity.line()}")
        self.loads += 1
        self.post_message(self.Shown())

    def _note_moves(
        self, before: dict[str, Any], keep_id: str | None, keep_index: int | None
    ) -> None:
        """Remember when the rows under the cursor changed, and say so when the
        highlighted item left the queue."""
        if keep_id is None:
            return
        options = self.query_one("#queue-list", OptionList)
        now_id = self._highlighted_id()
        if (now_id, options.highlighted) != (keep_id, keep_index):
            self.moved_at = time.monotonic()
        gone = before.get(keep_id)
        if gone is None or keep_id in self.entries or not options.has_focus:
            return
        landed = self.entries.get(now_id or "")
        if landed is not None and landed.username == gone.username and _is_quiet(landed):
            self.notify(f"{gone.username} has no next step now — plan one with a.", timeout=6)
            return
        where = f"the cursor is on {landed.username} now" if landed else "nothing else is due"
        still = any(item.username == gone.username for item in self.entries.values())
        what = f"{gone.username}'s follow-up" if still else gone.username
        self.notify(f"{what} left the queue; {where}.", timeout=4)

    def guard_moved(self) -> bool:
        """True (and the seller told) when the rows under the cursor changed a
        moment ago: the key was meant for the row that was there before."""
        if self.moved_at is None or time.monotonic() - self.moved_at > MOVED_GUARD_S:
            return False
        self.moved_at = None
        self.notify(
            "The queue changed under the cursor just now, so nothing was copied. "
            "Check the highlighted line and press c again.",
            severity="warning",
            timeout=6,
        )
        return True

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
        option_id = event.option.id or ""
        if option_id.startswith("more:"):
            self.show_more(option_id.removeprefix("more:"))
            return
        item = self.entries.get(option_id)
        if item is None:
            return
        self.app.open_lead(item.lead_id)

    def show_more(self, lane: str) -> None:
        """The rest of a lane: here, a page more; on the home screen, the whole queue."""
        if self.full:
            self.per_lane += FULL_PAGE
            self.reload()
            return
        self.app.open_whole_queue(lane, team=self.team)

    def action_copy(self) -> None:
        from sellerdesk.followups.items import FirstReply
        from sellerdesk.scripts.registry import first_reply

        if self.guard_moved():
            return
        item = self.current
        if item is None:
            return
        if isinstance(item, FirstReply) and item.project_type is None:
            from sellerdesk.widgets.project_type import ask_project_type

            def chosen(lead) -> None:
                self._copy(first_reply(lead.project_type), item)

            ask_project_type(self.screen, item.lead_id, item.username, chosen)
            return
        self._copy(
            first_reply(item.project_type)
            if isinstance(item, FirstReply)
            else getattr(item, "template", None),
            item,
        )

    def _copy(self, template_id: str | None, item: FirstReply | QueueItem | QuietLead) -> None:
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
            from sellerdesk.ui.copy_flow import copy_message

            copy_message(screen, template, lead, on_done=self._written)

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

            self._snoozed(item, job)

        self.app.push_screen(SnoozeChoice(f"{item.username} — {item.reason}"), chosen)

    def _snooze_days(self, item: QueueItem, days: int) -> None:
        def job(db):
            from sellerdesk.followups import store

            return store.snooze_days(db, item.followup_id, days, expected_version=item)

        self._snoozed(item, job)

    def _snoozed(self, item: QueueItem, job) -> None:
        """Run the snooze and say when it is due now, as stored (a day keeps its time)."""

        def done(followup) -> None:
            from sellerdesk.followups.when import describe

            self.notify(
                f"Snoozed {item.username} to {describe(followup.due_at, followup.has_time)}."
            )
            self._written()

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
        from sellerdesk.widgets.queue_prompts import plan_followup

        item = self.current
        if item is None:
            return
        username = item.username
        plan_followup(self.screen, username, f"Plan a follow-up for {username}", self._write)

    def action_toggle_team(self) -> None:
        self.team = not self.team
        self.notify("The whole team's queue." if self.team else "Your queue.")
        self.reload()

    def _written(self) -> None:
        self.post_message(self.Wrote())
        self.reload()

    def _write(self, job, message: str) -> None:
        def done(_result: Any) -> None:
            self.notify(message)
            self._written()

        def failed(exc: SellerdeskError) -> None:
            # Refused (a teammate got there first): say so, and show what is there now.
            self.notify(str(exc), severity="error", timeout=8)
            self.reload()

        run_db(self, job, done, failed, group="queue-write")


def _now_quiet(gone: Any, entries: dict[str, Any]) -> str | None:
    """The key of `gone`'s lead in the No next step lane, if it is there now."""
    if gone is None:
        return None
    return next(
        (k for k, item in entries.items() if _is_quiet(item) and item.username == gone.username),
        None,
    )


def _is_quiet(item: Any) -> bool:
    from sellerdesk.followups.items import QuietLead

    return isinstance(item, QuietLead)


def _key(item: FirstReply | QueueItem | QuietLead) -> str:
    from sellerdesk.followups.items import FirstReply, QueueItem

    if isinstance(item, QueueItem):
        return f"followup:{item.followup_id}"
    if isinstance(item, FirstReply):
        return f"reply:{item.lead_id}"
    return f"quiet:{item.lead_id}"


def _line(item: FirstReply | QueueItem | QuietLead, person: str | None = None) -> Text:
    from sellerdesk.followups.items import FirstReply, QueueItem
    from sellerdesk.followups.show import due_text, referrer_hint, reply_clock, why_text
    from sellerdesk.people import same
    from sellerdesk.referrals.next_message import paired

    line = Text("  ")
    line.append(f"{item.username:<20}", style="bold")
    if isinstance(item, FirstReply):
        style = ERROR if item.late else GOLD
        line.append(f" {reply_clock(item):<22}", style=style)
        template = _first_reply(item.project_type) if _warmed else None
        if template:
            line.append(f" {template_title(template)}", style=MUTED)
        elif _warmed:
            line.append(" what kind of project? c asks", style=MUTED)
        if item.ask_referrer:
            line.append(f"  {referrer_hint(item)}", style=WARNING)
    elif isinstance(item, QueueItem):
        line.append(f" {due_text(item):<20}")
        line.append(f" {visible(why_text(item))}")
        if item.template and _warmed:
            titles = " + ".join(template_title(t) for t in paired(item.template))
            line.append(f"  → {titles}", style=MUTED)
        if item.assignee and not same(item.assignee, person):
            line.append(f"  @{visible(item.assignee)}", style=LILAC)
    else:
        line.append(f" {STAGES.label(item.stage):<20}")
        line.append(" no follow-up planned" + (" [stale]" if item.stale else ""), style=MUTED)
    return line


_warmed = False


def warm() -> None:
    """Read, off the UI thread, what naming the suggested messages needs (their
    titles, each project type's first reply). Until then the lines are drawn
    without those names: the home screen's first look never waits for them,
    and the read that follows (when the database opens) adds them."""
    global _warmed
    from sellerdesk.scripts.registry import all_scripts
    from sellerdesk.templates.loading import library

    all_scripts()
    with suppress(SellerdeskError):
        library()
    _warmed = True


def _first_reply(project_type: str | None) -> str | None:
    from sellerdesk.scripts.registry import first_reply

    return first_reply(project_type)


def template_title(template_id: str) -> str:
    """What a message is called for people: its title, never its id. One the
    library does not hold is named as missing."""
    from sellerdesk.templates.loading import library

    try:
        found = library().templates.get(template_id)
    except SellerdeskError:
        found = None
    return visible(found.title) if found else f"a missing message ({visible(template_id)})"


def _summary(queue: Queue) -> Text:
    parts = [f"{lane.title} {lane.count}" for lane in queue.lanes]
    text = Text("Team: " if queue.person is None else "Mine: ", style="bold")
    text.append(" · ".join(parts))
    if queue.no_next_step.count:
        text.append(f" · No next step {queue.no_next_step.count}", style=GOLD)
    if queue.stale_count:
        text.append(f" · Stale {queue.stale_count}", style=MUTED)
    if queue.due_for_others:
        text.append(f" · {queue.due_for_others} more due for the team (t)", style=LILAC)
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
