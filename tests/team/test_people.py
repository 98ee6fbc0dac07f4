"""Who does what: follow-ups have a responsible person, the queue is the
person's own by default (theirs and what nobody is responsible for) with the
whole team's one key or flag away, a lead is handed over with its waiting
follow-ups, and every timeline entry is shown with its author."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.tui.conftest import SIZE, drawn, make_app, settle

from sellerdesk import leads
from sellerdesk.followups import queue, store
from sellerdesk.team import assign
from sellerdesk.widgets.queue_panel import QueuePanel


def _book(db, colleague) -> None:
    """Mine (tester's), Sam's, and one nobody owns; each with something due today."""
    leads.add_lead(db, "mine_lead", owner="tester")
    leads.add_lead(db, "sams_lead", owner="Sam")
    leads.add_lead(db, "nobodys_lead")
    store.add(db, "mine_lead", "today 15:00", reason="mine")
    store.add(colleague, "sams_lead", "today 16:00", reason="sam's")
    store.add(colleague, "nobodys_lead", "today 17:00", reason="planned by sam")


def test_a_follow_up_is_the_owners_else_its_planners_else_whoever_is_named(db, colleague):
    leads.add_lead(db, "owned", owner="Ann")
    leads.add_lead(db, "free")
    assert store.add(colleague, "owned", "tomorrow").assignee == "Ann"
    assert store.add(colleague, "free", "tomorrow").assignee == "Sam"
    named = store.add(db, "free", "fri", reason="call", assignee="  Ann ")
    assert named.assignee == "Ann"
    entry = leads.lead_timeline(db, leads.get_lead(db, "free").id)[0]
    assert (entry.author, entry.body) == ("tester", "Follow up Fri 2026-11-27: call (for Ann)")


def test_the_queue_is_mine_and_nobodys_and_the_team_sees_everything(db, colleague):
    _book(db, colleague)
    team = queue.build(db, limit=50)
    assert sorted(item.username for item in team.today.items) == [
        "mine_lead",
        "nobodys_lead",
        "sams_lead",
    ]
    assert team.person is None and team.due_for_others == 0
    # Sam planned the follow-up on the lead nobody owns, so it is Sam's.
    mine = queue.build(db, limit=50, person="TESTER")
    assert [item.username for item in mine.today.items] == ["mine_lead"]
    # Left to the others: Sam's two follow-ups and Sam's new inquiry.
    assert mine.today.count == 1 and mine.due_for_others == 3
    sams = queue.build(db, limit=50, person="sam")
    assert [item.username for item in sams.today.items] == ["sams_lead", "nobodys_lead"]
    # New inquiries nobody owns wait in everyone's first replies; owned ones in the owner's.
    assert {r.username for r in mine.first_replies.items} == {"mine_lead", "nobodys_lead"}
    assert {r.username for r in sams.first_replies.items} == {"sams_lead", "nobodys_lead"}


def test_handing_a_lead_over_takes_its_waiting_follow_ups_along(db, colleague):
    leads.add_lead(db, "maria", owner="Ann")
    store.add(db, "maria", "tomorrow", reason="the owner's")  # Ann's
    store.add(db, "maria", "fri", reason="named", assignee="Lee")  # stays Lee's
    done = store.add(db, "maria", "mon", reason="finished")
    store.done(db, followup_id=done.id)
    lead = assign(colleague, "maria", "sam")
    assert lead.owner == "sam"
    waiting = {f.reason: f.assignee for f in store.for_lead(db, lead.id, include_closed=True)}
    assert waiting == {"the owner's": "sam", "named": "Lee", "finished": "Ann"}
    entry = leads.lead_timeline(db, lead.id)[0]
    assert (entry.kind, entry.author) == ("assigned", "Sam")
    assert entry.body == "Assigned to sam (was Ann), with 1 waiting follow-up"
    # Editing the owner on the record hands them over the same way.
    leads.update_lead(db, "maria", owner="Ann")
    mine = {f.reason: f.assignee for f in store.for_lead(db, lead.id)}
    assert mine == {"the owner's": "Ann", "named": "Lee"}


def _cli(db_url: str, *argv: str, user: str = "tester") -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "SELLERDESK_USER": user, "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "sellerdesk", *argv, "--db", db_url],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_today_is_mine_unless_asked_for_the_team_and_lead_assign_hands_over(db_url, db):
    _cli(db_url, "lead", "add", "sams_lead", "--owner", "Sam", "--stage", "qualified")
    _cli(db_url, "lead", "add", "mine_lead", "--stage", "qualified")
    _cli(db_url, "followup", "add", "sams_lead", "today", "--reason", "call")
    _cli(db_url, "followup", "add", "mine_lead", "today", "--reason", "write")
    mine = _cli(db_url, "today")
    assert mine.returncode == 0, mine.stderr
    assert "mine_lead" in mine.stdout and "sams_lead" not in mine.stdout
    assert "For the rest of the team: 1 more due (sellerdesk today --team)" in mine.stdout
    team = _cli(db_url, "today", "--team")
    assert "sams_lead" in team.stdout and "@Sam" in team.stdout
    assert "For the rest of the team" not in team.stdout
    assert _cli(db_url, "today", "--mine", "--team").returncode == 2
    # Sam hands his lead to me: his waiting follow-up comes with it.
    handed = _cli(db_url, "lead", "assign", "sams_lead", "tester", user="Sam")
    assert handed.returncode == 0 and handed.stdout == "sams_lead is tester's now.\n"
    assert "sams_lead" in _cli(db_url, "today").stdout
    shown = _cli(db_url, "lead", "show", "sams_lead").stdout
    assert "Sam        Assigned  Assigned to tester (was Sam), with 1 waiting follow-up" in shown
    assert _cli(db_url, "lead", "assign", "sams_lead", "  ").returncode == 1


async def test_the_queue_panel_opens_on_mine_and_t_shows_the_team(db, colleague):
    _book(db, colleague)
    app = make_app(colleague.url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        summary = str(panel.query_one("#queue-summary").render())
        assert summary.startswith("Mine: ") and "3 more due for the team (t)" in summary
        assert _queued(panel) == {"mine_lead", "nobodys_lead"}
        panel.query_one("#queue-list").focus()
        await pilot.press("t")
        await settle(pilot)
        assert str(panel.query_one("#queue-summary").render()).startswith("Team: ")
        assert _queued(panel) == {"mine_lead", "nobodys_lead", "sams_lead"}
        assert "@Sam" in drawn(app)
        await pilot.press("t")
        await settle(pilot)
        assert _queued(panel) == {"mine_lead", "nobodys_lead"}


async def test_the_whole_queue_opens_on_the_queue_the_home_screen_shows(db, colleague):
    _book(db, colleague)
    app = make_app(colleague.url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#queue-list").focus()
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        whole = app.screen.query_one("#queue-full-panel", QueuePanel)
        assert whole.team and str(whole.query_one("#queue-summary").render()).startswith("Team: ")
        assert _queued(whole) == {"mine_lead", "nobodys_lead", "sams_lead"}


def _queued(panel: QueuePanel) -> set[str]:
    return {item.username for item in panel.entries.values()}


@pytest.mark.parametrize("who", ["tester", "Sam"])
async def test_every_timeline_entry_shows_its_author(db, colleague, who):
    lead = leads.add_lead(db, "maria")
    leads.add_note(colleague if who == "Sam" else db, "maria", "Wants five pages.")
    app = make_app(db.url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        screen = drawn(app)
        assert "Wants five pages." in screen
        # Only the note can name Sam: tester added the lead.
        assert ("Sam" in screen) == (who == "Sam")
