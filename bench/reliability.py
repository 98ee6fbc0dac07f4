"""Reliability runs: writers killed at random moments, writers in parallel, and a
fuzz of every command's arguments. Prints what was tried and what went wrong.

    .venv/bin/python bench/reliability.py                     # a modest run
    .venv/bin/python bench/reliability.py --kills 300 --fuzz 3000

What each part checks:
- kill -9: writer processes (the domain calls the app and the CLI make) are
  killed at random moments, also while a database is being upgraded; after
  each kill the file passes SQLite's integrity and foreign-key checks and every
  write a writer acknowledged is there ("rows lost" counts those that are not).
- parallel CLI writers: `sellerdesk note` from several processes at once, every
  one saved; `lead edit` raced in pairs, a concurrent change refused, never lost.
- CLI fuzz (hypothesis): every command with markup, escapes, right-to-left and
  emoji text, huge and negative numbers, bad dates, option-looking values and
  bytes that are not UTF-8; no traceback, no unexpected error, every line on
  stderr one complete "sellerdesk...: ..." line, exit code 0, 1 or 2.

tests/reliability runs the same machinery at a small size on every test run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- figures


@dataclass
class Figures:
    """One part of the run: how often it was tried and what went wrong."""

    name: str
    attempts: int = 0
    acknowledged: int = 0
    failures: int = 0
    rows_lost: int = 0
    note: str = ""
    problems: list[str] = field(default_factory=list)

    def fail(self, problem: str) -> None:
        self.failures += 1
        if len(self.problems) < 20:
            self.problems.append(problem)

    @property
    def ok(self) -> bool:
        return self.failures == 0 and self.rows_lost == 0


def print_table(results: list[Figures], out=sys.stdout) -> None:
    header = f"{'part':<34} {'attempts':>9} {'acked':>7} {'failures':>9} {'rows lost':>10}"
    print(header, file=out)
    print("-" * len(header), file=out)
    for r in results:
        print(
            f"{r.name:<34} {r.attempts:>9} {r.acknowledged:>7} {r.failures:>9} {r.rows_lost:>10}",
            file=out,
        )
    for r in results:
        if r.note:
            print(f"  {r.name}: {r.note}", file=out)
        for problem in r.problems:
            print(f"  {r.name}: {problem}", file=out)


# ---------------------------------------------------------------- the CLI


@dataclass
class Ran:
    """How a command ended: exit code, stdout, stderr."""

    code: int
    out: str
    err: str

    def one_line_error(self) -> str:
        """The command failed with exactly one line on stderr, and no traceback: that line."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert self.code != 0, f"expected a failure, got exit 0: {self.out!r}"
        assert "Traceback" not in self.err, self.err
        assert len(lines) == 1, f"expected one line, got {len(lines)}: {self.err!r}"
        return lines[0]


def run_cli(*argv: str) -> Ran:
    """`sellerdesk ARGV` in this process; usage errors (SystemExit) give their code."""
    from sellerdesk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Ran(code, out.getvalue(), err.getvalue())


def run_cli_process(
    *argv: str | bytes, prefix: tuple[str, ...] = (), env: dict | None = None, timeout: float = 120
) -> Ran:
    """`sellerdesk ARGV` in a process of its own (what a user's shell does), after `prefix`."""
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "sellerdesk", *argv],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
    decode = lambda b: b.decode("utf-8", "backslashreplace")  # noqa: E731
    return Ran(done.returncode, decode(done.stdout), decode(done.stderr))


def violation(ran: Ran) -> str | None:
    """What is wrong with how a command ended, or None: no traceback, no unexpected
    error, exit 0-2, and a failure says why, each line on stderr one whole
    "sellerdesk...: ..." message (a check such as `referral gate` may answer no on
    stdout)."""
    if "Traceback" in ran.err:
        return "a traceback: " + ran.err.strip().splitlines()[-1][:200]
    if "unexpected error" in ran.err:
        return ran.err.strip()[:300]
    if ran.code not in (0, 1, 2):
        return f"exit code {ran.code}"
    if ran.code == 0:
        return None
    lines = [line for line in ran.err.splitlines() if line.strip()]
    if not lines and not ran.out.strip():
        return f"exit {ran.code} with nothing said"
    stray = [line for line in lines if not line.startswith("sellerdesk")]
    if stray:
        return f"a line that is not one whole message: {stray[0][:200]!r}"
    return None


# ---------------------------------------------------------------- killed writers

WRITER = r"""
import random, sys
from sellerdesk import leads
from sellerdesk.db.open import open_database
from sellerdesk.errors import SellerdeskError
from sellerdesk.followups import store

url, name, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
db = open_database(url, author=name)
print("open", flush=True)
i = 0
while True:
    i += 1
    kind = rng.choice(("lead", "note", "note", "edit", "followup"))
    tag = f"{name}-{i}"
    try:
        if kind == "lead":
            leads.add_lead(db, f"{name}x{i}", notes=tag)
        elif kind == "note":
            leads.add_note(db, "shared", tag)
        elif kind == "edit":
            lead = leads.get_lead(db, "shared")
            leads.edit_lead(db, "shared", expected_version=lead.version, changes={"notes": tag})
        else:
            store.add(db, "shared", "3d", reason=tag)
    except SellerdeskError:
        continue  # refused (a concurrent edit, a busy moment): nothing to acknowledge
    print(kind, tag, flush=True)
"""


def _fresh_database(path: Path) -> str:
    from sellerdesk import leads
    from sellerdesk.db.open import open_database

    url = f"sqlite:///{path}"
    db = open_database(url, author="setup")
    leads.add_lead(db, "shared")
    db.close()
    return url


def check_file(path: Path) -> list[str]:
    """SQLite's own checks on the file: empty when it is sound."""
    con = sqlite3.connect(path)
    try:
        problems = [row[0] for row in con.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign key: {row}" for row in con.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        con.close()


def missing_acknowledged(path: Path, acks: list[tuple[str, str]]) -> list[str]:
    """The acknowledged writes that are not in the file."""
    con = sqlite3.connect(path)
    try:
        usernames = {row[0] for row in con.execute("SELECT username FROM leads")}
        bodies = {row[0] for row in con.execute("SELECT body FROM events WHERE body IS NOT NULL")}
        reasons = {row[0] for row in con.execute("SELECT reason FROM followups")}
    finally:
        con.close()
    lost = []
    for kind, tag in acks:
        name, number = tag.rsplit("-", 1)
        found = {
            "lead": f"{name}x{number}" in usernames,
            "note": tag in bodies,
            "edit": f"notes: {tag}" in bodies,
            "followup": tag in reasons,
        }[kind]
        if not found:
            lost.append(f"{kind} {tag}")
    return lost


class Writer:
    """One writer process, and the writes it acknowledged (read as they come, so
    a full pipe never stalls it)."""

    def __init__(self, url: str, name: str, seed: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, url, name, str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.acks: list[tuple[str, str]] = []
        self.writing = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            kind, _, tag = line.strip().partition(" ")
            if tag:
                self.acks.append((kind, tag))
                self.writing.set()

    def kill(self) -> list[tuple[str, str]]:
        """kill -9; what it acknowledged before dying."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self._reader.join()
        return self.acks


def kill_writers(workdir: Path, kills: int, writers: int, seed: int) -> Figures:
    """Start `writers` processes, kill -9 one at a random moment, check, start it again."""
    figures = Figures(f"kill -9 of {writers} writers")
    rng = random.Random(seed)
    path = workdir / "killed.sqlite3"
    url = _fresh_database(path)
    running = {f"w{k}": Writer(url, f"w{k}", rng.randrange(1 << 30)) for k in range(writers)}
    generation = dict.fromkeys(running, 0)
    acked: list[tuple[str, str]] = []
    for writer in running.values():
        # The first writers get going before the kills start (later ones may die starting).
        writer.writing.wait(120)
    try:
        for _ in range(kills):
            time.sleep(rng.uniform(0.0, 1.5))  # the random moment of the kill
            name = rng.choice(sorted(running))
            acked += running[name].kill()
            figures.attempts += 1
            for problem in check_file(path):
                figures.fail(f"after kill {figures.attempts}: {problem}")
            generation[name] += 1
            # A new process takes the slot; its numbering must not repeat the old one's.
            running[name] = Writer(url, f"{name}g{generation[name]}", rng.randrange(1 << 30))
    finally:
        for writer in running.values():
            acked += writer.kill()
    figures.acknowledged = len(acked)
    lost = missing_acknowledged(path, acked)
    figures.rows_lost = len(lost)
    figures.problems += [f"lost: {item}" for item in lost[:10]]
    for problem in check_file(path):
        figures.fail(f"at the end: {problem}")
    return figures


def old_database(path: Path, leads_count: int = 400) -> int:
    """A database at the first schema revision, holding leads and their timelines."""
    from sellerdesk.db.open import _upgrade
    from sellerdesk.db.schema import REVISIONS

    _upgrade(f"sqlite:///{path}", REVISIONS[0])
    con = sqlite3.connect(path)
    with con:
        con.execute("PRAGMA journal_mode = WAL")
        for i in range(leads_count):
            con.execute(
                "INSERT INTO leads (id, username, username_key, source, stage, stage_since, "
                "do_not_contact, created_at, updated_at, version, notes) VALUES (?, ?, ?, "
                "'fiverr_inbox', 'new', '2026-01-01', 0, '2026-01-01', '2026-01-01', 1, ?)",
                (i + 1, f"old{i}", f"old{i}", "n" * 200),
            )
            con.execute(
                "INSERT INTO events (lead_id, at, author, kind, body) "
                "VALUES (?, '2026-01-01', 'a', 'note', ?)",
                (i + 1, f"kept {i}"),
            )
    con.close()
    return leads_count


def kill_migrations(workdir: Path, kills: int, seed: int) -> Figures:
    """kill -9 a command while it upgrades an older database: afterwards the file is
    sound and at the old revision or the new one, with every row, and opens."""
    from sellerdesk.db.schema import HEAD, REVISIONS

    figures = Figures("kill -9 during an upgrade")
    rng = random.Random(seed)
    upgraded = 0
    for attempt in range(kills):
        path = workdir / f"upgrade-{attempt}.sqlite3"
        count = old_database(path)
        figures.acknowledged += count
        proc = subprocess.Popen(
            [sys.executable, "-m", "sellerdesk", "--db", str(path), "lead", "list", "--limit", "1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.0, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        figures.attempts += 1
        for problem in check_file(path):
            figures.fail(f"upgrade kill {attempt}: {problem}")
        con = sqlite3.connect(path)
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            rows = con.execute("SELECT count(*) FROM leads").fetchone()[0]
        finally:
            con.close()
        if revision not in (REVISIONS[0], HEAD):
            figures.fail(f"upgrade kill {attempt}: left at revision {revision}")
        upgraded += revision == HEAD
        figures.rows_lost += max(0, count - rows)
        ran = run_cli_process("--db", str(path), "lead", "list", "--limit", "1")
        if ran.code != 0:
            figures.fail(f"upgrade kill {attempt}: does not open after: {ran.err.strip()[:200]}")
        for leftover in path.parent.glob(f"{path.stem}.before-*.partial"):
            leftover.unlink()  # a copy being written when the kill came: never taken for a backup
    figures.note = (
        f"{upgraded} finished the upgrade before the kill, {figures.attempts - upgraded} were "
        f"left at the old schema; acked counts the rows the files held"
    )
    return figures


# ---------------------------------------------------------------- parallel CLI writers


def parallel_notes(workdir: Path, writers: int, notes_each: int) -> Figures:
    """`sellerdesk note` from `writers` processes at once: every note saved."""
    figures = Figures(f"{writers} CLI writers at once")
    path = workdir / "parallel.sqlite3"
    _fresh_database(path)
    script = (
        "import sys; from sellerdesk.cli.main import main\n"
        "for i in range(int(sys.argv[3])):\n"
        "    code = main(['--db', sys.argv[1], 'note', 'shared', f'{sys.argv[2]}-{i}'])\n"
        "    print(f'exit={code}', flush=True)\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(path), f"p{k}", str(notes_each)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(writers)
    ]
    saved = []
    for k, proc in enumerate(procs):
        out, err = proc.communicate(timeout=600)
        codes = [line[5:] for line in out.splitlines() if line.startswith("exit=")]
        for i, code in enumerate(codes):
            figures.attempts += 1
            if code == "0":
                saved.append(("note", f"p{k}-{i}"))
            else:
                figures.fail(f"p{k}-{i} exited {code}: {err.strip()[:200]}")
    figures.acknowledged = len(saved)
    lost = missing_acknowledged(path, saved)
    figures.rows_lost = len(lost)
    for problem in check_file(path):
        figures.fail(problem)
    return figures


def edit_races(workdir: Path, rounds: int) -> Figures:
    """Two `lead edit race --notes ...` at once, again and again: each one is either
    saved (and on the timeline) or refused as a concurrent change, never lost."""
    figures = Figures("lead edit raced in pairs")
    path = workdir / "race.sqlite3"
    from sellerdesk import leads
    from sellerdesk.db.open import open_database

    url = f"sqlite:///{path}"
    db = open_database(url, author="setup")
    leads.add_lead(db, "race")
    db.close()
    refused = 0
    saved: list[tuple[str, str]] = []
    for n in range(rounds):
        procs = {
            tag: subprocess.Popen(
                [sys.executable, "-m", "sellerdesk", "--db", str(path), "lead", "edit", "race",
                 "--notes", tag],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for tag in (f"A-{n}", f"B-{n}")
        }
        for tag, proc in procs.items():
            out, err = proc.communicate(timeout=120)
            figures.attempts += 1
            ran = Ran(proc.returncode, out, err)
            problem = violation(ran)
            if problem:
                figures.fail(f"{tag}: {problem}")
            elif ran.code == 0:
                saved.append(("edit", tag))
            elif "since you opened it" in err or "since you read it" in err:
                refused += 1
            else:
                figures.fail(f"{tag}: exit {ran.code}: {err.strip()[:200]}")
    figures.acknowledged = len(saved)
    figures.rows_lost = len(missing_acknowledged(path, saved))
    figures.note = f"{refused} of {figures.attempts} refused as a concurrent change"
    return figures


# ---------------------------------------------------------------- CLI fuzz


def nasty_text():
    """Text people and files really send, and text meant to break things. No line
    breaks: an error echoing one is escaped by the printing code, checked elsewhere."""
    from hypothesis import strategies as st

    breaks = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    fixed = st.sampled_from(
        [
            "[/]", "[b]x[/b]", "[link=https://e.vil/x]x.com[/link]", "[@click=app.quit]x[/]",
            "\x1b[2J", "\x1b]52;c;aGk=\x07", "\x00", "\x07", "\x9b31m", "\u202eevil.exe",
            "مرحبا بك", "שלום", "🎉", "👩\u200d💻", "Zoë", "x" * 5000,
            "99999999999999999999", "-99999999999999999999", "-1", "0", "1e309", "nan", "inf",
            "9999-12-31 23:59", "0001-01-01", "-1d", "2026-02-30", "999w", "fri 25:00",
            "\udcff", "caf\udce9", "-", "--", "-x", "--nope", "", "   ", "%s%n", "{0}",
            "{seller_name}",
            "ann", "@ann", "ANN", "bob", "FO100", "followup.offer_day1", "qualified", "redesign",
            "completed", "in progress", "partial", "positive", "open", "new",
        ]
    )  # fmt: skip
    free = st.text(st.characters(blacklist_characters=breaks, blacklist_categories=("Cs",)),
                   max_size=30)  # fmt: skip
    return st.one_of(fixed, fixed, free)


def edge_numbers():
    from hypothesis import strategies as st

    fixed = st.sampled_from(
        ["99999999999999999999", "-99999999999999999999", "-1", "0", "1e309", "nan", "inf",
         "0x10", "1_000", "١٢٣", "²", "4.5", "$-5", "1,000,000,000,000", "\udcff"]
    )  # fmt: skip
    return st.one_of(fixed, st.integers(-(10**30), 10**30).map(str))


def edge_dates():
    from datetime import datetime

    from hypothesis import strategies as st

    fixed = st.sampled_from(
        ["9999-12-31 23:59", "9999-12-31", "0001-01-01", "1999-12-31 23:59", "-1d", "-2w",
         "2026-02-30", "999w", "+999d", "in 999 weeks", "fri 25:00", "24:00", "13pm", "0am",
         "next", "today 99:99", "\udcff"]
    )  # fmt: skip
    moments = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))
    return st.one_of(
        fixed,
        moments.map(lambda d: d.strftime("%Y-%m-%d %H:%M")),
        moments.map(lambda d: d.date().isoformat()),
    )


EDGES_BY_DEST = {
    "limit": edge_numbers,
    "price": edge_numbers,
    "delivery_days": edge_numbers,
    "expect_version": edge_numbers,
    "item": edge_numbers,
    "number": edge_numbers,
    "value": edge_numbers,
    "when": edge_dates,
    "due": edge_dates,
}


def good_values() -> dict[str, list[str]]:
    """Values that mean something, by argument name, so the fuzz gets past the first
    check (the lead exists, the order too) into the code behind it."""
    from sellerdesk.scripts.registry import all_scripts
    from sellerdesk.templates.loading import library
    from sellerdesk.vocab import INDUSTRIES, PROJECT_TYPES, SOURCES, STAGES

    scripts = all_scripts()
    people = ["ann", "bob", "@ann", "ANN", "newbie", "carol.k"]
    return {
        "username": people,
        "lead": people,
        "by": people,
        "referrer": people,
        "referred_by": people,
        "number": ["FO100", "fo100", "#FO100", "FO999"],
        "template_id": sorted(library().templates)[:40],
        "template": sorted(library().templates)[:40],
        "state": ["submitted", "partial", "incomplete"],
        "requirements": ["submitted", "partial", "incomplete"],
        "satisfaction": ["positive", "negative"],
        "status": ["in progress", "delivered", "revision", "completed", "cancelled", "review"],
        "action": ["open", "close"],
        "when": ["2d", "tomorrow", "fri 15:00", "next monday", "2w", "3h"],
        "due": ["7d", "fri", "next monday 12:00"],
        "stage": [label for _, label in STAGES.items],
        "source": [label for _, label in SOURCES.items],
        "project_type": [label for _, label in PROJECT_TYPES.items],
        "industry": [label for _, label in INDUSTRIES.items],
        "script": sorted(scripts),
        "field": sorted({name for script in scripts.values() for name in script.fields}),
        "item": ["1", "2", "domain", "site"],
        "checklist": ["new", "transferred"],
        "price": ["450", "$1,200.50", "5"],
        "delivery_days": ["7", "14d"],
        "limit": ["1", "5", "100"],
        "values": ["price=450", "client_name=Zoë"],
    }


def commands() -> list[tuple[list[str], argparse.ArgumentParser]]:
    """Every runnable command: its words and its parser."""
    from sellerdesk.cli.main import build_parser

    found = []

    def walk(words: list[str], parser: argparse.ArgumentParser) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.append((words, parser))
            return
        for name, child in subs[0].choices.items():
            walk([*words, name], child)

    walk([], build_parser())
    return found


def argv_for(
    draw, words: list[str], parser: argparse.ArgumentParser, good: dict[str, list[str]]
) -> list[str]:
    """A command line for `words`: mostly real values with one bad one (so the bad
    value meets the code behind the first checks), or now and then all bad."""
    from hypothesis import strategies as st

    nasty = nasty_text()

    def now_and_then(times_in: int) -> bool:
        # sampled_from leans to its first item, so the rare case comes last
        return draw(st.sampled_from([False] * (times_in - 1) + [True]))

    all_bad = now_and_then(4)

    def real(dest: str):
        if dest in good and not all_bad:
            return draw(st.sampled_from(good[dest]))
        return bad(dest)

    def bad(dest: str):
        if dest in EDGES_BY_DEST and not now_and_then(3):
            return draw(EDGES_BY_DEST[dest]())
        return draw(nasty)

    slots: list[tuple[str, str | None]] = []  # (option or "", destination)
    for action in parser._actions:
        if action.option_strings or action.dest == "help":
            continue
        count = {None: 1, "?": draw(st.integers(0, 1)), "*": draw(st.integers(0, 2)),
                 "+": draw(st.integers(1, 2))}.get(action.nargs, 1)  # fmt: skip
        if now_and_then(20):
            count = max(0, count - 1)  # now and then a value is missing
        slots += [("", action.dest)] * count
    for action in parser._actions:
        names = [o for o in action.option_strings if o.startswith("--")]
        if not names or names[0] in ("--help", "--db", "--version", "--demo"):
            continue
        if now_and_then(3):
            slots.append((names[0], None if action.nargs == 0 else action.dest))
    spoiled = draw(st.sampled_from([*range(len(slots)), -1]))
    argv = list(words)
    for i, (option, dest) in enumerate(slots):
        if option:
            argv.append(option)
        if dest is not None:
            argv.append(bad(dest) if i == spoiled else real(dest))
    if words and words[0] == "copy":
        argv.append("--print")  # never the real clipboard, nor OSC 52 to this terminal
    return argv


def command_strategy(words: list[str], parser: argparse.ArgumentParser, good=None):
    """Command lines for one command (see `argv_for`)."""
    from hypothesis import strategies as st

    good = good if good is not None else good_values()

    @st.composite
    def one_command(draw) -> list[str]:
        return argv_for(draw, words, parser, good)

    return one_command()


def fuzz_database(path: Path) -> None:
    """A small book for the fuzz to work on: leads, an order, a script run (so the
    order and script commands get past "no such order" and "no run yet")."""
    from sellerdesk import leads
    from sellerdesk.db.open import open_database
    from sellerdesk.orders.gate import Draft
    from sellerdesk.orders.store import create_order
    from sellerdesk.scripts import runs

    db = open_database(f"sqlite:///{path}", author="fuzz")
    leads.add_lead(db, "ann", display_name="Ann", website="ann.example")
    leads.add_lead(db, "bob", stage="hot lead")
    draft = Draft(
        consent="Yes, please place the order",
        price_cents=45000,
        delivery_days=7,
        pages="Home, About",
        design_direction="clean.com",
        scope_confirmed=True,
    )
    create_order(db, "bob", draft.with_changes(number="FO100"))
    runs.start(db, "ann", "redesign")
    db.close()


@contextlib.contextmanager
def fuzz_environment(workdir: Path) -> Iterator[Path]:
    """A database, config folder and no display, set for this process meanwhile;
    run from `workdir`, so what a command writes by default (an export, a backup
    to a relative path) lands there, not in the checkout."""
    saved = dict(os.environ)
    was_in = Path.cwd()
    path = workdir / "fuzz.sqlite3"
    os.environ["SELLERDESK_CONFIG_DIR"] = str(workdir / "config")
    os.environ["XDG_DATA_HOME"] = str(workdir / "data")
    os.environ.pop("DISPLAY", None)
    os.environ.pop("WAYLAND_DISPLAY", None)
    os.environ.pop("SELLERDESK_DEBUG", None)
    try:
        os.chdir(workdir)
        fuzz_database(path)
        yield path
    finally:
        os.chdir(was_in)
        os.environ.clear()
        os.environ.update(saved)


def cli_fuzz(workdir: Path, examples: int, seed: int) -> Figures:
    """`examples` command lines in all, shared evenly by every command."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hyp_seed

    figures = Figures("CLI fuzz (in-process)")
    every = commands()
    good = good_values()
    with fuzz_environment(workdir) as path:
        for words, parser in every:

            @hyp_seed(seed)
            @settings(
                max_examples=max(1, examples // len(every)),
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(command_strategy(words, parser, good))
            def attempt(argv: list[str]) -> None:
                figures.attempts += 1
                problem = violation(run_cli("--db", str(path), *argv))
                if problem:
                    figures.fail(f"{argv!r}: {problem}")

            attempt()
        for problem in check_file(path):
            figures.fail(problem)
    return figures


def cli_fuzz_processes(workdir: Path, examples: int, seed: int) -> Figures:
    """A few commands in real processes, with real bytes that are not UTF-8."""
    figures = Figures("CLI fuzz (own processes)")
    rng = random.Random(seed)
    every = commands()
    raw = [b"\xff\xfe", b"caf\xe9", "Zoë".encode(), b"[/]", b"\x1b[2J", b"-1d", b"9" * 20]
    with fuzz_environment(workdir) as path:
        for _ in range(examples):
            words, parser = rng.choice(every)
            argv: list[str | bytes] = ["--db", str(path), *words]
            positionals = [a for a in parser._actions if not a.option_strings and a.dest != "help"]
            argv += [rng.choice(raw) for _ in positionals]
            if words and words[0] == "copy":
                argv.append("--print")
            ran = run_cli_process(*argv)
            figures.attempts += 1
            problem = violation(ran)
            if problem:
                figures.fail(f"{argv!r}: {problem}")
    return figures


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=60, help="kill -9s of running writers")
    parser.add_argument("--writers", type=int, default=3, help="writer processes at once")
    parser.add_argument("--upgrade-kills", type=int, default=10, help="kills during upgrades")
    parser.add_argument("--parallel", type=int, default=4, help="CLI processes writing at once")
    parser.add_argument("--notes", type=int, default=25, help="notes each CLI process writes")
    parser.add_argument("--races", type=int, default=20, help="pairs of racing lead edits")
    parser.add_argument("--fuzz", type=int, default=500, help="in-process fuzzed commands")
    parser.add_argument("--fuzz-processes", type=int, default=20, help="fuzzed commands run alone")
    parser.add_argument("--seed", type=int, default=20261130)
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sellerdesk-reliability-") as tmp:
        work = Path(tmp)
        parts = [
            lambda: kill_writers(work, args.kills, args.writers, args.seed),
            lambda: kill_migrations(work, args.upgrade_kills, args.seed),
            lambda: parallel_notes(work, args.parallel, args.notes),
            lambda: edit_races(work, args.races),
            lambda: cli_fuzz(work / "fuzz", args.fuzz, args.seed),
            lambda: cli_fuzz_processes(work / "fuzz-processes", args.fuzz_processes, args.seed),
        ]
        results = []
        for part in parts:
            (work / "fuzz").mkdir(exist_ok=True)
            (work / "fuzz-processes").mkdir(exist_ok=True)
            results.append(part())
            print(f"  done: {results[-1].name} ({time.monotonic() - started:.0f} s)", flush=True)
    print()
    print_table(results)
    print(f"\n{time.monotonic() - started:.0f} s in all; seed {args.seed}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
