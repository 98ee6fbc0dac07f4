"""Who brought whom: the referral record, and reading it.

"If the referral source is not logged in the CRM, the referral does not
exist" (seed 002): a referral is one row (pending → earned when the referred
lead places its first order → redeemed when the reward is used), and each
step lands on both leads' timelines. Recording one is `recording`, a
reward's life `earning`, the ask in the morning queue `asking`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, ReferralModel
from sellerdesk.leads import clean_username

STATUSES = ("pending", "earned", "redeemed")


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


def usernames(session: Session, *ids: int) -> dict[int, str]:
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


def referral_of(session: Session, model: ReferralModel) -> Referral:
    return to_record(model, usernames(session, model.referrer_id, model.referred_id))


def find_lead(session: Session, username: str) -> LeadModel | None:
    key = clean_username(username).lower()
    return session.scalars(select(LeadModel).where(LeadModel.username_key == key)).first()


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
        names = usernames(session, *ids) if ids else {}
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
