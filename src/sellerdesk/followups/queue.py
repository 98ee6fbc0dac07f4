"""The morning queue: first replies, overdue, today and the coming week.

It reads only what it shows: each lane is one indexed query with a LIMIT, and
every count comes from two more statements that read indexes alone, so it
stays instant with a hundred thousand leads. The statements are registered
by name (`sellerdesk.db.statements`); their SQL is generated ahead for each
engine and runs on the driver's own connection in one batch (`db/reading.py`:
on a server, a round trip per connection, each statement prepared once per
connection): at this size building statements, loading rows through the ORM
and waiting for a server to answer a dozen times cost more than the queries.
How rows become lanes is in `followups/lanes.py`. Do-not-contact leads never
appear. One person's queue ("mine") adds one test on the last column of the
same indexes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Integer,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.sql.expression import BindParameter, ScalarSelect

from sellerdesk.config import Settings, load_settings
from sellerdesk.db import tables
from sellerdesk.db.engine import Database
from sellerdesk.db.reading import reading
from sellerdesk.db.statements import statement
from sellerdesk.followups import activity, lanes
from sellerdesk.followups.items import ACTIVE, Queue
from sellerdesk.vocab import IMPORTED_SOURCE, OPEN_STAGES, STAGES

LEADS = tables.leads
FOLLOWUPS = tables.followups
EVENTS = tables.events
lead = LEADS.c
followup = FOLLOWUPS.c
event = EVENTS.c


def build(
    db: Database,
    settings: Settings | None = None,
    *,
    limit: int = 50,
    person: str | None = None,
) -> Queue:
    """The morning queue of the whole team, or with `person`, theirs: what they
    are responsible for and what nobody is (see `lanes.assemble`)."""
    with reading(db) as reader:
        return lanes.assemble(reader, settings or load_settings(), limit=limit, person=person)


def _not_dnc():
    # `== False`, not `is_(False)`: SQLite matches `IS 0` against no index.
    return lead.do_not_contact == False  # noqa: E712


def _one_of(column, values: tuple[str, ...]):
    # Values bound one by one, not as one expanding list: the statement's SQL
    # is then the same every time, so it can be generated ahead (statements.py).
    return column.in_([literal(value) for value in values])


def _me():
    # Compared as the database folds case, as the generated keys are (migration 0008).
    return func.lower(bindparam("me", type_=String))


def _mine_lead(mine: bool):
    """One person's leads: theirs, and those nobody owns (the last column of each index)."""
    return or_(lead.owner_key == _me(), lead.owner_key.is_(None)) if mine else true()


def _mine_followup(mine: bool):
    """One person's follow-ups: theirs, and those nobody is named for."""
    return or_(followup.assignee_key == _me(), followup.assignee_key.is_(None)) if mine else true()


def _awaiting_first_reply(mine: bool = False):
    # A lead an import brought in with no source is a backlog, not an inquiry
    # that arrived today: it has no first reply due (`vocab.IMPORTED_SOURCE`).
    return and_(
        lead.stage == "new",
        lead.last_messaged_at.is_(None),
        _not_dnc(),
        lead.source != literal(IMPORTED_SOURCE),
        _mine_lead(mine),
    )


def _quiet(stage: str, mine: bool = False):
    # next_followup_at always equals the earliest waiting follow-up, so NULL
    # means none is planned. New inquiries still waiting for a first reply are
    # already at the top of the queue and are not counted twice; an imported
    # lead never messaged is not waiting for one, so it is here.
    where = [_not_dnc(), lead.next_followup_at.is_(None), lead.stage == stage, _mine_lead(mine)]
    if stage == "new":
        where.append(
            or_(lead.last_messaged_at.is_not(None), lead.source == literal(IMPORTED_SOURCE))
        )
    return and_(*where)


def _limit():
    # Bound, not written into the SQL: one statement serves every limit.
    return bindparam("limit", type_=Integer)


def _counted(*where) -> ScalarSelect[int]:
    return select(func.count()).select_from(LEADS).where(*where).scalar_subquery()


# ------------------------------------------------------------------ counts


def _dnc_with_plans() -> Select:
    return select(lead.id).where(
        lead.do_not_contact == True,  # noqa: E712
        lead.next_followup_at.is_not(None),
    )


@statement("queue.dnc_with_plans")
def _any_dnc_with_plans_stmt() -> Select:
    return _dnc_with_plans().limit(1)


@statement("queue.lane_counts")
def _lane_counts_stmt(excluding_dnc: bool, mine: bool = False) -> Select:
    """The three follow-up lanes counted in one statement, each a range of the
    (status, due_at, lead_id, assignee_key) index, without visiting a single
    lead. A follow-up due today at a time that has passed is overdue, not today's."""

    def counted(*where) -> ScalarSelect[int]:
        stmt = (
            select(func.count())
            .select_from(FOLLOWUPS)
            .where(_one_of(followup.status, ACTIVE), _mine_followup(mine), *where)
        )
        if excluding_dnc:
            stmt = stmt.where(followup.lead_id.not_in(_dnc_with_plans()))
        return stmt.scalar_subquery()

    due = followup.due_at
    start: BindParameter[datetime] = bindparam("start")
    tomorrow: BindParameter[datetime] = bindparam("tomorrow")
    late_today = counted(*_late_today())
    return select(
        (counted(due < start) + late_today).label("overdue"),
        (counted(due >= start, due < tomorrow) - late_today).label("today"),
        counted(due >= tomorrow, due < bindparam("week_end")).label("upcoming"),
    )


def _late_today() -> tuple:
    """Due earlier today at a time that has passed ("today 09:30" at 10:00)."""
    due = followup.due_at
    return (due >= bindparam("start"), due < bindparam("now"), followup.has_time == True)  # noqa: E712


@statement("queue.lead_counts")
def _lead_counts_stmt(mine: bool = False) -> Select:
    """Every lead count in one statement: each subquery reads one index. Every
    stage has a stale cutoff (far in the past where there is no limit)."""
    quiet = [_counted(_quiet(stage, mine)) for stage in OPEN_STAGES]
    stale = [
        _counted(
            lead.stage == stage,
            _not_dnc(),
            lead.stage_since < bindparam(f"cutoff_{stage}"),
            _mine_lead(mine),
        )
        for stage in STAGES.keys
    ]
    return select(
        _counted(_awaiting_first_reply(mine)).label("first_replies"),
        sum(quiet[1:], quiet[0]).label("no_next_step"),
        sum(stale[1:], stale[0]).label("stale"),
    )


# ------------------------------------------------------------------ lists


def _merged(parts: list[Select], *order: str) -> Select:
    """The first `limit` rows of several ordered queries, merged in one statement.

    Each part walks its own index and stops at `limit`; only the few rows they
    return are sorted. A single query with `IN (...)` over the same rows would
    have to sort every match before its LIMIT.
    """
    merged = union_all(*(select(*part.subquery().c) for part in parts)).subquery()
    return select(merged).order_by(*(merged.c[name] for name in order)).limit(_limit())


@statement("queue.first_replies")
def _first_replies_stmt(mine: bool = False) -> Select:
    return (
        select(
            lead.id,
            lead.username,
            lead.display_name,
            lead.created_at,
            lead.stage,
            lead.stage_since,
            lead.source,
            lead.referred_by,
            lead.project_type,
        )
        .where(_awaiting_first_reply(mine))
        .order_by(lead.created_at, lead.id)
        .limit(_limit())
    )


def _lane_windows(lane: str) -> list[tuple]:
    """A lane as ranges of due_at (the index's order), as the counts draw them."""
    due = followup.due_at
    start: BindParameter[datetime] = bindparam("start")
    tomorrow: BindParameter[datetime] = bindparam("tomorrow")
    if lane == "overdue":
        return [(due < start,), _late_today()]
    if lane == "today":
        # Not yet late: no time given, or a time still to come.
        not_late = or_(followup.has_time == False, due >= bindparam("now"))  # noqa: E712
        return [(due >= start, due < tomorrow, not_late)]
    return [(due >= tomorrow, due < bindparam("week_end"))]


@statement("queue.lane")
def _lane_stmt(lane: str, mine: bool = False) -> Select:
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
            followup.assignee,
            followup.version,
        )
        .join_from(FOLLOWUPS, LEADS, lead.id == followup.lead_id)
        .where(_not_dnc(), _mine_followup(mine))
        .order_by(followup.due_at, followup.id)
        .limit(_limit())
    )
    parts = [
        base.where(followup.status == status, *window)
        for window in _lane_windows(lane)
        for status in ACTIVE
    ]
    return _merged(parts, "due_at", "id")


@statement("queue.quiet")
def _quiet_stmt(mine: bool = False) -> Select:
    parts = [
        select(lead.id, lead.username, lead.display_name, lead.stage, lead.stage_since)
        .where(_quiet(stage, mine))
        .order_by(lead.stage_since, lead.id)
        .limit(_limit())
        for stage in OPEN_STAGES
    ]
    return _merged(parts, "stage_since", "id")


@statement("queue.activity")
def _activity_stmt() -> Select:
    return select(event.kind, event.lead_id, event.data).where(
        _one_of(event.kind, activity.KINDS),
        event.at >= bindparam("start"),
        event.at < bindparam("end"),
    )
