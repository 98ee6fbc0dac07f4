"""What the reliability tests share: the harness of bench/reliability.py (the CLI
run in-process with its output captured, killed writers, the fuzz), a small disk
of the test's own (a tmpfs, mounted where we are root), and a way to run a
command without root's power to ignore file permissions."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _load_harness():
    """bench/reliability.py: the machinery the long runs use, run small here."""
    path = Path(__file__).resolve().parents[2] / "bench" / "reliability.py"
    spec = importlib.util.spec_from_file_location("sellerdesk_reliability_harness", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


harness = _load_harness()
Ran = harness.Ran
run_cli = harness.run_cli
run_cli_process = harness.run_cli_process


def digest(path: Path) -> bytes:
    return path.read_bytes()


class SmallDisk:
    """A tmpfs of a few megabytes: filled to the last byte, or made read-only, at will."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / "filler.bin"

    def fill(self, leave: int = 0) -> None:
        """Write until the disk refuses even a small block, then free `leave` bytes."""
        fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (1 << 16, 1 << 12, 1 << 9, 1):
                block = b"\0" * size
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, block)
        finally:
            os.close(fd)
        assert shutil.disk_usage(self.root).free < 4096
        if leave:
            os.truncate(self._filler, max(0, self._filler.stat().st_size - leave))

    def free_up(self) -> None:
        self._filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        _mount("-o", "remount,ro", str(self.root))

    def writable(self) -> None:
        _mount("-o", "remount,rw", str(self.root))


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture
def small_disk(tmp_path) -> SmallDisk:
    if os.geteuid() != 0:
        pytest.skip("a full or read-only disk is made with a tmpfs, which only root may mount")
    if shutil.which("mount") is None:
        pytest.skip("no mount command here to make a small tmpfs")
    root = tmp_path / "small-disk"
    root.mkdir()
    mounted = _mount("-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(root))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)


@pytest.fixture
def without_root_override():
    """A command prefix under which file permissions apply even to root (setpriv drops
    the capabilities that let root read and write anything), or nothing when not root."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file permissions and setpriv is not here to stop that")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")
