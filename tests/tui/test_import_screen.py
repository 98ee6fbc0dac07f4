"""The import screen: choose the file, see and change what each column fills, see the
dry run, confirm; reachable by f6 and from the palette. The daily backup runs after start-up."""

from __future__ import annotations

import pytest
from tests.tui.conftest import SIZE, fill, make_app, settle
from textual.widgets import Input, ProgressBar, Select, Static

from sellerdesk import leads
from sellerdesk.screens.import_leads import ColumnSelect, ImportScreen


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def _open_file(app, pilot, path, content: str) -> ImportScreen:
    """Write the sheet, wait for the app, press f6, give the file's path, press enter."""
    path.write_text(content)
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ImportScreen)
    await fill(pilot, screen.query_one("#import-path", Input), str(path))
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_a_file_is_mapped_checked_and_imported_only_on_confirmation(app, db, tmp_path):
    sheet = "Handle,Category,[b]Notes[/b]\nanna,Hot Lead,Referred by: bgsone\n"
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_file(app, pilot, tmp_path / "leads.csv", sheet)
        selects = list(screen.query(ColumnSelect))
        assert [s.column_header for s in selects] == ["Handle", "Category", "[b]Notes[/b]"]
        assert [s.value for s in selects] == [Select.NULL, "stage", Select.NULL]
        # What the file says is shown as it is written, never as markup.
        labels = [str(label.content) for label in screen.query(".import-column Label")]
        assert labels == ["Handle", "Category", "[b]Notes[/b]"]
        assert "Columns not recognised: 'Handle', '[b]Notes[/b]'" in _text(screen, "#import-error")

        # Choosing what the first column holds, the way a person does: open it, type, enter.
        selects[0].focus()
        await pilot.press("enter")
        await pilot.press(*"username")
        await pilot.press("enter")
        await settle(pilot)
        assert selects[0].value == "username"
        selects[2].focus()
        await pilot.press("enter", *"notes", "enter")
        await settle(pilot)
        assert selects[2].value == "notes"
        assert _text(screen, "#import-error") == ""
        result = _text(screen, "#import-result")
        bar = screen.query_one("#import-progress", ProgressBar)
        assert (bar.progress, bar.total) == (1, 1)  # the dry run went through every row
        assert "leads.csv: 1 rows" in result
        assert "Would add 1, update 0, leave 0 unchanged; 0 refused." in result
        assert leads.find_lead(db, "anna") is None  # nothing before the confirmation

        await pilot.press("f2")
        await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)
    lead = leads.get_lead(db, "anna")
    assert lead.stage == "hot_lead" and lead.referred_by == "bgsone"
    assert "Referral" in lead.labels


async def test_refused_rows_are_listed_and_block_the_import_unless_skipped(app, db, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        sheet = "Username,Category\nanna,New\nbad name,New\n"
        screen = await _open_file(app, pilot, tmp_path / "leads.csv", sheet)
        result = _text(screen, "#import-result")
        assert "Would add 1, update 0, leave 0 unchanged; 1 refused." in result
        assert "line 3, column Username: 'bad name' is not a Fiverr username" in result
        await pilot.press("f2")
        await settle(pilot)
        assert "1 rows are refused" in _text(screen, "#import-error")
        assert leads.find_lead(db, "anna") is None
        screen.query_one("#opt-skip-bad").toggle()
        await pilot.press("f2")
        await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)
    assert leads.find_lead(db, "anna") is not None
    assert (tmp_path / "leads.refused.csv").exists()


async def test_a_file_that_cannot_be_read_says_so_in_one_line(app, db, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_file(app, pilot, tmp_path / "empty.csv", "")
        assert _text(screen, "#import-error") == (
            "empty.csv is empty: there is no header and no rows to import."
        )
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)


@pytest.mark.sqlite_only("daily copies are of a SQLite file; a server has its own backups")
async def test_the_daily_backup_is_made_after_start_up(db_url, db_path, db, monkeypatch):
    from sellerdesk.app import SellerdeskApp
    from sellerdesk.transfer.backup import daily_copies

    monkeypatch.setattr(SellerdeskApp, "DAILY_BACKUP_AFTER_S", 0.0)
    leads.add_lead(db, "alice")
    app = make_app(db_url)
    app.settings.backups.automatic = True
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any(w.is_running for w in app.workers)
    [copy] = daily_copies(db_path)
    assert copy.stat().st_mode & 0o777 == 0o600

    off = make_app(db_url)  # automatic backups off (the test default)
    copy.unlink()
    async with off.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert daily_copies(db_path) == []


async def test_f6_is_listed_in_help(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        keys = str(app.screen.query_one("#help-keys", Static).content.columns[1]._cells)
        assert "Import leads" in keys


async def test_a_home_folder_that_cannot_be_found_is_said_on_the_screen(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        await fill(pilot, screen.query_one("#import-path", Input), "~0")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen  # still open, nothing crashed
        said = _text(screen, "#import-error")
        assert said == "Cannot find the home folder that '~0' starts with."
