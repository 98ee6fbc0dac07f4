"""What every command shares: opening the database, printing records."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sellerdesk.config import Settings, load_settings
from sellerdesk.safe_text import one_line

if TYPE_CHECKING:
    from sellerdesk.db.engine import Database


class Context:
    """Lazily opened settings and database for one command."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._settings: Settings | None = None
        self._db: Database | None = None

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
    def db(self) -> Database:
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


class Parser(argparse.ArgumentParser):
    """argparse, with two changes that keep bad input to one plain line.

    A value that merely looks like an option (`followup add bob -1d`, a note
    starting with '-') is taken as a value wherever no option of that name
    exists, so the command's own check explains what is wrong with it; and a
    usage error is one line that points to `--help`.
    """

    def _parse_optional(self, arg_string):
        found = super()._parse_optional(arg_string)
        # Python 3.11 answers with one (action, option, ...) tuple, later versions
        # with a list of them; an action of None means no such option exists.
        if found is None:
            return found
        candidates = found if isinstance(found, list) else [found]
        if len(candidates) != 1:
            return found
        action, explicit = candidates[0][0], candidates[0][-1]
        if action is None:
            return None
        if action.nargs == 0 and explicit is not None and not arg_string.startswith("--"):
            return None  # "-hello" is a word, not -h given "ello"
        return found

    def error(self, message: str):
        # The message may quote what was typed, line breaks and all.
        self.exit(2, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


def file_path(text: str) -> str:
    """An argparse type: a file's path, refused in words when it holds a NUL (no
    file system takes one, and Python's file functions stop at it)."""
    if "\x00" in text:
        raise argparse.ArgumentTypeError(f"{text!r} is not a path: it holds a NUL character")
    return text


file_path.__name__ = "path"


def whole_number(low: int, high: int):
    """An argparse type: a whole number within [low, high], refused in words otherwise."""

    def parse(text: str) -> int:
        value = text.strip()
        if not re.fullmatch(r"[+-]?\d{1,18}", value) or not low <= int(value) <= high:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a whole number from {low:,} to {high:,}"
            )
        return int(value)

    parse.__name__ = "whole number"
    return parse
