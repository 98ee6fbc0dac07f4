"""Orders and referrals: orders and revenue per month, referral rewards
earned and redeemed, and who brought the most new leads.

Read from the orders and referrals tables themselves (they are small and
hold the amounts). Revenue is the price of the orders not cancelled; a
month is the user's local month of the order. The owner and project type
narrow referrals by the lead that was referred.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sellerdesk import clock
from sellerdesk.db import tables
from sellerdesk.db.models import OrderModel, ReferralModel

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sellerdesk.insight.scope import Scope

TOP_REFERRERS = 5


@dataclass(frozen=True)
class Month:
    month: str  # YYYY-MM, local
    orders: int
    cancelled: int
    revenue_cents: int
    rewards_earned: int
    rewards_redeemed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "orders": self.orders,
            "cancelled": self.cancelled,
            "revenue_cents": self.revenue_cents,
            "rewards_earned": self.rewards_earned,
            "rewards_redeemed": self.rewards_redeemed,
        }


@dataclass(frozen=True)
class Referrer:
    username: str
    referred: int
    earned: int
    """Of those, how many earned the reward (earned or already redeemed)."""
    redeemed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "referred": self.referred,
            "earned": self.earned,
            "redeemed": self.redeemed,
        }


@dataclass(frozen=True)
class OrdersReferrals:
    months: tuple[Month, ...]  # oldest first, every month of the period
    rewards_owed: int
    """Rewards earned and not yet redeemed, now."""
    top_referrers: tuple[Referrer, ...]

    def total(self, name: str) -> int:
        return sum(getattr(month, name) for month in self.months)

    def to_json(self) -> dict[str, Any]:
        names = ("orders", "cancelled", "revenue_cents", "rewards_earned", "rewards_redeemed")
        return {
            "months": [month.to_json() for month in self.months],
            "totals": {name: self.total(name) for name in names},
            "rewards_owed": self.rewards_owed,
            "top_referrers": [referrer.to_json() for referrer in self.top_referrers],
        }


def _month(moment) -> str:
    return clock.to_local(moment).strftime("%Y-%m")


def build(conn: Connection, scope: Scope) -> OrdersReferrals:
    per_month: dict[str, dict[str, int]] = {}

    def add(moment, name: str, amount: int = 1) -> None:
        month = per_month.setdefault(_month(moment), {})
        month[name] = month.get(name, 0) + amount

    orders = OrderModel.__table__.c
    stmt = select(orders.created_at, orders.price_cents, orders.status)
    for created, price, status in conn.execute(
        scope.narrow(scope.in_period(stmt, orders.created_at), orders.lead_id)
    ):
        add(created, "orders")
        if status == "cancelled":
            add(created, "cancelled")
        else:
            add(created, "revenue_cents", price or 0)
    referrals = ReferralModel.__table__.c
    for column, name in (
        (referrals.earned_at, "rewards_earned"),
        (referrals.redeemed_at, "rewards_redeemed"),
    ):
        stmt = select(column).where(column.is_not(None))
        for (moment,) in conn.execute(
            scope.narrow(scope.in_period(stmt, column), referrals.referred_id)
        ):
            add(moment, name)
    owed = (
        select(func.count())
        .select_from(ReferralModel.__table__)
        .where(referrals.status == "earned")
    )
    return OrdersReferrals(
        months=tuple(
            Month(month, **{name: per_month.get(month, {}).get(name, 0) for name in _NAMES})
            for month in _months(scope, per_month)
        ),
        rewards_owed=conn.execute(scope.narrow(owed, referrals.referred_id)).scalar_one(),
        top_referrers=_top_referrers(conn, scope),
    )


_NAMES = ("orders", "cancelled", "revenue_cents", "rewards_earned", "rewards_redeemed")


def _months(scope: Scope, found: dict[str, Any]) -> list[str]:
    """Every month from the period's first (or the first with anything) to this one."""
    this = clock.local_now().date().replace(day=1)
    first = scope.since.replace(day=1) if scope.since else None
    if first is None:
        first = min((date.fromisoformat(f"{m}-01") for m in found), default=this)
    months = []
    while first <= this:
        months.append(first.strftime("%Y-%m"))
        first = (
            first.replace(year=first.year + 1, month=1)
            if first.month == 12
            else (first.replace(month=first.month + 1))
        )
    return months


def _top_referrers(conn: Connection, scope: Scope) -> tuple[Referrer, ...]:
    """Counted on the referrals alone, then the few usernames looked up."""
    referrals = ReferralModel.__table__.c
    status = referrals.status
    stmt = select(
        referrals.referrer_id,
        func.count(),
        func.count().filter(status.in_(("earned", "redeemed"))),
        func.count().filter(status == "redeemed"),
    ).group_by(referrals.referrer_id)
    stmt = scope.narrow(scope.in_period(stmt, referrals.created_at), referrals.referred_id)
    counts = {row[0]: row[1:] for row in conn.execute(stmt)}
    if not counts:
        return ()
    leads = tables.leads.c
    names = dict(conn.execute(select(leads.id, leads.username).where(leads.id.in_(counts))).all())
    ranked = sorted(counts, key=lambda rid: (-counts[rid][0], names[rid].lower()))
    return tuple(Referrer(names[rid], *counts[rid]) for rid in ranked[:TOP_REFERRERS])
