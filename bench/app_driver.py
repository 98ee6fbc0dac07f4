"""Start one app headless, time it, and print one line of JSON.

Run in a fresh process per measurement by `bench/run.py`:

    python bench/app_driver.py bare
    python bench/app_driver.py sellerdesk sqlite:////path/to/desk.sqlite3

Times are wall-clock seconds since the epoch, so the parent can subtract the
moment it spawned this process (interpreter start-up included). "frame" is
when Textual dispatches `events.Ready` (posted right after the first
compositor refresh, i.e. the first frame); "populated" is the first moment
after that when every DataTable on the screen holds rows and sellerdesk's
queue panel has shown the queue once.
"""

from __future__ import annotations

import sys
import time

STARTED = time.time()
TIMEOUT_S = 30.0


def peak_rss_kb() -> float:
    """This process's peak resident set (VmHWM). Not getrusage's ru_maxrss: on
    Linux that survives fork + exec, so it would report the parent's peak."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    import resource

    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main(argv: list[str]) -> int:
    kind = argv[0]
    url = argv[1] if len(argv) > 1 else ""
    marks: dict[str, float] = {"driver_start": STARTED}
    if kind == "bare":
        sys.path.insert(0, __file__.rsplit("/", 1)[0])
        from bare_app import BareApp

        app = BareApp()
    else:
        from datetime import datetime

        from sellerdesk import clock

        if len(argv) > 2:
            clock.freeze(datetime.fromisoformat(argv[2]))
        # As `sellerdesk` launches it (the home screen's first look included).
        from sellerdesk.launch import make_app

        app = make_app(url)
    marks["imported"] = time.time()

    from textual import events
    from textual._context import message_hook
    from textual.widgets import DataTable

    def populated() -> bool:
        screen = app.screen
        tables = list(screen.query(DataTable))
        if not tables or any(table.row_count == 0 for table in tables):
            return False
        # sellerdesk's queue is a panel, not a table: it counts the times it was shown.
        panels = [node for node in screen.query("#queue-panel") if hasattr(node, "loads")]
        return all(panel.loads > 0 for panel in panels)

    def hook(message) -> None:
        if "frame" not in marks:
            if isinstance(message, events.Ready):
                marks["frame"] = time.time()
                # Timer ticks keep messages flowing so the check below runs
                # while workers fill the tables; the timeout ends a stuck run.
                app.set_interval(0.002, lambda: None)
                app.set_timer(TIMEOUT_S, app.exit)
            else:
                return
        if "populated" not in marks and populated():
            marks["populated"] = time.time()
            app.exit()

    message_hook.set(hook)
    app.run(headless=True, size=(120, 40))
    marks["maxrss_kb"] = peak_rss_kb()
    import json

    print(json.dumps(marks))
    return 0 if "populated" in marks else 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
