"""Words and numbers for the insight figures, shared by the screen and
`sellerdesk report`, so both say the same thing the same way."""

from __future__ import annotations

from datetime import datetime

from sellerdesk import clock
from sellerdesk.insight.scope import Scope
from sellerdesk.orders.items import format_price
from sellerdesk.vocab import PROJECT_TYPES

TARGET_LABELS = {
    "new_contacts": "New contacts",
    "followups": "Follow-ups",
    "referral_contacts": "Referral contacts",
}
NO_TEMPLATE = "(no template id)"


def visible(text: str) -> str:
    """One line of stored text (a username, an owner, a template title) with
    every control character shown as an escape, never sent to the terminal."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


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
    owner = f"owner {visible(scope.owner)}" if scope.owner else "every owner"
    kind = PROJECT_TYPES.label(scope.project_type) if scope.project_type else "every project type"
    return f"{period} · {owner} · {kind}"
