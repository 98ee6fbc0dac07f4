"""An order drafted for a lead starts from its redesign script answers."""

from __future__ import annotations

from sellerdesk.cli.main import main
from sellerdesk.orders.prefill import draft_from_answers, prefill
from sellerdesk.scripts import runs


def _run_script(db, username: str, *, confirm: bool) -> None:
    runs.start(db, username, "redesign")
    runs.set_answers(
        db,
        username,
        {
            "pages": "Home, About, Services",
            "design_direction": "*acme.com, bestco.com",
            "delivery_days": "7",
            "price": "450",
        },
        script="redesign",
    )
    if confirm:
        for item in ("confirm_design", "confirm_pages", "confirm_focus"):
            runs.tick(db, username, item, script="redesign")


def test_the_draft_comes_from_the_script_answers_and_step_8(db, lead):
    _run_script(db, "brightsmile", confirm=True)
    draft = prefill(db, lead.id)
    assert draft.pages == "Home, About, Services"
    assert draft.design_direction == "acme.com"
    assert (draft.delivery_days, draft.price_cents, draft.scope_confirmed) == (7, 45000, True)
    assert {draft.source(k) for k in ("pages", "price", "delivery", "scope")} == {"script"}


def test_scope_is_confirmed_only_with_all_three_ticks():
    assert not draft_from_answers({}, ["confirm_design", "confirm_pages"]).scope_confirmed
    assert draft_from_answers({}, []).source("scope") == "hand"


def test_a_lead_without_a_script_run_starts_empty(db, lead):
    assert prefill(db, lead.id).pages == ""


def test_the_cli_needs_only_the_yes_and_the_due_date_after_the_script(db, lead, db_url, capsys):
    _run_script(db, "brightsmile", confirm=False)
    argv = ["--db", db_url, "order", "create", "brightsmile"]
    argv += ["--consent", "Yes, please place the order"]
    assert main(argv) == 1
    assert "Scope is not confirmed" in capsys.readouterr().err
    assert main([*argv, "--confirm-scope"]) == 0
    out = capsys.readouterr().out
    assert "Pages             Home, About, Services" in out
    assert "Price             $450" in out and "7 days, due Mon 2026-11-30" in out
