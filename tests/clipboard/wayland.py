"""A headless Wayland session for end-to-end copies: sway with wlroots'
headless backend, run as a user of its own (sway refuses to run as root).

That user cannot read a Python under /root, so sellerdesk is installed for it
from a wheel of this checkout into a venv built on /usr/bin/python3, once per
test run. See the Wayland note in TECH-NOTES for the recipe.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
HEADLESS = {"WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1", "WLR_RENDERER": "pixman"}


def _run(command: list[str], what: str, **kwargs) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, **kwargs)
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def why_not_here() -> str | None:
    """The reason a Wayland session cannot be made on this machine, if any."""
    missing = [t for t in ("sway", "wl-copy", "wl-paste") if shutil.which(t) is None]
    if missing:
        return f"{', '.join(missing)} not installed (bin/install-test-tools installs it)"
    if os.geteuid() != 0:
        return "sway refuses root and the test must create a user for it: needs root"
    if shutil.which("useradd") is None or shutil.which("userdel") is None:
        return "useradd/userdel not available to create the user sway runs as"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys, venv; sys.exit(sys.version_info < (3, 11))"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        return f"{SYSTEM_PYTHON} (3.11+ with venv) is needed for the Wayland user's sellerdesk"
    return None


@dataclass(frozen=True)
class WaylandUser:
    name: str
    uid: int
    gid: int
    root: Path  # world-readable: the venv lives here
    venv: Path


@contextmanager
def wayland_user() -> Iterator[WaylandUser]:
    """A throwaway system user with sellerdesk installed for it; removed after."""
    root = Path(tempfile.mkdtemp(prefix="sellerdesk-wayland-"))
    root.chmod(0o755)
    name = f"sdwl{uuid.uuid4().hex[:8]}"
    try:
        _run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            "useradd",
        )
        entry = pwd.getpwnam(name)
        yield WaylandUser(name, entry.pw_uid, entry.pw_gid, root, _install(root))
    finally:
        _remove_user(name)
        shutil.rmtree(root, ignore_errors=True)


def _install(root: Path) -> Path:
    """sellerdesk as users get it (a wheel of this checkout) in a venv on the system
    Python; the test's own pip does the install, so the venv needs no pip."""
    dist, venv = root / "dist", root / "venv"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run([*pip, "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)], "building the wheel")
    [wheel] = dist.glob("sellerdesk-*.whl")
    _run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", str(venv)], "making the venv")
    _run([*pip, "--python", str(venv / "bin" / "python"), "install", "--quiet", str(wheel)],
         "installing sellerdesk for the Wayland user")  # fmt: skip
    return venv


def _remove_user(name: str) -> None:
    # userdel refuses while a process of the user lives; the clipboard servers
    # wl-copy leaves behind end with their compositor, a moment after it.
    deadline = time.monotonic() + 10
    while True:
        done = subprocess.run(["userdel", name], capture_output=True, check=False)
        if done.returncode in (0, 6) or time.monotonic() > deadline:  # 6: no such user
            return
        time.sleep(0.1)


class Sway:
    """A headless sway of the user's, and a way to run programs in its session."""

    def __init__(self, user: WaylandUser, home: Path) -> None:
        self.user = user
        self.home = home
        self.runtime = home / "run"
        for folder in (home, self.runtime):
            folder.mkdir(mode=0o700)
            os.chown(folder, user.uid, user.gid)
        self.env = {
            "PATH": f"{user.venv / 'bin'}:/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(self.runtime),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "SELLERDESK_USER": "tester",
        }
        self.log = home / "sway.log"
        self.process: subprocess.Popen | None = None
        self.display = ""

    def start(self) -> None:
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                ["sway", "-c", "/dev/null"],
                env={**self.env, **HEADLESS},
                stdout=log,
                stderr=subprocess.STDOUT,
                **self._as_user(),
            )
        deadline = time.monotonic() + 30
        while not self.display:
            sockets = [p.name for p in self.runtime.glob("wayland-*") if p.suffix != ".lock"]
            if sockets:
                self.display = sockets[0]
            elif self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"sway did not start: {self.log.read_text()[-2000:]}")
            else:
                time.sleep(0.02)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        """As the user, in the session, with no terminal (as a hotkey runs it)."""
        return subprocess.run(
            command,
            env={**self.env, "WAYLAND_DISPLAY": self.display},
            cwd=self.home,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=120,
            start_new_session=True,
            **self._as_user(),
        )

    def _as_user(self) -> dict:
        return {"user": self.user.uid, "group": self.user.gid, "extra_groups": []}
