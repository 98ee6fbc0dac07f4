"""The referrals report: per referrer, who they brought, rewards owed and redeemed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exists, select

from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, ReferralModel
from sellerdesk.referrals.tracking import Referral, list_referrals


@dataclass(frozen=True)
class ReferrerLine:
    referrer_id: int
    referrer: str
    referrals: tuple[Referral, ...]

    @property
    def brought(self) -> tuple[str, ...]:
        return tuple(r.referred for r in self.referrals)

    def _count(self, status: str) -> int:
        return sum(r.status == status for r in self.referrals)

    @property
    def pending(self) -> int:
        return self._count("pending")

    @property
    def owed(self) -> int:
        """Rewards earned and not yet used."""
        return self._count("earned")

    @property
    def redeemed(self) -> int:
        return self._count("redeemed")

    @property
    def owed_rewards(self) -> tuple[str, ...]:
        return tuple(r.reward for r in self.referrals if r.status == "earned")

    def to_json(self) -> dict[str, Any]:
        return {
            "referrer": self.referrer,
            "brought": [
                {"username": r.referred, "status": r.status, "reward": r.reward}
                for r in self.referrals
            ],
            "pending": self.pending,
            "owed": self.owed,
            "redeemed": self.redeemed,
            "owed_rewards": list(self.owed_rewards),
        }


@dataclass(frozen=True)
class Untracked:
    """A lead whose record says who referred it, with no referral (so no reward) behind it."""

    username: str
    referred_by: str


@dataclass(frozen=True)
class Report:
    lines: tuple[ReferrerLine, ...] = field(default_factory=tuple)
    untracked: tuple[Untracked, ...] = ()

    def _sum(self, name: str) -> int:
        return sum(getattr(line, name) for line in self.lines)

    @property
    def totals(self) -> dict[str, int]:
        return {
            "referrers": len(self.lines),
            "referred": sum(len(line.referrals) for line in self.lines),
            "pending": self._sum("pending"),
            "owed": self._sum("owed"),
            "redeemed": self._sum("redeemed"),
        }

    def line_for(self, referrer: str) -> ReferrerLine | None:
        wanted = referrer.lower()
        return next((line for line in self.lines if line.referrer.lower() == wanted), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "referrers": [line.to_json() for line in self.lines],
            "totals": self.totals,
            "untracked": [
                {"username": u.username, "referred_by": u.referred_by} for u in self.untracked
            ],
        }


def build(db: Database) -> Report:
    grouped: dict[int, list[Referral]] = {}
    names: dict[int, str] = {}
    for referral in list_referrals(db):
        grouped.setdefault(referral.referrer_id, []).append(referral)
        names[referral.referrer_id] = referral.referrer
    lines = [ReferrerLine(rid, names[rid], tuple(items)) for rid, items in grouped.items()]
    # Who is owed most comes first: the report is read to pay what is due.
    lines.sort(key=lambda line: (-line.owed, -len(line.referrals), line.referrer.lower()))
    return Report(tuple(lines), _untracked(db))


def _untracked(db: Database) -> tuple[Untracked, ...]:
    """ "If the referral source is not logged, the referral does not exist": these need logging."""
    tracked = exists().where(ReferralModel.referred_id == LeadModel.id)
    with db.read() as session:
        rows = session.execute(
            select(LeadModel.username, LeadModel.referred_by)
            .where(LeadModel.referred_by.is_not(None), ~tracked)
            .order_by(LeadModel.username_key)
        )
        # `by` is never None here (the query says so); the check tells the type checker.
        return tuple(Untracked(name, by) for name, by in rows if by is not None)
