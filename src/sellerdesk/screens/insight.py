"""The insight screen: how the business is doing, as charts, with every
chart's numbers one key (`n`) away.

Five tabs: daily targets, the stage funnel, first replies and the response
rate, which messages win, orders and referrals. The figures come from
`sellerdesk.insight.report.build` in a worker (the same call as `sellerdesk
report`); the screen only draws them. `p`, `o` and `t` step through the
periods, the owners and the project types; each step computes the figures
again from the timeline summaries, never the timeline itself.

Opening it must stay quick with a big book: the screen holds few widgets
(the filters are keys, not drop-downs) and the numbers tables are built the
first time `n` asks for them.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Static

from sellerdesk.insight import show
from sellerdesk.insight.scope import DEFAULT_DAYS, PERIODS, Scope
from sellerdesk.safe_text import one_line
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.vocab import PROJECT_TYPES
from sellerdesk.widgets.charts import Bar, BarChart, ColumnChart

if TYPE_CHECKING:
    from sellerdesk.insight.report import Insight

TABS = (
    ("targets", "Targets"),
    ("funnel", "Funnel"),
    ("replies", "First replies"),
    ("messages", "Messages"),
    ("orders", "Orders & referrals"),
)
MESSAGE_BARS = 12


class InsightScreen(DeskScreen):
    CSS_PATH = "insight.tcss"
    AUTO_FOCUS = ".insight-pane"
    # Only two in the footer: the tab bar and the line above it name the rest,
    # and every key shown in the footer is a widget the screen builds on opening.
    BINDINGS = [
        *(
            Binding(str(n), f"tab('{key}')", label, show=False, id=f"insight-tab-{key}")
            for n, (key, label) in enumerate(TABS, start=1)
        ),
        Binding("n", "numbers", "Numbers", id="insight-numbers"),
        Binding("p", "period", "Period", show=False, id="insight-period"),
        Binding("o", "owner", "Owner", show=False, id="insight-owner"),
        Binding("t", "project_type", "Project type", show=False, id="insight-project-type"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="insight-reload"),
        Binding("escape,backspace", "back", "Back", id="insight-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.opened_at = time.perf_counter()
        self.shown_at: float | None = None
        self.loads = 0
        self.insight: Insight | None = None
        self.days: int | None = DEFAULT_DAYS
        self.owner: str | None = None
        self.project_type: str | None = None
        self.owners: list[str] = []
        self._numbers_built = False
        self._built: list[str] = []  # the tabs built so far, in order

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Counting…", id="insight-status")
        yield TabBar(id="insight-tabs")
        # A tab bar and a switcher rather than TabbedContent, which alone took
        # longer to open than everything else on this screen together; the
        # other tabs are built when first shown.
        with ContentSwitcher(initial="pane-targets", id="insight-panes"):
            yield self._pane("targets")
        yield Footer(show_command_palette=False)

    def _pane(self, key: str) -> VerticalScroll:
        self._built.append(key)
        if key == "targets":
            charts: list[Widget] = [
                ColumnChart(label, height=4, id=f"chart-{target}")
                for target, label in show.TARGET_LABELS.items()
            ]
        else:
            title = "Revenue per month" if key == "orders" else ""
            charts = [
                BarChart(title, id=f"chart-{key}"),
                Static("", id=f"{key}-notes", classes="chart-notes"),
            ]
        if self._numbers_built:
            charts.append(self._numbers_table(key))
        return VerticalScroll(*charts, id=f"pane-{key}", classes="insight-pane")

    def _numbers_table(self, key: str) -> DataTable:
        return DataTable(id=f"numbers-{key}", classes="numbers", zebra_stripes=True)

    def on_mount(self) -> None:
        self.sub_title = "Insight"
        self.app.when_db_ready(self.reload)

    # ------------------------------------------------------------ reading

    def scope(self) -> Scope:
        return Scope.last(self.days, owner=self.owner, project_type=self.project_type)

    def reload(self) -> None:
        scope = self.scope()
        settings = self.app.settings
        status = self.query_one("#insight-status", Static)

        def progress(done: int, total: int) -> None:
            # Only a long first summary reports progress; it runs off the UI thread.
            self.app.call_from_thread(
                status.update, f"Summarising the timeline once: {done * 100 // total}%"
            )

        def job(db):
            from sellerdesk.insight.report import build

            return build(db, settings, scope, progress=progress)

        run_db(self, job, self._show, self._failed, group="insight", exclusive=True)

    def _failed(self, exc: Exception) -> None:
        self.query_one("#insight-status", Static).update(Text(str(exc)))

    def _show(self, insight: Insight) -> None:
        self.insight = insight
        self.query_one("#insight-status", Static).update(
            Text(f"{show.scope_line(insight.scope)}    p period · o owner · t project type")
        )
        self._draw(insight)
        self.loads += 1
        if self.shown_at is None:
            self.call_after_refresh(self._first_shown)

    def _first_shown(self) -> None:
        # The figures are on the screen: how long opening took (the benchmark reads it).
        self.shown_at = time.perf_counter()
        self._load_owners()

    def _load_owners(self) -> None:
        def job(db):
            from sellerdesk.insight.report import owners

            return owners(db)

        def done(names: list[str]) -> None:
            self.owners = names

        run_db(self, job, done, group="insight-owners")

    # ------------------------------------------------------------ drawing

    def _draw(self, insight: Insight) -> None:
        """Draw the tabs built so far."""
        for key in self._built:
            getattr(self, f"_show_{key}")(insight)

    def _table(self, key: str, numbers: show.Numbers) -> None:
        """Fill the numbers table of one tab (built the first time they are asked for)."""
        if not self._numbers_built:
            return
        table = self.query_one(f"#numbers-{key}", DataTable)
        table.clear(columns=True)
        table.add_columns(*numbers.columns)
        for row in numbers.rows:
            table.add_row(*(Text(cell) for cell in row))

    def _show_targets(self, insight: Insight) -> None:
        figure = insight.targets
        days = figure.days
        # A date under every seventh day, counted back from today.
        labels = [
            "today" if n == 0 else day.day.strftime("%d %b") if n % 7 == 0 else ""
            for n, day in zip(range(len(days) - 1, -1, -1), days, strict=True)
        ]
        for target in show.TARGET_LABELS:
            chart = self.query_one(f"#chart-{target}", ColumnChart)
            chart.title = show.target_line(figure, target)
            chart.show(
                [day.counts[target] for day in days],
                labels,
                target=figure.targets[target],
                marked=len(days) - 1,
            )
        self._table("targets", show.targets_numbers(figure))

    def _show_funnel(self, insight: Insight) -> None:
        figure = insight.funnel
        chart = self.query_one("#chart-funnel", BarChart)
        chart.title = f"Leads created in the period that reached each stage ({figure.leads})"
        chart.show(
            [
                Bar(
                    stage.label,
                    stage.reached,
                    f"{stage.reached} reached · {stage.now} now"
                    + (f" · {show.percent(stage.to_next)} on" if stage.to_next is not None else "")
                    + (f" · {show.days(stage.median_days)} d" if stage.stays else ""),
                    marked=stage.stage == "lost",
                )
                for stage in figure.stages
            ]
        )
        self.query_one("#funnel-notes", Static).update(
            "“on”: the share that went on to the next stage · “d”: median days a stay lasted"
        )
        self._table("funnel", show.funnel_numbers(figure))

    def _show_replies(self, insight: Insight) -> None:
        figure = insight.replies
        chart = self.query_one("#chart-replies", BarChart)
        chart.title = f"First replies to the {figure.inquiries} Fiverr inquiries of the period"
        chart.show(
            [
                Bar(
                    bucket.label,
                    bucket.count,
                    f"{bucket.count}"
                    + (f" · {show.percent(bucket.share)}" if bucket.share is not None else ""),
                    marked=bucket.key in ("later", "none"),
                )
                for bucket in figure.buckets
            ]
        )
        self.query_one("#replies-notes", Static).update(Text(show.rate_line(figure.response_rate)))
        self._table("replies", show.replies_numbers(figure))

    def _show_messages(self, insight: Insight) -> None:
        figure = insight.messages
        used = [line for line in figure.lines if line.copies]
        chart = self.query_one("#chart-messages", BarChart)
        chart.title = "Messages copied in the period, and the share of leads that then ordered"
        chart.show(
            [
                Bar(
                    _short(one_line(line.title or line.template or show.NO_TEMPLATE), 34),
                    line.copies,
                    f"{line.copies} · {show.percent(line.share)} ordered",
                )
                for line in used[:MESSAGE_BARS]
            ]
        )
        notes = [] if used else ["No message copied in the period."]
        if len(used) > MESSAGE_BARS:
            notes.append(f"… and {len(used) - MESSAGE_BARS} more in the numbers (n).")
        notes.append(show.unused_line(figure))
        self.query_one("#messages-notes", Static).update(Text("\n".join(notes)))
        self._table("messages", show.messages_numbers(figure))

    def _show_orders(self, insight: Insight) -> None:
        figure = insight.orders
        chart = self.query_one("#chart-orders", BarChart)
        chart.show(
            [
                Bar(
                    month.month,
                    month.revenue_cents,
                    f"{show.money(month.revenue_cents)} · {month.orders} orders"
                    + (f" ({month.cancelled} cancelled)" if month.cancelled else ""),
                )
                for month in figure.months[-12:]
            ]
        )
        self.query_one("#orders-notes", Static).update(
            Text(f"{show.rewards_line(figure)}\n{show.referrers_line(figure)}")
        )
        self._table("orders", show.orders_numbers(figure))

    # ------------------------------------------------------------ keys

    @property
    def active(self) -> str:
        """The tab shown: targets, funnel, replies, messages or orders."""
        return (self.query_one(ContentSwitcher).current or "pane-targets").removeprefix("pane-")

    async def action_tab(self, key: str) -> None:
        switcher = self.query_one(ContentSwitcher)
        if key not in self._built:
            await switcher.mount(self._pane(key))
            if self.insight is not None:
                getattr(self, f"_show_{key}")(self.insight)
        switcher.current = f"pane-{key}"
        self.query_one(TabBar).active = key

    async def action_numbers(self) -> None:
        """Chart ⇄ its numbers, on every tab at once."""
        if not self._numbers_built:
            self._numbers_built = True
            for key in self._built:
                await self.query_one(f"#pane-{key}").mount(self._numbers_table(key))
            if self.insight is not None:
                self._draw(self.insight)
        self.toggle_class("show-numbers")

    def action_period(self) -> None:
        self.days = _next(PERIODS, self.days)
        self.reload()

    def action_owner(self) -> None:
        self.owner = _next((None, *self.owners), self.owner)
        self.reload()

    def action_project_type(self) -> None:
        self.project_type = _next((None, *PROJECT_TYPES.keys), self.project_type)
        self.reload()

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()


class TabBar(Static):
    """The tabs' names, the one shown highlighted; `1`–`5` switch between them."""

    COMPONENT_CLASSES = {"tab-bar--active"}
    active: reactive[str] = reactive("targets")

    def render(self) -> Text:
        out = Text()
        for n, (key, label) in enumerate(TABS, start=1):
            style = self.get_component_rich_style("tab-bar--active") if key == self.active else ""
            out.append(f" {n} {label} ", style)
            out.append(" ")
        return out


def _next(choices: tuple, current):
    """The choice after `current`, round and round."""
    index = choices.index(current) if current in choices else -1
    return choices[(index + 1) % len(choices)]


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
