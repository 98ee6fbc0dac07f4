"""What every command shares: opening the database, printing records."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from sellerdesk.config import Settings, load_settings
from sellerdesk.safe_text import one_line


class Context:
    """Lazily opened settings and database for one command."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._settings: Settings | None = None
        self._db = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings()
            for problem in self._settings.problems:
                print(f"sellerdesk: settings: {one_line(problem)}", file=sys.stderr)
        return self._settings

    @property
    def db_url(self) -> str:
        """`--db`, else SELLERDESK_DB, else the settings' team database, else the own file."""
        from sellerdesk.paths import resolve_db_url

        return resolve_db_url(getattr(self.args, "db", None), self.settings.team.database)

    @property
    def db(self):
        if self._db is None:
            from sellerdesk.db.open import open_database

            self._db = open_database(self.db_url, self.settings.author)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def print_json(data: Any) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False, default=_default)
    # JSON escapes C0 itself; DEL and C1 only appear inside strings, where
    # \u escapes keep the text exact and the terminal untouched.
    sys.stdout.write(text.translate(_JSON_ESCAPES) + "\n")


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0))}


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def local_time(value: datetime | None, with_time: bool = True) -> str:
    if value is None:
        return ""
    from sellerdesk.clock import to_local

    return to_local(value).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def db_option() -> argparse.ArgumentParser:
    """`--db` accepted after the subcommand too (`sellerdesk lead list --db x`)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS)
    return parent
