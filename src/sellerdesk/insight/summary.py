"""Keeping the insight summaries (`sellerdesk.db.insight_tables`) up to date.

`refresh` reads the events and leads written since it last ran (by id, so
every writer is seen: the app, the CLI, an import) and recomputes the facts
of each lead they touch from that lead's whole timeline. The first run, or a
database whose timeline shrank under it, rebuilds everything. Work is done
in short write units, so a seller copying a message meanwhile waits for one
chunk at most, and every step can be repeated: two processes refreshing at
once end with the same rows.

What a lead's facts are is decided by `lead_facts`, a pure function.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update

from sellerdesk.db import insight_tables as summary
from sellerdesk.db import tables
from sellerdesk.followups.activity import template_of
from sellerdesk.vocab import STAGES

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sellerdesk.db.engine import Database

EVENTS = tables.events.c
LEADS = tables.leads.c
PROGRESS = summary.insight_progress

# The stages a lead moves forward through; "lost" can come from any of them.
LADDER = tuple(key for key in STAGES.keys if key != "lost")
ORDERED = LADDER[LADDER.index("ordered") :]
# The timeline kinds a lead's facts are read from.
FACT_KINDS = ("message_copied", "note", "stage", "order_created")
LEADS_PER_UNIT = 500
EVENTS_PER_UNIT = 20_000


@dataclass(frozen=True)
class Stay:
    stage: str
    entered_at: datetime
    left_at: datetime | None  # None: the lead is still there


@dataclass(frozen=True)
class LeadFacts:
    first_reply_at: datetime | None
    ordered_at: datetime | None
    stays: tuple[Stay, ...]


def is_reply(kind: str, data: str | None) -> bool:
    """A message copied to the lead, or a note written by a person.

    Notes the app writes itself when a record field changes (they carry the
    field in their data, e.g. "Referred by: ...") are not a reply.
    """
    if kind == "message_copied":
        return True
    return kind == "note" and "field" not in _data(data)


def lead_facts(
    created_at: datetime, current_stage: str, events: Iterable[Sequence[Any]]
) -> LeadFacts:
    """The facts of one lead from its (at, kind, data) entries, oldest first.

    The first reply is the first reply at or after the lead was created. The
    lead starts in the stage its first move left (or, never moved, where it
    is now) and each move closes one stay and opens the next. It reached
    Ordered at its first stay in Ordered or later, or its first order.
    """
    first_reply: datetime | None = None
    ordered: list[datetime] = []
    initial: str | None = None
    moves: list[tuple[datetime, str]] = []
    for at, kind, data in events:
        if kind == "stage":
            move = _data(data)
            to, was = move.get("to"), move.get("from")
            if not isinstance(to, str):
                continue
            if initial is None and isinstance(was, str):
                initial = was
            moves.append((at, to))
        elif kind == "order_created":
            ordered.append(at)
        elif first_reply is None and at >= created_at and is_reply(kind, data):
            first_reply = at
    stays: list[Stay] = []
    stage, since = initial or current_stage, created_at
    for at, to in moves:
        stays.append(Stay(stage, since, at))
        stage, since = to, at
    stays.append(Stay(stage, since, None))
    ordered.extend(stay.entered_at for stay in stays if stay.stage in ORDERED)
    return LeadFacts(first_reply, min(ordered, default=None), tuple(stays))


def _data(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        parsed = json.loads(text)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


# ------------------------------------------------------------------ refreshing

Progress = Callable[[int, int], None]


def refresh(db: Database, progress: Progress | None = None) -> int:
    """Bring the summaries up to date; returns how many new events were read.

    `progress(done, total)` is told how far a long run (the first) has got.
    """
    with db.connect() as conn:
        marks, tops = _marks(conn), _tops(conn)
    if marks == tops:
        return 0
    if marks is None or tops[0] < marks[0] or tops[1] < marks[1] or marks == (0, 0):
        with db.write() as session:
            _clear(session.connection())
        marks = (0, 0)
    first_event, first_lead = marks
    with db.connect() as conn:
        touched = _touched(conn, marks, tops)
    steps = len(range(first_event, tops[0], EVENTS_PER_UNIT)) + len(
        range(0, len(touched), LEADS_PER_UNIT)
    )
    done = 0
    for low in range(first_event, tops[0], EVENTS_PER_UNIT):
        with db.write() as session:
            _copy_copies(session.connection(), low, min(low + EVENTS_PER_UNIT, tops[0]))
        done += 1
        if progress:
            progress(done, steps)
    for start in range(0, len(touched), LEADS_PER_UNIT):
        with db.write() as session:
            _summarise(session.connection(), touched[start : start + LEADS_PER_UNIT])
        done += 1
        if progress:
            progress(done, steps)
    with db.write() as session:
        # Only from where this run started: a run that finished first and got
        # further keeps its mark (anything left is read again next time).
        session.connection().execute(
            update(PROGRESS)
            .where(
                PROGRESS.c.id == 1,
                PROGRESS.c.last_event_id == first_event,
                PROGRESS.c.last_lead_id == first_lead,
            )
            .values(last_event_id=tops[0], last_lead_id=tops[1])
        )
    return tops[0] - first_event


def _marks(conn: Connection) -> tuple[int, int] | None:
    row = conn.execute(
        select(PROGRESS.c.last_event_id, PROGRESS.c.last_lead_id).where(PROGRESS.c.id == 1)
    ).first()
    return None if row is None else (row[0], row[1])


def _tops(conn: Connection) -> tuple[int, int]:
    row = conn.execute(
        select(
            select(func.max(EVENTS.id)).scalar_subquery(),
            select(func.max(LEADS.id)).scalar_subquery(),
        )
    ).one()
    return (row[0] or 0, row[1] or 0)


def _clear(conn: Connection) -> None:
    for table in (summary.insight_copies, summary.insight_stays, summary.insight_leads):
        conn.execute(delete(table))
    conn.execute(delete(PROGRESS))
    conn.execute(insert(PROGRESS).values(id=1, last_event_id=0, last_lead_id=0))


def _touched(conn: Connection, marks: tuple[int, int], tops: tuple[int, int]) -> list[int]:
    """Leads with events or created since the marks (every lead on a first run)."""
    if marks == (0, 0):
        return list(conn.scalars(select(LEADS.id).where(LEADS.id <= tops[1]).order_by(LEADS.id)))
    with_events = select(EVENTS.lead_id).where(EVENTS.id > marks[0], EVENTS.id <= tops[0])
    created = select(LEADS.id).where(LEADS.id > marks[1], LEADS.id <= tops[1])
    return sorted(set(conn.scalars(with_events)) | set(conn.scalars(created)))


def _copy_copies(conn: Connection, after: int, upto: int) -> None:
    """The messages copied among events (after, upto], with their template ids.

    Read by id range, the kind compared here rather than in SQL, so the
    primary key and not the (kind, at) index decides which rows are read.
    """
    copies = summary.insight_copies
    rows = [
        {"event_id": eid, "lead_id": lead_id, "template": template_of(data) or "", "at": at}
        for eid, lead_id, kind, at, data in conn.execute(
            select(EVENTS.id, EVENTS.lead_id, EVENTS.kind, EVENTS.at, EVENTS.data).where(
                EVENTS.id > after, EVENTS.id <= upto
            )
        )
        if kind == "message_copied"
    ]
    conn.execute(delete(copies).where(copies.c.event_id > after, copies.c.event_id <= upto))
    if rows:
        conn.execute(insert(copies), rows)


def _summarise(conn: Connection, lead_ids: list[int]) -> None:
    """Recompute the facts of these leads from their whole timelines."""
    found = {
        lead_id: (created_at, stage)
        for lead_id, created_at, stage in conn.execute(
            select(LEADS.id, LEADS.created_at, LEADS.stage).where(LEADS.id.in_(lead_ids))
        )
    }
    rows = conn.execute(
        select(EVENTS.lead_id, EVENTS.at, EVENTS.kind, EVENTS.data)
        .where(EVENTS.lead_id.in_(lead_ids), EVENTS.kind.in_(FACT_KINDS))
        .order_by(EVENTS.lead_id, EVENTS.at, EVENTS.id)
    )
    timelines = {
        lead_id: [row[1:] for row in group] for lead_id, group in groupby(rows, key=lambda r: r[0])
    }
    facts_rows, stay_rows = [], []
    for lead_id, (created_at, stage) in found.items():
        facts = lead_facts(created_at, stage, timelines.get(lead_id, ()))
        facts_rows.append(
            {
                "lead_id": lead_id,
                "created_at": created_at,
                "first_reply_at": facts.first_reply_at,
                "ordered_at": facts.ordered_at,
            }
        )
        stay_rows.extend(
            {
                "lead_id": lead_id,
                "stage": stay.stage,
                "entered_at": stay.entered_at,
                "left_at": stay.left_at,
            }
            for stay in facts.stays
        )
    for table in (summary.insight_stays, summary.insight_leads):
        conn.execute(delete(table).where(table.c.lead_id.in_(lead_ids)))
    if facts_rows:
        conn.execute(insert(summary.insight_leads), facts_rows)
        conn.execute(insert(summary.insight_stays), stay_rows)
