"""The queue keeps your place: the highlight belongs to a follow-up, not to a
row number; when it leaves, the cursor moves on and says so; and a copy asked
for right after the rows under the cursor changed is not made. Every item is
reachable, in the order `sellerdesk today` prints."""

from __future__ import annotations

import json

from tests.tui.conftest import make_app, settle, wait_until

from sellerdesk import leads
from sellerdesk.cli.main import main
from sellerdesk.followups import store
from sellerdesk.screens.queue import QueueScreen
from sellerdesk.widgets.queue_panel import QueuePanel

SIZE = (120, 40)


def _panel(app) -> QueuePanel:
    return app.screen.query_one(QueuePanel)


async def _reloaded(pilot, panel: QueuePanel) -> None:
    """Read the queue again and wait for it to be shown (the signal, not a delay)."""
    loads = panel.loads
    panel.reload()
    for _ in range(200):
        await pilot.pause()
        if panel.loads > loads:
            break
    else:
        raise AssertionError("the queue was never shown again")
    await pilot.pause()


async def _highlight(pilot, panel: QueuePanel, key: str) -> None:
    options = panel.query_one("#queue-list")
    panel.screen.set_focus(options)
    options.highlighted = options.get_option_index(key)
    await pilot.pause()


def _copied(db, username: str) -> list[str]:
    lead = leads.get_lead(db, username)
    return [e.body for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]


def _book(db, frozen_now) -> dict[str, int]:
    ids = {}
    for name in ("ann", "ben", "cat"):
        leads.add_lead(db, name, stage="qualified", project_type="redesign")
        ids[name] = store.add(
            db, name, "tomorrow", reason=f"check in with {name}", template="followup.offer_day1"
        ).id
    return ids


async def test_a_new_item_above_keeps_the_cursor_on_its_item_and_swallows_the_next_copy(
    db, db_url, frozen_now, no_display
):
    ids = _book(db, frozen_now)
    app = make_app(db_url)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        panel = _panel(app)
        await _highlight(pilot, panel, f"followup:{ids['cat']}")
        options = panel.query_one("#queue-list")
        row_before = options.highlighted

        # Another tool (the CLI) plans something due today: it lands above.
        leads.add_lead(db, "zed", stage="qualified")
        store.add(db, "zed", "today", reason="call back", template="followup.offer_day3")
        await _reloaded(pilot, panel)
        assert panel.current.followup_id == ids["cat"]  # the item, not the row number
        assert options.highlighted != row_before

        # The c pressed as the rows moved was meant for what was there: not copied.
        await pilot.press("c")
        await settle(pilot)
        assert _copied(db, "cat") == [] and _copied(db, "zed") == []
        assert any("changed under the cursor" in n.message for n in app._notifications)

        # Pressed again, on what is now plainly highlighted: copied, for cat.
        await pilot.press("c")
        await settle(pilot)
        assert len(_copied(db, "cat")) == 1 and _copied(db, "zed") == []


async def test_a_refresh_that_moves_nothing_under_the_cursor_lets_the_copy_through(
    db, db_url, frozen_now, no_display
):
    ids = _book(db, frozen_now)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = _panel(app)
        await _highlight(pilot, panel, f"followup:{ids['ann']}")
        leads.add_lead(db, "yan", stage="qualified")
        store.add(db, "yan", "fri", reason="later")  # lands below: ann's row stays put
        await _reloaded(pilot, panel)
        await pilot.press("c")
        await settle(pilot)
        assert len(_copied(db, "ann")) == 1


async def test_when_the_highlighted_item_leaves_the_cursor_moves_on_and_says_so(
    db, db_url, frozen_now
):
    ids = _book(db, frozen_now)
    app = make_app(db_url)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        panel = _panel(app)
        await _highlight(pilot, panel, f"followup:{ids['ann']}")
        store.snooze(db, when_text="2w", followup_id=ids["ann"])  # elsewhere (the CLI)
        await _reloaded(pilot, panel)
        assert panel.current.followup_id == ids["ben"]
        assert any(
            n.message == "ann left the queue; the cursor is on ben now." for n in app._notifications
        )


async def test_done_with_no_next_step_left_says_so_and_the_cursor_follows_the_lead(
    db, db_url, frozen_now
):
    """`d` on ann's only follow-up: ann moves to the No next step lane of the same
    queue; the message says so (never "left the queue"), and `a` then plans ann's."""
    ids = _book(db, frozen_now)
    app = make_app(db_url)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        panel = _panel(app)
        await _highlight(pilot, panel, f"followup:{ids['ann']}")
        ann = leads.get_lead(db, "ann")
        await pilot.press("d")
        await wait_until(
            pilot, lambda: f"quiet:{ann.id}" in panel.entries, "ann in the No next step lane"
        )
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert "ann has no next step now — plan one with a." in messages
        assert not any("left the queue" in m for m in messages)
        assert panel.current.username == "ann"


def _many_overdue(db, count: int) -> None:
    from datetime import UTC, datetime, timedelta

    from sellerdesk.db.models import FollowUpModel

    for n in range(count):
        leads.add_lead(db, f"lead{n:03d}", stage="qualified")
        store.add(db, f"lead{n:03d}", "tomorrow", reason=f"chase {n}")
    with db.write() as session:  # all due in the past, in a known order
        for followup in session.query(FollowUpModel):
            followup.due_at = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=followup.id % 7)


async def test_every_item_is_reachable_in_the_order_today_prints(db, db_url, frozen_now, capsys):
    _many_overdue(db, 120)
    assert main(["--db", db_url, "today", "--json"]) == 0
    printed = {lane["key"]: lane for lane in json.loads(capsys.readouterr().out)["lanes"]}
    assert main(["--db", db_url, "today", "--json", "--limit", "500"]) == 0
    everything = {lane["key"]: lane for lane in json.loads(capsys.readouterr().out)["lanes"]}
    all_overdue = [item["followup_id"] for item in everything["overdue"]["items"]]
    assert len(all_overdue) == 120

    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = _panel(app)
        # the home screen lists what `sellerdesk today` lists, in its order
        listed = [e.followup_id for e in panel.entries.values()]
        assert listed == [item["followup_id"] for item in printed["overdue"]["items"]]
        options = panel.query_one("#queue-list")
        more = options.get_option_index("more:overdue")
        assert "… and 70 more" in str(options.get_option_at_index(more).prompt)
        app.screen.set_focus(options)
        options.highlighted = more
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        whole = _panel(app)
        assert [e.followup_id for e in whole.entries.values()] == all_overdue
        # it starts at the first item the home screen could not list
        assert whole.current.followup_id == all_overdue[50]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+t")  # the whole queue from the home screen's key
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
