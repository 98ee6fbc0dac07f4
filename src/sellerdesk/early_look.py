"""The home screen's first look on a team server, read by a forked copy of
this process while the app itself is still importing Textual.

On a server the first look costs more than the reads: `import psycopg` alone
takes longer than all of them, and a new connection is slow to answer its
first statements (the server loads its catalog for every table it touches).
Done in a thread after the first frame (`sellerdesk.prefetch`), all of that
came after the frame, one step after another. A thread started sooner would
not help: importing is Python work, and the interpreter lock would share one
core between it and the frame. A child process has a lock of its own, so
`start` forks right after the settings are read, before anything else is
imported: the child imports psycopg, reads, and writes the pickled
`HomeData` to a pipe, while the parent draws its first frame; after the
frame `EarlyLook.result` collects it.

Where forking is not safe (no `fork`, macOS, a process that already runs
threads) or the database is not a server, nothing starts and the app reads
in a thread as before. Whatever goes wrong with the child (it died, it never
answered, its answer cannot be read) makes `result` say "not read", and the
caller reads the ordinary way; what the child could read but found unusable
(a server to migrate, an error) comes back as None, as `first_look` gives.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import suppress
from typing import TYPE_CHECKING

from sellerdesk.prefetch import SERVER_WAIT_S, libpq_url

if TYPE_CHECKING:
    from sellerdesk.config import Settings
    from sellerdesk.prefetch import HomeData

# Longest the parent waits for the child's answer: its connection and its
# locks each give up after SERVER_WAIT_S, so this is only ever reached by a
# child that is stuck.
ANSWER_WAIT_S = 3 * SERVER_WAIT_S


class NotRead(Exception):
    """The child gave no usable answer: read the first look another way."""


class EarlyLook:
    """A forked child reading the first look (see the module's docstring)."""

    def __init__(self, pid: int, answer_fd: int) -> None:
        self.pid = pid
        self._fd: int | None = answer_fd

    def result(self, wait_s: float = ANSWER_WAIT_S) -> HomeData | None:
        """The first look the child read, or None where the ordinary path must
        fill the screen; raises NotRead when the child gave no answer."""
        import pickle
        import select

        fd = self._take_fd()
        chunks: list[bytes] = []
        try:
            while True:
                ready, _, _ = select.select([fd], [], [], wait_s)
                if not ready:
                    raise NotRead(f"no answer in {wait_s:g} s")
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(fd)
            self._end_child()
        if not chunks:
            raise NotRead("the child ended without answering")
        try:
            return pickle.loads(b"".join(chunks))
        except Exception as exc:  # a cut-off answer: whatever unpickling raised
            raise NotRead(f"the answer could not be read: {exc}") from exc

    def discard(self) -> None:
        """Stop waiting for the child (the app closed before it was needed)."""
        if self._fd is not None:
            os.close(self._take_fd())
            self._end_child()

    def _take_fd(self) -> int:
        fd, self._fd = self._fd, None
        if fd is None:
            raise NotRead("already collected")
        return fd

    def _end_child(self) -> None:
        import signal

        # The child may still be connecting or writing: its answer is no longer wanted.
        with suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with suppress(ChildProcessError):
            os.waitpid(self.pid, 0)  # no zombie left behind


def can_fork() -> bool:
    """Forking is safe here: the call exists, the system's libraries tolerate
    it (not macOS), and no other thread is running to be copied half-way."""
    return (
        hasattr(os, "fork")
        and sys.platform != "darwin"
        and threading.active_count() == 1
    )


def start(db_url: str, settings: Settings, person: str | None) -> EarlyLook | None:
    """Fork a child that reads the first look of the server at `db_url`; None
    where that does not apply (see the module's docstring)."""
    if libpq_url(db_url) is None or not can_fork():
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:
        os.close(read_fd)
        _child(write_fd, db_url, settings, person)  # never returns
    os.close(write_fd)
    return EarlyLook(pid, read_fd)


def _child(write_fd: int, db_url: str, settings: Settings, person: str | None) -> None:
    try:
        # The terminal belongs to the parent: nothing here may read or draw on it.
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        # Where the two compete for a core, the first frame goes first.
        os.nice(10)
        import pickle

        from sellerdesk.prefetch import first_look

        answer = pickle.dumps(first_look(db_url, settings, person))
        with os.fdopen(write_fd, "wb") as out:
            out.write(answer)
    finally:
        # Not `sys.exit`: the parent's exit handlers and buffers are not the child's.
        os._exit(0)
