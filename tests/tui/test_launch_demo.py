"""`sellerdesk --demo` end to end in a real terminal (tmux): the sample leads show,
and quitting leaves neither the throwaway database nor a file of the user's own."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _pane(server: str) -> str:
    out = subprocess.run(
        ["tmux", "-L", server, "capture-pane", "-p", "-t", "demo"],
        capture_output=True,
        text=True,
    )
    return out.stdout


def _wait_for(server: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = _pane(server)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_demo_runs_on_a_throwaway_database_and_cleans_up(tmp_path, isolated_home):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    server = f"sellerdesk-test-{uuid.uuid4().hex[:8]}"
    env = {
        "TMPDIR": str(scratch),
        "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
        "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"],
        "SELLERDESK_CONFIG_DIR": os.environ["SELLERDESK_CONFIG_DIR"],
        "TERM": "xterm-256color",
    }
    assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    command = (
        f"env {assignments} {shlex.quote(sys.executable)} -m sellerdesk --demo; "
        "echo EXITED:$?; sleep 30"
    )
    subprocess.run(
        [
            "tmux",
            "-L",
            server,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "demo",
            "-x",
            "140",
            "-y",
            "40",
            command,
        ],
        check=True,
    )
    try:
        _wait_for(server, "30 leads")
        assert list(scratch.glob("sellerdesk-demo-*"))  # the throwaway database, in use
        subprocess.run(["tmux", "-L", server, "send-keys", "-t", "demo", "C-q"], check=True)
        screen = _wait_for(server, "EXITED:")
        assert "EXITED:0" in screen
        assert "Traceback" not in screen
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], capture_output=True)
    assert not list(scratch.iterdir())
    assert not (isolated_home / "data" / "sellerdesk").exists()
