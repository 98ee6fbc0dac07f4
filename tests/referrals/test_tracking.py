"""Recording who referred a lead, earning on its first order, redeeming; the
ask entering the morning queue once, when the gate holds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.referrals.conftest import complete, place

from sellerdesk import clock, leads
from sellerdesk.config import Settings
from sellerdesk.errors import Duplicate, Invalid
from sellerdesk.followups import store as followups
from sellerdesk.orders import feedback
from sellerdesk.orders.status import set_status
from sellerdesk.referrals import earning, recording, tracking


def _kinds(db, username: str) -> list[str]:
    lead = leads.get_lead(db, username)
    return [e.kind for e in leads.lead_timeline(db, lead.id)]


def test_recording_marks_the_new_lead_as_the_seed_shows_it(db, frozen_now):
    leads.add_lead(db, "bgsone", stage="completed")
    leads.add_lead(db, "inzoneagency", stage="hot lead", notes="Wants a redesign")
    got = recording.record_referral(db, "inzoneagency", "BGSone")
    assert not got.created_referred and not got.created_referrer
    referral = got.referral
    assert (referral.referrer, referral.referred, referral.status) == (
        "bgsone",
        "inzoneagency",
        "pending",
    )
    assert referral.reward == "a 10% discount on the next Fiverr order"
    lead = leads.get_lead(db, "inzoneagency")
    assert lead.labels == ("Referral",)
    assert lead.notes == "Wants a redesign\nReferred by: bgsone"
    assert lead.referred_by == "bgsone" and lead.source == "referral"
    assert lead.stage == "hot_lead"
    timeline = leads.lead_timeline(db, lead.id)
    assert [(e.kind, e.body) for e in timeline[:2]] == [
        ("note", "Referred by: bgsone"),
        ("label_added", "Referral"),
    ]
    assert _kinds(db, "bgsone")[0] == "referral_recorded"


def test_a_referrer_not_in_the_book_is_added_as_a_past_client(db, frozen_now):
    got = recording.record_referral(db, "newclient", "oldfriend")
    assert got.created_referred and got.created_referrer
    referrer = leads.get_lead(db, "oldfriend")
    assert referrer.labels == ("Past Client",)
    assert referrer.stage == "completed"
    new = leads.get_lead(db, "newclient")
    assert new.notes == "Referred by: oldfriend" and new.labels == ("Referral",)


def test_refusals_change_nothing(db, frozen_now):
    leads.add_lead(db, "alice")
    leads.add_lead(db, "bob")
    with pytest.raises(Invalid, match="cannot refer themselves"):
        recording.record_referral(db, "Alice", "alice")
    recording.record_referral(db, "bob", "alice")
    with pytest.raises(Duplicate, match="already recorded as referred by alice"):
        recording.record_referral(db, "bob", "carol")
    assert leads.find_lead(db, "carol") is None
    with pytest.raises(Invalid, match="cannot also be referred the other way"):
        recording.record_referral(db, "alice", "bob")
    with pytest.raises(Invalid, match="not a Fiverr username"):
        recording.record_referral(db, "dave smith", "alice")
    assert leads.get_lead(db, "alice").labels == ()
    assert len(tracking.list_referrals(db)) == 1


def test_a_reward_that_cannot_be_promised_records_nothing(db, frozen_now):
    settings = Settings()
    settings.referral.kind = "addon"
    settings.referral.value = "$50 cash"
    with pytest.raises(Invalid, match="cash reward"):
        recording.record_referral(db, "newclient", "oldfriend", settings=settings)
    assert leads.find_lead(db, "newclient") is None and leads.find_lead(db, "oldfriend") is None


def test_earned_on_the_first_order_then_redeemed_oldest_first(db, frozen_now, draft):
    recording.record_referral(db, "first", "hub")
    recording.record_referral(db, "second", "hub")
    with pytest.raises(Invalid, match=r"no earned reward to redeem \(2 referrals pending"):
        earning.redeem(db, "hub")
    place(db, "second", draft, "FO2")
    clock.freeze(frozen_now + timedelta(hours=1))
    place(db, "first", draft, "FO1")
    place(db, "first", draft, "FO3")  # a second order earns nothing more
    by_name = {r.referred: r for r in tracking.list_referrals(db)}
    assert {r.status for r in by_name.values()} == {"earned"}
    assert by_name["second"].earned_at == frozen_now
    assert _kinds(db, "hub").count("referral_earned") == 2
    assert "referral_earned" in _kinds(db, "first")
    used = earning.redeem(db, "hub", note="  applied on order   FO9 ")
    assert (used.referred, used.status) == ("second", "redeemed")
    assert used.redeemed_note == "applied on order FO9"
    assert earning.redeem(db, "hub").referred == "first"
    with pytest.raises(Invalid, match=r"hub has no earned reward to redeem\.$"):
        earning.redeem(db, "hub")
    assert _kinds(db, "hub")[:2] == ["referral_redeemed", "referral_redeemed"]


def test_a_lead_that_already_ordered_earns_when_recorded(db, frozen_now, draft):
    leads.add_lead(db, "client")
    place(db, "client", draft, "FO1")
    got = recording.record_referral(db, "client", "hub")
    assert got.referral.status == "earned"


def test_links_both_ways(db, frozen_now):
    recording.record_referral(db, "a1", "hub")
    recording.record_referral(db, "a2", "hub")
    recording.record_referral(db, "hub", "root")
    hub = leads.get_lead(db, "hub")
    links = tracking.links(db, hub.id)
    assert links.referred_by.referrer == "root"
    assert [r.referred for r in links.brought] == ["a1", "a2"]
    assert tracking.links(db, leads.get_lead(db, "a1").id).brought == ()


def _asks(db, username: str) -> list:
    lead = leads.get_lead(db, username)
    return [
        f
        for f in followups.for_lead(db, lead.id, include_closed=True)
        if f.template == "referral.ask"
    ]


def test_the_ask_enters_the_queue_once_the_gate_holds_and_only_once(db, frozen_now, draft):
    leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    complete(db, "FO1")
    assert _asks(db, "maya") == []  # accepted, but no feedback yet
    feedback.record_feedback(db, "FO1", "positive", "Love it!")
    asks = _asks(db, "maya")
    assert len(asks) == 1
    assert (asks[0].status, asks[0].due_at, asks[0].rule) == ("open", frozen_now, "referral")
    assert leads.get_lead(db, "maya").next_followup_at == frozen_now
    feedback.record_feedback(db, "FO1", "positive", "Still love it")
    assert len(_asks(db, "maya")) == 1
    # The after-sales walkthrough waits on the lead too: close the ask itself.
    followups.done(db, followup_id=_asks(db, "maya")[0].id)
    feedback.record_feedback(db, "FO1", "positive", "And again")
    assert [a.status for a in _asks(db, "maya")] == ["done"]


def test_a_complaint_takes_the_waiting_ask_back_out(db, frozen_now, draft):
    leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    feedback.record_feedback(db, "FO1", "positive")
    assert _asks(db, "maya") == []  # satisfied, but not accepted yet
    complete(db, "FO1")
    assert [a.status for a in _asks(db, "maya")] == ["open"]
    feedback.set_complaint(db, "FO1", True, "Contact form broken")
    assert [a.status for a in _asks(db, "maya")] == ["cancelled"]
    timeline = leads.lead_timeline(db, leads.get_lead(db, "maya").id)
    cancelled = next(e for e in timeline if e.kind == "followup_cancelled")
    assert "complaint is open on order FO1" in cancelled.body
    feedback.set_complaint(db, "FO1", False, "Fixed")
    assert sorted(a.status for a in _asks(db, "maya")) == ["cancelled", "open"]


def test_no_ask_for_a_do_not_contact_lead_and_a_revision_blocks_it(db, frozen_now, draft):
    leads.add_lead(db, "quiet")
    place(db, "quiet", draft, "FO1")
    feedback.record_feedback(db, "FO1", "positive")
    leads.set_do_not_contact(db, "quiet", True, "asked not to be contacted")
    complete(db, "FO1")
    assert _asks(db, "quiet") == []
    leads.add_lead(db, "busy")
    place(db, "busy", draft, "FO2")
    set_status(db, "FO2", "in progress")
    set_status(db, "FO2", "delivered")
    feedback.record_feedback(db, "FO2", "positive")
    set_status(db, "FO2", "revision")
    assert _asks(db, "busy") == []


def test_a_new_lead_added_with_its_referrer_gets_every_field_typed(db, frozen_now):
    leads.add_lead(db, "bgsone", stage="completed")
    lead = recording.add_referred_lead(
        db, "newbie", "bgsone", stage="hot lead", labels=["Shopify"],
        display_name="New Bie", notes="Wants a shop",
    )  # fmt: skip
    assert (lead.stage, lead.display_name, lead.source) == ("hot_lead", "New Bie", "referral")
    assert lead.notes == "Referred by: bgsone\nWants a shop"
    assert set(lead.labels) == {"Referral", "Shopify"}
    assert [(r.referrer, r.referred) for r in tracking.list_referrals(db)] == [("bgsone", "newbie")]
    assert _kinds(db, "newbie").count("stage") == 1


def test_a_new_lead_added_with_its_referrer_is_all_or_nothing(db, frozen_now, monkeypatch):
    leads.add_lead(db, "bgsone", stage="completed")

    def broken(*_args, **_kwargs):
        raise RuntimeError("the disk went away")

    # The labels are the last part written.
    monkeypatch.setattr(leads, "attach_labels", broken)
    monkeypatch.setattr(recording, "attach_labels", broken)
    with pytest.raises(RuntimeError):
        recording.add_referred_lead(db, "newbie", "bgsone", labels=["Shopify"], notes="x")
    assert leads.find_lead(db, "newbie") is None
    assert tracking.list_referrals(db) == []
    assert _kinds(db, "bgsone") == ["created"]
