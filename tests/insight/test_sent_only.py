"""The insight figures count only messages sent: a copy taken back (even after
the summaries counted it) and a text only shown (it reached no clipboard)
count toward no target, no template's copies and no first reply, and the
morning queue's count of today agrees, both asking `followups.activity`."""

from __future__ import annotations

from tests.insight.conftest import rebuilt_rows, summary_rows

from sellerdesk import clipboard, leads
from sellerdesk.config import Settings
from sellerdesk.copying import commit_copy, prepare_copy
from sellerdesk.followups import queue
from sellerdesk.insight import report, summary
from sellerdesk.takeback import take_back
from sellerdesk.templates.loading import library

FIRST_REPLY = "redesign.first_reply"
FOLLOW_UP = "followup.offer_day1"


def copy(db, username: str, template_id: str, path: str = clipboard.TERMINAL) -> None:
    """`c` as the library does it: prepared with the rule book, then recorded."""
    lead = leads.get_lead(db, username)
    prepared = prepare_copy(db, library().get(template_id), lead, Settings(), {"client_name": "A"})
    commit_copy(db, prepared, path)


def figures(db):
    insight = report.build(db, Settings())
    copies = {line.template: line.copies for line in insight.messages.lines if line.copies}
    today = insight.targets.today.counts
    answered = insight.replies.inquiries - insight.replies.bucket("waiting").count
    return copies, today, answered


def test_a_copy_taken_back_after_it_was_counted_is_counted_no_more(db, frozen_now):
    leads.add_lead(db, "ann", project_type="redesign")
    leads.add_lead(db, "ben", project_type="redesign")
    copy(db, "ann", FIRST_REPLY)
    copy(db, "ben", FOLLOW_UP)
    copies, today, answered = figures(db)
    assert copies == {FIRST_REPLY: 1, FOLLOW_UP: 1}
    assert today["followups"] == 1 and answered == 2
    assert queue.build(db, Settings()).activity.followups == 1

    take_back(db, "ann")
    take_back(db, "ben")

    copies, today, answered = figures(db)
    assert copies == {}
    assert today["followups"] == 0
    assert answered == 0  # neither inquiry has had its first reply after all
    assert queue.build(db, Settings()).activity.followups == 0


def test_the_summaries_after_a_take_back_are_those_a_rebuild_gives(db, frozen_now):
    leads.add_lead(db, "ann", project_type="redesign")
    copy(db, "ann", FIRST_REPLY)
    summary.refresh(db)
    take_back(db, "ann")
    summary.refresh(db)
    kept = summary_rows(db)
    assert kept["insight_copies"] == [] and kept["insight_contacts"] != []
    assert rebuilt_rows(db) == kept


def test_a_text_only_shown_counts_for_nothing(db, frozen_now):
    leads.add_lead(db, "cat", project_type="redesign")
    copy(db, "cat", FOLLOW_UP, path=clipboard.NOWHERE)
    copies, today, answered = figures(db)
    assert copies == {} and today["followups"] == 0 and answered == 0
    assert queue.build(db, Settings()).activity.followups == 0
