"""Words for the queue, shared by `sellerdesk today` and the home-screen panel."""

from __future__ import annotations

from sellerdesk import clock
from sellerdesk.followups.items import FirstReply, QueueItem
from sellerdesk.followups.when import describe


def duration(seconds: int) -> str:
    """ "2d 3h", "5h 12m", "40m": enough to judge, never to the second."""
    minutes = max(0, seconds) // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m"


def reply_clock(item: FirstReply) -> str:
    if item.late:
        return f"late by {duration(-item.seconds_left)}"
    return f"reply within {duration(item.seconds_left)}"


def due_text(item: QueueItem) -> str:
    """The due moment as the seller reads it: "today 15:00", "Fri 2026-11-27"."""
    local = clock.to_local(item.due_at)
    today = clock.local_now().date()
    if local.date() == today:
        return f"today {local:%H:%M}" if item.has_time else "today"
    return describe(item.due_at, item.has_time)


def why_text(item: QueueItem) -> str:
    parts = [item.reason or "follow up"]
    if item.status == "snoozed":
        parts.append("(snoozed)")
    if item.stale:
        parts.append("[stale]")
    return " ".join(parts)


def messages_text(template: str | None) -> str:
    """The message(s) a queue item suggests: the referral ask goes with its
    ready-to-forward text (seed 002: "Always include" it)."""
    from sellerdesk.referrals.next_message import paired

    return " + ".join(paired(template))


def referrer_hint(item: FirstReply) -> str:
    """A new inquiry from the Referral source with no referrer recorded yet."""
    return 'then ask "Who referred you to us?"' if item.ask_referrer else ""
