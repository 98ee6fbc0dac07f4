"""Copied is not always sent: taking a copy back.

The seller copied a message and did not send it after all (the wrong lead,
a change of mind). Taking it back, right after, puts back what the copy
moved: the lead's stage and the follow-ups the offer planned, the script
run's step, Last Messaged. The timeline keeps both entries: the copy
(marked taken back, so it no longer counts as sent nor toward the daily
targets) and the taking back. Only a lead's latest copy can be taken back,
and only while nothing it moved has moved on since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, FollowUpModel, LeadModel, ScriptRunModel
from sellerdesk.errors import Invalid, NotFound
from sellerdesk.event_kinds import COPIED_KIND, TAKEN_BACK_KIND
from sellerdesk.leads import load, load_id, touch
from sellerdesk.timeline import record
from sellerdesk.vocab import STAGES

# Last Messaged set by the copy itself, give or take the moments inside its unit.
SAME_MOMENT = timedelta(seconds=5)


@dataclass(frozen=True)
class TakenBack:
    username: str
    template: str
    event_id: int
    restored: tuple[str, ...]
    """What was put back, in words."""

    def sentence(self) -> str:
        done = "; ".join(self.restored)
        return f"Taken back: {self.template} to {self.username} was not sent" + (
            f" ({done})." if done else "."
        )


def was_taken_back(data: dict[str, Any] | None) -> bool:
    return bool(data and data.get("taken_back"))


def take_back(
    db: Database, username: str | None = None, *, event_id: int | None = None
) -> TakenBack:
    """Take back the copy `event_id`, or the lead's latest copy."""
    with db.write() as session:
        lead, event = _find(session, username, event_id)
        data = json.loads(event.data or "{}")
        moved = data.get("moved") or {}
        template = data.get("template") or "the message"
        _check_nothing_moved_on(lead, moved)
        restored = [
            *_restore_stage(session, lead, moved, template, db.author),
            *_cancel_planned(session, lead, moved, db.author),
            *_restore_run(session, lead, moved, db.author),
            *_restore_last_messaged(lead, event, moved),
        ]
        now = clock.now()
        data["taken_back"] = {"at": now.isoformat(), "by": db.author}
        event.data = json.dumps(data, sort_keys=True)
        touch(lead)
        result = TakenBack(lead.username, template, event.id, tuple(restored))
        record(
            session,
            lead,
            TAKEN_BACK_KIND,
            result.sentence(),
            author=db.author,
            data={"event_id": event.id, "template": template},
        )
        session.flush()
        return result


def _find(
    session: Session, username: str | None, event_id: int | None
) -> tuple[LeadModel, EventModel]:
    if event_id is not None:
        event = session.get(EventModel, event_id)
        if event is None or event.kind != COPIED_KIND:
            raise NotFound("That copy is no longer on the timeline.")
        lead = load_id(session, event.lead_id)
    else:
        lead = load(session, username or "")
        event = None
    latest = session.scalars(
        select(EventModel)
        .where(EventModel.lead_id == lead.id, EventModel.kind == COPIED_KIND)
        .order_by(EventModel.at.desc(), EventModel.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        raise NotFound(f"{lead.username} has no copied message to take back.")
    event = event or latest
    if was_taken_back(json.loads(event.data or "{}")):
        raise Invalid(f"That copy to {lead.username} was already taken back.")
    if event.id != latest.id:
        raise Invalid(
            f"Only {lead.username}'s latest copy can be taken back; a later one was made since."
        )
    return lead, event


def _check_nothing_moved_on(lead: LeadModel, moved: dict[str, Any]) -> None:
    stage = moved.get("stage")
    if stage and lead.stage != stage["to"]:
        raise Invalid(
            f"{lead.username} has moved on since the copy (now at {STAGES.label(lead.stage)}); "
            "it can no longer be taken back. Nothing was changed."
        )


def _restore_stage(
    session: Session, lead: LeadModel, moved: dict[str, Any], template: str, author: str
) -> list[str]:
    stage = moved.get("stage")
    if not stage:
        return []
    from sellerdesk.scripts.runs import move_stage

    move_stage(session, lead, stage["from"], author, f"copy of {template} taken back")
    return [f"back at {STAGES.label(stage['from'])}"]


def _cancel_planned(
    session: Session, lead: LeadModel, moved: dict[str, Any], author: str
) -> list[str]:
    from sellerdesk.followups import store
    from sellerdesk.followups.items import ACTIVE

    count = 0
    for followup_id in moved.get("followups") or ():
        followup = session.get(FollowUpModel, followup_id)
        if followup is not None and followup.status in ACTIVE:
            store.mark_cancelled(session, lead, followup, author, "the copy was taken back")
            count += 1
    if not count:
        return []
    store.refresh_next(session, lead)
    return [f"{count} follow-up{'s' if count != 1 else ''} it planned cancelled"]


def _restore_run(
    session: Session, lead: LeadModel, moved: dict[str, Any], author: str
) -> list[str]:
    from sellerdesk.scripts.registry import get_script
    from sellerdesk.scripts.runs import STEP_KIND

    before = moved.get("run")
    if not before:
        return []
    model = session.get(ScriptRunModel, before["id"])
    if model is None or (model.step, model.status) != (before["to_step"], before["to_status"]):
        return ["the script run has moved on since and stays where it is"]
    definition = get_script(model.script)
    index = definition.index(before["step"])
    model.step, model.status = before["step"], before["status"]
    model.updated_at = clock.now()
    record(
        session,
        lead,
        STEP_KIND,
        f"{definition.title}: back to step {index + 1}, {definition.steps[index].title} "
        "(the copy was taken back)",
        author=author,
        data={"script": definition.id, "to": before["step"], "move": "take back"},
    )
    return [f"script back at step {index + 1}"]


def _restore_last_messaged(lead: LeadModel, event: EventModel, moved: dict[str, Any]) -> list[str]:
    if "last_messaged_at" not in moved:
        return []
    current = lead.last_messaged_at
    if current is not None and abs(clock.as_utc(current) - clock.as_utc(event.at)) > SAME_MOMENT:
        return []  # messaged again since: that stays
    earlier = moved["last_messaged_at"]
    lead.last_messaged_at = datetime.fromisoformat(earlier) if earlier else None
    return []
