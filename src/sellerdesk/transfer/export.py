"""Exporting the book: CSV and JSON that hold every field and import back,
Twenty's People layout, and flat tables of the timeline, follow-ups, orders
and referrals for a spreadsheet.

Every CSV cell that a spreadsheet would run as a formula (one starting with
`=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading
single quote, as OWASP's CSV-injection guidance says; sellerdesk's import
takes that quote off again. Files are created readable by their owner only.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sellerdesk.errors import Invalid
from sellerdesk.transfer import twenty
from sellerdesk.transfer.files import private_text, refuse_existing
from sellerdesk.transfer.own import OWN_COLUMNS, jsonable, lead_cells
from sellerdesk.transfer.rows import FORMULA_START

FORMATS = ("csv", "json", "twenty")
WHATS = ("leads", "timeline", "followups", "orders", "referrals")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Exported:
    files: tuple[Path, ...]
    rows: int


def safe_cell(value: Any) -> str:
    """A cell as written to CSV: text, with a formula's first character neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, datetime):
        text = value.isoformat()
    else:
        text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def default_name(what: str, fmt: str, today: str) -> str:
    suffix = "json" if fmt == "json" else "csv"
    return f"sellerdesk-{what}-{today}.{suffix}"


def export(
    db,
    target: Path,
    *,
    what: str = "leads",
    fmt: str = "csv",
    since: datetime | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Exported:
    if fmt not in FORMATS:
        raise Invalid(f"'{fmt}' is not a format; choose one of: {', '.join(FORMATS)}.")
    if what not in WHATS:
        raise Invalid(f"'{what}' cannot be exported; choose one of: {', '.join(WHATS)}.")
    if fmt == "twenty":
        if what != "leads":
            raise Invalid("Twenty's import takes people: export --what leads with --format twenty.")
        return _twenty(db, target, since, force, progress)
    total = count_rows(db, what, since)
    if what == "leads":
        from sellerdesk.transfer.own import iter_leads

        rows: Iterable[Any] = iter_leads(db, since)
        header: tuple[str, ...] = OWN_COLUMNS
    else:
        header, rows = _flat(db, what, since)
    if fmt == "json":
        count = _write_json(target, what, header, rows, total, force, progress)
    else:
        count = _write_csv(target, what, header, rows, total, force, progress)
    return Exported((target,), count)


def _ticker(total: int, progress: Progress | None) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if progress and (done % 1000 == 0 or done == total):
            progress(done, total)

    return tick


def _write_csv(target, what, header, rows, total, force, progress) -> int:
    tick = _ticker(total, progress)
    count = 0
    # With a byte-order mark, Excel reads the file as UTF-8 (sellerdesk reads either).
    with private_text(target, force=force, encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            cells = lead_cells(row) if what == "leads" else [row[key] for key in header]
            writer.writerow([safe_cell(cell) for cell in cells])
            count += 1
            tick(count)
    return count


def _write_json(target, what, header, rows, total, force, progress) -> int:
    from sellerdesk import __version__, clock
    from sellerdesk.db.schema import HEAD
    from sellerdesk.transfer.own import FORMAT, VERSION

    tick = _ticker(total, progress)
    head = {
        "format": FORMAT,
        "version": VERSION,
        "what": what,
        "exported_at": clock.now().isoformat(),
        "sellerdesk": __version__,
        "schema": HEAD,
    }
    count = 0
    with private_text(target, force=force) as handle:
        handle.write(json.dumps(head, indent=1)[:-2] + f',\n "{what}": [')
        for row in rows:
            item = row if what == "leads" else {key: row[key] for key in header}
            handle.write(("\n  " if count == 0 else ",\n  ") + _json(item))
            count += 1
            tick(count)
        handle.write("\n ]\n}\n")
    return count


def _json(item: dict[str, Any]) -> str:
    return json.dumps(jsonable(item), ensure_ascii=False)


def _twenty(db, target: Path, since, force: bool, progress) -> Exported:
    from sellerdesk.transfer.own import iter_leads

    base = target.with_suffix("") if target.suffix.lower() == ".csv" else target
    total = count_rows(db, "leads", since)
    people = _Split(base, "people", twenty.PEOPLE_COLUMNS, force)
    tasks = _Split(base, "tasks", twenty.TASK_COLUMNS, force)
    tick = _ticker(total, progress)
    count = 0
    try:
        for lead in iter_leads(db, since):
            people.write(twenty.person_row(lead))
            for row in twenty.task_rows(lead):
                tasks.write(row)
            count += 1
            tick(count)
    finally:
        people.close()
        tasks.close()
    return Exported(tuple(people.paths + tasks.paths), count)


class _Split:
    """CSV files of at most `twenty.MAX_ROWS` rows each: name-people-001.csv, -002 ..."""

    def __init__(self, base: Path, part: str, header: tuple[str, ...], force: bool) -> None:
        self.base, self.part, self.header, self.force = base, part, header, force
        self.paths: list[Path] = []
        self._open: AbstractContextManager[IO[str]] | None = None
        self._writer: Any = None  # a csv writer; the csv module names no type for it
        self._rows = 0
        if not force:
            refuse_existing(self._path(1))

    def _path(self, number: int) -> Path:
        return self.base.with_name(f"{self.base.name}-{self.part}-{number:03}.csv")

    def write(self, cells: list[str]) -> None:
        if self._writer is None or self._rows >= twenty.MAX_ROWS:
            self.close()
            path = self._path(len(self.paths) + 1)
            self._open = private_text(path, force=self.force)
            handle = self._open.__enter__()
            self._writer = csv.writer(handle, lineterminator="\r\n")
            self._writer.writerow(self.header)
            self.paths.append(path)
            self._rows = 0
        self._writer.writerow([safe_cell(cell) for cell in cells])
        self._rows += 1

    def close(self) -> None:
        if self._open is not None:
            self._open.__exit__(None, None, None)
            self._open = None
            self._writer = None


# ---------------------------------------------------------------- flat tables


def count_rows(db, what: str, since: datetime | None) -> int:
    from sqlalchemy import func, select

    table, column = _table(what)
    stmt = select(func.count()).select_from(table)
    if since is not None:
        stmt = stmt.where(column >= since)
    with db.connect() as conn:
        return conn.execute(stmt).scalar() or 0


def _table(what: str):
    from sellerdesk.db import tables
    from sellerdesk.db.models import OrderModel, ReferralModel

    return {
        "leads": (tables.leads, tables.leads.c.updated_at),
        "timeline": (tables.events, tables.events.c.at),
        "followups": (tables.followups, tables.followups.c.created_at),
        "orders": (OrderModel.__table__, OrderModel.__table__.c.updated_at),
        "referrals": (ReferralModel.__table__, ReferralModel.__table__.c.created_at),
    }[what]


def _flat(db, what: str, since: datetime | None) -> tuple[tuple[str, ...], Iterator[dict]]:
    from sqlalchemy import select

    from sellerdesk.db import tables

    table, column = _table(what)
    leads = tables.leads
    if what == "referrals":
        referrer, referred = leads.alias("referrer"), leads.alias("referred")
        stmt = (
            select(referrer.c.username.label("referrer"), referred.c.username.label("referred"),
                   *[c for c in table.c if c.name not in ("id", "referrer_id", "referred_id")])
            .join(referrer, referrer.c.id == table.c.referrer_id)
            .join(referred, referred.c.id == table.c.referred_id)
        )  # fmt: skip
    else:
        skip = {"lead_id", "version", "id"}
        stmt = select(leads.c.username, *[c for c in table.c if c.name not in skip]).join(
            leads, leads.c.id == table.c.lead_id
        )
    if since is not None:
        stmt = stmt.where(column >= since)
    stmt = stmt.order_by(table.c.id)
    header = tuple(c.name for c in stmt.selected_columns)

    def rows() -> Iterator[dict]:
        with db.connect() as conn:
            for row in conn.execute(stmt.execution_options(yield_per=2000)).mappings():
                yield dict(row)

    return header, rows()
