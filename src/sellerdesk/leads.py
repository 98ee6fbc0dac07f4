"""Leads: create, find, edit, label, move through stages, mark do-not-contact.

Plain functions over a `Database`; each write is one transaction and leaves
its trace on the lead's timeline.

The write-unit API is for other domain modules that change a lead inside
their own transaction (a copy, an order, a referral, an import): `load` and
`load_id` find the lead's row, `touch` marks it changed, and `edit_fields`,
`move_stage`, `attach_labels` and `flag_dnc` do what `update_lead`,
`set_stage`, `add_labels` and `set_do_not_contact` do, timeline and rules
included, without a transaction of their own (`flag_dnc` leaves the stage as
it is: `set_do_not_contact` also ends an open conversation as Lost).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sellerdesk import clock, rules
from sellerdesk.checks import EDITABLE, clean_field, clean_label, clean_note, clean_username
from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, LeadLabelModel, LeadModel, LeadValueModel
from sellerdesk.errors import Duplicate, Invalid, NotFound
from sellerdesk.records import Event, Lead
from sellerdesk.timeline import events_for, record
from sellerdesk.vocab import OPEN_STAGES, STAGES

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


def load(session: Session, username: str, *, for_update: bool = False) -> LeadModel:
    key = clean_username(username).lower()
    lead = session.scalars(
        select(LeadModel)
        .where(LeadModel.username_key == key)
        .options(selectinload(LeadModel.labels), selectinload(LeadModel.values))
    ).first()
    if lead is None:
        raise NotFound(f"No lead with username '{username.strip()}'.")
    return lead


def load_id(session: Session, lead_id: int) -> LeadModel:
    lead = session.get(
        LeadModel,
        lead_id,
        options=[selectinload(LeadModel.labels), selectinload(LeadModel.values)],
    )
    if lead is None:
        raise NotFound(f"No lead with id {lead_id}.")
    return lead


def touch(lead: LeadModel) -> None:
    lead.updated_at = clock.now()


# ---------------------------------------------------------------- reading


def get_lead(db: Database, username: str) -> Lead:
    with db.read() as session:
        return to_record(load(session, username))


def get_lead_by_id(db: Database, lead_id: int) -> Lead:
    with db.read() as session:
        return to_record(load_id(session, lead_id))


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
    if stage_key == "lost":
        # Lost is a decision with its reason on record (seed 003); a new lead has
        # no conversation to have ended yet.
        raise Invalid(NEW_NOT_LOST)
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
    clean = _clean_changes(changes)
    with db.write() as session:
        lead = load(session, username)
        check_version(lead, expected_version, seen, writes=clean)
        if edit_fields(session, lead, clean, db.author):
            session.flush()
        return to_record(lead)


def _clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise Invalid(f"Cannot edit {', '.join(sorted(unknown))} here.")
    return {key: clean_field(key, value) for key, value in changes.items()}


def edit_fields(session: Session, lead: LeadModel, clean: dict[str, Any], author: str) -> list[str]:
    """Inside a write unit: set the checked fields that differ, with one timeline entry."""
    changed = {k: v for k, v in clean.items() if getattr(lead, k) != v}
    if not changed:
        return []
    old_owner = lead.owner
    for key, value in changed.items():
        setattr(lead, key, value)
    if "owner" in changed:
        from sellerdesk.followups.store import owner_changed

        owner_changed(session, lead, old_owner, lead.owner)
    touch(lead)
    body = ", ".join(f"{key.replace('_', ' ')}: {value or '—'}" for key, value in changed.items())
    record(session, lead, "edited", body, author=author, data={"fields": sorted(changed)})
    return sorted(changed)


def check_version(
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


NEW_NOT_LOST = (
    "A new lead can't start as Lost: add it, then move it to Lost with the reason "
    "(s on its screen, or sellerdesk lead edit USERNAME --stage lost --reason WHY)."
)
LOST_NEEDS_REASON = (
    "Say why the lead is lost (kept on record); a client who declined an offer goes back "
    "to Qualified instead (sellerdesk lead decline)."
)


def edit_lead(
    db: Database,
    username: str,
    *,
    expected_version: int | None,
    changes: dict[str, Any] | None = None,
    stage: str | None = None,
    reason: str = "",
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    do_not_contact: str | None = None,
    allow_contact: bool = False,
    seen: Lead | None = None,
) -> Lead:
    """Every change to one lead in one write unit: all of it saved, or none.

    With `expected_version` (the version the caller read), the edit is refused
    if anyone saved the lead in between, as the app's form is, saying who and
    (given `seen`, the lead as read) what they changed. `reason` goes with the
    stage (Lost needs one).
    """
    clean = _clean_changes(changes or {})
    new_stage = STAGES.parse(stage) if stage else None
    reason = " ".join((reason or "").split())
    if new_stage == "lost" and not reason:
        raise Invalid(LOST_NEEDS_REASON)
    wanted, unwanted = _dedupe_labels(add), {clean_label(label).lower() for label in remove}
    dnc_reason = (do_not_contact or "").strip()
    if do_not_contact is not None and not dnc_reason:
        raise Invalid(NEEDS_REASON)
    with db.write() as session:
        lead = load(session, username)
        check_version(lead, expected_version, seen)
        edit_fields(session, lead, clean, db.author)
        if new_stage is not None:
            move_stage(session, lead, new_stage, db.author, reason)
        attach_labels(session, lead, wanted, db.author)
        _remove_labels(session, lead, unwanted, db.author)
        if do_not_contact is not None:
            _do_not_contact(session, lead, dnc_reason, db.author)
        if allow_contact:
            flag_dnc(session, lead, False, "", db.author)
        session.flush()
        return to_record(lead)


def set_stage(
    db: Database,
    username: str,
    stage: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
    seen: Lead | None = None,
) -> Lead:
    """Move a lead; Lost is a decision and needs its reason (seed 003: a client who
    declines returns to qualification, see `outcomes.decline_offer`)."""
    new = STAGES.parse(stage)
    reason = " ".join((reason or "").split())
    if new == "lost" and not reason:
        raise Invalid(LOST_NEEDS_REASON)
    with db.write() as session:
        lead = load(session, username)
        check_version(lead, expected_version, seen, writes=("stage",))
        if move_stage(session, lead, new, db.author, reason):
            session.flush()
        return to_record(lead)


def move_stage(session: Session, lead: LeadModel, new: str, author: str, reason: str = "") -> bool:
    """Inside a write unit: move `lead` to stage `new` (logged, rules run); False if there."""
    old = lead.stage
    if old == new:
        return False
    lead.stage = new
    lead.stage_since = clock.now()
    touch(lead)
    body = f"{STAGES.label(old)} → {STAGES.label(new)}"
    if reason:
        body += f" ({reason})"
    record(session, lead, "stage", body, author=author, data={"from": old, "to": new})
    rules.stage_changed(session, lead, old, new, author)
    return True


def add_note(db: Database, username: str, text: str) -> Event:
    body = clean_note(text)
    if not body:
        raise Invalid("A note cannot be empty.")
    with db.write() as session:
        lead = load(session, username)
        touch(lead)
        event = record(session, lead, "note", body, author=db.author)
        session.flush()
        from sellerdesk.timeline import to_record as event_record

        return event_record(event)


def add_labels(db: Database, username: str, labels: Iterable[str]) -> Lead:
    wanted = _dedupe_labels(labels)
    with db.write() as session:
        lead = load(session, username)
        attach_labels(session, lead, wanted, db.author)
        session.flush()
        return to_record(lead)


def attach_labels(session: Session, lead: LeadModel, labels: list[str], author: str) -> None:
    have = {label.label_key for label in lead.labels}
    for label in labels:
        if label.lower() in have:
            continue
        lead.labels.append(LeadLabelModel(label=label, label_key=label.lower()))
        have.add(label.lower())
        record(session, lead, "label_added", label, author=author)
        touch(lead)


def remove_labels(db: Database, username: str, labels: Iterable[str]) -> Lead:
    keys = {clean_label(label).lower() for label in labels}
    with db.write() as session:
        lead = load(session, username)
        _remove_labels(session, lead, keys, db.author)
        session.flush()
        return to_record(lead)


def _remove_labels(session: Session, lead: LeadModel, keys: set[str], author: str) -> None:
    for label in list(lead.labels):
        if label.label_key in keys:
            lead.labels.remove(label)
            record(session, lead, "label_removed", label.label, author=author)
            touch(lead)


NEEDS_REASON = "Say why this lead must not be contacted (the reason is kept on record)."


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
        raise Invalid(NEEDS_REASON)
    with db.write() as session:
        lead = load(session, username)
        check_version(lead, expected_version, seen, writes=("do_not_contact", "dnc_reason"))
        if on:
            changed = _do_not_contact(session, lead, reason, db.author)
        else:
            changed = flag_dnc(session, lead, False, "", db.author)
        if changed:
            session.flush()
        return to_record(lead)


def _do_not_contact(session: Session, lead: LeadModel, reason: str, author: str) -> bool:
    """Inside a write unit: mark do-not-contact; an open conversation ends as Lost."""
    if not flag_dnc(session, lead, True, reason, author):
        return False
    if lead.stage in OPEN_STAGES:
        # Nobody is to be contacted: the open conversation is lost, for that reason.
        # (An import keeps the stage its sheet gives, so this is not in `flag_dnc`.)
        move_stage(session, lead, "lost", author, f"do not contact: {reason}")
    return True


def flag_dnc(session: Session, lead: LeadModel, on: bool, reason: str, author: str) -> bool:
    """Inside a write unit: set or clear do-not-contact (logged, rules run); False if unchanged."""
    if lead.do_not_contact == on and (not on or lead.dnc_reason == reason):
        return False
    lead.do_not_contact = on
    lead.dnc_reason = reason if on else None
    touch(lead)
    record(session, lead, "dnc_on" if on else "dnc_off", reason, author=author)
    if on:
        rules.do_not_contact_set(session, lead, author)
    return True


def remember_values(db: Database, username: str, values: dict[str, str]) -> Lead:
    """Keep placeholder values on the lead so the next copy does not ask again."""
    with db.write() as session:
        lead = load(session, username)
        for name, value in values.items():
            set_value(lead, name, value)
        touch(lead)
        session.flush()
        return to_record(lead)


def set_value(lead: LeadModel, name: str, value: str) -> None:
    """Inside a write unit: remember one placeholder value on the lead."""
    for held in lead.values:
        if held.name == name:
            held.value = value
            return
    lead.values.append(LeadValueModel(name=name, value=value))


def event_count(db: Database, lead_id: int) -> int:
    with db.read() as session:
        return (
            session.scalar(select(func.count(EventModel.id)).where(EventModel.lead_id == lead_id))
            or 0
        )
