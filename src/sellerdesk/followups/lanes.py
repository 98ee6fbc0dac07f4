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
    from sellerdesk.db.statements import Reader, Request, Rows

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
# The last argument of each key but the first and the last: one person's queue
# ("mine") or the whole team's.
_BOTH = (False, True)
_LANES = ("overdue", "today", "upcoming")
STATEMENT_KEYS: list[tuple] = [
    ("queue.dnc_with_plans",),
    *(("queue.lane_counts", excluding, mine) for mine in _BOTH for excluding in _BOTH),
    *(("queue.lead_counts", mine) for mine in _BOTH),
    *(("queue.lane", key, mine) for mine in _BOTH for key in _LANES),
    *(("queue.first_replies", mine) for mine in _BOTH),
    *(("queue.quiet", mine) for mine in _BOTH),
    ("queue.activity",),
]


def assemble(reader: Reader, settings: Settings, *, limit: int, person: str | None = None) -> Queue:
    """The queue of the whole team, or with `person`, of what they are responsible
    for (their follow-ups, the leads they own) and of what nobody is."""
    reads = QueueReads(settings, limit=limit, person=person)
    counts, lists = reader.side_by_side([reads.counts, reads.lists])
    return reads.queue(reader, counts + lists)


class QueueReads:
    """Every read the queue needs, known before any is run: a reader can send
    them all at once, with other reads of the same screen, in two groups that
    may run at the same time (`Reader.side_by_side`): the counts, which read
    thousands of index entries at 100k leads, and the lists, which read a few
    rows each."""

    def __init__(self, settings: Settings, *, limit: int, person: str | None = None) -> None:
        self.settings = settings
        self.person = person or None
        self.now = now = clock.now()
        self.day = clock.local_now().date()
        self.start, self.tomorrow, week_end = day_bounds(self.day)
        self.stale = StaleRule(settings.followups.stale_days, now)
        mine = bool(person)
        me = {"me": person} if person else {}
        # A follow-up due at a time today is overdue once that time has passed.
        bounds = {"start": self.start, "tomorrow": self.tomorrow, "week_end": week_end, "now": now}
        lists_params = {"limit": limit, **me}
        counts: dict[str, Request] = {
            # Counted as if no waiting follow-up belonged to a do-not-contact
            # lead; `queue` counts again in the rare case one does.
            "lane_counts": (("queue.lane_counts", False, mine), {**bounds, **me}),
            "lead_counts": (("queue.lead_counts", mine), {**self.stale.params(), **me}),
        }
        if mine:  # the whole team's counts too, for "the team has N due"
            counts["team_lane_counts"] = (("queue.lane_counts", False, False), bounds)
            counts["team_lead_counts"] = (("queue.lead_counts", False), self.stale.params())
        lists: dict[str, Request] = {
            "dnc": (("queue.dnc_with_plans",), {}),
            **{
                key: (("queue.lane", key, mine), {**bounds, **lists_params})
                for key in ("overdue", "today", "upcoming")
            },
            "first_replies": (("queue.first_replies", mine), lists_params),
            "quiet": (("queue.quiet", mine), lists_params),
            "activity": (("queue.activity",), {"start": self.start, "end": self.tomorrow}),
        }
        self.by_name = {**counts, **lists}
        self.counts = list(counts.values())
        self.lists = list(lists.values())

    def queue(self, reader: Reader, results: list[Rows]) -> Queue:
        """The queue from the results of `counts` then `lists`, in their order."""
        got = dict(zip(self.by_name, results, strict=True))
        stale = self.stale
        # Marking a lead do-not-contact cancels its follow-ups, so normally no
        # waiting follow-up belongs to one and the counts need not look at leads.
        # Should one slip through (a row written by another tool), it is left out.
        if got["dnc"]:
            for name in ("lane_counts", "team_lane_counts"):
                if name in got:
                    (_, _, mine), params = self.by_name[name]
                    got[name] = reader.rows(("queue.lane_counts", True, mine), params)
        overdue_n, today_n, upcoming_n = got["lane_counts"][0]
        first_n, quiet_n, stale_n = got["lead_counts"][0]
        team_due = None
        if self.person:
            team_overdue, team_today, _ = got["team_lane_counts"][0]
            team_due = team_overdue + team_today + got["team_lead_counts"][0][0]

        def lane(key: str, count: int) -> Lane:
            return Lane(key, LANE_TITLES[key], count, tuple(_item(row, stale) for row in got[key]))

        return Queue(
            day=self.day.isoformat(),
            generated_at=self.now,
            person=self.person,
            team_due=team_due,
            first_replies=Lane(
                "first_replies",
                LANE_TITLES["first_replies"],
                first_n,
                _first_replies(got["first_replies"], self.settings, self.now, stale),
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
                    for lead_id, username, name, stage, since in got["quiet"]
                ),
            ),
            stale_count=stale_n,
            activity=Activity(
                **count_contacts(got["activity"]), targets=daily_targets(self.settings)
            ),
        )


def _item(row, stale: StaleRule) -> QueueItem:
    (fid, lead_id, username, name, stage, since, due_at, has_time, reason, template, status) = row[
        :11
    ]
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
        assignee=row[11],
        version=row[12],
    )


def _first_replies(
    rows: Rows, settings: Settings, now: datetime, stale: StaleRule
) -> tuple[FirstReply, ...]:
    window = timedelta(hours=settings.followups.first_reply_hours)
    items = []
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
