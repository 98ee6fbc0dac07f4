"""Writes `sellerdesk/db/startup_sql.py`: the SQLite and the PostgreSQL SQL of
every statement the home screen's first look and `sellerdesk today` read
without SQLAlchemy.

Run from a checkout after changing any statement, table, column type or the
vocabulary they use (stages, follow-up statuses):

    PYTHONPATH=src .venv/bin/python -m sellerdesk.gen_statements

(`PYTHONPATH=src` so the statements are built from the source being
edited, not from an installed copy.) `--check` only compares. A test
regenerates the module and fails on any difference, so the SQL shipped can
never drift from the statements it comes from.

Each statement is compiled for SQLite with named parameters (`STATEMENTS`)
and for PostgreSQL with psycopg's named parameters (`PG_STATEMENTS`). A parameter with
a value fixed in the statement is kept as a constant, already converted as
SQLAlchemy would bind it; one given at each read must be of a kind the plain
reader converts (`statements.SqliteReader`), and so must every result column.
Anything else (a new column type, an expanding IN) stops the generator with
its name, rather than being read back differently from SQLAlchemy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import psycopg
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from sellerdesk.db.coltypes import UTCDateTime
from sellerdesk.db.statements import Compiled, Key, build

TARGET = Path(__file__).parent / "db" / "startup_sql.py"
DIALECT = sqlite.dialect(paramstyle="named")
PG_DIALECT = psycopg.dialect(paramstyle="pyformat")

HEADER = '''"""The SQLite and PostgreSQL SQL of the statements read without SQLAlchemy:
the home screen's first look and `sellerdesk today` (see `sellerdesk.db.statements`).

Generated from the SQLAlchemy statements by `sellerdesk.gen_statements`;
do not edit by hand. A test regenerates it and fails on any difference.
"""

from sellerdesk.db.statements import Compiled
'''


class NotReplayable(TypeError):
    """A statement uses something the plain reader would not read back as
    SQLAlchemy does."""


def _has_processor(type_: TypeEngine, result: bool, dialect: Dialect) -> bool:
    """Whether SQLAlchemy converts values of this type on their way in (or out)."""
    if isinstance(type_, TypeDecorator):
        return True
    impl = type_.dialect_impl(dialect)
    processor = impl.result_processor(dialect, None) if result else impl.bind_processor(dialect)
    return processor is not None


def result_kind(type_: TypeEngine, where: str, dialect: Dialect = DIALECT) -> str:
    if isinstance(type_, UTCDateTime):
        return "utc"
    if isinstance(type_, Boolean):
        return "bool"
    if _has_processor(type_, result=True, dialect=dialect):
        raise NotReplayable(f"{where}: no plain reading for a {type_!r} column")
    return ""


def param_kind(type_: TypeEngine, where: str, dialect: Dialect = DIALECT) -> str:
    if isinstance(type_, UTCDateTime):
        return "utc"
    if _has_processor(type_, result=False, dialect=dialect):
        raise NotReplayable(f"{where}: no plain binding for a {type_!r} parameter")
    return ""


def compile_statement(stmt: Any, where: str = "statement", dialect: Dialect = DIALECT) -> Compiled:
    """`stmt` as SQL of `dialect` (SQLite unless told), with how to bind its
    parameters and read its rows."""
    compiled = stmt.compile(dialect=dialect)
    if "POSTCOMPILE" in compiled.string:
        raise NotReplayable(f"{where}: a parameter is rendered at run time (an expanding IN?)")
    constants: dict[str, Any] = {}
    params: dict[str, str] = {}
    for bind, name in compiled.bind_names.items():
        if bind.value is None and bind.callable is None and bind.required:
            params[name] = param_kind(bind.type, f"{where}, :{name}", dialect)
            continue
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        value = bind.effective_value
        constants[name] = process(value) if process is not None else value
    columns = tuple(
        result_kind(column.type, f"{where}, column {column.name}", dialect)
        for column in stmt.selected_columns
    )
    return Compiled(compiled.string, constants, params, columns)


def startup_keys() -> list[Key]:
    """Every statement read without SQLAlchemy (the home screen's, then the queue's)."""
    from sellerdesk import prefetch
    from sellerdesk.followups import lanes

    return [*prefetch.STATEMENT_KEYS, *lanes.STATEMENT_KEYS]


def render(keys: Iterable[Key] | None = None) -> str:
    """The text of `startup_sql.py`, built from the statements as the code is now."""
    keys = list(keys if keys is not None else startup_keys())
    lines = [HEADER]
    for name, dialect in (("STATEMENTS", DIALECT), ("PG_STATEMENTS", PG_DIALECT)):
        lines.append(f"{name} = {{")
        for key in keys:
            entry = compile_statement(build(key, fresh=True), repr(key), dialect)
            lines.append(f"    {_literal(key)}: Compiled(")
            lines.append("        sql=(")
            lines.extend(f"            {_literal(piece)}" for piece in _pieces(entry.sql, 100 - 12))
            lines.append("        ),")
            lines.extend(_mapping("constants", entry.constants))
            lines.extend(_mapping("params", entry.params))
            lines.append(f"        columns={_literal(entry.columns)},")
            lines.append("    ),")
        lines.append("}")
    return "\n".join(lines) + "\n"


def _literal(value: Any) -> str:
    """Python source for a plain value, strings in double quotes."""
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid Python string literal
    if isinstance(value, tuple):
        inner = ", ".join(_literal(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    raise NotReplayable(f"cannot write a constant {value!r} into the module")


def _mapping(name: str, values: dict[str, Any]) -> list[str]:
    if not values:
        return [f"        {name}={{}},"]
    return [
        f"        {name}={{",
        *(f"            {_literal(key)}: {_literal(value)}," for key, value in values.items()),
        "        },",
    ]


def _pieces(sql: str, width: int) -> list[str]:
    """The SQL cut into string literals no wider than `width` that join back to it exactly."""
    pieces: list[str] = []
    for line in sql.splitlines(keepends=True):
        while len(_literal(line)) > width:
            limit = width - 2
            while len(_literal(line[:limit])) > width:
                limit -= 1
            cut = line.rfind(" ", 0, limit) + 1 or limit
            pieces.append(line[:cut])
            line = line[cut:]
        if line:
            pieces.append(line)
    return pieces


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    text = render()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if text != current:
            print(f"{TARGET} is out of date; run python -m sellerdesk.gen_statements")
            return 1
        print(f"{TARGET} is current")
        return 0
    if text != current:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    else:
        print(f"{TARGET} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
