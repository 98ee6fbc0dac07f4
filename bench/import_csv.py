"""`sellerdesk import` of a spreadsheet as big as the book: a sheet in seed 002's
layout (Category, Username, Website, Last Messaged, Next Follow-up, Labels, Notes)
imported into an empty book, timed as the whole process a person would run.

    .venv/bin/python bench/import_csv.py 100000      # one figure, on its own

The rows come from the benchmark's own seeded generator, so a size always gives
the same sheet; one row in a hundred names a referrer ("Referred by: ...").
"""

from __future__ import annotations

import csv
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from timing import Result  # noqa: E402

HEADER = ("Category", "Username", "Website", "Last Messaged", "Next Follow-up", "Labels", "Notes")
STAGE_LABELS = {
    "new": "New", "qualified": "Qualified", "hot_lead": "Hot Lead", "offer_sent": "Offer Sent",
    "ordered": "Ordered", "in_progress": "In Progress", "delivered": "Delivered",
    "completed": "Completed", "lost": "Lost",
}  # fmt: skip


def write_sheet(path: Path, size: int) -> None:
    rng = random.Random(generate.SEED)
    earlier: list[str] = []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row, _facts in generate._leads(rng, size):
            labels = [rng.choice(generate.LABELS)] if rng.random() < 0.15 else []
            notes = row["notes"] or ""
            if earlier and rng.random() < 0.01:
                notes = f"Referred by: {rng.choice(earlier)}"
                labels = ["Referral"]
            next_fu = "" if row["do_not_contact"] else _day(row["next_followup_at"])
            writer.writerow(
                (
                    STAGE_LABELS[row["stage"]],
                    row["username"],
                    row["website"] or "",
                    _day(row["last_messaged_at"]),
                    next_fu,
                    ", ".join(labels),
                    notes,
                )
            )
            earlier.append(row["username"])


def _day(moment) -> str:
    return moment.strftime("%m/%d/%Y") if moment else ""


def measure_import(size: int, scratch: Path, repeats: int = 1) -> dict[str, Result]:
    sheet = scratch / f"sheet-{size}.csv"
    write_sheet(sheet, size)
    runs: list[float] = []
    for number in range(repeats):
        book = scratch / f"imported-{size}-{number}.sqlite3"
        start = time.perf_counter()
        command = [sys.executable, "-m", "sellerdesk", "--db", str(book), "import", str(sheet)]
        proc = subprocess.run([*command, "--new-labels"], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            return {"import_rows": Result.missing(f"failed: {proc.stderr.strip()[:80]}")}
        conn = sqlite3.connect(book)
        try:
            imported = conn.execute("SELECT count(*) FROM leads").fetchone()[0]
        finally:
            conn.close()
        if imported < size:
            return {"import_rows": Result.missing(f"only {imported} of {size} rows imported")}
        runs.append(elapsed)
    return {"import_rows": Result.of(runs)}


def main() -> int:
    import tempfile

    size = int(sys.argv[1].replace("_", "")) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="sellerdesk-import-") as folder:
        result = measure_import(size, Path(folder))["import_rows"]
    if result.median is None:
        print(result.note, file=sys.stderr)
        return 1
    print(f"sellerdesk import of {size:,} rows: {result.median:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
