"""Real clipboards for end-to-end copies: an X server of our own (Xvfb) with
xclip, one that is gone and one that hangs, a headless Wayland compositor
(sway, see wayland.py), and a private tmux server that keeps what programs
send by OSC 52.

Tools come from bin/install-test-tools; a test skips only when a tool is
missing, and says which.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tests.clipboard import wayland
from tests.clipboard.wayland import Sway, WaylandUser


def need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (bin/install-test-tools installs it)")


def holders_on(display: str) -> list[int]:
    """xclip processes serving the selection on `display` (xclip stays alive to do so)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (proc / "comm").read_text().strip() != "xclip":
                continue
            env = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"DISPLAY={display}".encode() in env:
            found.append(int(proc.name))
    return found


@contextmanager
def xvfb(monkeypatch) -> Iterator[tuple[str, subprocess.Popen]]:
    """An X server of our own, as DISPLAY; the xclip processes left holding its
    selection are ended with it."""
    need("Xvfb", "xclip")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "320x240x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # Xvfb picks a free display and writes it here
        if not number:
            pytest.fail("Xvfb did not start")
        display = f":{number}"
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        yield display, server
    finally:
        for pid in holders_on(display if "display" in locals() else "-"):
            os.kill(pid, signal.SIGTERM)
        os.kill(server.pid, signal.SIGCONT)  # in case a test froze it
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def x_display(monkeypatch) -> Iterator[str]:
    with xvfb(monkeypatch) as (display, _server):
        yield display


@pytest.fixture
def frozen_display(monkeypatch) -> Iterator[str]:
    """An X server that accepts connections and never answers (stopped)."""
    with xvfb(monkeypatch) as (display, server):
        os.kill(server.pid, signal.SIGSTOP)
        yield display


@pytest.fixture
def stale_display(monkeypatch) -> Iterator[str]:
    """A DISPLAY whose X server is gone, as after an SSH reconnect.

    The number's lock file is ours for the test, so that no X server started
    meanwhile (another test run on this machine) can bring that display back.
    """
    need("xclip")
    for number in range(400, 600):
        lock = Path(f"/tmp/.X{number}-lock")
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
        except OSError:
            continue
        with os.fdopen(fd, "w") as out:
            out.write(f"{os.getpid():10d}\n")  # the X servers' own lock format
        break
    else:
        pytest.fail("no free X display number between :400 and :599")
    monkeypatch.setenv("DISPLAY", f":{number}")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    try:
        yield f":{number}"
    finally:
        lock.unlink(missing_ok=True)


def read_x_clipboard(display: str) -> str:
    out = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        timeout=10,
        check=True,
    )
    return out.stdout.decode("utf-8")


class Tmux:
    """A private tmux server with `set-clipboard on`, run with no X display."""

    def __init__(self, root: Path) -> None:
        self.name = f"sd-{uuid.uuid4().hex[:8]}"
        self.conf = root / "tmux.conf"
        self.conf.write_text("set -g set-clipboard on\nset -g remain-on-exit on\n")
        self.env = {
            k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX")
        }

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            ["tmux", "-L", self.name, "-f", str(self.conf), *args],
            env=self.env,
            capture_output=True,
            timeout=20,
            check=check,
        )

    def run_shell(self, command: str, done: Path, timeout: float = 30) -> None:
        self.tmux("new-session", "-d", "-x", "100", "-y", "30", command)
        deadline = time.monotonic() + timeout
        while not done.exists() or not done.read_text().strip():
            if time.monotonic() > deadline:
                pytest.fail(f"the command in tmux did not finish: {command}")
            time.sleep(0.05)

    def buffer(self) -> str:
        return self.tmux("show-buffer").stdout.decode("utf-8")

    def close(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def tmux_server(tmp_path, monkeypatch) -> Iterator[Tmux]:
    need("tmux")
    monkeypatch.delenv("DISPLAY", raising=False)
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def x_clipboard(x_display):
    """Read the X clipboard, and list the xclip processes holding it."""

    class Reader:
        display = x_display

        def text(self) -> str:
            return read_x_clipboard(x_display)

        def holders(self) -> list[int]:
            return holders_on(x_display)

    return Reader()


@pytest.fixture
def sellerdesk_cmd() -> list[str]:
    return [sys.executable, "-m", "sellerdesk"]


@pytest.fixture(scope="session")
def wayland_user() -> Iterator[WaylandUser]:
    """Made once per run: the venv build is the slow part (seconds)."""
    reason = wayland.why_not_here()
    if reason:
        pytest.skip(reason)
    with wayland.wayland_user() as user:
        yield user


@pytest.fixture
def sway(wayland_user) -> Iterator[Sway]:
    """A compositor of the test's own, with a fresh home for the user."""
    session = Sway(wayland_user, wayland_user.root / f"home-{uuid.uuid4().hex[:8]}")
    try:
        session.start()
        yield session
    finally:
        session.stop()
