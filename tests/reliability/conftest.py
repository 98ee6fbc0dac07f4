"""What the reliability tests share: the CLI run in-process with its output
captured, a small disk of the test's own (a tmpfs, mounted where we are root),
and a way to run a command without root's power to ignore file permissions."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from sellerdesk.cli.main import main

# The last words of every error the CLI prints for a bug rather than a refusal.
UNEXPECTED = "unexpected error"


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def one_line_error(self) -> str:
        """The command failed with exactly one line on stderr, and no traceback: that line."""
        lines = self.error_lines()
        assert self.code != 0, f"expected a failure, got exit 0: {self.out!r}"
        assert "Traceback" not in self.err, self.err
        assert len(lines) == 1, f"expected one line, got {len(lines)}: {self.err!r}"
        return lines[0]


def run_cli(*argv: str) -> Ran:
    """`sellerdesk ARGV` in this process; usage errors (SystemExit) give their code."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Ran(code, out.getvalue(), err.getvalue())


def run_cli_process(*argv: str, prefix: tuple[str, ...] = (), env=None) -> Ran:
    """`sellerdesk ARGV` in a process of its own (what a user's shell does)."""
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "sellerdesk", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    return Ran(result.returncode, result.stdout, result.stderr)


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
