"""`sellerdesk copy` under Wayland, for real: a headless sway, wl-copy and
wl-paste, all run as a user of the test's own; then the compositor is gone
and the copy must say it failed."""

from __future__ import annotations

import json

from sellerdesk.clipboard import NOWHERE, SYSTEM

DB = "sqlite:///desk.sqlite3"  # in the user's home, where its programs run


def timeline(sway) -> list[dict]:
    shown = sway.run("sellerdesk", "lead", "show", "acme", "--json", "--db", DB)
    assert shown.returncode == 0, shown.stderr
    return [e for e in json.loads(shown.stdout)["timeline"] if e["kind"].startswith("message_")]


def add_lead(sway) -> None:
    added = sway.run("sellerdesk", "lead", "add", "acme", "--name", "Zoë Ñandú 李", "--db", DB)
    assert added.returncode == 0, added.stderr


def copy(sway):
    return sway.run("sellerdesk", "copy", "redesign.first_reply", "--lead", "acme", "--db", DB)


def test_copy_lands_in_the_wayland_clipboard(sway):
    add_lead(sway)
    copied = copy(sway)
    assert copied.returncode == 0, copied.stderr
    assert f"to the {SYSTEM}" in copied.stdout
    pasted = sway.run("wl-paste", "--no-newline")
    assert pasted.returncode == 0, pasted.stderr
    [event] = timeline(sway)
    assert event["kind"] == "message_copied" and event["data"]["path"] == SYSTEM
    assert pasted.stdout == event["body"] and "Hi Zoë Ñandú 李" in pasted.stdout


def test_a_gone_compositor_is_reported_not_copied(sway):
    add_lead(sway)
    assert copy(sway).returncode == 0
    sway.stop()  # WAYLAND_DISPLAY now names a compositor that is gone
    failed = copy(sway)
    assert failed.returncode == 1
    assert "wl-copy failed: Failed to connect to a Wayland server" in failed.stderr
    assert "not copied" in failed.stderr and "Copied" not in failed.stdout
    shown, copied = timeline(sway)  # newest first
    assert (shown["kind"], shown["data"]["path"]) == ("message_shown", NOWHERE)
    assert failed.stdout == shown["body"] + "\n" == copied["body"] + "\n"
