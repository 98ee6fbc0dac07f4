"""Follow-ups for the `--demo` database: some overdue, some due today, some later,
so the morning review shows every lane the way a real week would."""

from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from sellerdesk import clock
from sellerdesk.db.engine import Database
from sellerdesk.db.models import FollowUpModel, LeadModel
from sellerdesk.followups import store
from sellerdesk.followups.when import When, after_days, at_local, start_of_day

# (username, days from today, "HH:MM" or None for a date-only one, reason, template)
PLANNED: tuple[tuple[str, int, str | None, str, str | None], ...] = (
    ("prime_propertys", -2, None, "Check whether they found their old hosting login", None),
    ("roofpro_tx", 0, "15:00", "Send two example sites with quote forms", None),
    ("drsmiles_dental", 0, None, "Ask which online booking tool they use", None),
    ("luxe_realty", 1, None, "Client asked to talk again after their team meeting", None),
    ("summit_advisors", 1, "10:00", "Logo still missing from the requirements",
     "order.requirements_partial"),
    ("learnpiano_online", 14, None, "Client asked to be messaged back in 2 weeks", None),
)  # fmt: skip


def add_demo_followups(db: Database) -> None:
    """Plan the sample follow-ups; call after the demo leads are spread over time."""
    today = clock.local_now().date()
    for username, days, at, reason, template in PLANNED:
        day = today + timedelta(days=days)
        if at is None:
            when = When(start_of_day(day), False)
        else:
            hour, minute = (int(part) for part in at.split(":"))
            when = When(at_local(day, time(hour, minute)), True)
        store.add(db, username, when, reason=reason, template=template)
    _offers_from_when_they_were_sent(db)


def _offers_from_when_they_were_sent(db: Database) -> None:
    """The demo leads reached Offer Sent days ago: date their offer follow-ups from
    then, and keep only the latest one that has come due open (as a seller would)."""
    earlier: list[int] = []
    with db.write() as session:
        offers = session.execute(
            select(LeadModel, FollowUpModel)
            .join(FollowUpModel, FollowUpModel.lead_id == LeadModel.id)
            .where(FollowUpModel.rule == "offer", FollowUpModel.status == "open")
            .order_by(LeadModel.id, FollowUpModel.id)
        ).all()
        due_by_lead: dict[int, list[FollowUpModel]] = {}
        for lead, followup in offers:
            days = round((followup.due_at - followup.created_at).total_seconds() / 86400)
            followup.due_at = followup.first_due_at = after_days(days, lead.stage_since)
            due_by_lead.setdefault(lead.id, []).append(followup)
        today_start = start_of_day(clock.local_now().date())
        for followups in due_by_lead.values():
            past = [f for f in followups if f.due_at < today_start]
            earlier.extend(f.id for f in past[:-1])
        for lead in {lead.id: lead for lead, _ in offers}.values():
            store.refresh_next(session, lead)
    for followup_id in earlier:
        store.done(db, followup_id=followup_id)
