"""Named read statements: run through SQLAlchemy, or replayed as plain SQL by
the start-up reader, which must not wait ~0.3 s for SQLAlchemy to import.

A builder registers under a name; a key is that name and the builder's
arguments, e.g. `("queue.lane", True, 30)`. Code that reads through a
`Reader` (the morning queue's lanes, the home screen's first page) runs the
same keys either way:

- `CoreReader` builds each statement once and runs it on a SQLAlchemy
  connection;
- `compile_keys` turns keys into SQLite SQL text with, for each `?`, either a
  fixed value or the name of a parameter given at run time, and the kind of
  each result column; `SqliteReader` replays that text through the standard
  library's sqlite3 and converts the results as SQLAlchemy would.

This module imports nothing from SQLAlchemy until something is compiled or
run through it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol

Key = tuple[Any, ...]

_BUILDERS: dict[str, Callable[..., Any]] = {}


def statement(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a statement builder under `name` (built once per arguments)."""

    def register(builder: Callable[..., Any]) -> Callable[..., Any]:
        built = cache(builder)
        _BUILDERS[name] = built
        return built

    return register


# Where each family of statements is registered, imported on first use.
_MODULES = {"queue": "sellerdesk.followups.queue", "search": "sellerdesk.search"}


def build(key: Key) -> Any:
    name = key[0]
    if name not in _BUILDERS:
        import_module(_MODULES[name.split(".")[0]])
    return _BUILDERS[name](*key[1:])


class Reader(Protocol):
    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Sequence[Sequence[Any]]:
        """The result rows of the statement `key` with these parameters."""
        ...


class CoreReader:
    """Runs keys on an open SQLAlchemy connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Sequence[Sequence[Any]]:
        return self.conn.execute(build(key), dict(params or {})).all()


# ------------------------------------------------------------------ replaying


def _utc_text(value: datetime) -> str:
    # How SQLAlchemy's SQLite dialect stores a UTCDateTime: naive UTC, microseconds.
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _utc(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _same(value: Any) -> Any:
    return value


_RESULTS = {"utc": _utc, "bool": _flag, "": _same}


class SqliteReader:
    """Replays compiled keys on a standard-library sqlite3 connection."""

    def __init__(self, conn: Any, compiled: Mapping[str, Any]) -> None:
        self.conn = conn
        self.compiled = compiled

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Sequence[Sequence[Any]]:
        entry = self.compiled[key_text(key)]
        given = params or {}
        args = []
        for kind, what in entry["params"]:
            if kind == "value":
                args.append(what)
            elif kind == "utc":
                args.append(_utc_text(given[what]))
            else:
                args.append(given[what])
        convert = [_RESULTS[kind] for kind in entry["columns"]]
        return [
            tuple(fn(value) for fn, value in zip(convert, row, strict=True))
            for row in self.conn.execute(entry["sql"], args)
        ]


def key_text(key: Key) -> str:
    return json.dumps(list(key))


def compile_keys(keys: Sequence[Key]) -> dict[str, Any]:
    """SQLite SQL text for each key, with how to bind it and read it back."""
    from sqlalchemy import Boolean
    from sqlalchemy.dialects import sqlite

    from sellerdesk.db.coltypes import UTCDateTime

    def kind(type_: Any) -> str:
        if isinstance(type_, UTCDateTime):
            return "utc"
        return "bool" if isinstance(type_, Boolean) else ""

    dialect = sqlite.dialect()
    out: dict[str, Any] = {}
    for key in keys:
        stmt = build(key)
        compiled = stmt.compile(dialect=dialect)
        params = []
        for name in compiled.positiontup or ():
            bind = compiled.binds[name]
            if bind.required:
                params.append(["utc" if kind(bind.type) == "utc" else "plain", name])
            else:
                params.append(["value", bind.value])
        columns = [kind(column.type) for column in stmt.selected_columns]
        out[key_text(key)] = {"sql": compiled.string, "params": params, "columns": columns}
    return out


# ------------------------------------------------------------------ the cache file

# The statements are code: any change to these files may change them.
_SOURCES = (
    "db/statements.py",
    "db/tables.py",
    "db/coltypes.py",
    "followups/queue.py",
    "followups/activity.py",
    "followups/lanes.py",
    "search.py",
    "prefetch.py",
)


def cache_stamp() -> str:
    """Which sellerdesk (and schema) compiled statements belong to."""
    from sellerdesk import __version__
    from sellerdesk.db.schema import HEAD

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1(f"{__version__}|{HEAD}".encode())
    for name in _SOURCES:
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


def load_compiled(path: Path) -> dict[str, Any] | None:
    """The compiled statements kept at `path`, if they belong to this sellerdesk."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("stamp") == cache_stamp():
            return kept["statements"]
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    return None


def save_compiled(path: Path, keys: Sequence[Key]) -> None:
    """Compile `keys` and keep them at `path` (written whole, then moved into place)."""
    document = {"stamp": cache_stamp(), "statements": compile_keys(keys)}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(document), encoding="utf-8")
    partial.replace(path)
