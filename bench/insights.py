"""The insight figures at a busy seller's scale: the screen opening (from the
key press to the figures drawn), the figures alone as the screen's worker
computes them, the same after one new message copied (the summaries catch
up first), the one-off first summary of the whole timeline, and
`sellerdesk report --json` as a whole process.

The default view is measured: the last 90 days, everyone's leads.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from generate import ANCHOR
from startup import _wall, child_env
from timing import Result, time_calls


def _built() -> bool:
    import importlib.util

    return importlib.util.find_spec("sellerdesk.insight.report") is not None


def measure_insight(db, repeats: int) -> dict[str, Result]:
    """In this process: the first summary once, then the figures, then after a copy."""
    if not _built():
        return {key: Result.missing() for key in ("insight_first_build", "insight", "insight_copy")}
    from sellerdesk.config import Settings
    from sellerdesk.insight import report, summary

    started = time.perf_counter()
    read = summary.refresh(db)
    first = time.perf_counter() - started
    settings, titles = Settings(), report.library_titles()
    steady = time_calls(lambda: report.build(db, settings, titles=titles), repeats)
    lead_id = _some_lead(db)
    after_copy = []
    for _ in range(repeats):
        _copy(db, lead_id)
        started = time.perf_counter()
        report.build(db, settings, titles=titles)
        after_copy.append(time.perf_counter() - started)
    return {
        "insight_first_build": Result.of([first], note=f"{read:,} events, once"),
        "insight": Result.of(steady),
        "insight_copy": Result.of(after_copy),
    }


def _some_lead(db) -> int:
    from sellerdesk.search import list_leads

    return list_leads(db, "", stage="offer_sent", limit=1)[0].id


def _copy(db, lead_id: int) -> None:
    """One follow-up message copied, recorded as the app records it."""
    from sellerdesk.db.models import LeadModel
    from sellerdesk.timeline import record

    with db.write() as session:
        lead = session.get_one(LeadModel, lead_id)
        record(
            session,
            lead,
            "message_copied",
            "Just checking that you received the custom offer.",
            author="bench",
            data={"template": "followup.offer_day1", "path": "system", "chars": 49},
        )


def measure_insight_screen(db_url: str, repeats: int) -> dict[str, Result]:
    """The app in this process, headless: `f5` pressed, until the figures are drawn."""
    if not _built():
        return {"insight_screen": Result.missing()}
    first, runs = asyncio.run(_open_screen(db_url, repeats))
    return {
        "insight_screen": Result.of(runs, note=f"first open in the process {first * 1000:.0f} ms")
    }


async def _open_screen(db_url: str, repeats: int) -> tuple[float, list[float]]:
    from sellerdesk.app import SellerdeskApp
    from sellerdesk.config import Settings
    from sellerdesk.screens.insight import InsightScreen

    app = SellerdeskApp(db_url, Settings())
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.db is None:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        for _ in range(repeats + 1):
            started = time.perf_counter()
            await pilot.press("f5")
            screen = app.screen
            assert isinstance(screen, InsightScreen)
            while screen.shown_at is None:
                await pilot.pause(0.001)
            times.append(screen.shown_at - started)
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await app.workers.wait_for_complete()
    return times[0], times[1:]


def measure_report(db: Path | str, repeats: int, home: Path) -> dict[str, Result]:
    """`sellerdesk report --json`, a fresh process each run (summaries already built)."""
    if not _built():
        return {"report": Result.missing()}
    env = child_env(home)
    env["SELLERDESK_DB"] = str(db)
    argv = [
        sys.executable,
        "-c",
        "import sys; from datetime import datetime; from sellerdesk import clock; "
        f"clock.freeze(datetime.fromisoformat({ANCHOR.isoformat()!r})); "
        "from sellerdesk.cli.main import main; "
        "sys.exit(main(['report', '--json']))",
    ]
    _wall(argv, env)
    return {"report": Result.of([_wall(argv, env) for _ in range(repeats)])}
