"""The morning queue: first replies, overdue, today and the coming week.

It reads only what it shows: each lane is one indexed query with a LIMIT and
one indexed COUNT, so it stays instant with a hundred thousand leads.
"today" is the user's local day; everything is stored in UTC.
Do-not-contact leads never appear.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.config import Settings, load_settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, FollowUpModel, LeadModel
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
    start, tomorrow, week_end = day_bounds(day)
    stale = _StaleRule(settings.followups.stale_days, now)
    with db.read() as session:
        first = _first_replies(session, settings, now, stale, limit)
        overdue = _lane(session, "overdue", None, start, stale, limit)
        today = _lane(session, "today", start, tomorrow, stale, limit)
        upcoming = _lane(session, "upcoming", tomorrow, week_end, stale, limit)
        quiet = _no_next_step(session, stale, limit)
        stale_count = _stale_count(session, stale)
        activity = daily_activity(session, settings, start, tomorrow)
    return Queue(
        day=day.isoformat(),
        generated_at=now,
        first_replies=first,
        overdue=overdue,
        today=today,
        upcoming=upcoming,
        no_next_step=quiet,
        stale_count=stale_count,
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
    return LeadModel.do_not_contact == False  # noqa: E712


def _awaiting_first_reply():
    return and_(LeadModel.stage == "new", LeadModel.last_messaged_at.is_(None), _not_dnc())


def _first_replies(
    session: Session, settings: Settings, now: datetime, stale: _StaleRule, limit: int
) -> Lane:
    window = timedelta(hours=settings.followups.first_reply_hours)
    base = select(
        LeadModel.id,
        LeadModel.username,
        LeadModel.display_name,
        LeadModel.created_at,
        LeadModel.stage,
        LeadModel.stage_since,
    ).where(_awaiting_first_reply())
    rows = session.execute(base.order_by(LeadModel.created_at, LeadModel.id).limit(limit))
    items = []
    for lead_id, username, name, created_at, stage, since in rows:
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
    count = (
        session.scalar(select(func.count()).select_from(LeadModel).where(_awaiting_first_reply()))
        or 0
    )
    return Lane("first_replies", LANE_TITLES["first_replies"], count, tuple(items))


def _lane(
    session: Session,
    key: str,
    low: datetime | None,
    high: datetime,
    stale: _StaleRule,
    limit: int,
) -> Lane:
    where = [FollowUpModel.status.in_(ACTIVE), FollowUpModel.due_at < high, _not_dnc()]
    if low is not None:
        where.append(FollowUpModel.due_at >= low)
    stmt = (
        select(
            FollowUpModel.id,
            FollowUpModel.lead_id,
            LeadModel.username,
            LeadModel.display_name,
            LeadModel.stage,
            LeadModel.stage_since,
            FollowUpModel.due_at,
            FollowUpModel.has_time,
            FollowUpModel.reason,
            FollowUpModel.template,
            FollowUpModel.status,
        )
        .join(LeadModel, LeadModel.id == FollowUpModel.lead_id)
        .where(*where)
    )
    # One ordered query per waiting status, merged: with `status IN (...)` the
    # database would have to sort every matching row before the LIMIT.
    rows = []
    for status in ACTIVE:
        ordered = stmt.where(FollowUpModel.status == status).order_by(
            FollowUpModel.due_at, FollowUpModel.id
        )
        rows.extend(session.execute(ordered.limit(limit)))
    rows.sort(key=lambda row: (row.due_at, row.id))
    items = tuple(
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
        for row in rows[:limit]
    )
    count = (
        session.scalar(
            select(func.count())
            .select_from(FollowUpModel)
            .join(LeadModel, LeadModel.id == FollowUpModel.lead_id)
            .where(*where)
        )
        or 0
    )
    return Lane(key, LANE_TITLES[key], count, items)


def _quiet(stage: str):
    # next_followup_at always equals the earliest waiting follow-up, so NULL
    # means none is planned. New inquiries still waiting for a first reply are
    # already at the top of the queue and are not counted twice.
    where = [
        _not_dnc(),
        LeadModel.next_followup_at.is_(None),
        LeadModel.stage == stage,
    ]
    if stage == "new":
        where.append(LeadModel.last_messaged_at.is_not(None))
    return and_(*where)


def _no_next_step(session: Session, stale: _StaleRule, limit: int) -> Lane:
    rows = []
    count = 0
    for stage in OPEN_STAGES:
        rows.extend(
            session.execute(
                select(
                    LeadModel.id,
                    LeadModel.username,
                    LeadModel.display_name,
                    LeadModel.stage,
                    LeadModel.stage_since,
                )
                .where(_quiet(stage))
                .order_by(LeadModel.stage_since, LeadModel.id)
                .limit(limit)
            )
        )
        count += session.scalar(select(func.count()).select_from(LeadModel).where(_quiet(stage)))
    rows.sort(key=lambda row: (row.stage_since, row.id))
    items = tuple(
        QuietLead(lead_id, username, name, stage, since, stale(stage, since))
        for lead_id, username, name, stage, since in rows[:limit]
    )
    return Lane("no_next_step", LANE_TITLES["no_next_step"], count, items)


def _stale_count(session: Session, stale: _StaleRule) -> int:
    # One indexed range per stage; an OR of them would not use the index as well.
    total = 0
    for stage, cutoff in stale.cutoffs.items():
        total += (
            session.scalar(
                select(func.count())
                .select_from(LeadModel)
                .where(LeadModel.stage == stage, _not_dnc(), LeadModel.stage_since < cutoff)
            )
            or 0
        )
    return total


def daily_activity(
    session: Session, settings: Settings, start: datetime, end: datetime
) -> Activity:
    """Today's contacts, counted from the timeline.

    New contacts are leads created today; follow-ups are leads with a
    follow-up done or a follow-up message copied today; referral contacts are
    leads sent a referral message today. A lead counts once per kind a day.
    """
    in_day = and_(EventModel.at >= start, EventModel.at < end)
    new_contacts = (
        session.scalar(
            select(func.count(EventModel.id)).where(EventModel.kind == "created", in_day)
        )
        or 0
    )
    followed: set[int] = set(
        session.scalars(
            select(EventModel.lead_id).where(EventModel.kind == "followup_done", in_day)
        )
    )
    referred: set[int] = set()
    copies = session.execute(
        select(EventModel.lead_id, EventModel.data).where(
            EventModel.kind == "message_copied", in_day
        )
    )
    for lead_id, data in copies:
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
