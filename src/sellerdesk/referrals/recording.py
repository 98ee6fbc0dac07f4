"""Recording a referral: who referred a new lead, either of them new to the
book, with the label, the note and the reward promised, in one write unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sellerdesk import clock, leads
from sellerdesk.checks import EDITABLE, clean_field, clean_label
from sellerdesk.config import Settings, load_settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, ReferralModel
from sellerdesk.errors import Duplicate, Invalid
from sellerdesk.leads import attach_labels, clean_username, touch
from sellerdesk.records import Lead
from sellerdesk.referrals import reward
from sellerdesk.referrals.earning import earn, has_order
from sellerdesk.referrals.said import says_referred_by
from sellerdesk.referrals.tracking import Recorded, find_lead, referral_of, usernames
from sellerdesk.timeline import record
from sellerdesk.vocab import STAGES

REFERRAL_LABEL = "Referral"
PAST_CLIENT_LABEL = "Past Client"


def _new_lead(session: Session, username: str, author: str, **fields: Any) -> LeadModel:
    now = clock.now()
    stage = fields.pop("stage", "new")
    lead = LeadModel(
        username=username,
        username_key=username.lower(),
        stage=stage,
        stage_since=now,
        do_not_contact=False,
        created_at=now,
        updated_at=now,
        **fields,
    )
    lead.labels = []
    session.add(lead)
    session.flush()
    return lead


def record_referral(
    db: Database,
    new_username: str,
    referrer_username: str,
    *,
    settings: Settings | None = None,
) -> Recorded:
    """The new lead `new_username` says `referrer_username` referred them.

    Either may be new to the book: the new lead is added (source Referral),
    the referrer is added as a past client. The new lead gets the Referral
    label, "Referred by: <referrer>" in its notes and on its timeline, and
    `referred_by`; the reward promised is the setting as it is today.
    """
    new_name, by_name = _names(new_username, referrer_username)
    promised = reward.in_full(settings or load_settings())
    with _one_unit(db, new_name, by_name) as session:
        return record_in_unit(session, new_name, by_name, promised, db.author)


def _names(new_username: str, referrer_username: str) -> tuple[str, str]:
    new_name = clean_username(new_username)
    by_name = clean_username(referrer_username)
    if new_name.lower() == by_name.lower():
        raise Invalid(f"{new_name} cannot refer themselves.")
    return new_name, by_name


@contextmanager
def _one_unit(db: Database, new_name: str, by_name: str) -> Iterator[Session]:
    try:
        with db.write() as session:
            yield session
    except IntegrityError as exc:
        # Two people recording the same lead at the same moment (on a shared server).
        raise Duplicate(
            f"{new_name} or {by_name} was recorded by someone else just now; "
            "nothing was changed — look again and retry."
        ) from exc


def record_in_unit(
    session: Session, new_name: str, by_name: str, promised: str, author: str
) -> Recorded:
    now = clock.now()
    referred = find_lead(session, new_name)
    referrer = find_lead(session, by_name)
    if referred is not None:
        earlier = session.scalars(
            select(ReferralModel).where(ReferralModel.referred_id == referred.id)
        ).first()
        if earlier is not None:
            first = usernames(session, earlier.referrer_id)[earlier.referrer_id]
            raise Duplicate(
                f"{referred.username} is already recorded as referred by {first}; "
                "a lead can be referred only once."
            )
    if referred is not None and referrer is not None:
        back = session.scalars(
            select(ReferralModel).where(
                ReferralModel.referred_id == referrer.id,
                ReferralModel.referrer_id == referred.id,
            )
        ).first()
        if back is not None:
            raise Invalid(
                f"{referrer.username} was referred by {referred.username}; "
                "they cannot also be referred the other way round."
            )
    created_referrer = referrer is None
    if referrer is None:
        referrer = _new_lead(session, by_name, author, stage="completed")
        record(session, referrer, "created", past_client_text(new_name), author=author)
        attach_labels(session, referrer, [PAST_CLIENT_LABEL], author)
    created_referred = referred is None
    if referred is None:
        referred = _new_lead(session, new_name, author, source="referral")
        record(session, referred, "created", f"Added as New, referred by {by_name}", author=author)
    _mark_referred(session, referred, referrer.username, author)
    model = ReferralModel(
        referrer_id=referrer.id,
        referred_id=referred.id,
        reward=promised,
        status="pending",
        created_by=author,
        created_at=now,
    )
    session.add(model)
    session.flush()
    record(
        session,
        referrer,
        "referral_recorded",
        recorded_text(referred.username, promised),
        author=author,
        data={"referral_id": model.id, "referred": referred.username},
    )
    touch(referrer)
    if has_order(session, referred.id):
        earn(session, model, referrer, referred, author, "already has an order")
    session.flush()
    return Recorded(referral_of(session, model), created_referred, created_referrer)


def add_referred_lead(
    db: Database,
    username: str,
    referrer_username: str,
    *,
    stage: str | None = None,
    labels: Iterable[str] = (),
    settings: Settings | None = None,
    **fields: Any,
) -> Lead:
    """A new lead who names a referrer: the referral is recorded too (label,
    note, reward), since an untracked referral earns nobody anything.

    Everything typed is checked before anything is written, and all of it
    is written in one unit: a refusal, or a failure halfway, leaves no
    half-made lead. Fields left empty keep what the referral set (source
    Referral, the "Referred by" note); typed notes follow that note.
    """
    name, by_name = _names(username, referrer_username)
    # The referrer is the argument; `referred_by` follows from recording it.
    unknown = set(fields) - (set(EDITABLE) - {"referred_by"})
    if unknown:
        raise Invalid(f"Cannot set {', '.join(sorted(unknown))} here.")
    # Every field is refused before anything is written; the ones left empty
    # keep what the referral sets.
    cleaned = {key: clean_field(key, value) for key, value in fields.items()}
    rest = {key: cleaned[key] for key, value in fields.items() if value not in (None, "")}
    stage_key = STAGES.parse(stage) if stage else None
    if stage_key == "lost":
        raise Invalid(leads.NEW_NOT_LOST)
    wanted = [clean_label(label) for label in labels]
    promised = reward.in_full(settings or load_settings())
    with _one_unit(db, name, by_name) as session:
        existing = find_lead(session, name)
        if existing is not None:
            raise Duplicate(f"A lead with username '{existing.username}' already exists.")
        record_in_unit(session, name, by_name, promised, db.author)
        lead = leads.load(session, name)
        recorded = lead.notes or ""
        if rest.get("notes") and recorded not in rest["notes"]:
            rest["notes"] = f"{recorded}\n{rest['notes']}".strip()
        leads.edit_fields(session, lead, rest, db.author)
        if stage_key:
            leads.move_stage(session, lead, stage_key, db.author)
        if wanted:
            attach_labels(session, lead, wanted, db.author)
        session.flush()
        return leads.to_record(lead)


def _mark_referred(session: Session, lead: LeadModel, by: str, author: str) -> None:
    lead.referred_by = by
    lead.source = "referral"
    notes = notes_with_referrer(lead.notes, by)
    if notes is not None:
        lead.notes = notes
    attach_labels(session, lead, [REFERRAL_LABEL], author)
    record(session, lead, "note", referred_line(by), author=author, data=note_data(by))
    touch(lead)


# The words and data a recorded referral leaves, shared with the bulk import.


def referred_line(by: str) -> str:
    return f"Referred by: {by}"


def notes_with_referrer(notes: str | None, by: str) -> str | None:
    """The notes with the "Referred by: <by>" line added, or None if they say it
    already (on a line of its own or after other words: `said.REFERRED_BY`)."""
    line = referred_line(by)
    text = (notes or "").strip()
    if says_referred_by(text, by):
        return None
    return f"{text}\n{line}" if text else line


def note_data(by: str) -> dict[str, str]:
    return {"referred_by": by, "field": "notes"}


def past_client_text(new_name: str) -> str:
    return f"Added as a past client who referred {new_name}"


def recorded_text(referred: str, promised: str) -> str:
    return f"Referred {referred}; reward when they order: {promised}"
