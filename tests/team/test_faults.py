"""When the team's server goes away under an open app: the change being saved
is refused in one line, nothing of it is half-written, what was typed stays
in the form, and the same key saves it once the server is back."""

from __future__ import annotations

import pytest
from tests.team.conftest import type_a_new_website
from tests.tui.conftest import SIZE, drawn, make_app, settle

from sellerdesk import leads
from sellerdesk.db.open import open_database
from sellerdesk.screens.lead_form import LeadFormScreen
from sellerdesk.screens.problem import ProblemScreen


@pytest.fixture
def server_book(pg_server, request, frozen_now):
    name = pg_server.new_database()
    request.addfinalizer(lambda: pg_server.drop(name))
    return name, pg_server.url_for(name)


def _close_the_doors(pg_server, name: str, closed: bool) -> None:
    """The database stops (or starts again) taking connections; those it has are ended."""
    admin = pg_server.admin()
    admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"false" if closed else "true"}')
    if closed:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )


async def test_a_save_while_the_server_is_gone_keeps_the_form_and_saves_on_retry(
    pg_server, server_book
):
    name, url = server_book
    db = open_database(url, author="tester")
    lead = leads.add_lead(db, "codecamp_io", website="codecamp.io")
    db.close()
    app = make_app(url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        website = await type_a_new_website(pilot, lead.id, "codecamp.dev")
        _close_the_doors(pg_server, name, closed=True)
        try:
            await pilot.press("f2")
            await settle(pilot)
            assert isinstance(app.screen, LeadFormScreen)
            error = str(app.screen.query_one("#form-error").render())
            assert error.startswith("Not saved: The database server cannot be reached (")
            assert "nothing was saved: try again once it is back." in error
            assert "\n" not in error.strip()
            assert website.value == "codecamp.dev"
        finally:
            _close_the_doors(pg_server, name, closed=False)
        await pilot.press("f2")  # the same key, once it is back
        await settle(pilot)
        assert not isinstance(app.screen, LeadFormScreen)
    db = open_database(url)
    assert leads.get_lead(db, "codecamp_io").website == "codecamp.dev"
    db.close()


async def test_a_server_away_at_start_is_explained_and_r_tries_again(pg_server, server_book):
    name, url = server_book
    db = open_database(url, author="tester")
    leads.add_lead(db, "codecamp_io")
    db.close()
    _close_the_doors(pg_server, name, closed=True)
    app = make_app(url)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ProblemScreen)
            message = str(app.screen.query_one("#problem-message").render())
            assert message.startswith("Cannot open the database at postgresql+psycopg://")
            assert message.endswith("is not currently accepting connections")
            _close_the_doors(pg_server, name, closed=False)
            await pilot.press("r")
            await settle(pilot)
            assert not isinstance(app.screen, ProblemScreen)
            assert "codecamp_io" in drawn(app)
    finally:
        _close_the_doors(pg_server, name, closed=False)
