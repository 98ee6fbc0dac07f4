"""The PostgreSQL server the tests run their second engine on.

`bin/test` starts a throwaway cluster (`bin/test-postgres`) and passes its URL
in `SELLERDESK_TEST_PG`; run without it (`python -m pytest ...`), the first
test that needs the server starts one the same way and stops it at the end.
`SELLERDESK_TEST_PG=off` turns the PostgreSQL runs off, `skip:REASON` says
why there is no server; either way those runs are skipped with the reason
shown, never left out silently. With `SELLERDESK_TEST_PG_REQUIRED=1` (CI) a
missing server fails the runs instead.

Each test gets a database of its own, cloned from one migrated once per run
(`CREATE DATABASE ... TEMPLATE`, ~0.07 s here against ~0.6 s for migrating).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

ENV = "SELLERDESK_TEST_PG"
REQUIRED_ENV = "SELLERDESK_TEST_PG_REQUIRED"
ROOT = Path(__file__).resolve().parents[1]


class Server:
    """One PostgreSQL server: makes and drops the tests' databases on it."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.prefix = f"sdt_{os.getpid()}"
        self._numbers = itertools.count(1)
        self._template: str | None = None
        self._admin = None

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def admin(self):
        """An autocommit connection to the server's maintenance database."""
        if self._admin is None or self._admin.closed:
            import psycopg

            url = self.url
            self._admin = psycopg.connect(
                host=url.host,
                port=url.port,
                user=url.username,
                password=url.password,
                dbname=url.database or "postgres",
                autocommit=True,
            )
        return self._admin

    def new_database(self, *, empty: bool = False) -> str:
        """A database of the test's own: migrated, or with no tables at all."""
        name = f"{self.prefix}_{next(self._numbers)}"
        template = "template0" if empty else self.migrated_template()
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return name

    def migrated_template(self) -> str:
        if self._template is None:
            from sellerdesk.db.open import open_database

            name = f"{self.prefix}_template"
            self.admin().execute(f'DROP DATABASE IF EXISTS "{name}"')
            self.admin().execute(f'CREATE DATABASE "{name}"')
            open_database(self.url_for(name), author="tester").close()
            self._template = name
        return self._template

    def drop(self, name: str) -> None:
        # FORCE: an app a test left running may still hold a connection.
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self._template is not None:
            self.drop(self._template)
        if self._admin is not None:
            self._admin.close()


class Cluster:
    """A cluster started for this run when `bin/test` did not start one."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sellerdesk-pg-"))

    def start(self) -> str:
        done = subprocess.run(
            ["bash", str(ROOT / "bin" / "test-postgres"), "start", str(self.folder)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip() or "bin/test-postgres failed")
        return done.stdout.strip()

    def stop(self) -> None:
        subprocess.run(
            ["bash", str(ROOT / "bin" / "test-postgres"), "stop", str(self.folder)],
            capture_output=True,
            timeout=120,
        )


def unavailable(reason: str) -> None:
    """Skip this PostgreSQL run, saying why (or fail, where a server is required)."""
    message = f"PostgreSQL run not possible: {reason}"
    if os.environ.get(REQUIRED_ENV) == "1":
        pytest.fail(message)
    pytest.skip(message)


def server_url() -> tuple[str | None, Cluster | None, str]:
    """(URL, the cluster started here or None, why there is no URL)."""
    value = os.environ.get(ENV, "")
    if value == "off":
        return None, None, f"{ENV}=off"
    if value.startswith("skip:"):
        return None, None, value[len("skip:") :].strip() or "bin/test could not start a server"
    if value:
        return value, None, ""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, None, "psycopg is not installed (pip install 'sellerdesk[postgres]')"
    cluster = Cluster()
    try:
        return cluster.start(), cluster, ""
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        cluster.stop()
        return None, None, str(exc)
