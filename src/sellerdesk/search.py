"""Finding leads: the home screen's list, search as you type, counts and labels.

Search at a busy seller's scale (docs/performance.md). A term that matches
many leads is answered by reading the most recent leads and testing each row,
stopping at a page; a rare term by an index (trigrams for three characters
and more, pairs of characters below that), whose few matches are cheap to
sort. Either way the answer is the same rows in the same order. SQLite tells
a common term from a rare one by counting index entries; PostgreSQL cannot
count without visiting the rows, so it asks its planner's estimate.

Core only, on the tables in `sellerdesk.db.tables`: the start-up reader and
the queue read through here without loading the ORM.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    String,
    bindparam,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.sql.expression import UnaryExpression

from sellerdesk.checks import clean_label
from sellerdesk.db import tables
from sellerdesk.db.engine import Database
from sellerdesk.db.statements import statement
from sellerdesk.records import LeadRow
from sellerdesk.vocab import STAGES

lead = tables.leads.c
label_row = tables.lead_labels.c
# SQLite's search indexes: trigrams for three characters and more (migration
# 0001), pairs of characters for one or two (migration 0004).
_FTS = table("leads_fts", column("rowid"))
_GRAMS = table("lead_grams", column("gram"), column("lead_id"))
# SQLite's LIKE and lower() fold ASCII letters only; the pairs are stored so.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_WALK_ROWS = 4000
"""Most recent leads read before giving up on the walk and asking the index."""
_COMMON = 4000
"""Index matches from which a term counts as common enough to walk for."""

_ROW_COLUMNS = (
    lead.id,
    lead.username,
    lead.display_name,
    lead.stage,
    lead.website,
    lead.next_followup_at,
    lead.last_messaged_at,
    lead.do_not_contact,
    lead.updated_at,
)


def _fts_match(text: str):
    # FTS5 reads its query as C text: a NUL would end it mid-phrase (an error), so
    # it is left out of the phrase (no name typed at a keyboard or a shell holds one).
    phrase = '"' + text.replace("\x00", "").replace('"', '""') + '"'
    return literal_column("leads_fts").op("MATCH")(phrase)


def _like(db: Database, text: str, columns=None):
    """The substring test on the row itself.

    On SQLite, LIKE already ignores ASCII case and lower() folds nothing else,
    so the bare LIKE is the same test without two function calls per column.
    PostgreSQL's LIKE is case-sensitive; its ILIKE is what the trigram index
    over the three columns answers (migration 0008).
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    username, display_name, website = columns or (lead.username, lead.display_name, lead.website)
    if db.is_sqlite:
        return or_(*(col.like(pattern, escape="\\") for col in (username, display_name, website)))
    return or_(*(col.ilike(pattern, escape="\\") for col in (username, display_name, website)))


def _index_matches(db: Database, text: str) -> Select | None:
    """The ids of the leads containing `text`, read from an index (SQLite only)."""
    if not db.is_sqlite or not text:
        return None
    return _index_select(text)


def _short_grams(text: str):
    """PostgreSQL: the leads containing `text` of one or two characters, read
    from the index of characters and pairs (migration 0009). The term is
    folded by the server's lower(), as ILIKE folds it."""
    from sqlalchemy.dialects.postgresql import array

    grams = func.sellerdesk_short_grams(lead.username, lead.display_name, lead.website)
    return grams.op("@>")(array([func.lower(literal(text, String))]))


def _contains(db: Database, text: str, rare: bool):
    """The substring test, in the form its index answers best: a rare term
    through an index, a common one row by row (a scan that stops early)."""
    matches = _index_matches(db, text)
    if matches is not None:
        return lead.id.in_(matches)
    if rare and not db.is_sqlite and len(text) < 3:
        return _short_grams(text)
    return _like(db, text)


# A keystroke asks for the same term's index lookup up to four times (to choose
# a way, to filter, to count): it is built once.
@lru_cache(maxsize=256)
def _index_select(text: str) -> Select:
    if len(text) >= 3:
        return select(_FTS.c.rowid).where(_fts_match(text))
    folded = text.translate(_ASCII_LOWER)
    if len(folded) == 2:
        return select(_GRAMS.c.lead_id).where(_GRAMS.c.gram == folded)
    # One character: every pair that starts with it (a last character is paired
    # with a line break, so it is there too).
    following = chr(min(ord(folded) + 1, 0x10FFFF))
    return select(_GRAMS.c.lead_id).where(_GRAMS.c.gram >= folded, _GRAMS.c.gram < following)


def _filtered(
    db: Database,
    stmt: Select,
    query: str,
    stage: str | None,
    label: str | None,
    rare: bool = True,
) -> Select:
    if stage:
        stmt = stmt.where(lead.stage == STAGES.parse(stage))
    if label:
        stmt = stmt.where(
            exists().where(
                label_row.lead_id == lead.id,
                label_row.label_key == clean_label(label).lower(),
            )
        )
    text = query.strip()
    if not text:
        return stmt
    return stmt.where(_contains(db, text, rare))


def _is_common(db: Database, conn: Connection, text: str) -> bool:
    """True when the term matches so many leads that the most recent ones will
    probably fill a page by themselves (and counting every match would be slow)."""
    if not db.is_sqlite:
        return _expected_matches(db, conn, text) >= _COMMON
    if len(text) >= 3 and not text.isascii():
        return False  # the trigram index folds non-ASCII case; LIKE would not
    matches = _index_matches(db, text)
    if matches is None:
        return False
    probe = matches.limit(_COMMON).subquery()
    return (conn.scalar(select(func.count()).select_from(probe)) or 0) >= _COMMON


def _expected_matches(db: Database, conn: Connection, text: str) -> int:
    """PostgreSQL's estimate of the leads containing `text`, from the statistics
    it keeps on the columns and on the index of short terms. Only the way of
    answering depends on it, never the answer."""
    probe = select(lead.id).where(_contains(db, text, rare=True))
    compiled = probe.compile(dialect=conn.dialect)
    plan: Any = conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params).scalar()
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _walk_recent(
    db: Database, conn: Connection, text: str, stage: str | None, label: str | None, need: int
) -> list[LeadRow] | None:
    """The first `need` matches among the most recent leads; None if the most
    recent `_WALK_ROWS` hold fewer and older leads remain."""
    newest_first = (lead.updated_at.desc(), lead.id.desc())
    # The window is "updated at or after the Nth most recent lead": a range on
    # the recency index, so the walk stops at a full page or at the window's end.
    edge = conn.scalar(
        _filtered(db, select(lead.updated_at), "", stage, label)
        .order_by(*newest_first)
        .offset(_WALK_ROWS - 1)
        .limit(1)
    )
    stmt = _filtered(db, select(*_ROW_COLUMNS), "", stage, label).where(_like(db, text))
    if edge is not None:
        stmt = stmt.where(lead.updated_at >= edge)
    rows = [LeadRow(*row) for row in conn.execute(stmt.order_by(*newest_first).limit(need))]
    if len(rows) < need and edge is not None:
        return None
    return rows


def list_leads(
    db: Database,
    query: str = "",
    *,
    stage: str | None = None,
    label: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[LeadRow]:
    """One page of leads, most recently active first, matching a substring search."""
    text = query.strip()
    if _index_matches(db, text) is not None:
        # The index gives the matches; sorting them beats walking the recency
        # index row by row and testing each against them.
        recency: tuple[UnaryExpression[Any], ...] = (
            literal_column("+leads.updated_at").desc(),
            lead.id.desc(),
        )
    else:
        recency = (lead.updated_at.desc(), lead.id.desc())
    with db.connect() as conn:
        common = bool(text) and _is_common(db, conn, text)
        if common:
            rows = _walk_recent(db, conn, text, stage, label, offset + limit)
            if rows is not None:
                return rows[offset:]
        stmt = _filtered(db, select(*_ROW_COLUMNS), text, stage, label, rare=not common)
        stmt = stmt.order_by(*recency).limit(limit).offset(offset)
        if text and not db.is_sqlite:
            # Here the matches are too few among the recent leads to walk for
            # (or the walk fell short), yet PostgreSQL, expecting thousands,
            # walks the recency index backwards anyway: `smith` at 100k tested
            # 5,000 rows (10 ms); its trigram indexes find the 1,717 matches,
            # sorted in 2 ms.
            conn.exec_driver_sql("SET LOCAL enable_indexscan = off")
        return [LeadRow(*row) for row in conn.execute(stmt)]


def count_leads(
    db: Database,
    query: str = "",
    *,
    stage: str | None = None,
    label: str | None = None,
    at_most: int | None = None,
) -> int:
    """How many leads match. With `at_most`, a count that would have to test
    row after row stops there and answers `at_most + 1`, meaning "more than"."""
    text = query.strip()
    with db.connect() as conn:
        # SQLite counts a term of three characters or more in its trigram index
        # alone; anything else (PostgreSQL always) means testing rows.
        slow = text and (len(text) < 3 or stage or label or not db.is_sqlite)
        if at_most is not None and slow and _is_common(db, conn, text):
            # Thousands of matches: test rows until there are more than enough.
            rows = _filtered(db, select(literal_column("1")), "", stage, label)
            capped = rows.where(_like(db, text)).limit(at_most + 1).subquery()
            stmt = select(func.count()).select_from(capped)
            if not db.is_sqlite and len(text) >= 3:
                # PostgreSQL overestimates terms of middling frequency ("rob": 11,000
                # expected, 4,600 found) and would read 20,000 rows in table order
                # to find 1,001; its trigram index finds them in a few hundred.
                conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        elif db.is_sqlite and len(text) >= 3 and not stage and not label:
            # The index holds one row per lead (triggers keep it so): count it alone.
            stmt = select(func.count()).select_from(_FTS).where(_fts_match(text))
        else:
            # count(*), not count(id): SQLite answers count(*) from the b-tree's own
            # tally (8 ms → 0.03 ms at 100k leads) but reads every row for count(id).
            stmt = _filtered(db, _count_all_stmt(), text, stage, label)
        return conn.scalar(stmt) or 0


def all_labels(db: Database) -> list[str]:
    with db.connect() as conn:
        return [row[0] for row in conn.execute(_labels_stmt())]


# The home screen's first look, before anything is typed: the same rows as
# `list_leads(db, "")`, `count_leads(db, "")` and `all_labels(db)`, as named
# statements it can read without SQLAlchemy (sellerdesk.prefetch).


@statement("search.first_page")
def _first_page_stmt() -> Select:
    newest_first = (lead.updated_at.desc(), lead.id.desc())
    return select(*_ROW_COLUMNS).order_by(*newest_first).limit(bindparam("limit", type_=Integer))


@statement("search.count_all")
def _count_all_stmt() -> Select:
    return select(func.count()).select_from(tables.leads)


@statement("search.labels")
def _labels_stmt() -> Select:
    return (
        select(func.min(label_row.label))
        .group_by(label_row.label_key)
        .order_by(label_row.label_key)
    )
