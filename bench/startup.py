"""Whole-process measurements: each run is a fresh interpreter.

App start-up runs `app_driver.py` (headless) for sellerdesk and for the bare
baseline, alternating the two so that drift on the machine hits both alike.
`sellerdesk today` is timed against importing what any such command needs.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from generate import ANCHOR
from timing import Result

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "app_driver.py"
TIMEOUT_S = 120


def child_env(home: Path) -> dict[str, str]:
    """A clean environment: no user settings, UTC, no colour negotiation surprises."""
    env = dict(os.environ)
    env.update(
        {
            "SELLERDESK_CONFIG_DIR": str(home / "config"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "SELLERDESK_USER": "bench",
            "TZ": "UTC",
        }
    )
    env.pop("SELLERDESK_DB", None)
    return env


def app_built() -> bool:
    return importlib.util.find_spec("sellerdesk.app") is not None


def _drive(args: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    proc = subprocess.run(
        [sys.executable, str(DRIVER), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
    )
    if proc.returncode != 0 or not proc.stdout.strip():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"app driver {args[0]} failed ({proc.returncode}): {' | '.join(tail)}")
    marks = json.loads(proc.stdout.strip().splitlines()[-1])
    out = {key: value - started for key, value in marks.items() if key != "maxrss_kb"}
    out["maxrss_mb"] = marks["maxrss_kb"] / 1024
    return out


def measure_startup(db_url: str, repeats: int, home: Path) -> dict[str, Result]:
    env = child_env(home)
    bare: list[dict[str, float]] = []
    app: list[dict[str, float]] = []
    built = app_built()
    problem = ""
    sellerdesk = ["sellerdesk", db_url, ANCHOR.isoformat()]
    # Two untimed pairs first: the page cache, .pyc files and whatever else a
    # machine warms up (the first size measured was always the slowest).
    for _ in range(2):
        _drive(["bare"], env)
        if built:
            try:
                _drive(sellerdesk, env)
            except RuntimeError as exc:
                built, problem = False, f"failed: {exc}"
    for _ in range(repeats):
        bare.append(_drive(["bare"], env))
        if built:
            app.append(_drive(sellerdesk, env))
    results = {
        "bare_frame": Result.of([run["frame"] for run in bare]),
        "bare_rss": Result.of([run["maxrss_mb"] for run in bare], "MB"),
    }
    if not built:
        for key in ("app_frame", "app_populated", "app_rss"):
            results[key] = Result.missing(problem or "n/a (not built yet)")
        return results
    results["app_frame"] = Result.of([run["frame"] for run in app])
    results["app_populated"] = Result.of([run["populated"] for run in app])
    # Ratios run by run: each sellerdesk run against the bare run just before it,
    # so a slow spell on the machine cancels out instead of landing on one side.
    pairs = list(zip(app, bare, strict=True))
    results["frame_ratio"] = Result.of([a["frame"] / b["frame"] for a, b in pairs], "×")
    results["populated_ratio"] = Result.of([a["populated"] / b["frame"] for a, b in pairs], "×")
    results["app_rss"] = Result.of([run["maxrss_mb"] for run in app], "MB")
    return results


# What any command that reads the database and prints a table has to import.
IMPORT_BASELINE = "import sqlalchemy.orm, rich.table"


def today_built() -> bool:
    from sellerdesk.cli.main import build_parser

    parser = build_parser()
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if "today" in getattr(action, "choices", {}):
            return True
    return False


def _wall(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"{' '.join(argv[:3])} failed: {tail[0]}")
    return elapsed


def measure_today(db: Path | str, repeats: int, home: Path) -> dict[str, Result]:
    """`sellerdesk today` in a fresh process each run, on a file or a URL."""
    env = child_env(home)
    env["SELLERDESK_DB"] = str(db)
    baseline = [sys.executable, "-c", IMPORT_BASELINE]
    # The installed `sellerdesk` entry point does exactly this, plus freezing the
    # clock so "today" is the day the data was generated around.
    today = [
        sys.executable,
        "-c",
        "import sys; from datetime import datetime; from sellerdesk import clock; "
        f"clock.freeze(datetime.fromisoformat({ANCHOR.isoformat()!r})); "
        "from sellerdesk.cli.main import main; "
        "sys.exit(main(['today']))",
    ]
    built = today_built()
    _wall(baseline, env)
    if built:
        _wall(today, env)
    base_runs, today_runs = [], []
    for _ in range(repeats):
        base_runs.append(_wall(baseline, env))
        if built:
            today_runs.append(_wall(today, env))
    return {
        "import_baseline": Result.of(base_runs),
        "today": Result.of(today_runs) if built else Result.missing(),
    }
