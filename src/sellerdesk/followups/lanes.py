"""The morning queue assembled from rows: the lanes, their order and counts,
what is stale, and today's activity against the targets.

It reads through a `Reader` (`sellerdesk.db.statements`) by statement key, so
a SQLAlchemy connection and a plain sqlite3 one (the home screen's first
look, `sellerdesk today`) build the very same queue. The statements
themselves are in `followups/queue.py`.
"today" is the user's local day; everything is stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sellerdesk import clock
from sellerdesk.followups.activity import count_contacts, daily_targets
from sellerdesk.followups.items import (
    Activity,
    FirstReply,
    Lane,
    Queue,
    QueueItem,
    QuietLead,
)
from sellerdesk.followups.when import start_of_day
from sellerdesk.vocab import STAGES

if TYPE_CHECKING:
    from sellerdesk.config import Settings
    from sellerdesk.db.statements import Reader

UPCOMING_DAYS = 7
LANE_TITLES = {
    "first_replies": "First replies",
    "overdue": "Overdue",
    "today": "Today",
    "upcoming": f"Upcoming ({UPCOMING_DAYS} days)",
    "no_next_step": "No next step",
}
# The cutoff of a stage with no limit: nothing has sat in a stage since before it.
_NO_LIMIT = datetime(1970, 1, 1, tzinfo=UTC)


def day_bounds(day: date) -> tuple[datetime, datetime, datetime]:
    """UTC moments where the local day starts, the next one starts, and the week ends."""
    return (
        start_of_day(day),
        start_of_day(day + timedelta(days=1)),
        start_of_day(day + timedelta(days=1 + UPCOMING_DAYS)),
    )


class StaleRule:
    """A lead is stale when it has sat in its stage longer than that stage allows."""

    def __init__(self, limits: dict[str, int], now: datetime) -> None:
        self.cutoffs = {stage: now - timedelta(days=days) for stage, days in limits.items()}

    def __call__(self, stage: str, since: datetime) -> bool:
        cutoff = self.cutoffs.get(stage)
        return cutoff is not None and since < cutoff

    def params(self) -> dict[str, datetime]:
        # One parameter per stage, so the counting statement never changes shape.
        return {f"cutoff_{stage}": self.cutoffs.get(stage, _NO_LIMIT) for stage in STAGES.keys}


# Every statement `assemble` may run: their SQLite SQL is generated ahead
# (`sellerdesk.gen_statements`) for reading without SQLAlchemy.
STATEMENT_KEYS: list[tuple] = [
    ("queue.dnc_with_plans",),
    ("queue.lane_counts", False),
    ("queue.lane_counts", True),
    ("queue.lead_counts",),
    ("queue.lane", "overdue"),
    ("queue.lane", "today"),
    ("queue.lane", "upcoming"),
    ("queue.first_replies",),
    ("queue.quiet",),
    ("queue.activity",),
]


def assemble(reader: Reader, settings: Settings, *, limit: int) -> Queue:
    now = clock.now()
    day = clock.local_now().date()
    start, tomorrow, week_end = day_bounds(day)
    stale = StaleRule(settings.followups.stale_days, now)
    # Marking a lead do-not-contact cancels its follow-ups, so normally no
    # waiting follow-up belongs to one and the counts need not look at leads.
    # Should one slip through (a row written by another tool), it is left out.
    excluding = bool(reader.rows(("queue.dnc_with_plans",)))
    # A follow-up due at a time today is overdue once that time has passed.
    bounds = {"start": start, "tomorrow": tomorrow, "week_end": week_end, "now": now}
    overdue_n, today_n, upcoming_n = reader.rows(("queue.lane_counts", excluding), bounds)[0]
    first_n, quiet_n, stale_n = reader.rows(("queue.lead_counts",), stale.params())[0]

    def lane(key: str, count: int) -> Lane:
        rows = reader.rows(("queue.lane", key), {**bounds, "limit": limit})
        return Lane(key, LANE_TITLES[key], count, tuple(_item(row, stale) for row in rows))

    return Queue(
        day=day.isoformat(),
        generated_at=now,
        first_replies=Lane(
            "first_replies",
            LANE_TITLES["first_replies"],
            first_n,
            _first_replies(reader, settings, now, stale, limit),
        ),
        overdue=lane("overdue", overdue_n),
        today=lane("today", today_n),
        upcoming=lane("upcoming", upcoming_n),
        no_next_step=Lane(
            "no_next_step",
            LANE_TITLES["no_next_step"],
            quiet_n,
            tuple(
                QuietLead(lead_id, username, name, stage, since, stale(stage, since))
                for lead_id, username, name, stage, since in reader.rows(
                    ("queue.quiet",), {"limit": limit}
                )
            ),
        ),
        stale_count=stale_n,
        activity=_activity(reader, settings, start, tomorrow),
    )


def _item(row, stale: StaleRule) -> QueueItem:
    (fid, lead_id, username, name, stage, since, due_at, has_time, reason, template, status) = row
    return QueueItem(
        followup_id=fid,
        lead_id=lead_id,
        username=username,
        display_name=name,
        stage=stage,
        due_at=due_at,
        has_time=has_time,
        reason=reason,
        template=template,
        status=status,
        stale=stale(stage, since),
    )


def _first_replies(
    reader: Reader, settings: Settings, now: datetime, stale: StaleRule, limit: int
) -> tuple[FirstReply, ...]:
    window = timedelta(hours=settings.followups.first_reply_hours)
    items = []
    rows = reader.rows(("queue.first_replies",), {"limit": limit})
    for lead_id, username, name, created_at, stage, since, source, by, project_type in rows:
        reply_by = created_at + window
        items.append(
            FirstReply(
                lead_id=lead_id,
                username=username,
                display_name=name,
                created_at=created_at,
                reply_by=reply_by,
                seconds_left=int((reply_by - now).total_seconds()),
                stale=stale(stage, since),
                ask_referrer=source == "referral" and not (by or "").strip(),
                project_type=project_type,
            )
        )
    return tuple(items)


def _activity(reader: Reader, settings: Settings, start: datetime, end: datetime) -> Activity:
    """Today's contacts, counted from the timeline (the rules are in `activity`)."""
    counts = count_contacts(reader.rows(("queue.activity",), {"start": start, "end": end}))
    return Activity(**counts, targets=daily_targets(settings))
