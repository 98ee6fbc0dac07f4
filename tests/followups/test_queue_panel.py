"""The queue panel on the real home screen, driven by keys: complete, snooze
(by days and typed), reschedule, plan and copy, with the lead's Next follow-up
read back from the database and from the lead screen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.tui.conftest import settle as settle_app
from tests.tui.conftest import wait_until

from sellerdesk import clock, leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.db.open import open_database
from sellerdesk.followups import store
from sellerdesk.widgets.queue_panel import QueuePanel

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.fixture
def desk(db_url):
    clock.freeze(NOW)
    clock.set_local_zone(UTC)
    db = open_database(db_url, author="tester")
    leads.add_lead(db, "newbie", display_name="Ann")
    leads.add_lead(db, "maria", display_name="Maria")
    leads.set_stage(db, "maria", "offer_sent")  # 24th, 26th, 30th at 10:00
    leads.add_lead(db, "callback", stage="qualified")
    store.add(db, "callback", "today", reason="call back")
    yield db
    db.close()


async def settle(pilot, panel_loads: int | None = None) -> None:
    app = pilot.app
    wanted = panel_loads or 1

    def loaded() -> bool:
        panel = _panel(app)
        return app.db is not None and panel is not None and panel.loads >= wanted

    await wait_until(pilot, loaded, f"the queue panel's load number {wanted}")
    await settle_app(pilot)


def _panel(app) -> QueuePanel | None:
    found = app.screen_stack[0].query(QueuePanel)
    return found.first() if found else None


async def highlight(pilot, panel: QueuePanel, key: str) -> None:
    options = panel.query_one("#queue-list")
    options.focus()
    options.highlighted = options.get_option_index(key)
    await pilot.pause()


def followup_key(db, username: str, position: int = 0) -> str:
    lead = leads.get_lead(db, username)
    return f"followup:{store.for_lead(db, lead.id)[position].id}"


async def test_panel_shows_the_lanes_and_targets(desk, db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        panel = _panel(app)
        # first replies, then today's, then the coming week, in due order
        assert list(panel.entries) == [
            "reply:1",
            followup_key(desk, "callback"),
            *(followup_key(desk, "maria", i) for i in range(3)),
        ]
        summary = str(panel.query_one("#queue-summary").render())
        assert "First replies 1 · Overdue 0 · Today 1 · Upcoming (7 days) 3" in summary
        targets = str(panel.query_one("#queue-targets").render())
        assert (
            targets == "Targets today: New contacts 3/15 · Follow-ups 0/15 · Referral contacts 0/10"
        )
        assert app.screen_stack[0].query_one("#queue").border_title == "Morning review"


async def test_done_and_snooze_move_the_next_follow_up(desk, db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        panel = _panel(app)

        # done: the only follow-up of "callback" goes, and so does its next follow-up
        loads = panel.loads
        await highlight(pilot, panel, followup_key(desk, "callback"))
        await pilot.press("d")
        await settle(pilot, loads + 1)
        assert leads.get_lead(desk, "callback").next_followup_at is None
        assert "quiet:3" in panel.entries  # now flagged: no next step
        assert leads.get_lead(desk, "maria").next_followup_at == utc(2026, 11, 24, 10)

        # snooze maria's first offer follow-up by a week: the next one is now the day-3 one
        loads = panel.loads
        first = followup_key(desk, "maria")
        await highlight(pilot, panel, first)
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("w")
        await settle(pilot, loads + 1)
        snoozed = store.get(desk, int(first.split(":")[1]))
        assert (snoozed.status, snoozed.due_at) == ("snoozed", utc(2026, 11, 30, 10))
        assert leads.get_lead(desk, "maria").next_followup_at == utc(2026, 11, 26, 10)

        # the lead screen shows the moved Next follow-up
        await highlight(pilot, panel, followup_key(desk, "maria"))
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: type(app.screen).__name__ == "LeadScreen" and app.screen.lead is not None,
            "maria's lead screen to show her lead",
        )
        assert app.screen.lead.username == "maria"
        assert app.screen.lead.next_followup_at == utc(2026, 11, 26, 10)
        assert "2026-11-26" in app.export_screenshot()


async def test_typed_snooze_refuses_bad_words_then_reschedule_and_plan(desk, db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        panel = _panel(app)
        target = followup_key(desk, "callback")
        await highlight(pilot, panel, target)
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"someday", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#when-error").render())
        assert "'someday' is not a date I understand" in error
        await pilot.press("escape")
        await settle(pilot)
        assert store.get(desk, int(target.split(":")[1])).status == "open"

        loads = panel.loads
        await highlight(pilot, panel, target)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"fri", "space", *"15:00", "enter")
        await settle(pilot, loads + 1)
        moved = store.get(desk, int(target.split(":")[1]))
        assert (moved.status, moved.due_at, moved.has_time) == ("open", utc(2026, 11, 27, 15), True)
        assert leads.get_lead(desk, "callback").next_followup_at == utc(2026, 11, 27, 15)

        # a first-reply line has no follow-up to complete; "a" plans one for the lead
        loads = panel.loads
        await highlight(pilot, panel, "reply:1")
        await pilot.press("d")
        await pilot.pause()
        assert leads.get_lead(desk, "newbie").next_followup_at is None
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"2d", "enter", *"send", "space", *"examples", "enter")
        await settle(pilot, loads + 1)
        planned = store.for_lead(desk, 1)
        assert [(f.due_at, f.reason) for f in planned] == [(utc(2026, 11, 25), "send examples")]


async def test_copy_puts_the_suggested_message_on_the_timeline(desk, db_url, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)  # the terminal's clipboard path, read back below
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        panel = _panel(app)
        await highlight(pilot, panel, followup_key(desk, "maria"))
        await pilot.press("c")
        await wait_until(
            pilot,
            lambda: leads.get_lead(desk, "maria").last_messaged_at is not None,
            "the copy to be recorded on maria's timeline",
        )
        await settle_app(pilot)
        lead = leads.get_lead(desk, "maria")
        copied = [e for e in leads.lead_timeline(desk, lead.id) if e.kind == "message_copied"]
        assert len(copied) == 1
        assert copied[0].data["template"] == "followup.offer_day1"
        assert copied[0].body.startswith(
            "Hi Maria, just checking that you received the custom offer"
        )
        assert app.clipboard == copied[0].body
        await settle(pilot)
        targets = str(panel.query_one("#queue-targets").render())
        assert "Follow-ups 1/15" in targets
        # the home list's row shows the copy as Last messaged at once, not at its next refresh
        rows = app.screen_stack[0].lead_list
        await wait_until(
            pilot,
            lambda: str(rows.get_cell(str(lead.id), "last")) == "2026-11-23",
            "maria's row in the home list to show Last messaged 2026-11-23",
        )


async def test_a_typed_day_keeps_the_time_and_a_day_shows_no_time(desk, db_url):
    """`z`, `t fri` on a follow-up due at 10:00 puts it off to Friday 10:00; a
    follow-up planned for a day shows the date alone on the lead screen."""
    callback = leads.get_lead(desk, "callback")
    followup = store.for_lead(desk, callback.id)[0]
    store.reschedule(desk, followup.id, "tomorrow 10:00")
    store.add(desk, "newbie", "2026-12-02", reason="send examples")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        panel = _panel(app)
        loads = panel.loads
        await highlight(pilot, panel, f"followup:{followup.id}")
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"fri", "enter")
        await settle(pilot, loads + 1)
        snoozed = store.get(desk, followup.id)
        assert (snoozed.status, snoozed.due_at, snoozed.has_time) == (
            "snoozed",
            utc(2026, 11, 27, 10),
            True,
        )
        assert any("Fri 2026-11-27 10:00" in n.message for n in app._notifications)

        app.open_lead(leads.get_lead(desk, "newbie").id)
        await wait_until(
            pilot,
            lambda: type(app.screen).__name__ == "LeadScreen" and app.screen.lead is not None,
            "newbie's lead screen to show the lead",
        )
        await settle_app(pilot)
        shot = app.export_screenshot()
        assert "2026-12-02" in shot and "2026-12-02 00:00" not in shot
