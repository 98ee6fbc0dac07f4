"""`bin/launch` on a copy of the checkout: the first run says what it is doing
while it installs; a run with nothing changed starts sellerdesk at once (no
pip, within 0.3 s of running the installed command directly); a changed
source file is reinstalled, saying so.

The venv is a real one; so that the test does not download and install every
dependency again, it sees the test run's own packages through a .pth file,
and pip installs only sellerdesk itself into it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from sellerdesk import __version__

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    not (ROOT / "bin" / "launch").is_file(), reason="needs a checkout (bin/launch)"
)


def _checkout(to: Path) -> Path:
    for name in ("bin", "src", "data"):
        shutil.copytree(ROOT / name, to / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, to / name)
    return to


def _venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = subprocess.run(
        [str(path / "bin" / "python"), "-c", where],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "test-run.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return path


def _launch(checkout: Path, venv: Path) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "SELLERDESK_VENV": str(venv), "PYTHON": sys.executable}
    started = time.perf_counter()
    done = subprocess.run(
        ["bash", str(checkout / "bin" / "launch"), "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done, time.perf_counter() - started


def _direct(venv: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(venv / "bin" / "sellerdesk"), "--version"], check=True, capture_output=True)
    return time.perf_counter() - started


def test_launch_says_what_it_does_then_starts_at_once_until_the_source_changes(tmp_path):
    checkout = _checkout(tmp_path / "checkout")
    venv = _venv(tmp_path / "venv")

    first, _ = _launch(checkout, venv)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"sellerdesk {__version__}"
    assert "sellerdesk: installing sellerdesk and what it needs" in first.stderr
    assert (venv / ".sellerdesk-stamp").is_file()

    again, _ = _launch(checkout, venv)
    assert again.returncode == 0 and again.stderr == ""  # nothing installed, nothing said
    overheads = []
    for _ in range(5):
        _, through_launch = _launch(checkout, venv)
        overheads.append(through_launch - _direct(venv))
    assert statistics.median(overheads) < 0.3, overheads

    vocab = checkout / "src" / "sellerdesk" / "vocab.py"
    vocab.write_text(vocab.read_text() + "\n# changed\n")
    changed, _ = _launch(checkout, venv)
    assert changed.returncode == 0, changed.stderr
    assert "sellerdesk: the checkout changed: reinstalling sellerdesk" in changed.stderr
    installed = Path(
        subprocess.run(
            [str(venv / "bin" / "python"), "-c", "import sellerdesk.vocab as v; print(v.__file__)"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    assert installed.read_text().endswith("# changed\n")
