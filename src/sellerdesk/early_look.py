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
    """A forked child reading the first look (see the module's docstring).

    The app's worker collects the answer while the app may be closing and
    discarding it: the lock makes the hand-over of the pipe happen once, and
    a discard during the collection kills the child, which ends the wait."""

    def __init__(self, pid: int, answer_fd: int) -> None:
        self.pid = pid
        self._fd: int | None = answer_fd
        self._lock = threading.Lock()
        self._ended = False

    def result(self, wait_s: float = ANSWER_WAIT_S) -> HomeData | None:
        """The first look the child read, or None where the ordinary path must
        fill the screen; raises NotRead when the child gave no answer."""
        import pickle

        with self._lock:
            fd, self._fd = self._fd, None
        if fd is None:
            raise NotRead("already collected or discarded")
        try:
            answer = _read_all(fd, wait_s)
        finally:
            os.close(fd)
            self._end_child()
        if not answer:
            raise NotRead("the child ended without answering")
        try:
            return pickle.loads(answer)
        except Exception as exc:  # a cut-off answer: whatever unpickling raised
            raise NotRead(f"the answer could not be read: {exc}") from exc

    def discard(self) -> None:
        """Stop the child: its answer is no longer wanted (the app is closing).
        Never raises; a collection under way ends at once, with no answer."""
        with self._lock:
            fd, self._fd = self._fd, None
        if fd is not None:
            with suppress(OSError):
                os.close(fd)
        self._end_child()

    def _end_child(self) -> None:
        import signal

        with self._lock:
            if self._ended:
                return
            # The child may still be connecting or writing: its answer is no longer wanted.
            with suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with suppress(ChildProcessError):
                os.waitpid(self.pid, 0)  # no zombie left behind
            self._ended = True


def _read_all(fd: int, wait_s: float) -> bytes:
    """Everything written to `fd` until the writer closes it; NotRead when
    nothing comes for `wait_s`."""
    import selectors

    chunks: list[bytes] = []
    with selectors.DefaultSelector() as waiting:
        waiting.register(fd, selectors.EVENT_READ)
        while True:
            if not waiting.select(wait_s):
                raise NotRead(f"no answer in {wait_s:g} s")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def can_fork() -> bool:
    """Forking is safe here: the call exists, the system's libraries tolerate
    it (not macOS), and no other thread is running to be copied half-way
    (on Linux counted by the system, which sees threads started in C too)."""
    if not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def start(db_url: str, settings: Settings, person: str | None) -> EarlyLook | None:
    """Fork a child that reads the first look of the server at `db_url`; None
    where that does not apply (see the module's docstring)."""
    if libpq_url(db_url) is None or not can_fork():
        return None
    read_fd, write_fd = os.pipe()
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: whatever happens, it ends in `_child`
        _child(parent, read_fd, write_fd, db_url, settings, person)
    os.close(write_fd)
    return EarlyLook(pid, read_fd)


def _child(
    parent: int, read_fd: int, write_fd: int, db_url: str, settings: Settings, person: str | None
) -> None:
    try:
        import signal

        # Out of the terminal's session: Ctrl-C and a closed terminal are the
        # parent's to handle, and nothing here can prompt on /dev/tty.
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, signal.SIG_DFL)
        os.setsid()
        _die_with(parent)
        os.close(read_fd)
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


def _die_with(parent: int) -> None:
    """On Linux, have the system kill this child if the app dies first (a
    child stuck on a server that does not answer must not outlive it)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig, sigkill = 1, 9
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, sigkill)
    if os.getppid() != parent:  # it died before the call above
        os._exit(0)
