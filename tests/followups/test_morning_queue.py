"""The morning queue: lanes, ordering, local days, do-not-contact, first replies,
quiet and stale leads, and today's activity against the targets."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from sellerdesk import clock, leads
from sellerdesk.config import Settings
from sellerdesk.db.models import LeadModel
from sellerdesk.followups import queue, store
from sellerdesk.timeline import record


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def usernames(lane):
    return [item.username for item in lane.items]


def test_lanes_in_order_with_counts(db, set_clock):
    set_clock("2026-11-20 09:00")  # plan things on Friday...
    for name in ("ann", "ben", "cat", "dan", "eve"):
        leads.add_lead(db, name, stage="qualified")
    store.add(db, "ann", "2026-11-21", reason="a")  # Saturday: overdue by Monday
    store.add(db, "ben", "2026-11-22 18:00", reason="b")  # Sunday evening: overdue
    store.add(db, "cat", "2026-11-23 16:00", reason="c")  # Monday afternoon
    store.add(db, "dan", "2026-11-23", reason="d")  # Monday, no time
    store.add(db, "eve", "2026-11-30 23:59", reason="e")  # last minute of the week
    store.add(db, "eve", "2026-12-01", reason="too far")
    set_clock("2026-11-23 10:00")  # ...and look on Monday morning
    result = queue.build(db, Settings())
    assert [lane.key for lane in result.lanes] == ["first_replies", "overdue", "today", "upcoming"]
    assert usernames(result.overdue) == ["ann", "ben"]
    assert usernames(result.today) == ["dan", "cat"]  # the date-only one sorts at the day's start
    assert usernames(result.upcoming) == ["eve"]
    assert [lane.count for lane in result.lanes] == [0, 2, 2, 1]
    assert result.today.items[0].has_time is False
    assert result.due_count == 4


def test_local_midnight_decides_the_day_not_utc(db, set_clock):
    set_clock("2026-11-23 08:00", "America/New_York")  # 13:00 UTC
    leads.add_lead(db, "late", stage="qualified")
    leads.add_lead(db, "early", stage="qualified")
    leads.add_lead(db, "before", stage="qualified")
    store.add(db, "late", "today 23:30")  # 04:30 UTC tomorrow: still today here
    store.add(db, "early", "tomorrow 00:30")
    set_clock("2026-11-22 12:00", "America/New_York")
    store.add(db, "before", "2026-11-22 23:59")
    set_clock("2026-11-23 08:00", "America/New_York")
    result = queue.build(db, Settings())
    assert usernames(result.today) == ["late"]
    assert result.today.items[0].due_at == utc(2026, 11, 24, 4, 30)
    assert usernames(result.upcoming) == ["early"]
    assert usernames(result.overdue) == ["before"]
    assert result.day == "2026-11-23"


def test_a_dst_change_moves_nothing(db, set_clock):
    # planned on Saturday in daylight time, reviewed on Sunday in standard time
    set_clock("2026-10-31 10:00", "America/New_York")
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")
    store.add(db, "maria", "tomorrow", reason="date only")
    set_clock("2026-11-01 08:00", "America/New_York")
    result = queue.build(db, Settings())
    assert [
        (clock.to_local(i.due_at).strftime("%d %H:%M"), i.reason) for i in result.today.items
    ] == [
        ("01 00:00", "date only"),
        ("01 10:00", "Offer follow-up (day 1)"),
    ]


def test_do_not_contact_leads_never_appear(db, frozen_now):
    leads.add_lead(db, "quiet")  # unanswered inquiry
    leads.add_lead(db, "keen", stage="qualified")
    store.add(db, "keen", "today", reason="ping")
    leads.set_do_not_contact(db, "quiet", True, "spam")
    leads.set_do_not_contact(db, "keen", True, "asked us to stop")
    result = queue.build(db, Settings())
    everything = [i for lane in (*result.lanes, result.no_next_step) for i in lane.items]
    assert everything == []
    assert [lane.count for lane in result.lanes] == [0, 0, 0, 0]
    assert result.no_next_step.count == 0 and result.stale_count == 0


def test_do_not_contact_is_filtered_even_if_a_follow_up_was_left_open(db, frozen_now):
    # e.g. written by an older sellerdesk, or directly in a shared database
    leads.add_lead(db, "keen", stage="qualified")
    leads.add_lead(db, "kept", stage="qualified")
    store.add(db, "keen", "today")
    store.add(db, "kept", "today")
    with db.write() as session:
        session.execute(
            update(LeadModel)
            .where(LeadModel.username == "keen")
            .values(do_not_contact=True, dnc_reason="x")
        )
    today = queue.build(db, Settings()).today
    assert usernames(today) == ["kept"]
    assert today.count == 1


def test_first_replies_lane_with_time_left_and_lateness(db, set_clock):
    set_clock("2026-11-22 08:00")
    leads.add_lead(db, "yesterday", display_name="Old Inquiry")
    set_clock("2026-11-23 09:00")
    leads.add_lead(db, "fresh")
    leads.add_lead(db, "answered")
    leads.add_lead(db, "moved")
    leads.set_stage(db, "moved", "qualified")
    with db.write() as session:
        session.execute(
            update(LeadModel)
            .where(LeadModel.username_key == "answered")
            .values(last_messaged_at=utc(2026, 11, 23, 9, 5))
        )
    set_clock("2026-11-23 10:00")
    lane = queue.build(db, Settings()).first_replies
    assert usernames(lane) == ["yesterday", "fresh"]
    late, fresh = lane.items
    assert late.late and late.seconds_left == -2 * 3600
    assert late.name == "Old Inquiry"
    assert not fresh.late and fresh.seconds_left == 23 * 3600
    assert fresh.reply_by == utc(2026, 11, 24, 9)


def test_the_first_reply_window_is_a_setting(db, frozen_now):
    leads.add_lead(db, "fresh")
    settings = Settings()
    settings.followups.first_reply_hours = 12
    item = queue.build(db, settings).first_replies.items[0]
    assert item.seconds_left == 12 * 3600


def test_open_leads_with_no_next_step_are_flagged(db, frozen_now):
    leads.add_lead(db, "fresh")  # waiting for a first reply: its own lane
    leads.add_lead(db, "drifting", stage="qualified")
    leads.add_lead(db, "hot", stage="hot_lead")
    leads.add_lead(db, "planned", stage="hot_lead")
    leads.add_lead(db, "done", stage="completed")
    store.add(db, "planned", "fri")
    quiet = queue.build(db, Settings()).no_next_step
    assert sorted(usernames(quiet)) == ["drifting", "hot"]
    assert quiet.count == 2
    store.add(db, "hot", "fri")
    assert usernames(queue.build(db, Settings()).no_next_step) == ["drifting"]


def test_stale_leads_are_counted_and_flagged(db, set_clock):
    set_clock("2026-11-10 10:00")
    leads.add_lead(db, "slow", stage="qualified")  # limit 5 days
    leads.add_lead(db, "offer")
    leads.set_stage(db, "offer", "offer_sent")  # limit 10 days
    set_clock("2026-11-17 10:00")
    leads.add_lead(db, "recent", stage="qualified")
    store.add(db, "slow", "2026-11-23", reason="nudge")
    set_clock("2026-11-23 10:00")
    result = queue.build(db, Settings())
    assert result.stale_count == 3  # slow (13 days), offer (13 > 10), recent (6 > 5)
    assert [(i.username, i.stale) for i in result.today.items] == [("slow", True)]
    settings = Settings()
    settings.followups.stale_days = {"qualified": 30, "offer_sent": 30}
    assert queue.build(db, settings).stale_count == 0


def test_lanes_are_limited_but_counts_are_exact(db, frozen_now):
    for i in range(12):
        leads.add_lead(db, f"lead{i:02d}", stage="qualified")
        store.add(db, f"lead{i:02d}", "today", reason=f"r{i}")
    lane = queue.build(db, Settings(), limit=5).today
    assert lane.count == 12 and len(lane.items) == 5 and lane.hidden == 7
    assert usernames(lane) == [f"lead{i:02d}" for i in range(5)]


def test_open_and_snoozed_follow_ups_merge_in_due_order(db, set_clock):
    set_clock("2026-11-20 09:00")
    for name in ("ann", "ben", "cat", "dan"):
        leads.add_lead(db, name, stage="qualified")
    store.add(db, "ann", "2026-11-23 10:00")
    store.add(db, "ben", "2026-11-21")
    store.add(db, "cat", "2026-11-23 12:00")
    store.add(db, "dan", "2026-11-20 10:00")
    store.snooze(db, "ben", "2026-11-23 11:00")  # snoozed into the middle of Monday
    store.snooze(db, "dan", "2026-11-23 09:30")
    set_clock("2026-11-23 08:00")
    lane = queue.build(db, Settings(), limit=3).today
    assert usernames(lane) == ["dan", "ann", "ben"]
    assert [item.status for item in lane.items] == ["snoozed", "open", "snoozed"]
    assert lane.count == 4


def test_daily_activity_counts_the_local_day_from_the_timeline(db, set_clock):
    set_clock("2026-11-22 23:30", "America/New_York")  # yesterday, local
    leads.add_lead(db, "old")
    set_clock("2026-11-23 09:00", "America/New_York")
    for name in ("a", "b", "c"):
        leads.add_lead(db, name, stage="qualified")
        store.add(db, name, "today 17:00")
    store.done(db, "a")
    _copied(db, "b", "followup.offer_day3")
    _copied(db, "a", "followup.offer_day1")  # same lead as the done one: counted once
    _copied(db, "c", "referral.ask")
    _copied(db, "c", "redesign.first_reply")
    activity = queue.build(db, Settings()).activity
    assert (activity.new_contacts, activity.followups, activity.referral_contacts) == (3, 2, 1)
    assert activity.line() == "New contacts 3/15 · Follow-ups 2/15 · Referral contacts 1/10"
    set_clock("2026-11-24 09:00", "America/New_York")
    later = queue.build(db, Settings()).activity
    assert (later.new_contacts, later.followups, later.referral_contacts) == (0, 0, 0)


def _copied(db, username, template):
    with db.write() as session:
        lead = session.query(LeadModel).filter_by(username_key=username).one()
        record(session, lead, "message_copied", "text", author="tester",
               data={"template": template})  # fmt: skip


def test_queue_json_round_trips(db, frozen_now):
    leads.add_lead(db, "fresh")
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer_sent")
    data = json.loads(json.dumps(queue.build(db, Settings()).to_json()))
    assert [lane["key"] for lane in data["lanes"]] == [
        "first_replies", "overdue", "today", "upcoming",
    ]  # fmt: skip
    assert data["lanes"][3]["items"][0]["template"] == "followup.offer_day1"
    assert data["activity"]["targets"] == {
        "new_contacts": 15, "followups": 15, "referral_contacts": 10,
    }  # fmt: skip
    assert clock.now() - timedelta(seconds=1) < datetime.fromisoformat(data["generated_at"])
