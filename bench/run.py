"""The sellerdesk benchmark at a busy seller's scale.

    /tmp/venv/bin/python bench/run.py                       # 100,000 leads
    /tmp/venv/bin/python bench/run.py --sizes 1000,10000,100000
    /tmp/venv/bin/python bench/run.py --db postgresql --sizes 1000   # on a server (postgres.py)

Builds (or reuses, from bench/out/) a database per size, then prints a table
of medians with PASS/MISS against the targets, and writes the same as JSON
to bench/out/results.json. See docs/performance.md for the method.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import import_csv  # noqa: E402
import inprocess  # noqa: E402
import insights  # noqa: E402
import report  # noqa: E402
import startup  # noqa: E402

import suggest as suggest_bench  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="100000", help="comma-separated lead counts (default 100000)"
    )
    parser.add_argument(
        "--repeats", type=int, default=7, help="fresh processes per start-up figure"
    )
    parser.add_argument(
        "--query-repeats", type=int, default=30, help="timed calls per query figure"
    )
    parser.add_argument("--out", type=Path, default=HERE / "out", help="cache and results folder")
    parser.add_argument(
        "--db",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the engine to measure (postgresql: the same books copied onto a server)",
    )
    parser.add_argument(
        "--pg-url",
        help="a PostgreSQL server to use (its maintenance database's URL); "
        "default: a throwaway local one",
    )
    parser.add_argument(
        "--no-suggest", action="store_true", help="skip the reply suggester's accuracy and speed"
    )
    return parser.parse_args(argv)


def working_copy(cached: Path, folder: Path) -> Path:
    """Measurements may write (a copy lands on the timeline): never into the cache."""
    target = folder / cached.name
    source = sqlite3.connect(cached)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def measure_size(size: int, args: argparse.Namespace, scratch: Path, server=None) -> dict:
    from sellerdesk import clock
    from sellerdesk.db.open import open_database

    cached = generate.ensure_database(args.out, generate.Size(size))
    if server is None:
        path = working_copy(cached, scratch)
        url = where = f"sqlite:///{path}"
    else:
        url = where = server.book(cached, size)
    results: dict = {}
    print(f"[{size:,} leads] app start-up ...", file=sys.stderr)
    results.update(startup.measure_startup(url, args.repeats, scratch))
    print(f"[{size:,} leads] sellerdesk today ...", file=sys.stderr)
    results.update(startup.measure_today(where, args.repeats, scratch))
    if server is None:
        print(f"[{size:,} leads] import of a {size:,}-row sheet ...", file=sys.stderr)
        results.update(import_csv.measure_import(size, scratch))
    print(f"[{size:,} leads] queries ...", file=sys.stderr)
    clock.freeze(generate.ANCHOR)
    clock.set_local_zone(UTC)
    db = open_database(url, author="bench")
    try:
        for measure in (
            inprocess.measure_queue,
            inprocess.measure_search,
            inprocess.measure_template,
            inprocess.measure_copy,
            insights.measure_insight,
        ):
            results.update(measure(db, args.query_repeats))
        print(f"[{size:,} leads] insight screen ...", file=sys.stderr)
        results.update(insights.measure_insight_screen(url, args.repeats))
    finally:
        db.close()
        clock.freeze(None)
        clock.set_local_zone(None)
    print(f"[{size:,} leads] sellerdesk report ...", file=sys.stderr)
    results.update(insights.measure_report(where, args.repeats, scratch))
    report.add_ratios(results)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="sellerdesk-bench-"))
    server = None
    try:
        if args.db == "postgresql":
            import postgres

            server = postgres.Server(args.pg_url)
        results = {size: measure_size(size, args, scratch, server) for size in sizes}
    finally:
        if server is not None:
            server.close()
        shutil.rmtree(scratch, ignore_errors=True)
    extra = sorted({key for r in results.values() for key in r if key.startswith("search[")})
    print(report.table(results, extra))
    from sellerdesk.db.schema import HEAD

    document = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "machine": platform.machine(),
        "schema": HEAD,
        "engine": args.db,
        "sizes": {
            str(size): {key: value.to_json() for key, value in r.items()}
            for size, r in results.items()
        },
        "targets": [{"target": t, "verdict": v} for t, v in report.verdicts(results)],
    }
    text = json.dumps(document, indent=2)
    name = "results.json" if args.db == "sqlite" else f"results-{args.db}.json"
    (args.out / name).write_text(text + "\n", encoding="utf-8")
    print(text)
    if args.no_suggest:
        return 0
    # The suggester reads one message at a time, whatever the book's size: measured once.
    print("\n== reply suggester (bench/suggest.py, the held-back half)")
    # Its PASS/MISS lines are the verdict; a miss is a figure, not a failed run.
    suggest_bench.main(["--repeats", str(min(args.repeats, 5))])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
