"""The benchmark's PostgreSQL server: the book of each size copied onto it.

    bin/bench --db postgresql --sizes 1000                 # a throwaway local server
    bin/bench --db postgresql --pg-url postgresql+psycopg://me@host/postgres

Without `--pg-url` a throwaway cluster is started as the tests start theirs
(bin/test-postgres) and stopped at the end. Each size's generated SQLite book
is copied onto a database of its own there with `sellerdesk db copy`'s code,
so both engines are measured on the very same rows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Server:
    def __init__(self, url: str | None) -> None:
        import tempfile

        # A folder of its own: the server's user must be able to reach it.
        self.folder = Path(tempfile.mkdtemp(prefix="sellerdesk-bench-pg-"))
        self.started = url is None
        if url is None:
            done = subprocess.run(
                ["bash", str(ROOT / "bin" / "test-postgres"), "start", str(self.folder)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            if done.returncode != 0:
                raise SystemExit(f"no PostgreSQL server for the benchmark: {done.stderr.strip()}")
            url = done.stdout.strip()
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.made: list[str] = []

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _admin(self, sql: str, database: str | None = None) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url_for(database or self.url.database or "postgres"))
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    def book(self, cached: Path, size: int) -> str:
        """A fresh database holding the cached SQLite book's rows; its URL."""
        from sellerdesk.db.open import open_database
        from sellerdesk.transfer.book_copy import copy_book

        name = f"sellerdesk_bench_{size}"
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        print(f"[{size:,} leads] copying the book onto the server ...", file=sys.stderr)
        source = open_database(f"sqlite:///{cached}", author="bench")
        target = open_database(self.url_for(name), author="bench")
        try:
            copy_book(source, target)
        finally:
            source.close()
            target.close()
        # The statistics a server gathers in its own time, gathered now; and
        # the copy's pages written out now, not by a checkpoint that would
        # compete with the start-ups measured next.
        self._admin("VACUUM ANALYZE", database=name)
        self._admin("CHECKPOINT")
        return self.url_for(name)

    def close(self) -> None:
        if self.started:
            subprocess.run(
                ["bash", str(ROOT / "bin" / "test-postgres"), "stop", str(self.folder)],
                capture_output=True,
                timeout=120,
            )
            return
        self.folder.rmdir()
        for name in self.made:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
