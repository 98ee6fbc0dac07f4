"""The settings screen saves only what the settings file can hold, and says in
one sentence why it could not save."""

from __future__ import annotations

from tests.tui.conftest import SIZE, make_app, settle
from textual.widgets import Input, Static

from sellerdesk import paths
from sellerdesk.config import MAX_TEXT, load_settings
from sellerdesk.screens.settings import SettingsScreen


def _error(screen) -> str:
    return str(screen.query_one("#settings-error", Static).render())


async def test_a_value_the_file_could_not_hold_is_refused_before_saving(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#seller-name", Input).value = "J" * (MAX_TEXT + 1)
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is screen
        assert f"at most {MAX_TEXT}" in _error(screen) and "seller.name" in _error(screen).lower()
        assert not paths.settings_file().exists()
        assert app.settings.seller.name == ""  # nothing half-applied either


async def test_a_folder_that_cannot_be_written_is_one_sentence(db_url, db):
    blocker = paths.settings_file().parent
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the settings folder should be")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#seller-name", Input).value = "Jehan"
        await pilot.press("f2")
        await settle(pilot)
        error = _error(screen)
        assert app.screen is screen
        assert error.startswith("Could not save the settings:") and "not a folder" in error
        assert "\n" not in error and "Errno" not in error
        assert app.settings.seller.name == ""
    assert load_settings().seller.name == ""
