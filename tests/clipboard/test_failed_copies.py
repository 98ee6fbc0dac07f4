"""A copy counts only when the text reached a clipboard: real xclip/xsel under
Xvfb, a stale DISPLAY, a frozen X server, and what the timeline and the daily
targets make of each."""

from __future__ import annotations

import shlex
import subprocess
import time
from pathlib import Path

import pytest
from tests.clipboard.conftest import need
from tests.clipboard.test_end_to_end import copied_events, expected

from sellerdesk import clipboard, leads
from sellerdesk.clipboard import NOWHERE, TERMINAL
from sellerdesk.config import Settings
from sellerdesk.followups import queue

TEMPLATE = "followup.offer_day7"  # a follow-up: it counts toward the daily target


def events(db, username: str, kind: str):
    lead = leads.get_lead(db, username)
    return [e for e in leads.lead_timeline(db, lead.id) if e.kind == kind]


def run_copy(sellerdesk_cmd, db_url, username="acme") -> subprocess.CompletedProcess[str]:
    """As a hotkey runs it: no terminal to fall back on (no controlling tty)."""
    return subprocess.run(
        [*sellerdesk_cmd, "copy", TEMPLATE, "--lead", username, "--db", db_url],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        text=True,
        start_new_session=True,
    )


def lead_show(sellerdesk_cmd, db_url, username="acme") -> str:
    return subprocess.run(
        [*sellerdesk_cmd, "lead", "show", username, "--db", db_url],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout


def test_a_programs_error_is_one_printable_line():
    said = b"\n  \x1b]52;c;QQ==\x07 gone \nmore\n"
    assert clipboard._first_line(said) == "\\x1b]52;c;QQ==\\x07 gone"


def test_system_copy_is_read_back_from_x(x_clipboard):
    text = "Zoë Ñandú 李 ☺\nsecond line\n"
    clipboard.copy_system(text)
    assert x_clipboard.text() == text


def test_xsel_is_used_where_xclip_is_missing(x_clipboard, tmp_path, monkeypatch):
    need("xsel")
    only_xsel = tmp_path / "bin"
    only_xsel.mkdir()
    (only_xsel / "xsel").symlink_to(Path("/usr/bin/xsel").resolve())
    monkeypatch.setenv("PATH", str(only_xsel))
    clipboard.copy_system("via xsel — ✓")
    monkeypatch.undo()
    assert x_clipboard.text() == "via xsel — ✓"


def test_a_helper_that_exits_0_without_copying_is_caught_by_the_read_back(x_clipboard):
    """`true` stands for a clipboard program that reports success and copies nothing."""
    clipboard.copy_system("what was there before")
    silent = clipboard._Helper("true", ("true",), clipboard._XCLIP.paste)
    with pytest.raises(clipboard.ClipboardFailed, match="the clipboard holds something else"):
        clipboard._copy_with(silent, "the new text")
    assert x_clipboard.text() == "what was there before"


def test_stale_display_reports_the_failure_and_counts_nothing(
    stale_display, db, db_url, sellerdesk_cmd
):
    leads.add_lead(db, "acme", display_name="Zoë")
    result = run_copy(sellerdesk_cmd, db_url)
    text = expected(db, "acme", TEMPLATE)
    assert result.returncode == 1, result.stdout
    assert result.stdout == text + "\n"  # the text is shown, to copy by hand
    assert f"xclip failed: Error: Can't open display: {stale_display}" in result.stderr
    assert "not copied" in result.stderr and "Copied" not in result.stdout + result.stderr
    assert copied_events(db, "acme") == []
    [shown] = events(db, "acme", "message_shown")
    assert shown.body == text and shown.data["path"] == NOWHERE
    assert leads.get_lead(db, "acme").last_messaged_at is None
    assert queue.build(db, Settings()).activity.followups == 0
    assert "Message shown, not copied" in lead_show(sellerdesk_cmd, db_url)


def test_stale_display_in_a_terminal_falls_through_to_osc52(
    stale_display, tmux_server, db, db_url, sellerdesk_cmd, tmp_path
):
    leads.add_lead(db, "acme", display_name="Zoë")
    out, err, rc = (tmp_path / n for n in ("out.txt", "err.txt", "rc.txt"))
    command = shlex.join([*sellerdesk_cmd, "copy", TEMPLATE, "--lead", "acme", "--db", db_url])
    tmux_server.run_shell(f"DISPLAY={stale_display} {command} >{out} 2>{err}; echo $? >{rc}", rc)
    text = expected(db, "acme", TEMPLATE)
    assert rc.read_text().strip() == "0", err.read_text()
    assert tmux_server.buffer() == text
    assert f"Copied {len(text)} characters to the {TERMINAL}" in out.read_text()
    assert (
        f"the system clipboard failed: xclip failed: Error: Can't open display: {stale_display}"
        in err.read_text()
    )
    [event] = copied_events(db, "acme")
    assert event.data["path"] == TERMINAL
    assert queue.build(db, Settings()).activity.followups == 1
    assert f"Message copied · {TERMINAL}" in lead_show(sellerdesk_cmd, db_url)


def test_a_frozen_x_server_does_not_hang_the_copy(frozen_display, db, db_url, sellerdesk_cmd):
    leads.add_lead(db, "acme")
    started = time.monotonic()
    result = run_copy(sellerdesk_cmd, db_url)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert f"xclip did not finish in {clipboard.COPY_SECONDS:g} s" in result.stderr
    assert events(db, "acme", "message_shown") and copied_events(db, "acme") == []


def test_no_display_at_all_is_not_reported_as_a_failure(monkeypatch):
    """No clipboard here (SSH, a container) is not a broken one: the terminal
    path is taken without a warning."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    sent = []
    copied = clipboard.copy("hello", sent.append)
    assert (copied.way, copied.failed, sent) == (TERMINAL, None, ["hello"])
    assert clipboard.summary(copied, 5) == f"Copied 5 characters to the {TERMINAL}."


def test_summary_says_what_failed(stale_display):
    def no_terminal(_text: str) -> None:
        raise clipboard.ClipboardUnavailable("no terminal")

    copied = clipboard.copy("hello", lambda _text: None)
    assert copied.way == TERMINAL and copied.failed is not None
    assert clipboard.summary(copied, 5) == (
        f"The system clipboard failed (xclip failed: Error: Can't open display: "
        f"{stale_display}); copied 5 characters to the {TERMINAL} instead."
    )
    nowhere = clipboard.copy("hello", no_terminal)
    assert not nowhere.landed and nowhere.way == NOWHERE
    assert clipboard.summary(nowhere, 5) == (
        f"Not copied (system clipboard: xclip failed: Error: Can't open display: "
        f"{stale_display}; terminal: no terminal)."
    )
