"""Adding, completing, snoozing, rescheduling and cancelling follow-ups.

Each change lands on the lead's timeline, and the lead's `next_followup_at`
is recomputed in the same write unit, so it always equals the earliest
follow-up still waiting (open, or snoozed until a moment).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk import clock, rules
from sellerdesk.checks import clean_username
from sellerdesk.db.engine import Database
from sellerdesk.db.models import FollowUpModel, LeadModel
from sellerdesk.errors import Invalid, NotFound
from sellerdesk.followups import when as when_
from sellerdesk.followups.items import ACTIVE, FollowUp
from sellerdesk.people import same
from sellerdesk.timeline import record

MAX_REASON = 500


def to_record(model: FollowUpModel) -> FollowUp:
    return FollowUp(
        id=model.id,
        lead_id=model.lead_id,
        due_at=model.due_at,
        has_time=model.has_time,
        first_due_at=model.first_due_at,
        reason=model.reason,
        template=model.template,
        rule=model.rule,
        status=model.status,
        created_by=model.created_by,
        created_at=model.created_at,
        done_at=model.done_at,
        snoozed_until=model.snoozed_until,
        assignee=model.assignee,
        version=model.version,
        updated_by=model.updated_by,
        updated_at=model.updated_at,
    )


# ------------------------------------------------------------ inside a write unit


def refresh_next(session: Session, lead: LeadModel) -> None:
    """Set the lead's next follow-up to the earliest one still waiting."""
    session.flush()
    earliest = session.scalar(
        select(func.min(FollowUpModel.due_at)).where(
            FollowUpModel.lead_id == lead.id, FollowUpModel.status.in_(ACTIVE)
        )
    )
    if lead.next_followup_at != earliest:
        lead.next_followup_at = earliest


def active_for(session: Session, lead_id: int) -> list[FollowUpModel]:
    return list(
        session.scalars(
            select(FollowUpModel)
            .where(FollowUpModel.lead_id == lead_id, FollowUpModel.status.in_(ACTIVE))
            .order_by(FollowUpModel.due_at, FollowUpModel.id)
        )
    )


def schedule(
    session: Session,
    lead: LeadModel,
    due: datetime,
    reason: str,
    template: str | None,
    author: str,
    *,
    has_time: bool = True,
    rule: str | None = None,
    assignee: str | None = None,
) -> FollowUpModel | None:
    """Plan a follow-up on `lead` inside the caller's write unit.

    Returns None, and changes nothing, when the same follow-up is already
    waiting (same template, or with no template the same moment and reason):
    nothing is scheduled twice. Refuses a do-not-contact lead. The person
    responsible is `assignee`, else the lead's owner, else whoever plans it.
    """
    if lead.do_not_contact:
        raise Invalid(f"{lead.username} is marked do-not-contact; no follow-up was planned.")
    reason = " ".join((reason or "").split())
    if len(reason) > MAX_REASON:
        raise Invalid(f"A follow-up reason can be at most {MAX_REASON} characters.")
    if lead.id is None:
        session.flush()
    for waiting in active_for(session, lead.id):
        if template and waiting.template == template:
            return None
        if not template and waiting.due_at == due and waiting.reason == reason:
            return None
    now = clock.now()
    followup = FollowUpModel(
        lead_id=lead.id,
        due_at=due,
        has_time=has_time,
        first_due_at=due,
        reason=reason,
        template=template or None,
        rule=rule,
        status="open",
        created_by=author,
        created_at=now,
        assignee=responsible(assignee, lead, author),
    )
    session.add(followup)
    session.flush()
    body = f"Follow up {when_.describe(due, has_time)}"
    if reason:
        body += f": {reason}"
    if followup.assignee and followup.assignee != author:
        body += f" (for {followup.assignee})"
    record(session, lead, "followup_scheduled", body, author=author, data=_data(followup))
    refresh_next(session, lead)
    return followup


def responsible(assignee: str | None, lead: LeadModel, author: str) -> str | None:
    """Who a new follow-up is for: the one named, else the lead's owner, else its planner."""
    named = clean_person(assignee)
    return named or lead.owner or author or None


def clean_person(name: str | None) -> str | None:
    """A person's name as typed, checked like an owner (None when blank)."""
    from sellerdesk.checks import clean_field

    return clean_field("owner", name) if name and name.strip() else None


def cancel_active(
    session: Session, lead: LeadModel, author: str, why: str, *, rule: str | None = None
) -> int:
    """Cancel the waiting follow-ups (only those `rule` made, when given); one timeline row each."""
    count = 0
    for followup in active_for(session, lead.id):
        if rule is not None and followup.rule != rule:
            continue
        mark_cancelled(session, lead, followup, author, why)
        count += 1
    if count:
        refresh_next(session, lead)
    return count


def mark_cancelled(
    session: Session, lead: LeadModel, followup: FollowUpModel, author: str, why: str
) -> None:
    """Cancel `followup` inside the caller's write unit, with `why` on the lead's timeline.

    The caller calls `refresh_next` afterwards, once for however many it cancels.
    """
    followup.status = "cancelled"
    followup.snoozed_until = None
    body = f"Cancelled {when_.describe(followup.due_at, followup.has_time)}"
    if followup.reason:
        body += f": {followup.reason}"
    if why:
        body += f" ({why})"
    record(session, lead, "followup_cancelled", body, author=author, data=_data(followup))


def _data(followup: FollowUpModel) -> dict:
    data = {
        "followup_id": followup.id,
        "due_at": followup.due_at.isoformat(),
        "has_time": followup.has_time,
    }
    if followup.template:
        data["template"] = followup.template
    if followup.rule:
        data["rule"] = followup.rule
    return data


# ------------------------------------------------------------ one write unit each


def _lead(session: Session, username: str) -> LeadModel:
    key = clean_username(username).lower()
    lead = session.scalars(select(LeadModel).where(LeadModel.username_key == key)).first()
    if lead is None:
        raise NotFound(f"No lead with username '{username.strip()}'.")
    return lead


def _followup(session: Session, followup_id: int) -> tuple[FollowUpModel, LeadModel]:
    followup = session.get(FollowUpModel, followup_id)
    if followup is None:
        raise NotFound(f"No follow-up with id {followup_id}.")
    return followup, session.get_one(LeadModel, followup.lead_id)


def _waiting(session: Session, username: str) -> tuple[FollowUpModel, LeadModel]:
    lead = _lead(session, username)
    waiting = active_for(session, lead.id)
    if not waiting:
        raise NotFound(f"{lead.username} has no follow-up waiting.")
    return waiting[0], lead


def _require_active(followup: FollowUpModel, expected_version: Any = None) -> None:
    """Refuse a change to a follow-up that is closed, or that changed since it was read.

    `expected_version` is the version read, or the follow-up as read (a queue
    line, a `FollowUp`), which lets the refusal say what changed."""
    if followup.status not in ACTIVE:
        by = f" by {followup.updated_by}" if followup.updated_by else ""
        raise Invalid(f"That follow-up is already {followup.status}{by}; nothing was changed.")
    from sellerdesk.stale import refuse_if_stale

    seen = None if isinstance(expected_version, int | None) else expected_version
    version = expected_version if seen is None else seen.version
    refuse_if_stale(followup, version, "That follow-up", seen=seen)


def add(
    db: Database,
    username: str,
    when_text: str | when_.When,
    *,
    reason: str = "",
    template: str | None = None,
    assignee: str | None = None,
) -> FollowUp:
    """Plan a follow-up by hand ("call me back in 2 weeks" → `2w`), for `assignee`
    (default: the lead's owner, else whoever plans it)."""
    when = when_text if isinstance(when_text, when_.When) else when_.parse(when_text)
    template = (template or "").strip() or None
    if template is not None:
        from sellerdesk.templates.loading import library

        library().get(template)  # refuses, in words, a template that does not exist
    with db.write() as session:
        lead = _lead(session, username)
        followup = schedule(
            session,
            lead,
            when.due_at,
            reason,
            template,
            db.author,
            has_time=when.has_time,
            assignee=assignee,
        )
        if followup is None:
            raise Invalid(f"{lead.username} already has that follow-up planned.")
        lead.updated_at = clock.now()
        return to_record(followup)


def done(
    db: Database,
    username: str | None = None,
    *,
    followup_id: int | None = None,
    expected_version: Any = None,
) -> FollowUp:
    """Mark a follow-up done: the given one, or the lead's earliest waiting one."""
    with db.write() as session:
        if followup_id is not None:
            followup, lead = _followup(session, followup_id)
            _require_active(followup, expected_version)
        else:
            followup, lead = _waiting(session, username or "")
        mark_done(session, lead, followup, db.author)
        rules.followup_done(session, lead, followup, db.author)
        refresh_next(session, lead)
        return to_record(followup)


def mark_done(
    session: Session, lead: LeadModel, followup: FollowUpModel, author: str, why: str = ""
) -> None:
    """Mark `followup` done inside the caller's write unit, on the lead's timeline.

    The caller calls `refresh_next` afterwards (and `rules.followup_done` when a
    person, not a rule, did it)."""
    now = clock.now()
    followup.status = "done"
    followup.done_at = now
    followup.snoozed_until = None
    body = "Done"
    if followup.reason:
        body += f": {followup.reason}"
    if why:
        body += f" ({why})"
    record(session, lead, "followup_done", body, author=author, data=_data(followup))
    lead.updated_at = now


def snooze(
    db: Database,
    username: str | None = None,
    when_text: str | when_.When = "",
    *,
    followup_id: int | None = None,
    expected_version: Any = None,
) -> FollowUp:
    """Put a follow-up off until a later moment; it comes back then, status snoozed.
    A day without a time keeps the follow-up's own time of day, if it had one."""
    when = when_text if isinstance(when_text, when_.When) else when_.parse(when_text)
    with db.write() as session:
        if followup_id is not None:
            followup, lead = _followup(session, followup_id)
            _require_active(followup, expected_version)
        else:
            followup, lead = _waiting(session, username or "")
        when = when_.keeping_time(when, followup.due_at, followup.has_time)
        followup.status = "snoozed"
        followup.due_at = when.due_at
        followup.has_time = when.has_time
        followup.snoozed_until = when.due_at
        body = f"Snoozed to {when.describe()}"
        if followup.reason:
            body += f": {followup.reason}"
        record(session, lead, "followup_snoozed", body, author=db.author, data=_data(followup))
        lead.updated_at = clock.now()
        refresh_next(session, lead)
        return to_record(followup)


def snooze_days(
    db: Database, followup_id: int, days: int, *, expected_version: Any = None
) -> FollowUp:
    """Snooze by whole days from today, keeping the time of day when one was given."""
    day = clock.local_now().date() + timedelta(days=days)
    return snooze(
        db,
        when_text=when_.When(when_.start_of_day(day), False),
        followup_id=followup_id,
        expected_version=expected_version,
    )


def reschedule(
    db: Database,
    followup_id: int,
    when_text: str | when_.When,
    *,
    expected_version: Any = None,
) -> FollowUp:
    """Move a follow-up to a new due moment; it stays (or becomes) open. A day
    without a time keeps the follow-up's own time of day, as a snooze does."""
    when = when_text if isinstance(when_text, when_.When) else when_.parse(when_text)
    with db.write() as session:
        followup, lead = _followup(session, followup_id)
        _require_active(followup, expected_version)
        when = when_.keeping_time(when, followup.due_at, followup.has_time)
        before = when_.describe(followup.due_at, followup.has_time)
        followup.status = "open"
        followup.due_at = when.due_at
        followup.has_time = when.has_time
        followup.snoozed_until = None
        body = f"Moved from {before} to {when.describe()}"
        if followup.reason:
            body += f": {followup.reason}"
        record(session, lead, "followup_rescheduled", body, author=db.author, data=_data(followup))
        lead.updated_at = clock.now()
        refresh_next(session, lead)
        return to_record(followup)


def cancel(
    db: Database, followup_id: int, why: str = "", *, expected_version: Any = None
) -> FollowUp:
    with db.write() as session:
        followup, lead = _followup(session, followup_id)
        _require_active(followup, expected_version)
        mark_cancelled(session, lead, followup, db.author, why.strip())
        lead.updated_at = clock.now()
        refresh_next(session, lead)
        return to_record(followup)


def for_lead(db: Database, lead_id: int, *, include_closed: bool = False) -> list[FollowUp]:
    """A lead's follow-ups, soonest first (closed ones after, newest first)."""
    with db.read() as session:
        stmt = select(FollowUpModel).where(FollowUpModel.lead_id == lead_id)
        if not include_closed:
            stmt = stmt.where(FollowUpModel.status.in_(ACTIVE))
        rows = session.scalars(stmt.order_by(FollowUpModel.due_at, FollowUpModel.id))
        found = [to_record(row) for row in rows]
    waiting = [f for f in found if f.status in ACTIVE]
    closed = sorted((f for f in found if f.status not in ACTIVE), key=lambda f: -f.id)
    return waiting + closed


def get(db: Database, followup_id: int) -> FollowUp:
    with db.read() as session:
        return to_record(_followup(session, followup_id)[0])


def owner_changed(session: Session, lead: LeadModel, old: str | None, new: str | None) -> int:
    """Inside a write unit: hand the old owner's (and nobody's) waiting follow-ups
    to the new owner; returns how many moved."""
    moved = 0
    for followup in active_for(session, lead.id):
        theirs = followup.assignee is None or same(followup.assignee, old)
        if theirs and followup.assignee != new:
            followup.assignee = new
            moved += 1
    return moved
