"""`sellerdesk templates ...` and `sellerdesk copy ...` through the real entry point."""

from __future__ import annotations

import json

import pytest

from sellerdesk import leads, paths
from sellerdesk.cli.main import main
from sellerdesk.templates import loading


@pytest.fixture(autouse=True)
def fresh_cache():
    loading._cache.clear()
    yield
    loading._cache.clear()


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def user_file(name, text):
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_list_json_and_show(capsys):
    code, out, _ = run(capsys, "templates", "list", "--json")
    items = json.loads(out)
    assert code == 0 and {"redesign.pages", "referral.forward"} <= {i["id"] for i in items}
    code, out, _ = run(capsys, "templates", "show", "redesign.budget")
    assert code == 0 and out.rstrip().endswith("Do you have a budget range in mind?")
    code, _, err = run(capsys, "templates", "show", "nope.none")
    assert code == 1 and "No template 'nope.none'" in err and "Traceback" not in err


def test_path_prints_the_user_folder(capsys):
    code, out, _ = run(capsys, "templates", "path")
    assert code == 0 and out.strip() == str(paths.user_templates_dir())


def test_check_passes_on_the_shipped_set(capsys):
    code, out, _ = run(capsys, "templates", "check")
    assert code == 0 and "0 errors" in out


def test_check_fails_on_errors_and_broken_files(capsys):
    user_file("bad.txt", "id: custom.bad\n---\nPlease help me, {clent}!")
    user_file("broken.txt", "no header at all")
    code, out, err = run(capsys, "templates", "check")
    assert code == 1
    assert "custom.bad: error [forbidden-phrase]" in out
    assert "custom.bad: error [unknown-placeholder]" in out
    assert "broken.txt" in err


@pytest.mark.parametrize(("char", "name"), [("\x1b", "ESC"), ("\x00", "NUL"), ("\x07", "BEL")])
def test_check_refuses_control_characters(capsys, char, name):
    user_file("ctl.txt", f"id: custom.ctl\n---\nHello{char}[2J there")
    code, out, _ = run(capsys, "templates", "check")
    assert code == 1
    expected = f"error [control-character] The text holds control characters ({name})"
    assert f"custom.ctl: {expected}" in out


def test_check_reads_a_megabyte_of_braces(capsys):
    user_file("big.txt", "id: custom.big\n---\n" + "{a" * 500_000)
    code, out, _ = run(capsys, "templates", "check")
    assert code == 1
    assert "custom.big: error [bad-placeholder]" in out
    assert "custom.big: error [too-long] 500,000 characters" in out
    assert " checked: 2 errors" in out


def test_check_flags_a_reward_the_setting_contradicts(capsys):
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('[referral]\nkind = "amount"\nvalue = "50"\n', encoding="utf-8")
    user_file("ask.txt", "id: referral.ask\nscript: referral\n---\nI offer a 10% discount.")
    code, out, _ = run(capsys, "templates", "check")
    assert code == 1 and "referral.ask: error [reward-mismatch]" in out and "$50 off" in out


def test_copy_print_records_on_the_timeline(capsys, db, db_url, frozen_now):
    leads.add_lead(db, "acme", display_name="Zoë")
    code, out, err = run(
        capsys, "copy", "redesign.first_reply", "--lead", "acme", "--db", db_url, "--print"
    )
    assert code == 0
    text = out[:-1]
    assert text.startswith("Hi Zoë, thank you") and f"Printed {len(text)} characters" in err
    lead = leads.get_lead(db, "acme")
    event = leads.lead_timeline(db, lead.id)[0]
    assert (event.kind, event.body, event.data["path"]) == ("message_copied", text, "printed")
    assert lead.last_messaged_at == frozen_now


def test_copy_names_missing_values_and_copies_nothing(capsys, db, db_url):
    lead = leads.add_lead(db, "acme")
    code, out, err = run(
        capsys, "copy", "redesign.scope_confirmation", "--lead", "acme", "--db", db_url, "--print"
    )
    assert code == 1 and out == ""
    for name in ("pages", "design_direction", "focus"):
        assert name in err
    assert [e.kind for e in leads.lead_timeline(db, lead.id)] == ["created"]


def test_copy_set_values_are_used_and_remembered(capsys, db, db_url):
    leads.add_lead(db, "acme")
    sets = [
        "--set",
        "pages=Home, About",
        "--set",
        "design_direction=rival.com",
        "--set",
        "focus=services",
    ]
    copy = ("copy", "redesign.scope_confirmation", "--lead", "acme", "--db", db_url, "--print")
    code, out, _ = run(capsys, *copy, *sets)
    assert code == 0 and "Pages: Home, About" in out and "Focus: services" in out
    assert leads.get_lead(db, "acme").values["pages"] == "Home, About"
    # Remembered: the next copy needs no --set.
    code, out, _ = run(capsys, *copy)
    assert code == 0 and "Design direction: rival.com" in out


def test_copy_rejects_malformed_set(capsys, db, db_url):
    leads.add_lead(db, "acme")
    code, _, err = run(
        capsys, "copy", "redesign.pages", "--lead", "acme", "--db", db_url, "--set", "Bad Name=x"
    )
    assert code == 1 and "name=value" in err


def test_copy_refuses_a_template_with_malformed_placeholders(capsys, db, db_url):
    user_file("x.txt", "id: custom.x\n---\nHi {client_name.__class__}")
    lead = leads.add_lead(db, "acme")
    code, out, err = run(capsys, "copy", "custom.x", "--lead", "acme", "--db", db_url, "--print")
    assert code == 1 and out == "" and "malformed" in err
    assert [e.kind for e in leads.lead_timeline(db, lead.id)] == ["created"]
