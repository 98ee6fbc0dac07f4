"""Leads: create, find, edit, label, move through stages, mark do-not-contact.

Plain functions over a `Database`; each write is one transaction and leaves
its trace on the lead's timeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sellerdesk import clock, rules
from sellerdesk.checks import EDITABLE, clean_field, clean_label, clean_username
from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, LeadLabelModel, LeadModel, LeadValueModel
from sellerdesk.errors import Duplicate, Invalid, NotFound
from sellerdesk.records import Event, Lead
from sellerdesk.timeline import events_for, record
from sellerdesk.vocab import STAGES

# ---------------------------------------------------------------- converters


def to_record(model: LeadModel) -> Lead:
    return Lead(
        id=model.id,
        username=model.username,
        display_name=model.display_name,
        source=model.source,
        stage=model.stage,
        stage_since=model.stage_since,
        website=model.website,
        last_messaged_at=model.last_messaged_at,
        next_followup_at=model.next_followup_at,
        do_not_contact=model.do_not_contact,
        dnc_reason=model.dnc_reason,
        referred_by=model.referred_by,
        project_type=model.project_type,
        industry=model.industry,
        owner=model.owner,
        notes=model.notes,
        created_at=model.created_at,
        updated_at=model.updated_at,
        version=model.version,
        labels=tuple(label.label for label in model.labels),
        values={value.name: value.value for value in model.values},
    )


def _load(session: Session, username: str, *, for_update: bool = False) -> LeadModel:
    key = clean_username(username).lower()
    lead = session.scalars(
        select(LeadModel)
        .where(LeadModel.username_key == key)
        .options(selectinload(LeadModel.labels), selectinload(LeadModel.values))
    ).first()
    if lead is None:
        raise NotFound(f"No lead with username '{username.strip()}'.")
    return lead


def _load_id(session: Session, lead_id: int) -> LeadModel:
    lead = session.get(
        LeadModel,
        lead_id,
        options=[selectinload(LeadModel.labels), selectinload(LeadModel.values)],
    )
    if lead is None:
        raise NotFound(f"No lead with id {lead_id}.")
    return lead


def _touch(lead: LeadModel) -> None:
    lead.updated_at = clock.now()


# ---------------------------------------------------------------- reading


def get_lead(db: Database, username: str) -> Lead:
    with db.read() as session:
        return to_record(_load(session, username))


def get_lead_by_id(db: Database, lead_id: int) -> Lead:
    with db.read() as session:
        return to_record(_load_id(session, lead_id))


def find_lead(db: Database, username: str) -> Lead | None:
    try:
        return get_lead(db, username)
    except NotFound:
        return None


def lead_timeline(db: Database, lead_id: int, limit: int = 200) -> list[Event]:
    with db.read() as session:
        return events_for(session, lead_id, limit)


# ---------------------------------------------------------------- writing


def add_lead(
    db: Database,
    username: str,
    *,
    display_name: str | None = None,
    website: str | None = None,
    source: str | None = None,
    stage: str | None = None,
    labels: Iterable[str] = (),
    referred_by: str | None = None,
    project_type: str | None = None,
    industry: str | None = None,
    owner: str | None = None,
    notes: str | None = None,
) -> Lead:
    name = clean_username(username)
    fields = {
        "display_name": display_name,
        "website": website,
        "source": source,
        "project_type": project_type,
        "industry": industry,
        "owner": owner,
        "notes": notes,
        "referred_by": referred_by,
    }
    clean = {key: clean_field(key, value) for key, value in fields.items()}
    stage_key = STAGES.parse(stage) if stage else "new"
    label_list = _dedupe_labels(labels)
    now = clock.now()
    with db.write() as session:
        taken = session.scalar(
            select(LeadModel.username).where(LeadModel.username_key == name.lower())
        )
        if taken is not None:
            raise Duplicate(f"A lead with username '{taken}' already exists.")
        lead = LeadModel(
            username=name,
            username_key=name.lower(),
            stage=stage_key,
            stage_since=now,
            do_not_contact=False,
            created_at=now,
            updated_at=now,
            **clean,
        )
        lead.labels = [LeadLabelModel(label=lbl, label_key=lbl.lower()) for lbl in label_list]
        session.add(lead)
        session.flush()
        record(session, lead, "created", f"Added as {STAGES.label(stage_key)}", author=db.author)
        return to_record(lead)


def _dedupe_labels(labels: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for raw in labels:
        label = clean_label(raw)
        seen.setdefault(label.lower(), label)
    return list(seen.values())


def update_lead(
    db: Database,
    username: str,
    *,
    expected_version: int | None = None,
    seen: Lead | None = None,
    **changes: Any,
) -> Lead:
    """Edit record fields. With `expected_version` (or `seen`, the lead as read),
    refuse if someone saved in between, saying who and what they changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise Invalid(f"Cannot edit {', '.join(sorted(unknown))} here.")
    clean = {key: clean_field(key, value) for key, value in changes.items()}
    with db.write() as session:
        lead = _load(session, username)
        _check_version(lead, expected_version, seen, writes=clean)
        if _edit(session, lead, clean, db.author):
            session.flush()
        return to_record(lead)


def _edit(session: Session, lead: LeadModel, clean: dict[str, Any], author: str) -> list[str]:
    """Inside a write unit: set the checked fields that differ, with one timeline entry."""
    changed = {k: v for k, v in clean.items() if getattr(lead, k) != v}
    if not changed:
        return []
    old_owner = lead.owner
    for key, value in changed.items():
        setattr(lead, key, value)
    if "owner" in changed:
        from sellerdesk.team import owner_changed

        owner_changed(session, lead, old_owner, lead.owner)
    _touch(lead)
    body = ", ".join(f"{key.replace('_', ' ')}: {value or '—'}" for key, value in changed.items())
    record(session, lead, "edited", body, author=author, data={"fields": sorted(changed)})
    return sorted(changed)


def _check_version(
    lead: LeadModel,
    expected: int | None,
    seen: Lead | None = None,
    writes: Iterable[str] | None = None,
) -> None:
    """Refuse a write made on a stale read of `lead` (see `sellerdesk.stale`)."""
    from sellerdesk.stale import refuse_if_stale

    if expected is None and seen is not None:
        expected = seen.version
    refuse_if_stale(lead, expected, lead.username, seen=seen, writes=writes)


def set_stage(
    db: Database,
    username: str,
    stage: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
    seen: Lead | None = None,
) -> Lead:
    new = STAGES.parse(stage)
    with db.write() as session:
        lead = _load(session, username)
        _check_version(lead, expected_version, seen, writes=("stage",))
        if _move(session, lead, new, db.author, reason):
            session.flush()
        return to_record(lead)


def _move(session: Session, lead: LeadModel, new: str, author: str, reason: str = "") -> bool:
    """Inside a write unit: move `lead` to stage `new` (logged, rules run); False if there."""
    old = lead.stage
    if old == new:
        return False
    lead.stage = new
    lead.stage_since = clock.now()
    _touch(lead)
    body = f"{STAGES.label(old)} → {STAGES.label(new)}"
    if reason:
        body += f" ({reason})"
    record(session, lead, "stage", body, author=author, data={"from": old, "to": new})
    rules.stage_changed(session, lead, old, new, author)
    return True


def add_note(db: Database, username: str, text: str) -> Event:
    body = (text or "").strip()
    if not body:
        raise Invalid("A note cannot be empty.")
    with db.write() as session:
        lead = _load(session, username)
        _touch(lead)
        event = record(session, lead, "note", body, author=db.author)
        session.flush()
        from sellerdesk.timeline import to_record as event_record

        return event_record(event)


def add_labels(db: Database, username: str, labels: Iterable[str]) -> Lead:
    wanted = _dedupe_labels(labels)
    with db.write() as session:
        lead = _load(session, username)
        _add_labels(session, lead, wanted, db.author)
        session.flush()
        return to_record(lead)


def _add_labels(session: Session, lead: LeadModel, labels: list[str], author: str) -> None:
    have = {label.label_key for label in lead.labels}
    for label in labels:
        if label.lower() in have:
            continue
        lead.labels.append(LeadLabelModel(label=label, label_key=label.lower()))
        have.add(label.lower())
        record(session, lead, "label_added", label, author=author)
        _touch(lead)


def remove_labels(db: Database, username: str, labels: Iterable[str]) -> Lead:
    keys = {clean_label(label).lower() for label in labels}
    with db.write() as session:
        lead = _load(session, username)
        for label in list(lead.labels):
            if label.label_key in keys:
                lead.labels.remove(label)
                record(session, lead, "label_removed", label.label, author=db.author)
                _touch(lead)
        session.flush()
        return to_record(lead)


def set_do_not_contact(
    db: Database,
    username: str,
    on: bool,
    reason: str = "",
    *,
    expected_version: int | None = None,
    seen: Lead | None = None,
) -> Lead:
    reason = (reason or "").strip()
    if on and not reason:
        raise Invalid("Say why this lead must not be contacted (the reason is kept on record).")
    with db.write() as session:
        lead = _load(session, username)
        _check_version(lead, expected_version, seen, writes=("do_not_contact", "dnc_reason"))
        if _flag(session, lead, on, reason, db.author):
            session.flush()
        return to_record(lead)


def _flag(session: Session, lead: LeadModel, on: bool, reason: str, author: str) -> bool:
    """Inside a write unit: set or clear do-not-contact (logged, rules run); False if unchanged."""
    if lead.do_not_contact == on and (not on or lead.dnc_reason == reason):
        return False
    lead.do_not_contact = on
    lead.dnc_reason = reason if on else None
    _touch(lead)
    record(session, lead, "dnc_on" if on else "dnc_off", reason, author=author)
    if on:
        rules.do_not_contact_set(session, lead, author)
    return True


def remember_values(db: Database, username: str, values: dict[str, str]) -> Lead:
    """Keep placeholder values on the lead so the next copy does not ask again."""
    with db.write() as session:
        lead = _load(session, username)
        current = {value.name: value for value in lead.values}
        for name, value in values.items():
            if name in current:
                current[name].value = value
            else:
                lead.values.append(LeadValueModel(name=name, value=value))
        _touch(lead)
        session.flush()
        return to_record(lead)


def event_count(db: Database, lead_id: int) -> int:
    with db.read() as session:
        return (
            session.scalar(select(func.count(EventModel.id)).where(EventModel.lead_id == lead_id))
            or 0
        )
