"""The first look on a server, read by a forked child while the app imports
its UI (`sellerdesk.early_look`).

Each case runs in a fresh interpreter: forking is refused in a process that
already runs threads, as the test runner's does."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

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


def _gone(pid: str) -> str:
    """Code printing 'gone' when the process `pid` (an expression) has ended and been reaped."""
    return f"try:\n    os.kill({pid}, 0)\nexcept ProcessLookupError:\n    print('gone')\n"


def _not_read(call: str) -> str:
    """Code printing 'not-read' when `call` says the child gave no answer."""
    return f"try:\n    {call}\nexcept early_look.NotRead:\n    print('not-read')\n"


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A server address that accepts connections and never says a word."""
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        yield f"postgresql+psycopg://seller@127.0.0.1:{silent.getsockname()[1]}/desk"


def _run(code: str, frozen_now) -> list[str]:
    head = (
        "import os, sys\n"
        "from datetime import datetime\n"
        "from sellerdesk import clock, early_look, prefetch\n"
        "from sellerdesk.config import Settings\n"
        f"clock.freeze(datetime.fromisoformat({frozen_now.isoformat()!r}))\n"
        "clock.set_local_zone(datetime.fromisoformat('2026-01-01T00:00+00:00').tzinfo)\n"
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
        + _not_read("look.result()")
        + "try:\n"
        "    os.waitpid(look.pid, os.WNOHANG)\n"
        "except ChildProcessError:\n"
        "    print('reaped')\n",
        frozen_now,
    )
    assert said == ["not-read", "reaped"]


def test_a_child_no_longer_wanted_is_stopped_and_reaped(server_url, frozen_now):
    said = _run(
        f"look = early_look.start({server_url!r}, Settings(), None)\n"
        "look.discard()\n" + _gone("look.pid"),
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


def test_an_answer_larger_than_a_pipe_holds_arrives_whole_from_a_child_off_the_terminal(
    pg_db, frozen_now
):
    name, site = "x" * 190, "w" * 480  # a page of 100 such leads fills more than a pipe
    for n in range(300):
        leads.add_lead(pg_db, f"lead{n:03}", display_name=f"{name} {n}", website=f"{site}{n}.com")
    said = _run(
        "import pickle, select\n"
        f"look = early_look.start({pg_db.url!r}, Settings(), None)\n"
        "select.select([look._fd], [], [], 60)  # the child has started writing\n"
        "print(*sorted({os.readlink(f'/proc/{look.pid}/fd/{fd}') for fd in (0, 1, 2)}))\n"
        "print(os.getsid(look.pid) == look.pid)  # out of the terminal's session\n"
        "got = look.result()\n"
        "print(len(pickle.dumps(got)) > 65536, len(got.rows), got.total)\n",
        frozen_now,
    )
    assert said == ["/dev/null", "True", "True", "100", "300"]


def test_the_parents_exit_handlers_and_buffered_output_run_once(
    server_url, frozen_now, tmp_path
):
    handled, buffered = tmp_path / "handled.txt", tmp_path / "buffered.txt"
    _run(
        "import atexit\n"
        f"atexit.register(lambda: open({str(handled)!r}, 'a').write('exit '))\n"
        f"kept = open({str(buffered)!r}, 'a')\n"
        "kept.write('buffered ')  # still in the parent's buffer when it forks\n"
        f"look = early_look.start({server_url!r}, Settings(), None)\n"
        "look.result()\n",
        frozen_now,
    )
    assert (handled.read_text(), buffered.read_text()) == ("exit ", "buffered ")


def test_a_server_that_never_answers_is_given_up_on(silent_url, frozen_now):
    said = _run(
        f"look = early_look.start({silent_url!r}, Settings(), None)\n"
        + _not_read("look.result(wait_s=0.5)")
        + _gone("look.pid"),
        frozen_now,
    )
    assert said == ["not-read", "gone"]


def test_an_app_closed_before_its_first_look_leaves_no_child(server_url, frozen_now):
    said = _run(
        "import asyncio\n"
        "from sellerdesk.launch import make_app\n"
        f"app = make_app({server_url!r})\n"
        "pid = app._early.pid\n"
        "app.on_ready = lambda: None  # closed before the first look is collected\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 40)):\n"
        "        pass\n"
        "asyncio.run(main())\n" + _gone("pid"),
        frozen_now,
    )
    assert said == ["gone"]


def test_a_child_whose_app_died_does_not_outlive_it(silent_url, frozen_now):
    app = (  # an app that starts the child, then is killed
        "import os, signal\n"
        "from sellerdesk import early_look\n"
        "from sellerdesk.config import Settings\n"
        f"look = early_look.start({silent_url!r}, Settings(), None)\n"
        "print(look.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    said = _run(
        "import select, subprocess\n"
        f"out = subprocess.run([sys.executable, '-c', {app!r}], capture_output=True)\n"
        "child = os.pidfd_open(int(out.stdout))  # readable once the child has ended\n"
        "print('gone' if select.select([child], [], [], 60)[0] else 'still-running')\n",
        frozen_now,
    )
    assert said == ["gone"]
