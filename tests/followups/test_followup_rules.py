"""Cadence rules on stage changes and do-not-contact; no duplicates; the lead's
next follow-up always equals the earliest one waiting."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from sellerdesk import leads
from sellerdesk.db.models import FollowUpModel
from sellerdesk.errors import Invalid, NotFound
from sellerdesk.followups import store


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def waiting(db, username):
    lead = leads.get_lead(db, username)
    return [f for f in store.for_lead(db, lead.id)]


def assert_next_is_earliest(db):
    """The invariant, checked straight against the table for every lead."""
    with db.read() as session:
        from sellerdesk.db.models import LeadModel

        for lead in session.scalars(select(LeadModel)):
            earliest = session.scalar(
                select(func.min(FollowUpModel.due_at)).where(
                    FollowUpModel.lead_id == lead.id,
                    FollowUpModel.status.in_(("open", "snoozed")),
                )
            )
            assert lead.next_followup_at == earliest, lead.username


def kinds(db, username):
    lead = leads.get_lead(db, username)
    return [e.kind for e in reversed(leads.lead_timeline(db, lead.id))]


def test_offer_sent_plans_day_1_3_7_with_their_templates(db, frozen_now):
    leads.add_lead(db, "maria")
    lead = leads.set_stage(db, "maria", "offer_sent")
    planned = waiting(db, "maria")
    assert [(f.due_at, f.template, f.rule, f.status) for f in planned] == [
        (utc(2026, 11, 24, 10), "followup.offer_day1", "offer", "open"),
        (utc(2026, 11, 26, 10), "followup.offer_day3", "offer", "open"),
        (utc(2026, 11, 30, 10), "followup.offer_day7", "offer", "open"),
    ]
    assert all(f.created_by == "tester" for f in planned)
    assert lead.next_followup_at == utc(2026, 11, 24, 10)
    assert kinds(db, "maria").count("followup_scheduled") == 3
    assert_next_is_earliest(db)


def test_the_offer_days_come_from_the_settings(db, frozen_now, isolated_home):
    from sellerdesk.config import load_settings, save_settings

    settings = load_settings()
    settings.followups.offer_days = [2, 5]
    save_settings(settings)
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")
    assert [(f.due_at.day, f.template) for f in waiting(db, "maria")] == [
        (25, "followup.offer_day1"),
        (28, "followup.offer_day3"),
    ]


def test_offer_sent_again_never_doubles_the_follow_ups(db, frozen_now):
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")
    leads.set_stage(db, "maria", "hot_lead")
    leads.set_stage(db, "maria", "offer_sent")
    assert len(waiting(db, "maria")) == 3
    with db.read() as session:
        assert session.scalar(select(func.count(FollowUpModel.id))) == 3


@pytest.mark.parametrize("stage", ["ordered", "in_progress", "delivered", "completed"])
def test_moving_past_the_offer_cancels_the_offer_follow_ups_only(db, frozen_now, stage):
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")
    store.add(db, "maria", "2w", reason="ask about the logo")
    lead = leads.set_stage(db, "maria", stage)
    left = waiting(db, "maria")
    assert [f.reason for f in left] == ["ask about the logo"]
    assert lead.next_followup_at == left[0].due_at == utc(2026, 12, 7)
    assert kinds(db, "maria").count("followup_cancelled") == 3
    everything = store.for_lead(db, lead.id, include_closed=True)
    assert sorted(f.status for f in everything) == ["cancelled"] * 3 + ["open"]
    assert_next_is_earliest(db)


def test_lost_cancels_every_waiting_follow_up(db, frozen_now):
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")
    store.add(db, "maria", "2w", reason="check back")
    lead = leads.set_stage(db, "maria", "lost", reason="hired someone else")
    assert waiting(db, "maria") == []
    assert lead.next_followup_at is None
    assert kinds(db, "maria").count("followup_cancelled") == 4


def test_do_not_contact_cancels_everything_and_refuses_new_ones(db, frozen_now):
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")
    lead = leads.set_do_not_contact(db, "maria", True, "asked us to stop")
    assert lead.next_followup_at is None
    assert waiting(db, "maria") == []
    timeline = leads.lead_timeline(db, lead.id)
    cancelled = [e for e in timeline if e.kind == "followup_cancelled"]
    assert len(cancelled) == 3
    assert all("do-not-contact" in e.body for e in cancelled)
    with pytest.raises(Invalid, match="do-not-contact"):
        store.add(db, "maria", "tomorrow")
    # moving to Offer Sent again plans nothing for a do-not-contact lead
    leads.set_stage(db, "maria", "hot_lead")
    leads.set_stage(db, "maria", "offer_sent")
    assert waiting(db, "maria") == []


def test_a_rule_failing_rolls_back_the_stage_change(db, frozen_now, monkeypatch):
    leads.add_lead(db, "maria")

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "schedule", broken)
    with pytest.raises(RuntimeError):
        leads.set_stage(db, "maria", "offer_sent")
    assert leads.get_lead(db, "maria").stage == "new"
    assert kinds(db, "maria") == ["created"]


def test_done_snooze_reschedule_cancel_keep_next_follow_up_the_earliest(db, set_clock):
    set_clock("2026-11-23 10:00")
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")  # 24th, 26th, 30th at 10:00
    first, second, third = waiting(db, "maria")

    done = store.done(db, "maria")
    assert (done.id, done.status, done.done_at) == (first.id, "done", utc(2026, 11, 23, 10))
    assert leads.get_lead(db, "maria").next_followup_at == second.due_at

    snoozed = store.snooze(db, "maria", "2026-12-05 09:00")
    assert (snoozed.id, snoozed.status) == (second.id, "snoozed")
    assert snoozed.snoozed_until == snoozed.due_at == utc(2026, 12, 5, 9)
    assert snoozed.first_due_at == second.due_at
    assert leads.get_lead(db, "maria").next_followup_at == third.due_at

    moved = store.reschedule(db, third.id, "2026-12-10")  # a day: its 10:00 is kept
    assert (moved.status, moved.due_at, moved.has_time) == ("open", utc(2026, 12, 10, 10), True)
    assert leads.get_lead(db, "maria").next_followup_at == utc(2026, 12, 5, 9)

    store.cancel(db, second.id, "client replied")
    assert leads.get_lead(db, "maria").next_followup_at == utc(2026, 12, 10, 10)
    store.done(db, followup_id=third.id)
    assert leads.get_lead(db, "maria").next_followup_at is None
    assert_next_is_earliest(db)

    order = [k for k in kinds(db, "maria") if k.startswith("followup_")]
    assert order == ["followup_scheduled"] * 3 + [
        "followup_done",
        "followup_snoozed",
        "followup_rescheduled",
        "followup_cancelled",
        "followup_done",
    ]
    with pytest.raises(Invalid, match="already done"):
        store.snooze(db, followup_id=first.id, when_text="tomorrow")
    with pytest.raises(NotFound, match="no follow-up waiting"):
        store.done(db, "maria")


def test_snooze_by_days_keeps_the_time_of_day(db, set_clock):
    set_clock("2026-11-23 08:00", "America/New_York")
    leads.add_lead(db, "maria")
    timed = store.add(db, "maria", "today 15:00", reason="call")
    plain = store.add(db, "maria", "today", reason="email")
    store.snooze_days(db, timed.id, 3)
    store.snooze_days(db, plain.id, 7)
    got = {f.reason: (f.due_at, f.has_time) for f in waiting(db, "maria")}
    assert got == {
        "call": (utc(2026, 11, 26, 20), True),  # 15:00 EST
        "email": (utc(2026, 11, 30, 5), False),  # local midnight
    }


def test_rescheduling_a_timed_follow_up_to_a_day_keeps_its_time(db, set_clock):
    set_clock("2026-11-23 08:00", "America/New_York")
    leads.add_lead(db, "maria")
    timed = store.add(db, "maria", "today 15:30", reason="call")
    moved = store.reschedule(db, timed.id, "fri")
    assert (moved.due_at, moved.has_time) == (utc(2026, 11, 27, 20, 30), True)  # 15:30 EST
    exact = store.reschedule(db, timed.id, "sat 09:00")  # a time given is the time
    assert (exact.due_at, exact.has_time) == (utc(2026, 11, 28, 14), True)


def test_the_same_follow_up_is_never_planned_twice(db, frozen_now):
    leads.add_lead(db, "maria")
    store.add(db, "maria", "fri", reason="call back")
    with pytest.raises(Invalid, match="already has that follow-up"):
        store.add(db, "maria", "fri", reason="call back")
    store.add(db, "maria", "tomorrow", template="referral.ask")
    with pytest.raises(Invalid, match="already has that follow-up"):
        store.add(db, "maria", "2w", template="referral.ask")
    assert len(waiting(db, "maria")) == 2


def test_schedule_is_there_for_other_rules_inside_their_write_unit(db, frozen_now):
    from sellerdesk.db.models import LeadModel

    lead_record = leads.add_lead(db, "maria")
    with db.write() as session:
        lead = session.get(LeadModel, lead_record.id)
        made = store.schedule(
            session, lead, utc(2026, 11, 24, 9), "Requirements still missing",
            "order.requirements_partial", "tester", has_time=True, rule="requirements",
        )  # fmt: skip
        again = store.schedule(
            session, lead, utc(2026, 11, 25, 9), "Requirements still missing",
            "order.requirements_partial", "tester",
        )  # fmt: skip
        assert made is not None and again is None
        assert lead.next_followup_at == utc(2026, 11, 24, 9)
    assert leads.get_lead(db, "maria").next_followup_at == utc(2026, 11, 24, 9)


def test_unknown_lead_and_bad_words_change_nothing(db, frozen_now):
    leads.add_lead(db, "maria")
    with pytest.raises(NotFound, match="No lead with username 'nobody'"):
        store.add(db, "nobody", "tomorrow")
    with pytest.raises(Invalid, match="not a date I understand"):
        store.add(db, "maria", "whenever")
    assert waiting(db, "maria") == []
    assert kinds(db, "maria") == ["created"]
