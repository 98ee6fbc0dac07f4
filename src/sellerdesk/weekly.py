"""The weekly review (seed 003: "Review Regularly: weekly check-ins to ensure
data integrity and follow-up completion"; "Be Specific: include outcomes,
next steps, and responsible person").

Over the last seven local days, today included, it lists:

- leads contacted (a message sent, a follow-up done) with no note of the
  outcome after their last contact;
- follow-ups missed (still waiting, due before today) or snoozed more than twice;
- open leads with no next step (no follow-up waiting) or no responsible person;
- records missing a website or a project type;
- referral rewards owed (earned, not yet redeemed);
- orders waiting on requirements.

Every row names its lead, so the screen and `sellerdesk week` open it. Each
section's count is exact; its rows are limited. Lost and do-not-contact leads
are left out except where a reward or an order is still owed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from sellerdesk import clock
from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, FollowUpModel, LeadModel, OrderModel, ReferralModel
from sellerdesk.event_kinds import COPIED_KIND
from sellerdesk.followups.items import ACTIVE
from sellerdesk.followups.when import describe, start_of_day
from sellerdesk.orders.items import OPEN_STATUSES, REQUIREMENTS
from sellerdesk.vocab import OPEN_STAGES, STAGES

DAYS = 7
ROWS_PER_SECTION = 50
# Talking to the client, and writing down what came of it.
CONTACT_KINDS = (COPIED_KIND, "followup_done")
OUTCOME_KINDS = (
    "note",
    "script_answer",
    "offer_declined",
    "order_created",
    "order_feedback",
    "order_note",
    "order_walkthrough",
    "order_cancelled",
    "price_dispute",
    "complaint_opened",
    "referral_recorded",
    "dnc_on",
)
SNOOZES_TOO_MANY = 2


@dataclass(frozen=True)
class Row:
    lead_id: int
    username: str
    detail: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str
    count: int
    rows: tuple[Row, ...]

    @property
    def hidden(self) -> int:
        return max(0, self.count - len(self.rows))

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "hint": self.hint,
            "count": self.count,
            "rows": [row.to_json() for row in self.rows],
        }


@dataclass(frozen=True)
class Week:
    first_day: date
    last_day: date
    generated_at: datetime
    sections: tuple[Section, ...]

    @property
    def total(self) -> int:
        return sum(section.count for section in self.sections)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "generated_at": self.generated_at.isoformat(),
            "total": self.total,
            "sections": [section.to_json() for section in self.sections],
        }


def review(db: Database, *, limit: int = ROWS_PER_SECTION) -> Week:
    today = clock.local_now().date()
    first = today - timedelta(days=DAYS - 1)
    start, end = start_of_day(first), start_of_day(today + timedelta(days=1))
    with db.read() as session:
        sections = (
            _without_outcome(session, start, end, limit),
            _followups(session, start_of_day(today), limit),
            _no_next_step(session, limit),
            _missing_fields(session, limit),
            _rewards_owed(session, limit),
            _requirements(session, limit),
        )
    return Week(first, today, clock.now(), sections)


def _day(moment: datetime) -> str:
    return clock.to_local(moment).strftime("%a %Y-%m-%d")


def _reachable():
    return and_(LeadModel.do_not_contact == False, LeadModel.stage != "lost")  # noqa: E712


def _without_outcome(session: Session, start: datetime, end: datetime, limit: int) -> Section:
    rows = session.execute(
        select(EventModel.lead_id, EventModel.kind, EventModel.at)
        .where(
            EventModel.kind.in_(CONTACT_KINDS + OUTCOME_KINDS),
            EventModel.at >= start,
            EventModel.at < end,
        )
        .order_by(EventModel.at)
    )
    contact: dict[int, datetime] = {}
    outcome: dict[int, datetime] = {}
    for lead_id, kind, at in rows:
        (contact if kind in CONTACT_KINDS else outcome)[lead_id] = at
    silent = {
        lead_id: at
        for lead_id, at in contact.items()
        if lead_id not in outcome or outcome[lead_id] < at
    }
    names = _reachable_names(session, list(silent))
    found = [
        Row(lead_id, names[lead_id], f"contacted {_day(at)}; no note of the outcome since")
        for lead_id, at in sorted(silent.items(), key=lambda pair: pair[1])
        if lead_id in names
    ]
    return Section(
        "without_outcome",
        "Touched this week without a note of the outcome",
        "open the lead and press a to note what the client said",
        len(found),
        tuple(found[:limit]),
    )


def _reachable_names(session: Session, ids: list[int]) -> dict[int, str]:
    """Usernames of these leads, leaving out the lost and do-not-contact ones."""
    out: dict[int, str] = {}
    for chunk in range(0, len(ids), 500):
        stmt = select(LeadModel.id, LeadModel.username).where(
            LeadModel.id.in_(ids[chunk : chunk + 500]), _reachable()
        )
        out.update({lead_id: name for lead_id, name in session.execute(stmt)})
    return out


def _followups(session: Session, today_start: datetime, limit: int) -> Section:
    waiting = and_(
        FollowUpModel.status.in_(ACTIVE),
        LeadModel.do_not_contact == False,  # noqa: E712
    )
    missed = and_(waiting, FollowUpModel.due_at < today_start)
    listed = select(
        FollowUpModel.id,
        FollowUpModel.lead_id,
        LeadModel.username,
        FollowUpModel.due_at,
        FollowUpModel.has_time,
        FollowUpModel.reason,
    ).join(LeadModel, LeadModel.id == FollowUpModel.lead_id)
    missed_n = session.scalar(
        select(func.count())
        .select_from(FollowUpModel)
        .join(LeadModel, LeadModel.id == FollowUpModel.lead_id)
        .where(missed)
    )
    snoozed = _snoozed_often(session)
    # Snoozed too often but not (yet) missed: counted here, not twice.
    often = session.execute(
        listed.where(
            waiting, FollowUpModel.due_at >= today_start, FollowUpModel.id.in_(list(snoozed))
        ).order_by(FollowUpModel.due_at)
    ).all()
    out: list[Row] = []
    for fid, lead_id, username, due, has_time, reason in session.execute(
        listed.where(missed).order_by(FollowUpModel.due_at).limit(limit)
    ):
        times = f", snoozed {snoozed[fid]} times" if fid in snoozed else ""
        when = describe(due, has_time)
        out.append(Row(lead_id, username, f"missed: due {when}{times}: {reason}"))
    for fid, lead_id, username, due, has_time, reason in often:
        when = describe(due, has_time)
        out.append(Row(lead_id, username, f"snoozed {snoozed[fid]} times, due {when}: {reason}"))
    return Section(
        "followups",
        "Follow-ups missed or snoozed more than twice",
        "do it, move it to a real date, or cancel it with the reason",
        (missed_n or 0) + len(often),
        tuple(out[:limit]),
    )


def _snoozed_often(session: Session) -> dict[int, int]:
    """Follow-up id -> times snoozed, for waiting follow-ups snoozed more than twice."""
    holders = select(FollowUpModel.lead_id).where(FollowUpModel.status == "snoozed")
    counted: Counter[int] = Counter()
    for (data,) in session.execute(
        select(EventModel.data).where(
            EventModel.kind == "followup_snoozed", EventModel.lead_id.in_(holders)
        )
    ):
        try:
            fid = json.loads(data or "{}").get("followup_id")
        except (ValueError, AttributeError):
            continue
        if isinstance(fid, int):
            counted[fid] += 1
    return {fid: n for fid, n in counted.items() if n > SNOOZES_TOO_MANY}


def _no_next_step(session: Session, limit: int) -> Section:
    no_owner = or_(LeadModel.owner.is_(None), func.trim(LeadModel.owner) == "")
    where = and_(
        LeadModel.stage.in_(OPEN_STAGES),
        LeadModel.do_not_contact == False,  # noqa: E712
        or_(LeadModel.next_followup_at.is_(None), no_owner),
    )
    count = session.scalar(select(func.count()).select_from(LeadModel).where(where)) or 0
    rows = session.execute(
        select(
            LeadModel.id, LeadModel.username, LeadModel.stage, LeadModel.next_followup_at,
            LeadModel.owner,
        )
        .where(where)
        .order_by(LeadModel.stage_since, LeadModel.id)
        .limit(limit)
    )  # fmt: skip
    out = []
    for lead_id, username, stage, next_at, owner in rows:
        gaps = []
        if next_at is None:
            gaps.append("no next step")
        if not (owner or "").strip():
            gaps.append("no responsible person")
        out.append(Row(lead_id, username, f"{STAGES.label(stage)}: {', '.join(gaps)}"))
    return Section(
        "no_next_step",
        "Open leads with no next step or no responsible person",
        "plan a follow-up (a on the lead's queue line) and set the owner (e on the lead)",
        count,
        tuple(out),
    )


def _missing_fields(session: Session, limit: int) -> Section:
    no_site = or_(LeadModel.website.is_(None), func.trim(LeadModel.website) == "")
    where = and_(_reachable(), or_(no_site, LeadModel.project_type.is_(None)))
    count = session.scalar(select(func.count()).select_from(LeadModel).where(where)) or 0
    rows = session.execute(
        select(LeadModel.id, LeadModel.username, LeadModel.website, LeadModel.project_type)
        .where(where)
        .order_by(LeadModel.updated_at.desc(), LeadModel.id.desc())
        .limit(limit)
    )
    out = []
    for lead_id, username, website, project_type in rows:
        gaps = []
        if not (website or "").strip():
            gaps.append("no website")
        if project_type is None:
            gaps.append("no project type")
        out.append(Row(lead_id, username, ", ".join(gaps)))
    return Section(
        "missing_fields",
        "Records missing a website or project type",
        "e on the lead fills them in",
        count,
        tuple(out),
    )


def _rewards_owed(session: Session, limit: int) -> Section:
    referrer, referred = aliased(LeadModel), aliased(LeadModel)
    where = ReferralModel.status == "earned"
    count = session.scalar(select(func.count()).select_from(ReferralModel).where(where)) or 0
    rows = session.execute(
        select(referrer.id, referrer.username, referred.username, ReferralModel.reward)
        .join(referrer, referrer.id == ReferralModel.referrer_id)
        .join(referred, referred.id == ReferralModel.referred_id)
        .where(where)
        .order_by(ReferralModel.earned_at, ReferralModel.id)
        .limit(limit)
    )
    out = [
        Row(lead_id, username, f"owed {reward} for referring {new}")
        for lead_id, username, new, reward in rows
    ]
    return Section(
        "rewards_owed",
        "Referral rewards owed",
        "apply the reward on their next order, then redeem it (f4, x)",
        count,
        tuple(out),
    )


def _requirements(session: Session, limit: int) -> Section:
    where = and_(OrderModel.status.in_(OPEN_STATUSES), OrderModel.requirements != "submitted")
    count = session.scalar(select(func.count()).select_from(OrderModel).where(where)) or 0
    rows = session.execute(
        select(LeadModel.id, LeadModel.username, OrderModel.number, OrderModel.requirements)
        .join(LeadModel, LeadModel.id == OrderModel.lead_id)
        .where(where)
        .order_by(OrderModel.created_at, OrderModel.id)
        .limit(limit)
    )
    out = [
        Row(lead_id, username, f"order {number}: requirements {REQUIREMENTS.label(state).lower()}")
        for lead_id, username, number, state in rows
    ]
    return Section(
        "requirements",
        "Orders waiting on requirements",
        "send the requirements message (m on the order)",
        count,
        tuple(out),
    )
