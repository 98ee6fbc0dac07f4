"""The insight screen as a seller uses it: opened by its key, from the lead
screen and from the palette, each chart's numbers one key away, filters,
stored text shown as written; and how it looks at 120×40."""

from __future__ import annotations

from tests.insight.conftest import build_book, copied
from tests.tui.conftest import make_app, settle
from textual.widgets import DataTable

from sellerdesk import leads
from sellerdesk.screens.insight import InsightScreen
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.widgets.charts import ColumnChart

SIZE = (120, 40)


def numbers(app, key: str) -> list[list[str]]:
    found = app.screen.query(f"#numbers-{key}")
    if not found:
        return []
    table = found.first(DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def chart_text(app, selector: str) -> str:
    return app.screen.query_one(selector).render().plain


async def open_insight(pilot) -> InsightScreen:
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InsightScreen) and screen.loads == 1
    return screen


async def test_f5_opens_the_figures_and_n_shows_their_numbers(db, db_url):
    build_book(db)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_insight(pilot)
        targets = chart_text(app, "#chart-new_contacts")
        assert targets.startswith("New contacts: 1 today of 15 · target met on 0 of 30 days")
        assert "today" in targets.splitlines()[-1]

        await pilot.press("n")
        await settle(pilot)
        assert numbers(app, "targets")[0] == ["2026-11-23 today", "1", "0", "0"]
        assert numbers(app, "targets")[19] == ["2026-11-04", "1", "1", "0"]
        assert app.screen.query_one("#numbers-targets").display
        assert not app.screen.query_one("#chart-new_contacts", ColumnChart).display
        await pilot.press("2")
        assert app.screen.active == "funnel"
        assert numbers(app, "funnel")[4] == [
            "Order under review", "1", "3", "33%", "0", "1.0", "2"
        ]
        assert numbers(app, "funnel")[8] == ["Lost", "1", "1", "—", "0", "—", "0"]
        await pilot.press("n")
        assert not app.screen.query_one("#numbers-funnel").display
        # Labels padded to the longest, "Order under review".
        assert "New                ████" in chart_text(app, "#chart-funnel")
        assert "8 reached · 4 now · 50% on · 1.0 d" in chart_text(app, "#chart-funnel")

        await pilot.press("3")
        replies = app.screen.query_one("#replies-notes").render().plain
        await pilot.press("n")
        assert "as Fiverr counts it: 60% (3 of 5 answered within 24 h; 1 still inside" in replies
        assert numbers(app, "replies")[0] == ["within 1 h", "1", "20%"]
        await pilot.press("4")
        assert numbers(app, "messages")[0] == [
            "redesign.first_reply",
            "4",
            "4",
            "1",
            "25%",
            "2026-11-16 12:00",
            "First reply (control the frame)",
        ]
        await pilot.press("5")
        assert numbers(app, "orders")[0] == ["2026-11", "3", "1", "$750", "1", "1"]
        orders = app.screen.query_one("#orders-notes").render().plain
        assert "Top referrers: ann 1 referred (1 earned, 1 redeemed)" in orders

        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, InsightScreen)
        assert screen.shown_at is not None and screen.shown_at >= screen.opened_at


async def test_from_the_lead_screen_and_back(db, db_url):
    build_book(db)
    ann = leads.get_lead(db, "ann")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(ann.id)
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, InsightScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen) and app.screen.lead_id == ann.id


async def test_from_the_palette(db, db_url):
    build_book(db)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"insight")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InsightScreen)


async def test_p_o_and_t_step_through_periods_owners_and_project_types(db, db_url):
    build_book(db)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_insight(pilot)
        await pilot.press("n", "2")
        assert numbers(app, "funnel")[0][2] == "8"

        await pilot.press("p")  # the last 90 days, then the last 365
        await settle(pilot)
        assert screen.days == 365 and screen.loads == 2
        assert numbers(app, "funnel")[0][2] == "9"  # "old", from June, is in
        status = screen.query_one("#insight-status").render().plain
        assert status.startswith("2025-11-24 to 2026-11-23 (365 days) · every owner")

        await pilot.press("o")  # owners come sorted: Jehan, then Sam
        await settle(pilot)
        assert screen.owner == "Jehan"
        assert numbers(app, "funnel")[0][2] == "1"
        await pilot.press("o")
        await settle(pilot)
        assert screen.owner == "Sam"
        assert "owner Sam" in screen.query_one("#insight-status").render().plain
        await pilot.press("t")  # Website redesign: Sam has none
        await settle(pilot)
        assert screen.project_type == "redesign"
        assert numbers(app, "funnel")[0][2] == "0"
        await pilot.press("o")  # everyone's again
        await settle(pilot)
        assert screen.owner is None
        assert numbers(app, "funnel")[0][2] == "1"  # ann, the one redesign
        await pilot.press("p", "p", "p")  # all time, the last 30 days, the last 90: quick taps
        await settle(pilot)
        # The newest choice is what is shown; a read overtaken by the next tap
        # is dropped, so on a busy machine fewer than three reads may land.
        assert screen.days == 90 and 7 <= screen.loads <= 9
        assert "(90 days)" in screen.query_one("#insight-status").render().plain


async def test_stored_text_is_shown_as_written(db, db_url, isolated_home):
    build_book(db)
    folder = isolated_home / "config" / "sellerdesk" / "templates"
    folder.mkdir(parents=True)
    (folder / "marked.txt").write_text(
        "id: custom.marked\ntitle: [b]Bold[/] offer \x1b[31m\nscript: custom\n---\nHello.\n",
        encoding="utf-8",
    )
    from sellerdesk.templates import loading

    loading._cache.clear()
    leads.update_lead(db, "ann", owner="[red]Jo[/]")
    copied(db, "ann", "custom.marked")
    app = make_app(db_url)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_insight(pilot)
            await pilot.press("4")
            assert "[b]Bold[/] offer \\x1b[31m" in chart_text(app, "#chart-messages")
            assert screen.owners == ["[red]Jo[/]", "Sam"]
            await pilot.press("o")
            await settle(pilot)
            status = screen.query_one("#insight-status").render().plain
            assert "owner [red]Jo[/]" in status
            assert numbers(app, "messages") == []  # the numbers are built when asked for
            await pilot.press("n")
            await settle(pilot)
            row = next(r for r in numbers(app, "messages") if r[0] == "custom.marked")
            assert row[-1] == "[b]Bold[/] offer \\x1b[31m"
    finally:
        loading._cache.clear()


def test_screen_at_120_by_40(snap_compare, db, db_url):
    build_book(db)

    async def open_it(pilot) -> None:
        await open_insight(pilot)

    assert snap_compare(make_app(db_url), terminal_size=SIZE, run_before=open_it)


def test_funnel_tab_at_120_by_40(snap_compare, db, db_url):
    build_book(db)

    async def open_funnel(pilot) -> None:
        await open_insight(pilot)
        await pilot.press("2")
        await settle(pilot)

    assert snap_compare(make_app(db_url), terminal_size=SIZE, run_before=open_funnel)
