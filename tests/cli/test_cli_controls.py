"""Stored text never sends the terminal a control sequence: every command that
prints what a user, a client or a file wrote shows its controls as visible
escapes, and an error stays on one line whatever it quotes. Run as real
processes, so what is checked is the bytes a terminal would receive."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from tests.conftest import C1, CLEAR, CLIPBOARD

from sellerdesk import paths
from sellerdesk.safe_text import CONTROLS


def _sellerdesk(db_url, *argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SELLERDESK_DB": db_url}
    return subprocess.run(
        [sys.executable, "-m", "sellerdesk", *argv], capture_output=True, env=env, check=False
    )


def _raw_controls(data: bytes) -> list[str]:
    """Control characters in what was written (C1 as UTF-8 too), line breaks and tabs aside."""
    return sorted({repr(ch) for ch in data.decode("utf-8") if ord(ch) in CONTROLS} - {"'\\n'"})


@pytest.mark.parametrize(
    "argv",
    # The lead is its owner's (ann): the whole team's queue shows it.
    [
        ("lead", "list"),
        ("lead", "show", "eve"),
        ("today", "--team"),
        ("lead", "list", "--search", "eve"),
    ],
)
def test_commands_print_stored_controls_as_visible_escapes(db_url, lead_with_controls, argv):
    done = _sellerdesk(db_url, *argv)
    assert done.returncode == 0, done.stderr
    assert _raw_controls(done.stdout) == [] and _raw_controls(done.stderr) == []
    assert b"\\x1b[2J" in done.stdout  # the name is there, its escape made visible


def test_lead_show_prints_the_note_with_its_line_break_and_escapes(db_url, lead_with_controls):
    out = _sellerdesk(db_url, "lead", "show", "eve").stdout.decode()
    assert "call back\\x1b]52;c;cm0gLXJmIH4=\\x07 soon\\x00 ok\\r\\x9b2J" in out
    assert "she said\\x1b]52;c;cm0gLXJmIH4=\\x07\nyes" in out


@pytest.mark.parametrize("argv", [("lead", "show", "eve", "--json"), ("lead", "list", "--json")])
def test_json_escapes_every_control_and_keeps_the_text_exact(db_url, lead_with_controls, argv):
    done = _sellerdesk(db_url, *argv)
    assert done.returncode == 0, done.stderr
    assert _raw_controls(done.stdout) == []
    data = json.loads(done.stdout)
    record = data if isinstance(data, dict) else data[0]
    assert record["website"] == f"eve.example{C1}"  # the data itself, unchanged
    assert record["display_name"] == f"Eve{CLEAR}"


def test_templates_list_shows_a_user_templates_controls_as_escapes(db_url):
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "mine.txt").write_text(
        f"id: redesign.mine\ntitle: Mine{CLIPBOARD}\n---\nHello{CLEAR}\n", encoding="utf-8"
    )
    for argv in (("templates", "list"), ("templates", "show", "redesign.mine")):
        done = _sellerdesk(db_url, *argv)
        assert done.returncode == 0, done.stderr
        assert _raw_controls(done.stdout) == [] and _raw_controls(done.stderr) == []
        assert b"Mine\\x1b]52;c;cm0gLXJmIH4=\\x07" in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ("lead", "show", f"no\nsuch{CLEAR}"),
        ("lead", "add", "fine", "--website", f"bad site\n{CLIPBOARD}"),
        ("lead", "list", f"stray{CLIPBOARD}\nargument"),
        ("followup", "add", "nobody", f"when{CLEAR}\nnever"),
    ],
)
def test_an_error_is_one_line_with_its_input_escaped(db_url, argv):
    done = _sellerdesk(db_url, *argv)
    assert done.returncode != 0
    assert _raw_controls(done.stderr) == []
    lines = done.stderr.decode().splitlines()
    assert lines and lines[-1].startswith(("sellerdesk: ", "sellerdesk lead list: error:"))
    assert len([line for line in lines if "error" in line or "sellerdesk: " in line]) == 1
