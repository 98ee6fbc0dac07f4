"""The home screen: the follow-up queue's place, and the lead book with search.

Search runs as you type, debounced; each search has a generation number and
only the newest one's rows reach the list. The list shows one page and asks
for the next when the reader gets near its end. A lead whose username is
exactly what was typed comes first; when nobody has that username, the last
row offers to add it (enter), so a new inquiry is in the book in one key. A
pasted Fiverr link is turned into the username it names.

Focus starts in the search box, where the screen's instruction points:
printable keys type there, ↑ goes to the queue and ↓ to the list, and the
footer shows only keys that work where the focus is. The queue and the list
share the height so that both stay usable from 80×24 up.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from sellerdesk.checks import as_username
from sellerdesk.prefetch import COUNT_CAP, PAGE_SIZE
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.user_text import plain
from sellerdesk.vocab import COMMON_LABELS, STAGES
from sellerdesk.widgets.data_first_footer import DataFirstFooter
from sellerdesk.widgets.filter_choice import FilterChoice
from sellerdesk.widgets.lead_list import LeadList
from sellerdesk.widgets.queue_panel import QueuePanel
from sellerdesk.widgets.username_box import link_to_username

DEBOUNCE_S = 0.18
# Lines the home screen spends on other things than the queue's list and the
# lead list: header, queue border and its two lines, search, count, list
# header, footer.
FIXED_LINES = 9
# The queue's share of what is left; the lead list keeps the rest.
QUEUE_SHARE = 0.42

HELP = (
    "Live chat: type (or paste) the client's Fiverr username or inbox link in the search "
    "box. Enter opens the highlighted lead; when nobody has that username, the last line "
    "adds them as a new lead and opens it. ↓ goes to the list, ↑ to the morning review "
    "above it, escape back to the search box (and clears it). In the morning review, c "
    "copies the suggested message for the highlighted line (a first reply asks which kind "
    "of project it is, once), d marks a follow-up done, z snoozes it, r moves it, a plans "
    "one. Away from the search box, s filters the list by stage and l by label: the "
    "choice opens at once (type to jump, enter picks, escape cancels); escape on this screen "
    "clears the search and both filters. ctrl+t shows the whole queue. ctrl+p jumps to any "
    "lead from any screen."
)


class SearchBox(Input):
    BINDINGS = [
        Binding("down", "screen.focus_list", "List", id="search-to-list"),
        Binding("up", "screen.focus_queue", "Queue", id="search-to-queue"),
    ]


class HomeFilter(FilterChoice):
    """A filter beside the search box: ↓ and ↑ go where they go from the box."""

    BINDINGS = [
        Binding("down", "screen.focus_list", "List", id="filter-to-list"),
        Binding("up", "screen.focus_queue", "Queue", id="filter-to-queue"),
    ]


class HomeScreen(DeskScreen):
    AUTO_FOCUS = "#search"
    HELP = HELP
    BINDINGS = [
        Binding("n,ctrl+n", "new_lead", "New lead", id="home-new-lead"),
        Binding("slash", "focus_search", "Search", id="home-search"),
        Binding("escape", "clear", "Search", id="home-clear"),
        Binding("ctrl+t", "app.whole_queue", "Whole queue", id="home-whole-queue"),
        Binding("s", "open_filter('stage-filter')", "Filter stage", id="home-stage-filter"),
        Binding("l", "open_filter('label-filter')", "Filter label", id="home-label-filter"),
        Binding("ctrl+r", "reload", "Reload", id="home-reload", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._generation = 0
        self._debounce: Timer | None = None
        self._open_when_shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="queue"):
            yield QueuePanel()
        with Horizontal(id="filters"):
            yield SearchBox(
                placeholder="Username, Fiverr link, name or website", id="search", compact=True
            )
            yield HomeFilter(
                [(label, key) for key, label in STAGES.items],
                prompt="All stages",
                title="Show the leads at stage…",
                id="stage-filter",
            )
            yield HomeFilter(
                prompt="All labels", title="Show the leads labelled…", id="label-filter"
            )
        yield Static("Opening your lead book…", id="count")
        yield LeadList(id="leads")
        yield DataFirstFooter(show_command_palette=False)

    def on_mount(self) -> None:
        # Once open, the database is read the ordinary way, replacing whatever
        # the first look showed (`show_home_data`).
        self.app.when_db_ready(self.refresh_data)
        self._fit(self.size.height)

    def on_resize(self, event) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """Share the height: the queue's list gets up to QUEUE_SHARE of what is
        left (fewer when less is due), the lead list the rest (at least 5 rows
        at 24 lines)."""
        rows = max(3, int((height - FIXED_LINES) * QUEUE_SHARE))
        self.query_one("#queue-list").styles.max_height = rows

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" would be typed into the search box it points to: not offered there.
        focused = self.focused
        return not (action == "focus_search" and focused is not None and focused.id == "search")

    def show_home_data(self, data) -> None:
        """Fill the screen from its first look (`sellerdesk.prefetch`), before
        the database is open."""
        self._show_labels(data.labels)
        self.query_one(QueuePanel).show_queue(data.queue)
        if not any(self._criteria()):  # else the user got ahead: their search will run instead
            self._show_first_page((self._generation, data.rows, data.total))
        self.query_one(DataFirstFooter).data_shown()

    def on_screen_resume(self) -> None:
        if self.app.db is not None:
            self.refresh_data()

    def book_changed(self) -> None:
        """Someone else changed the book: the list and the queue are read again;
        the highlighted lead and queue line stay where they are."""
        if self.app.db is None or self.typing_pending:
            return  # the search about to run reads the book as it is now
        self.refresh_data()
        self.query_one(QueuePanel).reload()

    def on_queue_panel_wrote(self, _message: QueuePanel.Wrote) -> None:
        # A copy from the queue sets the lead's Last messaged (and may move its
        # stage and next follow-up): its row shows it now, not at the next refresh.
        self.search()

    # ------------------------------------------------------------ searching

    @property
    def typing_pending(self) -> bool:
        """Typing has paused for less than the debounce time: a search is about to start."""
        return self._debounce is not None

    @property
    def lead_list(self) -> LeadList:
        return self.query_one(LeadList)

    def _criteria(self) -> tuple[str, str | None, str | None]:
        query = self.query_one("#search", Input).value
        stage = self.query_one("#stage-filter", FilterChoice).value
        label = self.query_one("#label-filter", FilterChoice).value
        return query.strip(), stage, label

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_S, self.search)

    def on_filter_choice_changed(self, _event: FilterChoice.Changed) -> None:
        self.search()

    def refresh_data(self) -> None:
        self.search()
        self._load_labels()

    def search(self) -> None:
        """Start a search for what is typed and chosen now; older results are dropped."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self._generation += 1
        generation = self._generation
        if self.app.db is None:
            return  # opening the database searches for whatever is typed by then
        box = self.query_one("#search", Input)
        # A Fiverr link (pasted, or typed at a terminal's speed) becomes its username
        # once the keys stop: never half-way through.
        with box.prevent(Input.Changed):
            link_to_username(box)
        query, stage, label = self._criteria()

        name = as_username(query) if query and not (stage or label) else None

        def job(db):
            from sellerdesk.search import count_leads, list_leads

            rows = list_leads(db, query, stage=stage, label=label, limit=PAGE_SIZE)
            total = len(rows)
            if total == PAGE_SIZE:
                total = count_leads(db, query, stage=stage, label=label, at_most=COUNT_CAP)
            add = None
            if name is not None:
                rows, add = _exact_first(db, name, rows)
            return generation, rows, total, add

        run_db(self, job, self._show_first_page, group="search", exclusive=True)

    def _show_first_page(self, result) -> None:
        generation, rows, total, *rest = result
        if generation != self._generation:
            return
        keep = self.lead_list.lead_id_at_cursor()
        self.lead_list.show(rows, total, floor=total > COUNT_CAP, add=rest[0] if rest else None)
        if keep is not None and str(keep) in self.lead_list.rows:
            self.lead_list.move_cursor(row=self.lead_list.get_row_index(str(keep)), animate=False)
        self._show_count()
        self.query_one(DataFirstFooter).data_shown()
        if self._open_when_shown:
            self._open_when_shown = False
            self._open_at_cursor()

    def on_lead_list_need_more(self, _event: LeadList.NeedMore) -> None:
        generation = self._generation
        offset = self.lead_list.loaded
        query, stage, label = self._criteria()

        def job(db):
            from sellerdesk.search import list_leads

            return generation, list_leads(
                db, query, stage=stage, label=label, limit=PAGE_SIZE, offset=offset
            )

        def failed(exc) -> None:
            self.lead_list.loading_more = False
            self.notify(str(exc), severity="error")

        run_db(self, job, self._show_next_page, failed, group="page")

    def _show_next_page(self, result) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        # A short page is the end, whatever the count said (some were deleted).
        self.lead_list.append(rows, last=len(rows) < PAGE_SIZE)
        self._show_count()

    def _show_count(self) -> None:
        query, stage, label = self._criteria()
        lead_list = self.lead_list
        total = lead_list.total
        filtered = bool(query or stage or label)
        if lead_list.add_name:
            who = plain(lead_list.add_name)
            if total == 0:
                text = f"Nobody is called {who} yet: enter adds them as a new lead."
            else:
                text = (
                    f"{total} {'lead matches' if total == 1 else 'leads match'}; nobody is "
                    f"called {who}: the last line adds them."
                )
            self.query_one("#count", Static).update(text)
            return
        if total == 0:
            text = (
                "No lead matches. Escape clears the search."
                if filtered
                else "No leads yet: type a client's Fiverr username (or paste the link to "
                "their inbox) and press enter to add the first one."
            )
        else:
            noun = "lead" if total == 1 else "leads"
            figure = f"Over {COUNT_CAP:,}" if lead_list.total_is_floor else str(total)
            text = f"{figure} {noun}" + (" match" if filtered else "")
            if lead_list.has_more:
                text += f" · showing {lead_list.loaded}, more load as you scroll"
        self.query_one("#count", Static).update(text)

    def _load_labels(self) -> None:
        def job(db):
            from sellerdesk.search import all_labels

            return all_labels(db)

        run_db(self, job, self._show_labels, group="labels", exclusive=True)

    def _show_labels(self, labels: list[str]) -> None:
        seen: dict[str, str] = {}
        for label in (*COMMON_LABELS, *labels):
            seen.setdefault(label.lower(), label)
        # The labels are drawn as plain text (FilterChoice), in the row and in its picker.
        self.query_one("#label-filter", FilterChoice).set_options(
            [(label, label) for label in seen.values()]
        )

    # ------------------------------------------------------------ actions

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        if self._debounce is not None:  # the list still shows the previous search
            self._open_when_shown = True
            self.search()
        else:
            self._open_at_cursor()

    def on_data_table_row_selected(self, event: LeadList.RowSelected) -> None:
        self._open_at_cursor()

    def _open_at_cursor(self) -> None:
        name = self.lead_list.add_name_at_cursor()
        if name is not None:
            self.app.add_lead_and_open(name)
            return
        lead_id = self.lead_list.lead_id_at_cursor()
        if lead_id is not None:
            self.app.open_lead(lead_id)

    def action_new_lead(self) -> None:
        """The full form, with the username already in it when one was typed."""
        query, _stage, _label = self._criteria()
        self.app.action_new_lead(as_username(query) or "")

    # Focus moves at once (not after the keys already typed): what is typed
    # right after the key goes where the key pointed.
    def action_focus_search(self) -> None:
        self.set_focus(self.query_one("#search", Input))

    def action_focus_list(self) -> None:
        self.set_focus(self.lead_list)

    def action_focus_queue(self) -> None:
        self.set_focus(self.query_one("#queue-list"))

    def action_open_filter(self, widget_id: str) -> None:
        """The filter's picker at once: the list shows the pick, and the focus
        stays where it was."""
        self.query_one(f"#{widget_id}", FilterChoice).open_picker()

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        stage = self.query_one("#stage-filter", FilterChoice)
        label = self.query_one("#label-filter", FilterChoice)
        if not (search.value or stage.value or label.value):
            self.set_focus(search)
            return
        stage.clear()  # silent, as the box is below: one search for all three
        label.clear()
        with search.prevent(Input.Changed):
            search.value = ""
        self.set_focus(search)
        self.search()

    def action_reload(self) -> None:
        self.refresh_data()


def _exact_first(db, name: str, rows: list) -> tuple[list, str | None]:
    """The lead called exactly `name` first (wherever recency put it), or, when
    nobody is, `name` as the username to offer to add."""
    from sellerdesk.leads import find_lead
    from sellerdesk.records import LeadRow

    exact = find_lead(db, name)
    if exact is None:
        return rows, name
    row = LeadRow(
        exact.id,
        exact.username,
        exact.display_name,
        exact.stage,
        exact.website,
        exact.next_followup_at,
        exact.last_messaged_at,
        exact.do_not_contact,
        exact.updated_at,
    )
    return [row, *(r for r in rows if r.id != exact.id)], None
