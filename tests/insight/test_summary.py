"""The timeline summaries: what a lead's facts are, and keeping them up to
date from only what was written since (a rebuild gives the very same rows)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, update
from tests.insight.conftest import TITLES, at, build_book, copied, summary_rows

from sellerdesk import leads, takeback
from sellerdesk.config import Settings
from sellerdesk.db import insight_tables as summary_tables
from sellerdesk.db import tables
from sellerdesk.insight import report, summary
from sellerdesk.insight.summary import Stay, lead_facts
from sellerdesk.orders.status import cancel_order
from sellerdesk.outcomes import decline_offer

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def hours(n: float) -> datetime:
    return T0 + timedelta(hours=n)


def move(was: str, to: str) -> str:
    return json.dumps({"from": was, "to": to})


def test_a_lead_an_import_created_is_no_new_contact_and_no_inquiry():
    from sellerdesk.followups.activity import contact_kind

    by_import = json.dumps({"import": "old.csv", "line": 2})
    assert lead_facts(T0, "new", [(T0, "created", by_import)]).imported
    assert not lead_facts(T0, "new", [(T0, "created", None)]).imported
    assert contact_kind("created", by_import) is None
    assert contact_kind("created", None) == "new_contacts"


def test_the_first_reply_is_a_copy_or_a_persons_note_after_creation():
    events = [
        (hours(-1), "message_copied", None),  # before the lead existed (imported history)
        (hours(0), "note", json.dumps({"referred_by": "ann", "field": "notes"})),  # the app's
        (hours(2), "label_added", None),
        (hours(3), "note", None),
        (hours(4), "message_copied", json.dumps({"template": "redesign.first_reply"})),
    ]
    assert lead_facts(T0, "new", events).first_reply_at == hours(3)
    assert lead_facts(T0, "new", events[:3]).first_reply_at is None


def test_stays_start_where_the_first_move_left_and_end_at_the_next_move():
    events = [
        (hours(24), "stage", move("qualified", "offer_sent")),
        (hours(30), "stage", "not json"),  # unreadable: skipped
        (hours(72), "stage", move("offer_sent", "lost")),
    ]
    facts = lead_facts(T0, "lost", events)
    assert facts.stays == (
        Stay("qualified", T0, hours(24)),
        Stay("offer_sent", hours(24), hours(72)),
        Stay("lost", hours(72), None),
    )
    assert facts.ordered_at is None
    assert (facts.stage, facts.furthest, facts.lost_from) == ("lost", 3, "offer_sent")


def test_a_lead_never_moved_stays_where_it_is_since_it_was_created():
    assert lead_facts(T0, "hot_lead", []).stays == (Stay("hot_lead", T0, None),)


def test_ordered_is_the_first_stay_in_ordered_or_beyond_or_the_first_order():
    moved = [(hours(5), "stage", move("new", "in_progress"))]
    assert lead_facts(T0, "in_progress", moved).ordered_at == hours(5)
    ordered = [(hours(2), "order_created", None), *moved]
    assert lead_facts(T0, "in_progress", ordered).ordered_at == hours(2)
    assert lead_facts(T0, "completed", []).ordered_at == T0  # added as a past client


def test_refresh_reads_only_what_was_written_since(db):
    build_book(db)
    first = summary.refresh(db)
    with db.connect() as conn:
        events = conn.execute(select(tables.events.c.id)).all()
    assert first == len(events)
    assert summary.refresh(db) == 0  # nothing new: nothing read
    copied(db, "eve", "redesign.first_reply")
    assert summary.refresh(db) == 1
    replies = report.build(db, Settings(), titles=TITLES).replies
    assert replies.bucket("none").count == 0  # eve is answered now (late)
    assert replies.bucket("later").count == 2


def test_refresh_keeps_up_with_every_writer_and_matches_a_rebuild(db):
    build_book(db)
    report.build(db, Settings(), titles=TITLES)
    at("2026-11-23 11:00")
    leads.set_stage(db, "cat", "qualified")
    copied(db, "fay", "redesign.first_reply")
    # A lead written by another tool, with no timeline at all.
    with db.write() as session:
        session.connection().execute(
            insert(tables.leads).values(
                username="imported",
                username_key="imported",
                source="fiverr_inbox",
                stage="new",
                stage_since=datetime(2026, 11, 20, tzinfo=UTC),
                do_not_contact=False,
                created_at=datetime(2026, 11, 20, tzinfo=UTC),
                updated_at=datetime(2026, 11, 20, tzinfo=UTC),
                version=1,
            )
        )
    insight = report.build(db, Settings(), titles=TITLES)
    assert insight.funnel.leads == 9
    assert insight.funnel.stage("qualified").now == 2  # cat, and gus (his order cancelled)
    assert insight.replies.bucket("12h").count == 2  # ben, and now fay after two hours
    assert insight.replies.bucket("none").count == 2  # eve, and the imported lead
    # Writers that change what was read before: a copy taken back (its entry is
    # marked, not added), an offer declined, an order cancelled.
    at("2026-11-23 11:30")
    takeback.take_back(db, "ann")  # the referral ask of the 12th was not sent after all
    decline_offer(db, "dan", "Found someone cheaper.")
    cancel_order(db, "FO2", "Client changed their mind.")
    insight = report.build(db, Settings(), titles=TITLES)
    asked = next(day for day in insight.targets.days if day.day.isoformat() == "2026-11-12")
    assert asked.counts["referral_contacts"] == 0
    assert insight.funnel.stage("qualified").now == 4  # gus, cat, dan and hal
    kept = summary_rows(db)

    # The same rows when built from nothing (a timeline that shrank is rebuilt).
    with db.write() as session:
        session.connection().execute(
            update(summary_tables.insight_progress).values(last_event_id=10**9)
        )
    steps = []
    summary.refresh(db, progress=lambda done, total: steps.append((done, total)))
    assert summary_rows(db) == kept
    assert steps and steps[-1][0] == steps[-1][1]
    assert [done for done, _ in steps] == list(range(1, len(steps) + 1))
