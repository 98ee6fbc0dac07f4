"""The order commands as a person types them; no order exists without the yes and the checks."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def run(run, engine, frozen_now):
    """The shared `run`, with the lead these orders are for (on each engine: the
    shared one's parameter is not seen through an override, so it is asked for here)."""
    run("lead", "add", "brightsmile", "--name", "Maya", "--stage", "offer sent")
    return run


CREATE = (
    "order", "create", "brightsmile", "--consent", "Yes, please place the order",
    "--price", "$450", "--due", "7d", "--pages", "Home,", "About,", "Services",
    "--confirm-scope",
)  # fmt: skip


def test_create_an_order_then_list_and_show_it(run):
    code, out, err = run(*CREATE, "--number", "#FO81A2B3C4D5")
    assert (code, err) == (0, "")
    assert "Created order FO81A2B3C4D5 for brightsmile; the lead is now Order under review." in out
    assert "sellerdesk copy order.next_steps --lead brightsmile" in out

    code, out, _ = run("order", "list", "--json")
    (row,) = json.loads(out)
    assert (row["number"], row["status"], row["price"]) == ("FO81A2B3C4D5", "under_review", "$450")
    assert row["delivery_due_at"].startswith("2026-11-30")

    code, out, _ = run("order", "show", "fo81a2b3c4d5", "--json")
    data = json.loads(out)
    assert data["consent_text"] == "Yes, please place the order"
    assert data["pages"] == "Home, About, Services" and data["created_by"] == "tester"
    lead = json.loads(run("lead", "show", "brightsmile", "--json")[1])
    assert lead["stage"] == "ordered"


@pytest.mark.parametrize(
    ("drop", "reason"),
    [
        ("--consent", "No consent recorded"),
        ("--price", "No agreed price"),
        ("--due", "No delivery time"),
        ("--pages", "No pages listed"),
        ("--confirm-scope", "Scope is not confirmed"),
    ],
)
def test_every_missing_check_is_refused_and_nothing_is_saved(run, drop, reason):
    argv = list(CREATE)
    at = argv.index(drop)
    end = at + 1
    while end < len(argv) and not argv[end].startswith("--"):
        end += 1
    del argv[at:end]
    code, out, err = run(*argv)
    assert code == 1 and out == ""
    assert err.startswith("sellerdesk: No order was created.") and reason in err
    assert err.count("\n") == 1  # one line, no traceback
    assert json.loads(run("order", "list", "--json")[1]) == []


def test_a_hesitant_client_is_refused_with_the_words_quoted(run):
    argv = list(CREATE)
    argv[argv.index("--consent") + 1] = "Maybe, I'll think about it"
    code, _, err = run(*argv)
    assert code == 1 and 'not sure yet ("maybe")' in err


def test_check_shows_the_summary_and_saves_nothing(run):
    code, out, err = run("order", "create", "brightsmile", "--consent", "ok", "--check")
    assert code == 1
    assert "Client            brightsmile" in out and "[ ] Pages listed" in out
    assert "too short" in err and "No agreed price" in err
    assert json.loads(run("order", "list", "--json")[1]) == []


def test_status_requirements_feedback_checklist_and_dispute(run):
    run(*CREATE, "--number", "FO1", "--requirements", "partial")
    code, out, _ = run("order", "requirements", "FO1", "partial", "--missing", "logo")
    assert code == 0 and "sellerdesk copy order.requirements_partial" in out
    assert run("order", "status", "FO1", "in", "progress")[0] == 0
    code, _, err = run("order", "status", "FO1", "completed")
    assert code == 1 and "cannot become Completed" in err
    assert run("order", "status", "FO1", "delivered")[0] == 0
    assert run("order", "status", "FO1", "completed")[0] == 0
    code, out, _ = run("order", "feedback", "FO1", "positive", "Looks", "great")
    assert code == 0 and "positive feedback recorded" in out

    code, out, _ = run("order", "check", "FO1", "--checklist", "new")
    assert "3. [ ] Domain registration" in out
    code, out, _ = run("order", "check", "FO1", "4")
    assert "Ticked: Domain pointing." in out and "4. [x] Domain pointing  (tester," in out

    code, out, _ = run("order", "dispute", "FO1", "--objection", "I didn't agree to this price")
    assert 'Client\'s yes    "Yes, please place the order"' in out
    assert "Agreed price    $450" in out and "4. Do not argue" in out
    assert "Price objection: I didn't agree to this price" in out

    code, _, err = run("order", "cancel", "FO1", "--reason", "refund")
    assert code == 1 and "cannot become Cancelled" in err
    data = json.loads(run("order", "show", "FO1", "--json")[1])
    assert data["status"] == "completed" and data["satisfaction"] == "positive"
    assert [c["done"] for c in data["checks"]] == [False, False, False, True, False, False]


def test_unknown_order_is_one_line(run):
    code, _, err = run("order", "status", "FO404", "delivered")
    assert (code, err) == (1, "sellerdesk: No order numbered 'FO404'.\n")
