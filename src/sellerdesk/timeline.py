"""Writing to and reading from a lead's timeline.

"If it's not written in chat, it doesn't exist": every action on a lead
lands here with its time and its author.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.db.models import EventModel, LeadModel
from sellerdesk.event_kinds import COPIED_KIND, SHOWN_KIND, TAKEN_BACK_KIND
from sellerdesk.records import Event

# Kinds a person reads on the timeline; the label is how it is shown.
KIND_LABELS = {
    "created": "Lead created",
    "edited": "Record edited",
    "assigned": "Assigned",
    "note": "Note",
    "stage": "Stage",
    "label_added": "Label added",
    "label_removed": "Label removed",
    "dnc_on": "Do not contact",
    "dnc_off": "Contact allowed again",
    COPIED_KIND: "Message copied",
    SHOWN_KIND: "Message shown, not copied",
    TAKEN_BACK_KIND: "Copy taken back",
    "rule_override": "Rule passed on purpose",
    "followup_scheduled": "Follow-up planned",
    "followup_done": "Follow-up done",
    "followup_snoozed": "Follow-up snoozed",
    "followup_rescheduled": "Follow-up moved",
    "followup_cancelled": "Follow-up cancelled",
    "script_step": "Script step",
    "script_answer": "Answer captured",
    "script_tick": "Checked",
    "order_created": "Order created",
    "order_status": "Order status",
    "order_requirements": "Requirements",
    "order_check": "Checklist",
    "order_checklist": "Checklist started",
    "order_walkthrough": "Walkthrough confirmed",
    "offer_declined": "Offer declined",
    "order_cancelled": "Order cancelled",
    "order_feedback": "Feedback",
    "order_note": "Order note",
    "order_due": "Delivery date",
    "referral_recorded": "Referral recorded",
    "referral_earned": "Referral reward earned",
    "referral_redeemed": "Referral reward redeemed",
}


def record(
    session: Session,
    lead: LeadModel,
    kind: str,
    body: str = "",
    *,
    author: str,
    data: dict[str, Any] | None = None,
) -> EventModel:
    event = EventModel(
        lead_id=lead.id,
        at=clock.now(),
        author=author,
        kind=kind,
        body=body,
        data=json.dumps(data, sort_keys=True) if data else None,
    )
    session.add(event)
    return event


def to_record(model: EventModel) -> Event:
    return Event(
        id=model.id,
        lead_id=model.lead_id,
        at=model.at,
        author=model.author,
        kind=model.kind,
        body=model.body,
        data=json.loads(model.data) if model.data else None,
    )


def events_for(session: Session, lead_id: int, limit: int = 200) -> list[Event]:
    """Newest first; the index on (lead_id, at) serves it without a sort."""
    rows = session.scalars(
        select(EventModel)
        .where(EventModel.lead_id == lead_id)
        .order_by(EventModel.at.desc(), EventModel.id.desc())
        .limit(limit)
    )
    return [to_record(row) for row in rows]


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def event_label(event: Event) -> str:
    """The kind as a person reads it; for a copy, also which way the text went
    and whether it was taken back (not sent after all)."""
    label = kind_label(event.kind)
    if event.kind != COPIED_KIND:
        return label
    data = event.data or {}
    way = data.get("path")
    if isinstance(way, str) and way:
        label = f"{label} · {way}"
    return f"{label} · taken back" if data.get("taken_back") else label
