"""The morning queue: first replies, overdue, today and the coming week.

It reads only what it shows: each lane is one indexed query with a LIMIT, and
every count comes from two more statements that read indexes alone, so it
stays instant with a hundred thousand leads. The statements are built once
per process and run through SQLAlchemy Core: at this size building a
statement and loading rows through the ORM cost more than the queries.
"today" is the user's local day; everything is stored in UTC.
Do-not-contact leads never appear.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import Connection, Select, and_, bindparam, func, select, union_all

from sellerdesk import clock
from sellerdesk.config import Settings, load_settings
from sellerdesk.db import tables
from sellerdesk.db.engine import Database
from sellerdesk.followups.items import (
    ACTIVE,
    Activity,
    FirstReply,
    Lane,
    Queue,
    QueueItem,
    QuietLead,
)
from sellerdesk.followups.when import start_of_day
from sellerdesk.vocab import OPEN_STAGES

UPCOMING_DAYS = 7
LANE_TITLES = {
    "first_replies": "First replies",
    "overdue": "Overdue",
    "today": "Today",
    "upcoming": f"Upcoming ({UPCOMING_DAYS} days)",
    "no_next_step": "No next step",
}

LEADS = tables.leads
FOLLOWUPS = tables.followups
EVENTS = tables.events
lead = LEADS.c
followup = FOLLOWUPS.c
event = EVENTS.c


def day_bounds(day: date) -> tuple[datetime, datetime, datetime]:
    """UTC moments where the local day starts, the next one starts, and the week ends."""
    return (
        start_of_day(day),
        start_of_day(day + timedelta(days=1)),
        start_of_day(day + timedelta(days=1 + UPCOMING_DAYS)),
    )


def build(db: Database, settings: Settings | None = None, *, limit: int = 50) -> Queue:
    settings = settings or load_settings()
    now = clock.now()
    day = clock.local_now().date()
    bounds = dict(zip(("start", "tomorrow", "week_end"), day_bounds(day), strict=True))
    stale = _StaleRule(settings.followups.stale_days, now)
    with db.connect() as conn:
        counts = _lane_counts(conn, bounds)
        leads_counted = _lead_counts(conn, stale)
        windows = {
            "overdue": {"high": bounds["start"]},
            "today": {"low": bounds["start"], "high": bounds["tomorrow"]},
            "upcoming": {"low": bounds["tomorrow"], "high": bounds["week_end"]},
        }
        lanes = {
            key: Lane(key, LANE_TITLES[key], counts[key], _lane_items(conn, window, stale, limit))
            for key, window in windows.items()
        }
        first = Lane(
            "first_replies",
            LANE_TITLES["first_replies"],
            leads_counted["first_replies"],
            _first_replies(conn, settings, now, stale, limit),
        )
        quiet = Lane(
            "no_next_step",
            LANE_TITLES["no_next_step"],
            leads_counted["no_next_step"],
            _no_next_step(conn, stale, limit),
        )
        activity = _activity(conn, settings, bounds["start"], bounds["tomorrow"])
    return Queue(
        day=day.isoformat(),
        generated_at=now,
        first_replies=first,
        overdue=lanes["overdue"],
        today=lanes["today"],
        upcoming=lanes["upcoming"],
        no_next_step=quiet,
        stale_count=leads_counted["stale"],
        activity=activity,
    )


class _StaleRule:
    """A lead is stale when it has sat in its stage longer than that stage allows."""

    def __init__(self, limits: dict[str, int], now: datetime) -> None:
        self.cutoffs = {stage: now - timedelta(days=days) for stage, days in limits.items()}

    def __call__(self, stage: str, since: datetime) -> bool:
        cutoff = self.cutoffs.get(stage)
        return cutoff is not None and since < cutoff


def _not_dnc():
    # `== False`, not `is_(False)`: SQLite matches `IS 0` against no index.
    return lead.do_not_contact == False  # noqa: E712


def _awaiting_first_reply():
    return and_(lead.stage == "new", lead.last_messaged_at.is_(None), _not_dnc())


def _quiet(stage: str):
    # next_followup_at always equals the earliest waiting follow-up, so NULL
    # means none is planned. New inquiries still waiting for a first reply are
    # already at the top of the queue and are not counted twice.
    where = [_not_dnc(), lead.next_followup_at.is_(None), lead.stage == stage]
    if stage == "new":
        where.append(lead.last_messaged_at.is_not(None))
    return and_(*where)


def _counted(*where) -> Select:
    return select(func.count()).select_from(LEADS).where(*where).scalar_subquery()


# ------------------------------------------------------------------ counts


@cache
def _lane_counts_stmt(excluding_dnc: bool) -> Select:
    """The three follow-up lanes counted in one statement, each a range of the
    (status, due_at, lead_id) index, without visiting a single lead."""

    def counted(*where) -> Select:
        stmt = (
            select(func.count()).select_from(FOLLOWUPS).where(followup.status.in_(ACTIVE), *where)
        )
        if excluding_dnc:
            stmt = stmt.where(followup.lead_id.not_in(_dnc_with_plans()))
        return stmt.scalar_subquery()

    due = followup.due_at
    start, tomorrow = bindparam("start"), bindparam("tomorrow")
    return select(
        counted(due < start).label("overdue"),
        counted(due >= start, due < tomorrow).label("today"),
        counted(due >= tomorrow, due < bindparam("week_end")).label("upcoming"),
    )


def _dnc_with_plans() -> Select:
    return select(lead.id).where(
        lead.do_not_contact == True,  # noqa: E712
        lead.next_followup_at.is_not(None),
    )


@cache
def _any_dnc_with_plans_stmt() -> Select:
    return _dnc_with_plans().limit(1)


def _lane_counts(conn: Connection, bounds: dict[str, datetime]) -> dict[str, int]:
    # Marking a lead do-not-contact cancels its follow-ups, so normally no
    # waiting follow-up belongs to one and the counts need not look at leads.
    # Should one slip through (a row written by another tool), it is still left out.
    excluding = conn.execute(_any_dnc_with_plans_stmt()).first() is not None
    row = conn.execute(_lane_counts_stmt(excluding), bounds).one()
    return {"overdue": row.overdue, "today": row.today, "upcoming": row.upcoming}


@cache
def _lead_counts_stmt(stale_stages: tuple[str, ...]) -> Select:
    """Every lead count in one statement: each subquery reads one index."""
    quiet = [_counted(_quiet(stage)) for stage in OPEN_STAGES]
    stale = [
        _counted(lead.stage == stage, _not_dnc(), lead.stage_since < bindparam(f"cutoff{n}"))
        for n, stage in enumerate(stale_stages)
    ]
    return select(
        _counted(_awaiting_first_reply()).label("first_replies"),
        sum(quiet[1:], quiet[0]).label("no_next_step"),
        (sum(stale[1:], stale[0]) if stale else select(0).scalar_subquery()).label("stale"),
    )


def _lead_counts(conn: Connection, stale: _StaleRule) -> dict[str, int]:
    stages = tuple(stale.cutoffs)
    params = {f"cutoff{n}": stale.cutoffs[stage] for n, stage in enumerate(stages)}
    row = conn.execute(_lead_counts_stmt(stages), params).one()
    return {
        "first_replies": row.first_replies,
        "no_next_step": row.no_next_step,
        "stale": row.stale,
    }


# ------------------------------------------------------------------ lists


@cache
def _first_replies_stmt(limit: int) -> Select:
    return (
        select(
            lead.id, lead.username, lead.display_name, lead.created_at, lead.stage, lead.stage_since
        )
        .where(_awaiting_first_reply())
        .order_by(lead.created_at, lead.id)
        .limit(limit)
    )


def _first_replies(
    conn: Connection, settings: Settings, now: datetime, stale: _StaleRule, limit: int
) -> tuple[FirstReply, ...]:
    window = timedelta(hours=settings.followups.first_reply_hours)
    items = []
    for lead_id, username, name, created_at, stage, since in conn.execute(
        _first_replies_stmt(limit)
    ).all():
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
            )
        )
    return tuple(items)


def _merged(parts: list[Select], *order: str, limit: int) -> Select:
    """The first `limit` rows of several ordered queries, merged in one statement.

    Each part walks its own index and stops at `limit`; only the few rows they
    return are sorted. A single query with `IN (...)` over the same rows would
    have to sort every match before its LIMIT.
    """
    merged = union_all(*(select(*part.subquery().c) for part in parts)).subquery()
    return select(merged).order_by(*(merged.c[name] for name in order)).limit(limit)


@cache
def _lane_stmt(bounded_below: bool, limit: int) -> Select:
    base = (
        select(
            followup.id,
            followup.lead_id,
            lead.username,
            lead.display_name,
            lead.stage,
            lead.stage_since,
            followup.due_at,
            followup.has_time,
            followup.reason,
            followup.template,
            followup.status,
        )
        .join_from(FOLLOWUPS, LEADS, lead.id == followup.lead_id)
        .where(followup.due_at < bindparam("high"), _not_dnc())
        .order_by(followup.due_at, followup.id)
        .limit(limit)
    )
    if bounded_below:
        base = base.where(followup.due_at >= bindparam("low"))
    parts = [base.where(followup.status == status) for status in ACTIVE]
    return _merged(parts, "due_at", "id", limit=limit)


def _lane_items(
    conn: Connection, window: dict[str, datetime], stale: _StaleRule, limit: int
) -> tuple[QueueItem, ...]:
    rows = conn.execute(_lane_stmt("low" in window, limit), window).all()
    return tuple(
        QueueItem(
            followup_id=row.id,
            lead_id=row.lead_id,
            username=row.username,
            display_name=row.display_name,
            stage=row.stage,
            due_at=row.due_at,
            has_time=row.has_time,
            reason=row.reason,
            template=row.template,
            status=row.status,
            stale=stale(row.stage, row.stage_since),
        )
        for row in rows
    )


@cache
def _quiet_stmt(limit: int) -> Select:
    parts = [
        select(lead.id, lead.username, lead.display_name, lead.stage, lead.stage_since)
        .where(_quiet(stage))
        .order_by(lead.stage_since, lead.id)
        .limit(limit)
        for stage in OPEN_STAGES
    ]
    return _merged(parts, "stage_since", "id", limit=limit)


def _no_next_step(conn: Connection, stale: _StaleRule, limit: int) -> tuple[QuietLead, ...]:
    return tuple(
        QuietLead(lead_id, username, name, stage, since, stale(stage, since))
        for lead_id, username, name, stage, since in conn.execute(_quiet_stmt(limit)).all()
    )


# ------------------------------------------------------------------ activity


@cache
def _activity_stmt() -> Select:
    return select(event.kind, event.lead_id, event.data).where(
        event.kind.in_(("created", "followup_done", "message_copied")),
        event.at >= bindparam("start"),
        event.at < bindparam("end"),
    )


def _activity(conn: Connection, settings: Settings, start: datetime, end: datetime) -> Activity:
    """Today's contacts, counted from the timeline.

    New contacts are leads created today; follow-ups are leads with a
    follow-up done or a follow-up message copied today; referral contacts are
    leads sent a referral message today. A lead counts once per kind a day.
    """
    new_contacts = 0
    followed: set[int] = set()
    referred: set[int] = set()
    for kind, lead_id, data in conn.execute(_activity_stmt(), {"start": start, "end": end}).all():
        if kind == "created":
            new_contacts += 1
        elif kind == "followup_done":
            followed.add(lead_id)
        else:
            template = _template_of(data)
            if template.startswith("followup."):
                followed.add(lead_id)
            elif template.startswith("referral."):
                referred.add(lead_id)
    targets = settings.targets
    return Activity(
        new_contacts=new_contacts,
        followups=len(followed),
        referral_contacts=len(referred),
        targets={
            "new_contacts": targets.new_contacts,
            "followups": targets.followups,
            "referral_contacts": targets.referral_contacts,
        },
    )


def _template_of(data: str | None) -> str:
    if not data:
        return ""
    try:
        parsed = json.loads(data)
    except ValueError:
        return ""
    if not isinstance(parsed, dict):
        return ""
    value = parsed.get("template") or parsed.get("template_id") or ""
    return value if isinstance(value, str) else ""
