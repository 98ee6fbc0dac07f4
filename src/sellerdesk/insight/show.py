"""Words and numbers for the insight figures, shared by the screen and
`sellerdesk report`, so both say the same thing the same way. Stored names
in them (usernames, owners, template ids and titles) go through
`safe_text.one_line`: control characters shown as escapes, on one line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sellerdesk import clock
from sellerdesk.orders.items import format_price
from sellerdesk.safe_text import one_line
from sellerdesk.vocab import PROJECT_TYPES

if TYPE_CHECKING:
    from sellerdesk.insight.funnel import Funnel
    from sellerdesk.insight.messages import Messages
    from sellerdesk.insight.orders import OrdersReferrals
    from sellerdesk.insight.replies import Replies, ResponseRate
    from sellerdesk.insight.scope import Scope
    from sellerdesk.insight.targets import Targets

TARGET_LABELS = {
    "new_contacts": "New contacts",
    "followups": "Follow-ups",
    "referral_contacts": "Referral contacts",
}
NO_TEMPLATE = "(no template id)"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def money(cents: int) -> str:
    return format_price(cents)


def when(moment: datetime | None) -> str:
    return "—" if moment is None else clock.to_local(moment).strftime("%Y-%m-%d %H:%M")


def scope_line(scope: Scope) -> str:
    today = clock.local_now().date().isoformat()
    period = (
        f"all time to {today}"
        if scope.since is None
        else f"{scope.since.isoformat()} to {today} ({scope.days} days)"
    )
    owner = f"owner {one_line(scope.owner)}" if scope.owner else "every owner"
    kind = PROJECT_TYPES.label(scope.project_type) if scope.project_type else "every project type"
    return f"{period} · {owner} · {kind}"


# ------------------------------------------------------------------ the numbers
# Each figure's numbers as one table of plain strings: the screen's `n` shows
# them, `sellerdesk report` prints them. The first column reads left to right,
# the others are numbers.


@dataclass(frozen=True)
class Numbers:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _numbers(columns: tuple[str, ...], rows) -> Numbers:
    return Numbers(columns, tuple(tuple(str(cell) for cell in row) for row in rows))


def targets_numbers(figure: Targets) -> Numbers:
    return _numbers(
        ("Day", *TARGET_LABELS.values()),
        (
            (
                day.day.isoformat() + (" today" if day is figure.today else ""),
                *(day.counts[target] for target in TARGET_LABELS),
            )
            for day in reversed(figure.days)
        ),
    )


def funnel_numbers(figure: Funnel) -> Numbers:
    return _numbers(
        ("Stage", "Now", "Reached", "On to next", "Lost here", "Median days", "Stays"),
        (
            (
                s.label,
                s.now,
                s.reached,
                percent(s.to_next),
                s.lost_from,
                days(s.median_days),
                s.stays,
            )
            for s in figure.stages
        ),
    )


def replies_numbers(figure: Replies) -> Numbers:
    return _numbers(
        ("First reply", "Inquiries", "Share"),
        ((b.label, b.count, percent(b.share)) for b in figure.buckets),
    )


def messages_numbers(figure: Messages) -> Numbers:
    """The templates copied in the period (the others are in `unused_line`)."""
    return _numbers(
        ("Template", "Copies", "Leads", "Ordered after", "Share", "Last used", "Title"),
        (
            (
                one_line(line.template or NO_TEMPLATE),
                line.copies,
                line.leads,
                line.ordered,
                percent(line.share),
                when(line.last_used),
                one_line(line.title) if line.title else "(not in the library)",
            )
            for line in figure.lines
            if line.copies
        ),
    )


def orders_numbers(figure: OrdersReferrals) -> Numbers:
    rows = [
        (
            m.month,
            m.orders,
            m.cancelled,
            money(m.revenue_cents),
            m.rewards_earned,
            m.rewards_redeemed,
        )
        for m in reversed(figure.months)
    ]
    rows.append(
        (
            "total",
            figure.total("orders"),
            figure.total("cancelled"),
            money(figure.total("revenue_cents")),
            figure.total("rewards_earned"),
            figure.total("rewards_redeemed"),
        )
    )
    return _numbers(("Month", "Orders", "Cancelled", "Revenue", "Rewards earned", "Redeemed"), rows)


# ------------------------------------------------------------------ the sentences


def target_line(figure: Targets, target: str) -> str:
    return (
        f"{TARGET_LABELS[target]}: {figure.today.counts[target]} today of "
        f"{figure.targets[target]} · target met on {figure.met(target)} of {len(figure.days)} days"
    )


def rate_line(rate: ResponseRate) -> str:
    waiting = f"; {rate.waiting} still inside their {rate.hours} h" if rate.waiting else ""
    return (
        f"Response rate, last {rate.days} days, as Fiverr counts it: {percent(rate.rate)} "
        f"({rate.answered_in_time} of {rate.counted} answered within {rate.hours} h{waiting})"
    )


def unused_line(figure: Messages) -> str:
    unused = ", ".join(one_line(tid) for tid, _title in figure.unused) or "none"
    return f"Not copied in the last 90 days ({len(figure.unused)}): {unused}"


def rewards_line(figure: OrdersReferrals) -> str:
    return (
        f"Referral rewards in the period: {figure.total('rewards_earned')} earned, "
        f"{figure.total('rewards_redeemed')} redeemed · owed now: {figure.rewards_owed}"
    )


def referrers_line(figure: OrdersReferrals) -> str:
    top = "; ".join(
        f"{one_line(r.username)} {r.referred} referred ({r.earned} earned, {r.redeemed} redeemed)"
        for r in figure.top_referrers
    )
    return f"Top referrers: {top or 'none in the period'}"
