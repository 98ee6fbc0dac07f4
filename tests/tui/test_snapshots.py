"""How the home and lead screens look, pinned with the clock frozen; home in
the light theme too.

Update after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`,
after looking at the new pictures.
"""

from __future__ import annotations

from tests.tui.conftest import make_app, settle
from textual.widgets import Input

from sellerdesk import leads

SNAP_SIZE = (120, 36)


def _book(db) -> int:
    leads.add_lead(
        db,
        "maria_bakes",
        display_name="Maria Lopez",
        website="mariasbakery.co",
        stage="qualified",
        project_type="redesign",
        industry="ecommerce",
    )
    leads.add_lead(db, "roofpro_tx", display_name="RoofPro Texas", website="roofprotx.com")
    lead = leads.add_lead(
        db,
        "inzoneagency",
        stage="hot_lead",
        source="referral",
        labels=["Referral"],
        notes="Referred by: bgsone",
        referred_by="bgsone",
        project_type="redesign",
        industry="business",
    )
    leads.add_note(db, "inzoneagency", "Wants the homepage and services pages refreshed first.")
    leads.set_do_not_contact(db, "roofpro_tx", True, "Asked not to be messaged.")
    return lead.id


async def settle_still(pilot) -> None:
    """Settle, then hold the cursor still: a blinking cursor would make the
    picture depend on the moment it is taken."""
    await settle(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def test_home_screen(snap_compare, db, db_url, frozen_now):
    _book(db)
    assert snap_compare(make_app(db_url), terminal_size=SNAP_SIZE, run_before=settle_still)


def test_home_screen_in_the_light_theme(snap_compare, db, db_url, frozen_now):
    """The light theme, chosen from the palette's theme switcher as a person would."""
    from tests.tui.test_theme import choose_theme

    from sellerdesk.ui.theme import LIGHT

    _book(db)

    async def light(pilot) -> None:
        await settle(pilot)
        await choose_theme(pilot.app, pilot, LIGHT)
        assert pilot.app.theme == LIGHT
        await settle_still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=SNAP_SIZE, run_before=light)


def test_lead_screen(snap_compare, db, db_url, frozen_now):
    lead_id = _book(db)

    async def open_lead(pilot) -> None:
        await settle(pilot)
        pilot.app.open_lead(lead_id)
        await settle_still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=SNAP_SIZE, run_before=open_lead)
