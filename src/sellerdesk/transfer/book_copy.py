"""Copying a whole lead book from one database to another: a seller's SQLite
file to the team's PostgreSQL server (`sellerdesk db copy --to URL`), or back.

Every row is copied in the order it was written, in one transaction on the
target: leads and their labels and remembered values, the timeline, follow-
ups, script runs, orders with their checklists, referrals. Nothing is
recomputed or summarised on the way (the insight summaries rebuild themselves
from the timeline). Afterwards every table is counted in the target, and a
count that is not what the copy wrote undoes the whole copy.

Into a book that already has leads only with `merge`: a lead whose username
is already there (any case) is the same person, so its record stays as the
target has it (empty fields filled from the copy, labels and remembered
values added), and of its timeline and follow-ups only what the target does
not hold already is added; copying the same book twice adds nothing the
second time. An order number, a script run of the same script or a referral
of the same lead already in the target is kept as the target has it.

Ids are the source's, shifted past the target's highest: rows keep their
order, and the ids that timeline entries quote (follow-ups, orders,
referrals, other entries) are shifted with them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, select, text

from sellerdesk.db import tables
from sellerdesk.db.engine import Database
from sellerdesk.db.models import (
    LeadValueModel,
    OrderCheckModel,
    OrderModel,
    ReferralModel,
    ScriptRunModel,
)
from sellerdesk.errors import DatabaseError, Invalid

BATCH = 2000


def _table(model: Any) -> Table:
    return cast("Table", model.__table__)  # a mapped class's table is a Table

# In the order rows must arrive (each after what it points to), with what a
# person calls them. The timeline comes last: its entries quote the others' ids.
LEADS = tables.leads
TABLES: tuple[tuple[Table, str], ...] = (
    (LEADS, "leads"),
    (tables.lead_labels, "labels"),
    (_table(LeadValueModel), "remembered values"),
    (tables.followups, "follow-ups"),
    (_table(ScriptRunModel), "script runs"),
    (_table(OrderModel), "orders"),
    (_table(OrderCheckModel), "order checklist items"),
    (_table(ReferralModel), "referrals"),
    (tables.events, "timeline entries"),
)
# Timeline data that quotes another row's id, and which table that row is in.
QUOTED_IDS = {
    "followup_id": "followups",
    "order_id": "orders",
    "referral_id": "referrals",
    "event_id": "events",
}
# A lead record's fields a merge may fill where the target's are empty.
FILLABLE = (
    "display_name",
    "website",
    "last_messaged_at",
    "referred_by",
    "project_type",
    "industry",
    "owner",
    "notes",
)


@dataclass
class Tally:
    """What the copy did to one table."""

    name: str
    copied: int = 0
    already: int = 0
    """Rows the target held already (merged leads, orders by number, ...)."""


@dataclass
class Copied:
    tallies: list[Tally] = field(default_factory=list)

    @property
    def leads(self) -> Tally:
        return self.tallies[0]


def copy_book(
    source: Database,
    target: Database,
    *,
    merge: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> Copied:
    """Copy every row of `source` into `target` (see the module's docstring)."""
    if source.url == target.url:
        raise Invalid("The source and the target are the same database; nothing to copy.")
    result = Copied()
    with source.connect() as reading, target.write() as session:
        writing = session.connection()
        if not merge and writing.scalar(select(func.count()).select_from(LEADS)):
            raise Invalid(
                "The target already holds leads; nothing was copied. Add --merge to copy "
                "into it, matching leads by username."
            )
        before = {t.name: _count(writing, t) for t, _ in TABLES}
        copier = _Copier(reading, writing, merge)
        for table, name in TABLES:
            tally = Tally(name)
            copier.copy(table, tally, progress)
            result.tallies.append(tally)
        copier.finish()
        for (table, _), tally in zip(TABLES, result.tallies, strict=True):
            after = _count(writing, table)
            if after != before[table.name] + tally.copied:
                raise DatabaseError(
                    f"The copy was undone: the target holds {after:,} {tally.name} where "
                    f"{before[table.name] + tally.copied:,} were expected."
                )
    return result


def _count(conn: Connection, table: Table) -> int:
    return conn.scalar(select(func.count()).select_from(table)) or 0


class _Copier:
    def __init__(self, reading: Connection, writing: Connection, merge: bool) -> None:
        self.reading = reading
        self.writing = writing
        self.merge = merge
        # Per table: source id -> target id, for rows that are the target's own.
        self.same: dict[str, dict[int, int]] = {t.name: {} for t, _ in TABLES}
        self.offset: dict[str, int] = {
            t.name: writing.scalar(select(func.coalesce(func.max(t.c.id), 0))) or 0
            for t, _ in TABLES
        }
        self.merged_leads: set[int] = set()  # target ids of leads both books hold

    # ------------------------------------------------------------ ids

    def id_in_target(self, table: str, source_id: int | None) -> int | None:
        if source_id is None:
            return None
        return self.same[table].get(source_id, source_id + self.offset[table])

    def _quoted(self, data: str | None) -> str | None:
        """Timeline data with the ids it quotes moved as their rows were."""
        if not data:
            return data
        try:
            value = json.loads(data)
        except ValueError:
            return data
        if not isinstance(value, dict) or not any(key in value for key in QUOTED_IDS):
            return data
        for key, table in QUOTED_IDS.items():
            if isinstance(value.get(key), int):
                value[key] = self.id_in_target(table, value[key])
        return json.dumps(value)

    # ------------------------------------------------------------ rows

    def rows(self, table: Table) -> Iterator[list[dict[str, Any]]]:
        columns = [c for c in table.c if c.computed is None]
        result = self.reading.execution_options(yield_per=BATCH).execute(
            select(*columns).order_by(table.c.id)
        )
        for chunk in result.mappings().partitions(BATCH):
            yield [dict(row) for row in chunk]

    def copy(self, table: Table, tally: Tally, progress) -> None:
        prepare = getattr(self, f"_{table.name}", None)
        existing = self._existing(table) if self.merge else None
        for chunk in self.rows(table):
            out = []
            for row in chunk:
                kept = prepare(row, existing) if prepare else self._plain(table, row)
                if kept is None:
                    tally.already += 1
                else:
                    out.append(kept)
            if out:
                self._insert(table, out)
                tally.copied += len(out)
            if progress:
                progress(tally.name, tally.copied + tally.already)

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if table is LEADS and self.writing.dialect.name == "sqlite":
            from sellerdesk.transfer.search_index import indexed_after

            # Thousands of leads at once: the search indexes are filled in bulk.
            first = min(row["id"] for row in rows) - 1
            with indexed_after(self.writing, first, len(rows) >= 500):
                self.writing.execute(insert(table), rows)
            return
        self.writing.execute(insert(table), rows)

    def _plain(self, table: Table, row: dict[str, Any]) -> dict[str, Any]:
        row["id"] = self.id_in_target(table.name, row["id"])
        for column in table.c:
            for key in column.foreign_keys:
                target = key.column.table.name
                row[column.name] = self.id_in_target(target, row[column.name])
        return row

    # ------------------------------------------------------------ what a merge keeps

    def _existing(self, table: Table) -> Any:
        """What the target holds that a copied row may be the same as."""
        w = self.writing
        if table is LEADS:
            return dict(w.execute(select(LEADS.c.username_key, LEADS.c.id)).all())
        if table.name == "orders":
            return dict(w.execute(select(table.c.number, table.c.id)).all())
        if table.name == "script_runs":
            return {(r.lead_id, r.script): r.id for r in w.execute(select(table))}
        if table.name == "referrals":
            return dict(w.execute(select(table.c.referred_id, table.c.id)).all())
        if table.name in ("lead_labels", "lead_values"):
            key = table.c.label_key if table.name == "lead_labels" else table.c.name
            return {(lead_id, k) for lead_id, k in w.execute(select(table.c.lead_id, key))}
        return None

    def _leads(self, row: dict[str, Any], existing: dict[str, int] | None) -> dict | None:
        found = existing.get(row["username_key"]) if existing else None
        if found is None:
            return self._plain(LEADS, row)
        self.same["leads"][row["id"]] = found
        self.merged_leads.add(found)
        target = self.writing.execute(select(LEADS).where(LEADS.c.id == found)).mappings().one()
        fill = {k: row[k] for k in FILLABLE if target[k] in (None, "") and row[k] not in (None, "")}
        if fill:
            self.writing.execute(LEADS.update().where(LEADS.c.id == found).values(**fill))
        return None

    def _lead_labels(self, row: dict[str, Any], existing: set | None) -> dict | None:
        row = self._plain(tables.lead_labels, row)
        if existing is not None and (row["lead_id"], row["label_key"]) in existing:
            return None
        return row

    def _lead_values(self, row: dict[str, Any], existing: set | None) -> dict | None:
        row = self._plain(_table(LeadValueModel), row)
        if existing is not None and (row["lead_id"], row["name"]) in existing:
            return None
        return row

    def _events(self, row: dict[str, Any], _existing: Any) -> dict | None:
        return self._unless_same(tables.events, row, ("lead_id", "at", "author", "kind", "body"))

    def _followups(self, row: dict[str, Any], _existing: Any) -> dict | None:
        return self._unless_same(
            tables.followups, row, ("lead_id", "first_due_at", "reason", "created_at")
        )

    def _unless_same(self, table: Table, row: dict[str, Any], key: tuple[str, ...]) -> dict | None:
        """The row, unless a lead both books hold has it already (same `key` values)."""
        source_id = row["id"]
        row = self._plain(table, row)
        if "data" in row:
            row["data"] = self._quoted(row["data"])
        if row["lead_id"] in self.merged_leads:
            same = self._same_row(table, row, key)
            if same is not None:
                self.same[table.name][source_id] = same
                return None
        return row

    def _script_runs(self, row: dict[str, Any], existing: dict | None) -> dict | None:
        return self._unless_held(_table(ScriptRunModel), row, existing, ("lead_id", "script"))

    def _orders(self, row: dict[str, Any], existing: dict | None) -> dict | None:
        return self._unless_held(_table(OrderModel), row, existing, ("number",))

    def _order_checks(self, row: dict[str, Any], _existing: Any) -> dict | None:
        source_order = row["order_id"]
        if source_order in self.same["orders"]:
            return None  # the order the target already had keeps its own checklist
        return self._plain(_table(OrderCheckModel), row)

    def _referrals(self, row: dict[str, Any], existing: dict | None) -> dict | None:
        return self._unless_held(_table(ReferralModel), row, existing, ("referred_id",))

    def _unless_held(
        self, table: Table, row: dict[str, Any], existing: dict | None, key: tuple[str, ...]
    ) -> dict | None:
        source_id = row["id"]
        row = self._plain(table, row)
        if existing:
            found = existing.get(row[key[0]] if len(key) == 1 else tuple(row[k] for k in key))
            if found is not None:
                self.same[table.name][source_id] = found
                return None
        return row

    def _same_row(self, table: Table, row: dict[str, Any], key: tuple[str, ...]) -> int | None:
        where = [table.c[k] == row[k] if row[k] is not None else table.c[k].is_(None) for k in key]
        return self.writing.scalar(select(table.c.id).where(*where).limit(1))

    # ------------------------------------------------------------ afterwards

    def finish(self) -> None:
        """Merged leads plan from their earliest waiting follow-up; a server's id
        counters move past the ids copied in."""
        if self.merged_leads:
            self._next_followups()
        if self.writing.dialect.name == "postgresql":
            for table, _ in TABLES:
                self.writing.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"GREATEST((SELECT max(id) FROM {table.name}), 1))"
                    )
                )

    def _next_followups(self) -> None:
        f = tables.followups.c
        for lead_id in self.merged_leads:
            earliest = self.writing.scalar(
                select(func.min(f.due_at)).where(
                    f.lead_id == lead_id, f.status.in_(("open", "snoozed"))
                )
            )
            self.writing.execute(
                LEADS.update().where(LEADS.c.id == lead_id).values(next_followup_at=earliest)
            )
