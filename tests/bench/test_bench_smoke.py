"""The benchmark runs end to end at a tiny size and reports every measure.

No timing is asserted here (the machine running the tests decides that);
what is checked is that the script builds the database through the real
schema, measures each feature that exists, and writes its JSON.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "bench" / "run.py"
SIZE = 60


def test_bench_runs_at_a_tiny_size(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            str(RUN),
            "--sizes",
            str(SIZE),
            "--repeats",
            "1",
            "--query-repeats",
            "1",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "search, worst keystroke" in proc.stdout
    assert "first frame ≤ 1.10× bare" in proc.stdout
    assert "reply suggester" in proc.stdout and "read time p95" in proc.stdout

    document = json.loads((out / "results.json").read_text(encoding="utf-8"))
    measures = document["sizes"][str(SIZE)]
    # Every search keystroke and the baselines were actually timed.
    for key in ("search[rob]", "search[com]", "search[r]", "bare_frame", "import_baseline",
                "import_rows"):  # fmt: skip
        assert measures[key]["median"] > 0, key
    # A figure is either measured or says why not; never a silent blank.
    for key, value in measures.items():
        assert value["median"] is not None or value["note"], key
    assert {t["verdict"] for t in document["targets"]} <= {"PASS", "MISS", "—"}

    # The cached database went through the real migrations and holds the data.
    [cached] = out.glob(f"desk-{SIZE}-*.sqlite3")
    conn = sqlite3.connect(cached)
    try:
        head = document["schema"]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
        assert conn.execute("SELECT count(*) FROM leads").fetchone() == (SIZE,)
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (SIZE * 10,)
        # The trigram index was kept in step by the migration's triggers.
        hits = conn.execute(
            "SELECT count(*) FROM leads_fts WHERE leads_fts MATCH '\"com\"'"
        ).fetchone()[0]
        direct = conn.execute(
            "SELECT count(*) FROM leads WHERE username LIKE '%com%' "
            "OR display_name LIKE '%com%' OR website LIKE '%com%'"
        ).fetchone()[0]
        assert hits == direct > 0
    finally:
        conn.close()


def test_generation_is_deterministic(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))

    first = generate.ensure_database(tmp_path / "a", generate.Size(40), log=lambda _m: None)
    second = generate.ensure_database(tmp_path / "b", generate.Size(40), log=lambda _m: None)

    def rows(path):
        conn = sqlite3.connect(path)
        try:
            return [
                conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("leads", "events", "lead_labels")
            ]
        finally:
            conn.close()

    assert rows(first) == rows(second)
