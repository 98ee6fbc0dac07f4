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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update

from sellerdesk.db import insight_tables as summary
from sellerdesk.db import tables
from sellerdesk.event_kinds import COPIED_KIND, TAKEN_BACK_KIND
from sellerdesk.followups.activity import contact_target, entry_data, imported, sent_template
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
# Leads that came in as an inquiry, whose first reply Fiverr's response rate counts
# (unless an import added them: `activity.imported`).
INQUIRY_SOURCES = ("fiverr_inbox",)
# The timeline kinds a lead's facts are read from.
FACT_KINDS = (COPIED_KIND, "note", "stage", "order_created", "created")
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
    imported: bool = False  # added by an import: a backlog, never an inquiry

    @property
    def stage(self) -> str:
        return self.stays[-1].stage

    @property
    def furthest(self) -> int:
        """The furthest stage of the ladder it was ever in (-1: none, only ever lost)."""
        return max((LADDER.index(s.stage) for s in self.stays if s.stage in LADDER), default=-1)

    @property
    def lost_from(self) -> str | None:
        """The stage it was in when it was first lost (None: never lost, or lost at once)."""
        for before, stay in zip(self.stays, self.stays[1:], strict=False):
            if stay.stage == "lost":
                return before.stage
        return None


def is_reply(kind: str, data: str | None) -> bool:
    """A message sent to the lead (`activity.sent_template`: copied, not taken
    back), or a note written by a person.

    Notes the app writes itself when a record field changes (they carry the
    field in their data, e.g. "Referred by: ...") are not a reply.
    """
    if kind == COPIED_KIND:
        return sent_template(kind, data) is not None
    return kind == "note" and "field" not in entry_data(data)


def lead_facts(
    created_at: datetime, current_stage: str, events: Iterable[Sequence[Any]]
) -> LeadFacts:
    """The facts of one lead from its (at, kind, data) entries, oldest first.

    The first reply is the first reply at or after the lead was created. The
    lead starts in the stage its first move left (or, never moved, where it
    is now) and each move closes one stay and opens the next. It reached
    Ordered at its first stay in Ordered or later, or its first order. It was
    imported when its "created" entry says an import added it.
    """
    first_reply: datetime | None = None
    was_imported = False
    ordered: list[datetime] = []
    initial: str | None = None
    moves: list[tuple[datetime, str]] = []
    for at, kind, data in events:
        if kind == "stage":
            move = entry_data(data)
            to, was = move.get("to"), move.get("from")
            if not isinstance(to, str):
                continue
            if initial is None and isinstance(was, str):
                initial = was
            moves.append((at, to))
        elif kind == "order_created":
            ordered.append(at)
        elif kind == "created":
            was_imported = was_imported or imported(kind, data)
        elif first_reply is None and at >= created_at and is_reply(kind, data):
            first_reply = at
    stays: list[Stay] = []
    stage, since = initial or current_stage, created_at
    for at, to in moves:
        stays.append(Stay(stage, since, at))
        stage, since = to, at
    stays.append(Stay(stage, since, None))
    ordered.extend(stay.entered_at for stay in stays if stay.stage in ORDERED)
    return LeadFacts(first_reply, min(ordered, default=None), tuple(stays), was_imported)


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
    if marks is None or tops[0] < marks[0] or tops[1] < marks[1]:
        # The timeline shrank (or the mark is gone): start again from nothing. A
        # first run needs no clearing: each step replaces the rows it writes.
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
            _add_events(session.connection(), low, min(low + EVENTS_PER_UNIT, tops[0]))
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
    for table in (
        summary.insight_contacts,
        summary.insight_copies,
        summary.insight_stays,
        summary.insight_leads,
    ):
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


def _add_events(conn: Connection, after: int, upto: int) -> None:
    """The messages sent and the contacts among events (after, upto].

    Read by id range, the kind compared here rather than in SQL, so the
    primary key and not the (kind, at) index decides which rows are read.
    Whether a copy was followed by an order is set with its lead's facts.
    A copy taken back since it was counted is taken out again: its
    `copy_taken_back` entry is among the new events (and its lead's facts,
    the first reply among them, are summarised again as the lead is touched).
    """
    copies, contacts = summary.insight_copies, summary.insight_contacts
    copy_rows, contact_rows, withdrawn = [], [], []
    for eid, lead_id, kind, at, data in conn.execute(
        select(EVENTS.id, EVENTS.lead_id, EVENTS.kind, EVENTS.at, EVENTS.data).where(
            EVENTS.id > after, EVENTS.id <= upto
        )
    ):
        if kind == TAKEN_BACK_KIND:
            copy_id = entry_data(data).get("event_id")
            if isinstance(copy_id, int):
                withdrawn.append(copy_id)
            continue
        template = sent_template(kind, data)
        if template is not None:
            copy_rows.append(
                {
                    "event_id": eid,
                    "lead_id": lead_id,
                    "template": template,
                    "at": at,
                    "ordered_after": False,
                }
            )
        target = contact_target(kind, template or "", data)
        if target is not None:
            contact_rows.append({"event_id": eid, "lead_id": lead_id, "target": target, "at": at})
    for table, rows in ((copies, copy_rows), (contacts, contact_rows)):
        conn.execute(delete(table).where(table.c.event_id > after, table.c.event_id <= upto))
        if rows:
            conn.execute(insert(table), rows)
        if withdrawn:
            conn.execute(delete(table).where(table.c.event_id.in_(withdrawn)))


def _summarise(conn: Connection, lead_ids: list[int]) -> None:
    """Recompute the facts of these leads from their whole timelines."""
    found = {
        row[0]: row[1:]
        for row in conn.execute(
            select(
                LEADS.id,
                LEADS.created_at,
                LEADS.stage,
                LEADS.source,
                LEADS.owner,
                LEADS.project_type,
            ).where(LEADS.id.in_(lead_ids))
        )
    }
    # The kinds are picked here, not in SQL: given `kind IN (...)`, SQLite walks
    # the (kind, at) index over the whole timeline instead of each lead's entries.
    rows = conn.execute(
        select(EVENTS.lead_id, EVENTS.at, EVENTS.kind, EVENTS.data)
        .where(EVENTS.lead_id.in_(lead_ids))
        .order_by(EVENTS.lead_id, EVENTS.at, EVENTS.id)
    )
    timelines = {
        lead_id: [row[1:] for row in group if row[2] in FACT_KINDS]
        for lead_id, group in groupby(rows, key=lambda r: r[0])
    }
    facts_rows: list[dict[str, Any]] = []
    stay_rows: list[dict[str, Any]] = []
    for lead_id, (created_at, stage, source, owner, project_type) in found.items():
        facts = lead_facts(created_at, stage, timelines.get(lead_id, ()))
        replied = facts.first_reply_at
        facts_rows.append(
            {
                "lead_id": lead_id,
                "created_at": created_at,
                "inquiry": source in INQUIRY_SOURCES and not facts.imported,
                "owner_key": owner_key(owner),
                "project_type": project_type,
                "reply_seconds": None if replied is None else _seconds(replied - created_at),
                "ordered_at": facts.ordered_at,
                "stage": facts.stage,
                "furthest": facts.furthest,
                "lost_from": facts.lost_from,
            }
        )
        stay_rows.extend(
            {
                "lead_id": lead_id,
                "created_at": created_at,
                "stage": stay.stage,
                "seconds": _seconds(stay.left_at - stay.entered_at),
            }
            for stay in facts.stays
            if stay.left_at is not None
        )
    for table in (summary.insight_stays, summary.insight_leads):
        conn.execute(delete(table).where(table.c.lead_id.in_(lead_ids)))
    if facts_rows:
        conn.execute(insert(summary.insight_leads), facts_rows)
    if stay_rows:
        conn.execute(insert(summary.insight_stays), stay_rows)
    # A copy counts towards its template's orders when the lead reached Ordered
    # after it; only the copies whose answer changed are written.
    copies, facts_table = summary.insight_copies, summary.insight_leads
    ordered_at = (
        select(facts_table.c.ordered_at)
        .where(facts_table.c.lead_id == copies.c.lead_id)
        .scalar_subquery()
    )
    before_order = func.coalesce(copies.c.at < ordered_at, False)
    mine = copies.c.lead_id.in_(lead_ids)
    conn.execute(
        update(copies)
        .where(mine, copies.c.ordered_after == False, before_order == True)  # noqa: E712
        .values(ordered_after=True)
    )
    conn.execute(
        update(copies)
        .where(mine, copies.c.ordered_after == True, before_order == False)  # noqa: E712
        .values(ordered_after=False)
    )


def _seconds(span: timedelta) -> int:
    return max(0, int(span.total_seconds()))


def owner_key(owner: str | None) -> str | None:
    """How an owner is compared: trimmed, case folded (None: no owner)."""
    return owner.strip().casefold() or None if owner else None
