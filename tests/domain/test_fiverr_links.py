"""A username pasted as the Fiverr link it comes from (the inbox conversation or
the profile) is the username, in the domain and on every command that takes one."""

from __future__ import annotations

import pytest

from sellerdesk import leads
from sellerdesk.checks import clean_username, username_from_link
from sellerdesk.cli.main import main
from sellerdesk.errors import Invalid


@pytest.mark.parametrize(
    "typed",
    [
        "https://www.fiverr.com/inbox/maria_bakes",
        "https://www.fiverr.com/inbox/maria_bakes?source=inbox_list&ref=1",
        "http://fiverr.com/inbox/maria_bakes/",
        "www.fiverr.com/maria_bakes",
        "fiverr.com/maria_bakes?source=gig_page",
        "https://FIVERR.com/maria_bakes#reviews",
        "https://www.fiverr.com/maria_bakes/redesign-your-bakery-website",
        "https://www.fiverr.com/users/maria_bakes",
        "  https://www.fiverr.com/inbox/maria_bakes  ",
        "@maria_bakes",
        "maria_bakes",
    ],
)
def test_a_fiverr_link_becomes_the_username(typed):
    assert clean_username(typed) == "maria_bakes"


@pytest.mark.parametrize(
    "typed",
    ["https://www.fiverr.com/", "fiverr.com/inbox", "https://www.fiverr.com/categories/x"],
)
def test_a_fiverr_link_without_a_person_is_refused_saying_which_link_to_paste(typed):
    with pytest.raises(Invalid, match=r"no username in it.*fiverr\.com/inbox/NAME"):
        clean_username(typed)


@pytest.mark.parametrize("typed", ["https://example.com/maria", "notfiverr.com/maria", "maria"])
def test_other_text_is_not_read_as_a_link(typed):
    assert username_from_link(typed) is None


def test_the_book_finds_a_lead_by_its_link(db):
    leads.add_lead(db, "https://www.fiverr.com/inbox/Maria_Bakes?source=inbox")
    assert leads.get_lead(db, "fiverr.com/maria_bakes").username == "Maria_Bakes"


def test_commands_take_a_link_wherever_they_take_a_username(db_path, capsys):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("lead", "add", "https://www.fiverr.com/inbox/newclient?source=inbox")
    assert code == 0 and "Added newclient" in out
    code, out, _ = run("note", "fiverr.com/newclient", "asked about a redesign")
    assert code == 0
    code, out, _ = run("followup", "add", "https://www.fiverr.com/newclient", "2w")
    assert code == 0
    link = "fiverr.com/inbox/newclient"
    code, out, _ = run("copy", "redesign.first_reply", "--lead", link, "--print")
    assert code == 0 and "thank you for reaching out" in out
    code, out, _ = run("lead", "show", "newclient", "--json")
    assert '"username": "newclient"' in out
