"""A big file shows a progress bar in a terminal, and none when output is piped."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

ROWS = 2500  # past the size that gets a bar


def _big_file(tmp_path):
    path = tmp_path / "big.csv"
    lines = ["Username,Category,Labels"]
    lines += [f"lead{number},Qualified,Hot Lead" for number in range(ROWS)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_big_import_draws_a_progress_bar_on_a_terminal(tmp_path):
    path, db = _big_file(tmp_path), tmp_path / "desk.sqlite3"
    leader, follower = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", SELLERDESK_USER="tester")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sellerdesk", "--db", str(db), "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(leader)
    assert proc.returncode == 0
    assert f"Imported {ROWS:,} new leads." in out.decode()
    text = seen.decode(errors="replace")
    assert "Checking" in text and "Importing" in text
    assert f"/{ROWS}" in text or f"/{ROWS:,}" in text  # "done/total" on the bar


def test_no_bar_when_nobody_watches(tmp_path):
    path, db = _big_file(tmp_path), tmp_path / "desk.sqlite3"
    proc = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "--db", str(db), "import", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
