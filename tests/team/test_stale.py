"""A change made on what its writer read is refused when a teammate changed
that record since, naming who, when and (where the writer's copy is at hand)
what changed; nothing of either is lost. Follow-ups, orders, script runs and
referral rewards (leads: tests/domain/test_leads.py, the form: test_live.py)."""

from __future__ import annotations

import pytest
from tests.scripts.conftest import walk_to
from tests.team.conftest import draft
from tests.tui.conftest import SIZE, make_app, settle

from sellerdesk import leads
from sellerdesk.errors import Conflict, Invalid
from sellerdesk.followups import store
from sellerdesk.orders.status import set_status
from sellerdesk.orders.store import create_order, get_order
from sellerdesk.referrals.earning import redeem
from sellerdesk.referrals.recording import record_referral
from sellerdesk.referrals.tracking import list_referrals
from sellerdesk.scripts import runs
from sellerdesk.widgets.queue_panel import QueuePanel


def test_a_follow_up_changed_or_closed_by_a_teammate_is_not_changed_again(db, colleague):
    leads.add_lead(db, "maria")
    seen = store.add(db, "maria", "today 15:00", reason="call")
    store.snooze(colleague, when_text="fri", followup_id=seen.id)
    with pytest.raises(Conflict) as refused:
        store.done(db, followup_id=seen.id, expected_version=seen.version)
    assert str(refused.value) == (
        "That follow-up was changed by Sam at 10:00 since you opened it. "
        "Nothing of yours was saved: reload it and try again."
    )
    # Given the follow-up as it was read, the refusal says what changed.
    with pytest.raises(Conflict) as refused:
        store.cancel(db, seen.id, "not needed", expected_version=seen)
    # (snoozed to a day, the follow-up kept its time of day)
    assert "(due at: 2026-11-23 15:00 → 2026-11-27 15:00; status: open → snoozed; " in str(
        refused.value
    )
    assert "snoozed until: — → 2026-11-27 15:00)" in str(refused.value)
    snoozed = store.get(db, seen.id)
    store.done(colleague, followup_id=seen.id, expected_version=snoozed.version)
    with pytest.raises(Invalid, match="That follow-up is already done by Sam; nothing was changed"):
        store.reschedule(db, seen.id, "mon", expected_version=snoozed.version)
    assert store.get(db, seen.id).status == "done"


def test_an_order_changed_by_a_teammate_names_the_change(db, colleague):
    leads.add_lead(db, "maria")
    seen = create_order(db, "maria", draft("FO1"))
    set_status(colleague, "FO1", "in progress")
    with pytest.raises(Conflict) as refused:
        set_status(db, "FO1", "cancelled", reason="duplicate", expected_version=seen.version)
    assert "Order FO1 was changed by Sam at 10:00 since you opened it" in str(refused.value)
    assert get_order(db, "FO1").status == "in_progress"


def test_a_script_run_moved_by_a_teammate_is_not_moved_again(db, colleague):
    leads.add_lead(db, "eventhall_co", project_type="redesign")
    seen = walk_to(db, "eventhall_co", "pages")
    runs.set_answers(colleague, "eventhall_co", {"pages": "Home, Contact"}, script="redesign")
    with pytest.raises(Conflict, match="eventhall_co's Website Redesign chat was changed by Sam"):
        runs.next_step(db, "eventhall_co", script="redesign", expected_version=seen.version)
    assert runs.get_run(db, "eventhall_co").step == "pages"


def test_a_reward_a_teammate_redeemed_is_refused_not_the_next_one_spent(db, colleague):
    leads.add_lead(db, "bgsone", stage="completed")
    for referred, number in (("ann", "FO1"), ("ben", "FO2")):
        record_referral(db, referred, "bgsone")
        create_order(db, referred, draft(number))
    seen = min((r for r in list_referrals(db)), key=lambda r: r.id)
    redeem(colleague, "bgsone", "applied to FO3", seen=seen)
    with pytest.raises(Conflict, match="reward for referring ann was changed by Sam") as refused:
        redeem(db, "bgsone", "applied to FO4", seen=seen)
    assert "(status: earned → redeemed" in str(refused.value)
    assert sorted(r.status for r in list_referrals(db)) == ["earned", "redeemed"]


async def test_the_queue_says_a_teammate_got_there_first(db, colleague):
    leads.add_lead(db, "maria", stage="qualified")
    store.add(db, "maria", "today 15:00", reason="call")
    app = make_app(db.url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        options = panel.query_one("#queue-list")
        options.focus()
        [key] = panel.entries
        options.highlighted = options.get_option_index(key)
        item = panel.entries[key]
        store.done(colleague, followup_id=item.followup_id)  # Sam, a moment before my key
        panel.entries[key] = item  # the line as I saw it, before the app heard
        await pilot.press("d")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert "That follow-up is already done by Sam; nothing was changed." in said
    assert [f.status for f in store.for_lead(db, item.lead_id, include_closed=True)] == ["done"]


def test_declining_an_offer_on_a_lead_a_teammate_moved_since_is_refused(db, colleague):
    from sellerdesk.outcomes import decline_offer

    leads.add_lead(db, "maria", stage="offer sent")
    seen = leads.get_lead(db, "maria")
    leads.set_stage(colleague, "maria", "hot lead")
    with pytest.raises(Conflict) as refused:
        decline_offer(db, "maria", "Too expensive.", seen=seen)
    assert "changed by Sam" in str(refused.value)
    assert leads.get_lead(db, "maria").stage == "hot_lead"  # nothing of the decline saved
    # Read again, the same decline goes through.
    decline_offer(db, "maria", "Too expensive.", seen=leads.get_lead(db, "maria"))
    assert leads.get_lead(db, "maria").stage == "qualified"
