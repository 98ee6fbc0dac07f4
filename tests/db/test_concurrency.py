"""The app and a CLI command can write to the same database at once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy.pool import NullPool

from sellerdesk import leads
from sellerdesk.db import engine as engine_module
from sellerdesk.db.open import open_database
from sellerdesk.errors import DatabaseLocked


def _hold_write_lock(
    db_url, seconds: float, started: threading.Event, release: threading.Event | None = None
) -> None:
    """Another writer holding the lead row (SQLite: the whole file) for `seconds`,
    or until `release` is set."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as con:
            sqlite = con.dialect.name == "sqlite"
            con.exec_driver_sql("BEGIN IMMEDIATE" if sqlite else "BEGIN")
            con.execute(text("UPDATE leads SET notes = 'held' WHERE username_key = 'alice'"))
            started.set()
            if release is None:
                time.sleep(seconds)
            else:
                release.wait(seconds)
            con.exec_driver_sql("COMMIT")
    finally:
        started.set()  # never leave the test waiting, whatever failed
        engine.dispose()


def test_a_cli_write_waits_for_the_app_write_and_both_land(db, db_url):
    leads.add_lead(db, "alice")
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db_url, 1.5, started))
    holder.start()
    started.wait()
    env = {**os.environ, "SELLERDESK_DB": db_url}
    result = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "note", "alice", "written while the app was saving"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    holder.join()
    assert result.returncode == 0, result.stderr
    lead = leads.get_lead(db, "alice")
    assert lead.notes == "held"
    bodies = [event.body for event in leads.lead_timeline(db, lead.id)]
    assert "written while the app was saving" in bodies


def test_a_write_that_cannot_get_the_lock_says_so_and_saves_nothing(db, db_url, monkeypatch):
    leads.add_lead(db, "alice")
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.2)
    impatient = open_database(db_url)
    started, release = threading.Event(), threading.Event()
    # Held until the refusal is seen, however slowly this machine gets there.
    holder = threading.Thread(target=_hold_write_lock, args=(db_url, 60, started, release))
    holder.start()
    started.wait()
    try:
        with pytest.raises(DatabaseLocked, match="nothing was saved"):
            leads.add_note(impatient, "alice", "lost?")
    finally:
        release.set()
        holder.join()
        impatient.close()
    lead = leads.get_lead(db, "alice")
    assert "lost?" not in [event.body for event in leads.lead_timeline(db, lead.id)]
    # once the lock is gone the same write goes through
    leads.add_note(db, "alice", "saved now")
    assert "saved now" in [event.body for event in leads.lead_timeline(db, lead.id)]
