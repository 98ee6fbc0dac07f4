"""`sellerdesk referral ...`, `sellerdesk referrals [--json]`, and the copy and
check commands on referral texts, as a person types them."""

from __future__ import annotations

import json

import pytest
from tests.conftest import accept_project
from tests.referrals.conftest import complete, place

from sellerdesk import leads
from sellerdesk.cli.main import main
from sellerdesk.config import Settings, save_settings
from sellerdesk.orders import feedback


@pytest.fixture
def run(db_url, capsys):
    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _book(db, draft) -> None:
    """hub brought three (one pending, one earned, one redeemed); solo brought one, earned."""
    for new, by in [("a1", "hub"), ("a2", "hub"), ("a3", "hub"), ("b1", "solo")]:
        leads.add_lead(db, new)
        assert (
            main(["--db", db.url.removeprefix("sqlite:///"), "referral", "record", new, "--by", by])
            == 0
        )
    place(db, "a1", draft, "FO1")
    place(db, "a2", draft, "FO2")
    place(db, "b1", draft, "FO3")


def test_record_prints_what_changed(run, db, frozen_now):
    code, out, err = run("referral", "record", "inzoneagency", "--by", "bgsone")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Recorded: inzoneagency was referred by bgsone.",
        "  inzoneagency added as a new lead (source Referral).",
        "  bgsone added as a past client.",
        '  inzoneagency: label Referral, note "Referred by: bgsone".',
        "  bgsone earns a 10% discount on the next Fiverr order when inzoneagency places an order.",
    ]
    code, out, err = run("referral", "record", "inzoneagency", "--by", "someone")
    assert code == 1 and out == ""
    assert err == (
        "sellerdesk: inzoneagency is already recorded as referred by bgsone; "
        "a lead can be referred only once.\n"
    )
    code, _, err = run("referral", "record", "me", "--by", "ME")
    assert code == 1 and err == "sellerdesk: me cannot refer themselves.\n"


def test_redeem_uses_the_oldest_earned_and_refuses_when_none(run, db, frozen_now, draft):
    code, _, err = run("referral", "redeem", "nobody")
    assert code == 1 and err == "sellerdesk: No lead with username 'nobody'.\n"
    run("referral", "record", "a1", "--by", "hub")
    code, out, err = run("referral", "redeem", "hub")
    assert code == 1 and out == ""
    assert "hub has no earned reward to redeem (1 referral pending" in err
    assert "Traceback" not in err
    place(db, "a1", draft, "FO1")
    code, out, _ = run("referral", "redeem", "hub", "--note", "applied to FO9")
    assert code == 0
    assert out == (
        "Redeemed hub's reward for referring a1: a 10% discount on the next Fiverr order.\n"
    )
    assert run("referral", "redeem", "hub")[0] == 1


def test_report_plain_totals(run, db, frozen_now, draft):
    _book(db, draft)
    assert run("referral", "redeem", "hub")[0] == 0
    code, out, err = run("referrals")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Referrer  Brought  Pending  Owed  Redeemed",
        "hub             3        1     1         1",
        "            a1 (redeemed)",
        "            a2 (earned)",
        "            a3 (pending)",
        "solo            1        0     1         0",
        "            b1 (earned)",
        "Total           4        1     2         1",
        "",
        "Rewards owed:",
        "  hub: a 10% discount on the next Fiverr order",
        "  solo: a 10% discount on the next Fiverr order",
    ]


def test_report_json(run, db, frozen_now, draft):
    code, out, _ = run("referrals", "--json")
    assert code == 0
    assert json.loads(out) == {
        "referrers": [],
        "totals": {"referrers": 0, "referred": 0, "pending": 0, "owed": 0, "redeemed": 0},
        "untracked": [],
    }
    _book(db, draft)
    run("referral", "redeem", "solo")
    data = json.loads(run("referrals", "--json")[1])
    assert data["totals"] == {"referrers": 2, "referred": 4, "pending": 1, "owed": 2, "redeemed": 1}
    hub = data["referrers"][0]
    assert hub["referrer"] == "hub" and (hub["pending"], hub["owed"], hub["redeemed"]) == (1, 2, 0)
    assert [(b["username"], b["status"]) for b in hub["brought"]] == [
        ("a1", "earned"),
        ("a2", "earned"),
        ("a3", "pending"),
    ]
    assert data["referrers"][1]["redeemed"] == 1


def test_empty_report_says_how_to_start(run, db):
    code, out, _ = run("referrals")
    assert code == 0 and out.startswith("No referrals recorded yet.")


def test_gate_command_names_the_failing_condition(run, db, frozen_now, draft):
    leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    complete(db, "FO1")
    code, out, _ = run("referral", "gate", "maya")
    assert code == 1
    assert "  NO   Client satisfied (positive feedback or review) — No positive feedback" in out
    assert "  yes  Project delivered and accepted" in out
    assert out.endswith("Do not ask maya for a referral yet.\n")
    feedback.record_feedback(db, "FO1", "positive")
    code, out, _ = run("referral", "gate", "maya")
    assert code == 0 and out.endswith("maya may be asked for a referral now.\n")


def test_copy_refuses_the_ask_until_the_gate_holds(run, db, frozen_now, draft):
    lead = leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    code, out, err = run("copy", "referral.ask", "--lead", "maya", "--print")
    assert code == 1 and out == ""
    assert err.startswith(
        "sellerdesk: referral.ask goes to maya only once the referral gate holds: "
    )
    assert "must be Completed" in err
    assert [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"] == []
    complete(db, "FO1")
    feedback.record_feedback(db, "FO1", "positive", "Great work")
    code, out, err = run("copy", "referral.ask", "--lead", "maya", "--print")
    assert code == 0
    assert "I offer a 10% discount on your next project for every successful referral." in out
    copied = [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]
    assert copied[0].body + "\n" == out


def test_forward_text_stops_for_a_missing_website(run, db, frozen_now):
    settings = Settings()
    settings.seller.name = "Jehan"
    settings.seller.profile_url = "https://www.fiverr.com/jehanzaib_007/"
    settings.seller.level = "Top Rated Seller"
    settings.seller.years_experience = "6+"
    settings.seller.projects_completed = "2500+"
    save_settings(settings)
    lead = leads.add_lead(db, "maya")
    accept_project(db, "maya")
    code, out, err = run("copy", "referral.forward", "--lead", "maya", "--print")
    assert code == 1 and out == ""
    assert "needs values for website (Client website)" in err
    assert not [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]
    code, out, _ = run(
        "copy", "referral.forward", "--lead", "maya", "--print", "--set", "website=mayasbakery.com"
    )
    assert code == 0
    assert out.startswith("Hi, I recently worked with Jehan from Fiverr on my website")
    assert "☺☺mayasbakery.com\n" in out
    assert "Jehan is a Top Rated Seller on Fiverr, has 6+ years of experience" in out
    assert out.rstrip().endswith("☺☺https://www.fiverr.com/jehanzaib_007/")


def test_templates_check_flags_a_reward_that_disagrees_and_forbidden_language(run, db):
    from sellerdesk import paths
    from sellerdesk.templates.loading import reload

    settings = Settings()
    settings.referral.kind = "amount"
    settings.referral.value = "50"
    save_settings(settings)
    code, out, _ = run("templates", "check")
    assert code == 0, out  # the shipped texts render the setting
    mine = paths.user_templates_dir() / "referral"
    mine.mkdir(parents=True)
    (mine / "03-mine.txt").write_text(
        "id: referral.mine\ntitle: Mine\nscript: referral\nstep: 3\n---\n"
        "It would mean a lot! I give a 10% discount for every referral.\n",
        encoding="utf-8",
    )
    reload()
    code, out, _ = run("templates", "check")
    assert code == 1
    assert 'referral.mine: error [reward-mismatch] states "10% discount"' in out
    assert "referral.mine: error [forbidden-phrase]" in out
    (mine / "04-cash.txt").write_text(
        "id: referral.cash\ntitle: Cash\nscript: referral\nstep: 4\n---\n"
        "Thanks! I pay {referral_reward} in cash for every referral.\n",
        encoding="utf-8",
    )
    reload()
    code, out, _ = run("templates", "check")
    assert 'referral.cash: error [cash-reward] promises a cash reward ("cash")' in out
    settings.referral.kind = "addon"
    settings.referral.value = "$50 cash"
    save_settings(settings)
    code, out, _ = run("templates", "check")
    assert "settings: error [reward-setting]" in out and "cash reward" in out


def test_a_referred_by_typed_without_a_referral_is_listed_as_not_tracked(run, db, frozen_now):
    leads.add_lead(db, "maya", referred_by="oldfriend")
    code, out, _ = run("referrals")
    assert code == 0
    assert out.splitlines()[-2:] == [
        "Referred by on the record but not tracked (no reward until recorded):",
        "  maya (by oldfriend): sellerdesk referral record maya --by oldfriend",
    ]
    assert json.loads(run("referrals", "--json")[1])["untracked"] == [
        {"username": "maya", "referred_by": "oldfriend"}
    ]
    assert run("referral", "record", "maya", "--by", "oldfriend")[0] == 0
    data = json.loads(run("referrals", "--json")[1])
    assert data["untracked"] == [] and data["totals"]["pending"] == 1
