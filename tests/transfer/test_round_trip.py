"""Export → import into an empty book gives the same book back: leads, labels,
values, follow-ups, timeline, referrals and script runs (database ids aside),
through CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool
from tests.conftest import seller_settings

from sellerdesk import clock, leads
from sellerdesk.followups import store
from sellerdesk.orders.gate import Draft
from sellerdesk.orders.store import create_order
from sellerdesk.referrals.recording import record_referral
from sellerdesk.scripts import runs

TRICKY_NOTES = '=HYPERLINK("http://evil.example","click")\n+1 555 0100\n@home\n-5 off'


def build_book(db, frozen_now) -> None:
    """A book that has lived a little: every kind of record the round trip must keep."""
    settings = seller_settings()
    leads.add_lead(db, "alice", display_name="Alice Doe", website="alice.com",
                   labels=["Hot Lead", "VIP, gold", "=cmd"], notes=TRICKY_NOTES,
                   project_type="redesign", industry="real estate", owner="jehan")  # fmt: skip
    leads.set_stage(db, "alice", "qualified")
    leads.add_note(db, "alice", "Wants 5 pages\n\tand a blog")
    leads.remember_values(db, "alice", {"competitors": "a.com, b.com"})
    walk_script(db, "alice")
    # Follow-ups of different leads interleaved, so restored ids cannot match by chance.
    leads.add_lead(db, "bob", stage="offer sent")
    store.add(db, "bob", "3d", reason="first nudge")
    store.add(db, "alice", "2w", reason="call back as asked")
    store.add(db, "alice", "tomorrow 15:00", reason="send mockup links")
    first = store.for_lead(db, leads.get_lead(db, "alice").id)[0]
    store.snooze(db, followup_id=first.id, when_text="3d")
    clock.freeze(frozen_now + timedelta(hours=2))
    store.add(db, "bob", "fri", reason="price question")
    store.done(db, "bob")
    store.add(db, "bob", "next monday", template="followup.offer_day1")
    waiting = store.for_lead(db, leads.get_lead(db, "bob").id)[0]
    store.cancel(db, waiting.id, "client replied")
    record_referral(db, "carol", "bob", settings=settings)
    create_order(
        db,
        "carol",
        Draft(consent="Yes, please place the order", price_cents=45000, delivery_days=7,
              pages="Home, About", design_direction="x.com", scope_confirmed=True),
        settings=settings,
    )  # fmt: skip
    leads.add_lead(db, "dave")
    leads.set_do_not_contact(db, "dave", True, "asked us to stop")
    clock.freeze(frozen_now)


def walk_script(db, username: str) -> None:
    """Part way through the redesign chat: answers captured, the scope confirmed,
    a step passed on purpose; and a second script finished."""
    runs.start(db, username, "redesign")
    runs.set_answers(db, username, {"website": "alice.com", "competitors": "a.com, b.com"})
    runs.next_step(db, username)
    runs.next_step(db, username)
    runs.set_answers(db, username, {"pages": "Home, About, Listings"})
    runs.next_step(db, username)
    runs.set_answers(db, username, {"design_direction": "*a.com"})
    runs.next_step(db, username)
    runs.set_answers(db, username, {"price": "650", "delivery_days": "10"})
    for item in ("confirm_design", "confirm_pages", "confirm_focus"):
        runs.tick(db, username, item)
    runs.start(db, username, "qualification")
    while not runs.next_step(db, username, script="qualification", override="test").finished:
        pass


# Bookkeeping a copy does not carry: who last saved a record, and when.
BOOKKEEPING = ("version", "updated_by")


def snapshot(db_url: str) -> dict:
    """The book as a person knows it: everything but database ids and version
    counters, read through the typed tables so two engines' books compare."""
    from sellerdesk.db.models import Base

    table = Base.metadata.tables
    engine = create_engine(db_url, poolclass=NullPool)
    conn = engine.connect()
    try:

        def rows(name: str, *where, order=("id",)):
            t = table[name]
            stmt = select(t).where(*where).order_by(*(t.c[c] for c in order))
            return list(conn.execute(stmt).mappings())

        names = {row["id"]: row["username"] for row in rows("leads")}
        followups = {row["id"]: row for row in rows("followups")}
        referrals = {row["id"]: row for row in rows("referrals")}

        def plain(row, drop=("id",)) -> dict:
            return {k: v for k, v in row.items() if k not in (*drop, *BOOKKEEPING)}

        def data(text):
            if not text:
                return text
            value = json.loads(text)
            if "followup_id" in value:
                f = followups[value.pop("followup_id")]
                value["followup"] = (names[f["lead_id"]], f["due_at"], f["created_at"])
            if "referral_id" in value:
                r = referrals[value.pop("referral_id")]
                value["referral"] = (names[r["referrer_id"]], names[r["referred_id"]])
            return value

        book = {}
        for row in rows("leads", order=("username_key",)):
            lead_id = row["id"]
            book[row["username"]] = {
                "lead": plain(row),
                "labels": [r["label"] for r in rows(
                    "lead_labels", table["lead_labels"].c.lead_id == lead_id)],
                "values": {r["name"]: r["value"] for r in rows(
                    "lead_values", table["lead_values"].c.lead_id == lead_id)},
                "followups": sorted(
                    (tuple(plain(f, ("id", "lead_id", "updated_at")).items())
                     for f in followups.values() if f["lead_id"] == lead_id), key=repr),
                "timeline": [
                    (e["at"], e["author"], e["kind"], e["body"], data(e["data"]))
                    for e in rows(
                        "events", table["events"].c.lead_id == lead_id, order=("at", "id"))
                ],
                "referred_by": [
                    (names[r["referrer_id"]],
                     *plain(r, ("id", "referrer_id", "referred_id", "updated_at")).values())
                    for r in referrals.values() if r["referred_id"] == lead_id
                ],
                "script_runs": [
                    plain(r, ("id", "lead_id")) for r in rows(
                        "script_runs", table["script_runs"].c.lead_id == lead_id,
                        order=("script",))
                ],
            }  # fmt: skip
        return book
    finally:
        conn.close()
        engine.dispose()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_then_import_into_an_empty_book_gives_the_same_book(
    db, db_url, other_db_url, tmp_path, frozen_now, capsys, fmt
):
    from sellerdesk.cli.main import main

    build_book(db, frozen_now)
    before = snapshot(db_url)
    assert set(before) == {"alice", "bob", "carol", "dave"}
    assert before["carol"]["referred_by"][0][0] == "bob"
    assert any(kind == "referral_earned" for _, _, kind, _, _ in before["bob"]["timeline"])
    assert [run["script"] for run in before["alice"]["script_runs"]] == [
        "qualification", "redesign"]  # fmt: skip

    exported = tmp_path / f"book.{fmt}"
    assert main(["--db", db_url, "export", "--format", fmt, "-o", str(exported)]) == 0
    code = main(["--db", other_db_url, "import", str(exported), "--new-labels"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Imported 4 new leads." in out

    after = snapshot(other_db_url)
    for username in before:
        for part in before[username]:
            assert after[username][part] == before[username][part], (username, part)
    assert after == before


def test_the_export_is_formula_safe_and_private(db, db_path, tmp_path, frozen_now):
    from sellerdesk.transfer.export import export

    build_book(db, frozen_now)
    target = tmp_path / "book.csv"
    export(db, target)
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    alice = next(row for row in rows if row["username"] == "alice")
    assert alice["notes"] == "'" + TRICKY_NOTES  # a spreadsheet shows it, never runs it
    assert alice["labels"] == '["Hot Lead","VIP, gold","=cmd"]'
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize(
    ("run", "why"),
    [
        ({"script": "cold_call", "step": "x"}, "script run 1: No script 'cold_call'"),
        ({"script": "redesign", "step": "haggle"}, "script run 1: redesign has no step 'haggle'"),
        ({"script": "redesign", "step": "pages", "answers": {"colour": "blue"}},
         "script run 1: redesign captures no 'colour'"),
    ],
)  # fmt: skip
def test_a_script_run_this_version_cannot_read_is_refused(
    run, why, tmp_path, db_path, capsys, frozen_now
):
    from sellerdesk.cli.main import main

    lead = {"username": "alice", "stage": "new", "timeline": [], "stage_since": "2026-11-01",
            "script_runs": [run | {"started_at": "2026-11-02T10:00:00+00:00"}]}  # fmt: skip
    path = tmp_path / "book.json"
    path.write_text(json.dumps({"format": "sellerdesk-export", "what": "leads", "leads": [lead]}))
    assert main(["--db", str(db_path), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"lead 1, column script_runs: {why}" in err, err
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM leads").fetchone()[0] == 0
    finally:
        conn.close()
