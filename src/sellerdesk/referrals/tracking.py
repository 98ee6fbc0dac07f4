"""Who brought whom: recording a referral, earning and redeeming its reward,
and putting the ask in the morning queue once the gate holds.

"If the referral source is not logged in the CRM, the referral does not
exist" (seed 002): a referral is one row (pending → earned when the referred
lead places its first order → redeemed when the reward is used), and each
step lands on both leads' timelines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from sellerdesk import clock, leads, rules
from sellerdesk.checks import EDITABLE, clean_field, clean_label
from sellerdesk.config import Settings, load_settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import (
    EventModel,
    FollowUpModel,
    LeadModel,
    OrderModel,
    ReferralModel,
)
from sellerdesk.errors import Duplicate, Invalid, NotFound
from sellerdesk.leads import _add_labels, _touch, clean_username
from sellerdesk.records import Lead
from sellerdesk.referrals import reward
from sellerdesk.referrals.guard import gate_in_unit
from sellerdesk.timeline import record
from sellerdesk.vocab import STAGES

ASK_TEMPLATE = "referral.ask"
ASK_RULE = "referral"
REFERRAL_LABEL = "Referral"
PAST_CLIENT_LABEL = "Past Client"
STATUSES = ("pending", "earned", "redeemed")
MAX_NOTE = 500


@dataclass(frozen=True)
class Referral:
    id: int
    referrer_id: int
    referrer: str
    referred_id: int
    referred: str
    reward: str
    status: str
    created_by: str
    created_at: datetime
    earned_at: datetime | None
    redeemed_at: datetime | None
    redeemed_note: str | None
    version: int = 1
    updated_by: str | None = None
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = value.isoformat()
        return data


@dataclass(frozen=True)
class Recorded:
    referral: Referral
    created_referred: bool
    created_referrer: bool


@dataclass(frozen=True)
class Links:
    """A lead's referral links both ways, for its lead screen."""

    referred_by: Referral | None
    brought: tuple[Referral, ...]


def _usernames(session: Session, *ids: int) -> dict[int, str]:
    rows = session.execute(select(LeadModel.id, LeadModel.username).where(LeadModel.id.in_(ids)))
    return {lead_id: name for lead_id, name in rows}


def to_record(model: ReferralModel, names: dict[int, str]) -> Referral:
    return Referral(
        id=model.id,
        referrer_id=model.referrer_id,
        referrer=names[model.referrer_id],
        referred_id=model.referred_id,
        referred=names[model.referred_id],
        reward=model.reward,
        status=model.status,
        created_by=model.created_by,
        created_at=model.created_at,
        earned_at=model.earned_at,
        redeemed_at=model.redeemed_at,
        redeemed_note=model.redeemed_note,
        version=model.version,
        updated_by=model.updated_by,
        updated_at=model.updated_at,
    )


def _one(session: Session, model: ReferralModel) -> Referral:
    return to_record(model, _usernames(session, model.referrer_id, model.referred_id))


def _find_lead(session: Session, username: str) -> LeadModel | None:
    key = clean_username(username).lower()
    return session.scalars(select(LeadModel).where(LeadModel.username_key == key)).first()


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


# ------------------------------------------------------------ recording


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
    new_name = clean_username(new_username)
    by_name = clean_username(referrer_username)
    if new_name.lower() == by_name.lower():
        raise Invalid(f"{new_name} cannot refer themselves.")
    promised = reward.in_full(settings or load_settings())
    try:
        with db.write() as session:
            return _record_in_unit(session, new_name, by_name, promised, db.author)
    except IntegrityError as exc:
        # Two people recording the same lead at the same moment (on a shared server).
        raise Duplicate(
            f"{new_name} or {by_name} was recorded by someone else just now; "
            "nothing was changed — look again and retry."
        ) from exc


def _record_in_unit(
    session: Session, new_name: str, by_name: str, promised: str, author: str
) -> Recorded:
    now = clock.now()
    referred = _find_lead(session, new_name)
    referrer = _find_lead(session, by_name)
    if referred is not None:
        earlier = session.scalars(
            select(ReferralModel).where(ReferralModel.referred_id == referred.id)
        ).first()
        if earlier is not None:
            first = _usernames(session, earlier.referrer_id)[earlier.referrer_id]
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
        _add_labels(session, referrer, [PAST_CLIENT_LABEL], author)
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
    _touch(referrer)
    if _has_order(session, referred.id):
        _earn(session, model, referrer, referred, author, "already has an order")
    session.flush()
    return Recorded(_one(session, model), created_referred, created_referrer)


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

    Everything typed is checked before anything is written, so a refusal
    leaves no half-made lead. Fields left empty keep what the referral set
    (source Referral, the "Referred by" note); typed notes follow that note.
    """
    name = clean_username(username)
    clean_username(referrer_username)
    # The referrer is the argument; `referred_by` follows from recording it.
    unknown = set(fields) - (set(EDITABLE) - {"referred_by"})
    if unknown:
        raise Invalid(f"Cannot set {', '.join(sorted(unknown))} here.")
    for key, value in fields.items():
        clean_field(key, value)
    if stage:
        STAGES.parse(stage)
    wanted = [clean_label(label) for label in labels]
    existing = leads.find_lead(db, name)
    if existing is not None:
        raise Duplicate(f"A lead with username '{existing.username}' already exists.")
    record_referral(db, name, referrer_username, settings=settings)
    rest = {key: value for key, value in fields.items() if value not in (None, "")}
    if rest.get("notes"):
        recorded = leads.get_lead(db, name).notes or ""
        if recorded not in rest["notes"]:
            rest["notes"] = f"{recorded}\n{rest['notes']}".strip()
    if rest:
        leads.update_lead(db, name, **rest)
    if stage:
        leads.set_stage(db, name, stage)
    if wanted:
        leads.add_labels(db, name, wanted)
    return leads.get_lead(db, name)


def _mark_referred(session: Session, lead: LeadModel, by: str, author: str) -> None:
    lead.referred_by = by
    lead.source = "referral"
    notes = notes_with_referrer(lead.notes, by)
    if notes is not None:
        lead.notes = notes
    _add_labels(session, lead, [REFERRAL_LABEL], author)
    record(session, lead, "note", referred_line(by), author=author, data=note_data(by))
    _touch(lead)


# The words and data a recorded referral leaves, shared with the bulk import.


def referred_line(by: str) -> str:
    return f"Referred by: {by}"


def notes_with_referrer(notes: str | None, by: str) -> str | None:
    """The notes with the "Referred by: <by>" line added, or None if they have it."""
    line = referred_line(by)
    text = (notes or "").strip()
    if line in text.splitlines():
        return None
    return f"{text}\n{line}" if text else line


def note_data(by: str) -> dict[str, str]:
    return {"referred_by": by, "field": "notes"}


def past_client_text(new_name: str) -> str:
    return f"Added as a past client who referred {new_name}"


def recorded_text(referred: str, promised: str) -> str:
    return f"Referred {referred}; reward when they order: {promised}"


def _has_order(session: Session, lead_id: int) -> bool:
    count = session.scalar(
        select(func.count(OrderModel.id)).where(
            OrderModel.lead_id == lead_id, OrderModel.status != "cancelled"
        )
    )
    return bool(count)


def _earn(
    session: Session,
    model: ReferralModel,
    referrer: LeadModel,
    referred: LeadModel,
    author: str,
    why: str,
) -> None:
    model.status = "earned"
    model.earned_at = clock.now()
    data = {"referral_id": model.id, "referred": referred.username}
    record(
        session,
        referrer,
        "referral_earned",
        f"Reward earned: {model.reward} ({referred.username} {why})",
        author=author,
        data=data,
    )
    record(
        session,
        referred,
        "referral_earned",
        f"{referrer.username} earned their referral reward ({why})",
        author=author,
        data=data,
    )
    _touch(referrer)


# ------------------------------------------------------------ redeeming


def redeem(
    db: Database, referrer_username: str, note: str = "", *, seen: Referral | None = None
) -> Referral:
    """Mark the referrer's oldest earned reward as used (e.g. on their next order).

    With `seen`, the reward as the writer saw it: that one, refused if someone
    changed it since (redeemed it already), rather than the next one silently."""
    note = " ".join((note or "").split())
    if len(note) > MAX_NOTE:
        raise Invalid(f"A redeem note can be at most {MAX_NOTE} characters.")
    with db.write() as session:
        referrer = _find_lead(session, referrer_username)
        if referrer is None:
            raise NotFound(f"No lead with username '{referrer_username.strip()}'.")
        if seen is not None:
            from sellerdesk.stale import refuse_if_stale

            model = session.get(ReferralModel, seen.id)
            if model is None or model.referrer_id != referrer.id:
                raise NotFound(f"That reward of {referrer.username}'s is no longer recorded.")
            what = f"The reward for referring {seen.referred}"
            refuse_if_stale(model, seen.version, what, seen=seen)
        else:
            model = session.scalars(
                select(ReferralModel)
                .where(ReferralModel.referrer_id == referrer.id, ReferralModel.status == "earned")
                .order_by(ReferralModel.earned_at, ReferralModel.id)
            ).first()
        if model is None or model.status != "earned":
            pending = session.scalar(
                select(func.count(ReferralModel.id)).where(
                    ReferralModel.referrer_id == referrer.id, ReferralModel.status == "pending"
                )
            )
            waiting = (
                f" ({pending} referral{'s' if pending != 1 else ''} pending: "
                "a reward is earned when the referred lead places an order)"
                if pending
                else ""
            )
            raise Invalid(f"{referrer.username} has no earned reward to redeem{waiting}.")
        model.status = "redeemed"
        model.redeemed_at = clock.now()
        model.redeemed_note = note or None
        referred = _usernames(session, model.referred_id)[model.referred_id]
        body = f"Reward redeemed: {model.reward} (for referring {referred})"
        if note:
            body += f" — {note}"
        record(
            session,
            referrer,
            "referral_redeemed",
            body,
            author=db.author,
            data={"referral_id": model.id, "referred": referred},
        )
        _touch(referrer)
        session.flush()
        return _one(session, model)


# ------------------------------------------------------------ reading


def links(db: Database, lead_id: int) -> Links:
    with db.read() as session:
        rows = list(
            session.scalars(
                select(ReferralModel)
                .where(
                    (ReferralModel.referred_id == lead_id) | (ReferralModel.referrer_id == lead_id)
                )
                .order_by(ReferralModel.created_at, ReferralModel.id)
            )
        )
        ids = {r.referrer_id for r in rows} | {r.referred_id for r in rows}
        names = _usernames(session, *ids) if ids else {}
        records = [to_record(r, names) for r in rows]
    by = next((r for r in records if r.referred_id == lead_id), None)
    return Links(by, tuple(r for r in records if r.referrer_id == lead_id))


def list_referrals(db: Database) -> list[Referral]:
    referrer = aliased(LeadModel)
    referred = aliased(LeadModel)
    with db.read() as session:
        rows = session.execute(
            select(ReferralModel, referrer.username, referred.username)
            .join(referrer, referrer.id == ReferralModel.referrer_id)
            .join(referred, referred.id == ReferralModel.referred_id)
            .order_by(referrer.username_key, ReferralModel.created_at, ReferralModel.id)
        )
        return [
            to_record(model, {model.referrer_id: by, model.referred_id: new})
            for model, by, new in rows
        ]


# ------------------------------------------------------------ the morning queue


def _ask_already_planned_or_sent(session: Session, lead_id: int) -> bool:
    planned = session.scalar(
        select(func.count(FollowUpModel.id)).where(
            FollowUpModel.lead_id == lead_id,
            FollowUpModel.rule == ASK_RULE,
            FollowUpModel.status != "cancelled",
        )
    )
    if planned:
        return True
    copies = session.scalars(
        select(EventModel.data).where(
            EventModel.lead_id == lead_id, EventModel.kind == "message_copied"
        )
    )
    for data in copies:
        try:
            copied = json.loads(data) if data else {}
            if copied.get("template") == ASK_TEMPLATE and not copied.get("taken_back"):
                return True
        except (ValueError, AttributeError):
            continue
    return False


def review_ask(session: Session, lead: LeadModel, author: str) -> FollowUpModel | None:
    """Inside a write unit: plan the referral ask for today once the gate holds
    (only once per lead); take a waiting ask back out of the queue when it no
    longer holds."""
    from sellerdesk.followups import store

    gate = gate_in_unit(session, lead.id)
    if not gate.holds:
        store.cancel_active(session, lead, author, f"referral gate: {gate.reason()}", rule=ASK_RULE)
        return None
    if lead.do_not_contact or _ask_already_planned_or_sent(session, lead.id):
        return None
    return store.schedule(
        session,
        lead,
        clock.now(),
        "Ask for a referral: project accepted, client satisfied",
        ASK_TEMPLATE,
        author,
        has_time=True,
        rule=ASK_RULE,
    )


@rules.on_order_change
def _order_changed(
    session: Session, order: OrderModel, old: str | None, new: str, author: str
) -> None:
    """A new order earns its referrer's reward; any change to an order (status,
    feedback, complaint: `old == new` when the status stayed) re-reads the gate."""
    lead = session.get_one(LeadModel, order.lead_id)
    if old is None:
        pending = session.scalars(
            select(ReferralModel).where(
                ReferralModel.referred_id == lead.id, ReferralModel.status == "pending"
            )
        ).first()
        if pending is not None:
            referrer = session.get_one(LeadModel, pending.referrer_id)
            _earn(session, pending, referrer, lead, author, f"placed order {order.number}")
    review_ask(session, lead, author)
