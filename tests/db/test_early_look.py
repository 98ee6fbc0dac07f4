"""The first look on a server, read by a forked child while the app imports
its UI (`sellerdesk.early_look`).

Each case runs in a fresh interpreter: forking is refused in a process that
already runs threads, as the test runner's does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sellerdesk import early_look, leads
from sellerdesk.config import Settings
from sellerdesk.followups import store


@pytest.fixture
def server_url(pg_db, frozen_now) -> str:
    """A migrated book on the test run's server (where there is none, skipped with why)."""
    _some_leads(pg_db)
    return pg_db.url


def _some_leads(db) -> None:
    leads.add_lead(db, "ann", stage="qualified", labels=["Hot Lead"], website="annbakes.com")
    leads.add_lead(db, "ben", display_name="Ben Roofing")
    store.add(db, "ann", "today", reason="send the mockup")


def _run(code: str, frozen_now) -> list[str]:
    head = (
        "import os, sys\n"
        "from datetime import datetime\n"
        "from sellerdesk import clock, early_look, prefetch\n"
        "from sellerdesk.config import Settings\n"
        f"clock.freeze(datetime.fromisoformat({frozen_now.isoformat()!r}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", head + code], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_child_reads_what_a_thread_would_and_the_app_never_imports_the_driver(
    server_url, frozen_now
):
    said = _run(
        f"look = early_look.start({server_url!r}, Settings(), None)\n"
        "got = look.result()\n"
        "print(look.pid != os.getpid(), 'psycopg' in sys.modules)\n"
        f"print(got == prefetch.first_look({server_url!r}, Settings(), None))\n"
        "print(len(got.rows), got.queue.today.count)\n",
        frozen_now,
    )
    assert said == ["True", "False", "True", "2", "1"]


def test_a_child_that_dies_is_no_answer_and_is_reaped(server_url, frozen_now):
    said = _run(
        "import signal\n"
        f"look = early_look.start({server_url!r}, Settings(), None)\n"
        "os.kill(look.pid, signal.SIGKILL)\n"
        "try:\n"
        "    look.result()\n"
        "except early_look.NotRead as exc:\n"
        "    print('not-read')\n"
        "try:\n"
        "    os.waitpid(look.pid, os.WNOHANG)\n"
        "except ChildProcessError:\n"
        "    print('reaped')\n",
        frozen_now,
    )
    assert said == ["not-read", "reaped"]


def test_a_child_no_longer_wanted_is_stopped_and_reaped(server_url, frozen_now):
    said = _run(
        f"look = early_look.start({server_url!r}, Settings(), None)\n"
        "look.discard()\n"
        "try:\n"
        "    os.kill(look.pid, 0)\n"
        "except ProcessLookupError:\n"
        "    print('gone')\n",
        frozen_now,
    )
    assert said == ["gone"]


def test_no_fork_in_a_process_already_running_threads(server_url, frozen_now):
    said = _run(
        "import threading\n"
        "stop = threading.Event()\n"
        "threading.Thread(target=stop.wait).start()\n"
        f"print(early_look.start({server_url!r}, Settings(), None))\n"
        "stop.set()\n",
        frozen_now,
    )
    assert said == ["None"]


def test_a_server_that_does_not_answer_is_left_to_the_ordinary_path(frozen_now):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://seller@127.0.0.1:{port}/desk"
    said = _run(
        f"look = early_look.start({url!r}, Settings(), None)\n"
        "print(look is not None, look.result())\n",
        frozen_now,
    )
    assert said == ["True", "None"]


def test_a_sqlite_file_is_read_in_a_thread_as_before(tmp_path):
    assert early_look.start(f"sqlite:///{tmp_path / 'desk.sqlite3'}", Settings(), None) is None


def test_the_app_launched_on_a_server_shows_the_first_look_the_child_read(server_url, frozen_now):
    said = _run(
        "import asyncio\n"
        "from sellerdesk.launch import make_app\n"
        "from tests.tui.conftest import settle\n"
        f"app = make_app({server_url!r})\n"
        "started = app._early is not None\n"
        "def no_thread(*_args, **_kwargs):\n"
        "    raise AssertionError('the first look was read in a thread')\n"
        "prefetch.first_look = no_thread\n"
        "shown = []\n"
        "show = app._show_first_look\n"
        "app._show_first_look = lambda data: (shown.append(len(data.rows)), show(data))\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await settle(pilot)\n"
        "        print(started, shown, app.screen.query_one('#leads').row_count)\n"
        "asyncio.run(main())\n",
        frozen_now,
    )
    assert said == ["True", "[2]", "2"]
