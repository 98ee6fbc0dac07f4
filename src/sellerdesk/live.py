"""Noticing that someone else changed the lead book, so an open app can show it.

On PostgreSQL every write unit sends a notification as it commits (see
`sellerdesk.db.postgres`); the watcher LISTENs on a connection of its own and
ignores what its own app wrote, which that app already shows. On SQLite there
is no such channel: the watcher asks the file's `PRAGMA data_version`, which
changes whenever another connection commits, a few times a second (a query
of a few microseconds on a connection that only reads).

`watch` blocks until told to stop; the app runs it in a thread worker and
gets `changed()` calls, coalesced, from it. Plain Python: no Textual here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from sellerdesk.db.postgres import CHANNEL
from sellerdesk.paths import sqlite_path

if TYPE_CHECKING:
    from sellerdesk.db.engine import Database

POLL_S = 0.4
"""How often the SQLite file is asked, and how long a wait for a notification lasts."""
RETRY_S = 2.0
"""How long to wait before listening again after the server went away."""


def watch(db: Database, changed: Callable[[], None], stop: threading.Event) -> None:
    """Call `changed()` after others commit to `db`, until `stop` is set."""
    path = sqlite_path(db.url)
    if path is not None:
        _poll_file(path.resolve().as_uri() + "?mode=ro", changed, stop)
    elif db.engine.dialect.name == "postgresql":
        while not stop.is_set():
            try:
                _listen(db, changed, stop)
            except Exception:  # the server went away: listen again when it is back
                stop.wait(RETRY_S)
                changed()  # whatever happened meanwhile was not heard


def _poll_file(uri: str, changed: Callable[[], None], stop: threading.Event) -> None:
    import sqlite3

    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        seen = conn.execute("PRAGMA data_version").fetchone()[0]
        while not stop.wait(POLL_S):
            now = conn.execute("PRAGMA data_version").fetchone()[0]
            if now != seen:
                seen = now
                changed()
    finally:
        conn.close()


def _listen(db: Database, changed: Callable[[], None], stop: threading.Event) -> None:
    # A connection of the pool's, with the URL's options (TLS and all) and
    # taken out of it for good: a listening connection is nobody else's.
    fairy = db.engine.raw_connection()
    conn = fairy.driver_connection
    assert conn is not None  # a pooled connection always has its driver's
    try:
        conn.rollback()
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        while not stop.is_set():
            heard = [
                note.payload
                for note in conn.notifies(timeout=POLL_S, stop_after=64)
                if note.payload != db.token
            ]
            if heard:
                changed()
    finally:
        fairy.invalidate()
