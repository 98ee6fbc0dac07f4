"""Whatever a seller does, in any order, a lead's Next follow-up is the earliest
follow-up still waiting, and every change is on its timeline."""

from __future__ import annotations

import itertools
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sellerdesk import clock, leads
from sellerdesk.db.models import FollowUpModel, LeadModel
from sellerdesk.errors import SellerdeskError
from sellerdesk.followups import store

WORDS = ("today", "tomorrow", "3d", "2w", "fri", "next monday", "tomorrow 15:00", "4h")
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(WORDS)),
        st.tuples(st.just("done"), st.integers(0, 3)),
        st.tuples(st.just("snooze"), st.sampled_from(WORDS)),
        st.tuples(st.just("reschedule"), st.sampled_from(WORDS)),
        st.tuples(st.just("cancel"), st.integers(0, 3)),
        st.tuples(st.just("stage"), st.sampled_from(("offer_sent", "hot_lead", "ordered", "lost"))),
        st.tuples(st.just("dnc"), st.booleans()),
        st.tuples(st.just("wait"), st.integers(1, 72)),
    ),
    min_size=1,
    max_size=12,
)
_names = itertools.count()


def _check(db, lead_id: int) -> None:
    with db.read() as session:
        lead = session.get_one(LeadModel, lead_id)
        earliest = session.scalar(
            select(func.min(FollowUpModel.due_at)).where(
                FollowUpModel.lead_id == lead_id, FollowUpModel.status.in_(("open", "snoozed"))
            )
        )
        assert lead.next_followup_at == earliest
        if lead.do_not_contact:
            assert earliest is None


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS)
def test_next_follow_up_is_always_the_earliest_waiting(db, frozen_now, steps):
    clock.freeze(frozen_now)
    username = f"lead{next(_names)}"
    lead = leads.add_lead(db, username)
    changes = 0
    for action, arg in steps:
        waiting = store.for_lead(db, lead.id)
        pick = waiting[arg % len(waiting)].id if waiting and isinstance(arg, int) else None
        try:
            if action == "add":
                store.add(db, username, arg, reason=f"r{changes}")
            elif action == "done" and pick:
                store.done(db, followup_id=pick)
            elif action == "snooze" and waiting:
                store.snooze(db, username, arg)
            elif action == "reschedule" and waiting:
                store.reschedule(db, waiting[-1].id, arg)
            elif action == "cancel" and pick:
                store.cancel(db, pick, "no longer needed")
            elif action == "stage":
                leads.set_stage(db, username, arg, reason="went elsewhere")
            elif action == "dnc":
                leads.set_do_not_contact(db, username, arg, "asked" if arg else "")
            elif action == "wait":
                clock.freeze(clock.now() + timedelta(hours=arg))
            changes += 1
        except SellerdeskError:
            pass  # refused (past date, do-not-contact, duplicate): nothing may have changed
        _check(db, lead.id)
    everything = store.for_lead(db, lead.id, include_closed=True)
    kinds = [e.kind for e in leads.lead_timeline(db, lead.id, limit=1000)]
    assert kinds.count("followup_scheduled") == len(everything)
    closed = {"done": "followup_done", "cancelled": "followup_cancelled"}
    for status, kind in closed.items():
        assert kinds.count(kind) == sum(f.status == status for f in everything)
