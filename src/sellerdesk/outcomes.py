"""How a conversation that does not end in an order goes on (seed 003).

"If client does not accept and wishes not to proceed - Return to Step 2":
a client who declines an offer (or whose only order is cancelled) goes back
to Qualified, with a note of what they said, the offer follow-ups cancelled,
and a nurture follow-up `followups.nurture_days` later (30 by default) so the
door stays open. Lost is a decision: chosen with its reason, or following
do-not-contact (`leads.set_stage`, `leads.set_do_not_contact`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sellerdesk.config import load_settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel
from sellerdesk.errors import Invalid
from sellerdesk.followups import store
from sellerdesk.followups.cadence import OFFER_RULE
from sellerdesk.followups.when import after_days
from sellerdesk.leads import check_version, load, move_stage, to_record, touch
from sellerdesk.records import Lead
from sellerdesk.timeline import record
from sellerdesk.vocab import OPEN_STAGES, STAGES

BACK_TO = "qualified"
NURTURE_RULE = "nurture"
NURTURE_TEMPLATE = "followup.nurture"
MAX_WHY = 1000


def clean_why(text: str, what: str) -> str:
    why = " ".join((text or "").split())
    if not why:
        raise Invalid(f"Say {what} (what the client wrote); it is kept on the lead's timeline.")
    if len(why) > MAX_WHY:
        raise Invalid(f"A reason can be at most {MAX_WHY} characters.")
    return why


def back_to_qualification(
    session: Session,
    lead: LeadModel,
    author: str,
    why: str,
    *,
    kind: str = "offer_declined",
    days: int | None = None,
) -> None:
    """Inside a write unit: the note of why, back to Qualified, a nurture follow-up."""
    record(session, lead, kind, why, author=author, data={"from": lead.stage})
    store.cancel_active(session, lead, author, "the client did not accept", rule=OFFER_RULE)
    move_stage(session, lead, BACK_TO, author, "back to qualification: " + why)
    touch(lead)
    if lead.do_not_contact:
        return
    if days is None:
        days = load_settings().followups.nurture_days
    reason = f"Check in again (nurture): {why}"
    if len(reason) > store.MAX_REASON:
        reason = reason[: store.MAX_REASON - 1] + "…"
    store.schedule(
        session, lead, after_days(max(1, days)), reason, NURTURE_TEMPLATE, author,
        has_time=True, rule=NURTURE_RULE,
    )  # fmt: skip


def decline_offer(
    db: Database, username: str, why: str, *, days: int | None = None, seen: Lead | None = None
) -> Lead:
    """The client declined the offer: back to Qualified with why, and a nurture follow-up.
    With `seen` (the lead as the screen read it), refused if a teammate changed it since."""
    reason = clean_why(why, "why the client declined")
    with db.write() as session:
        lead = load(session, username)
        if seen is not None:
            check_version(lead, None, seen, writes=("stage",))
        if lead.stage == "lost":
            raise Invalid(
                f"{lead.username} is Lost already; move them to Qualified if they come back."
            )
        if lead.stage not in OPEN_STAGES:
            raise Invalid(
                f"{lead.username} is at {STAGES.label(lead.stage)}, past the offer; "
                "cancel the order instead (with its reason)."
            )
        back_to_qualification(session, lead, db.author, reason, days=days)
        session.flush()
        return to_record(lead)
