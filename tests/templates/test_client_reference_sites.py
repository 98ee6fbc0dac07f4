"""A site the client named as a reference (seed 000 step 4: "Which competitor do
you like most in terms of design?") goes back to them in the approved texts as
they named it, a bare domain inside the design-direction placeholder: no warning
on every copy. A link typed with its scheme, or another marketplace, is still
flagged, and the finding says how to write it safely."""

from __future__ import annotations

from sellerdesk import leads
from sellerdesk.scripts import runs


def _scoped(db, design: str, competitors: str = "crumbs.com, bestco.com") -> None:
    leads.add_lead(db, "refclient", project_type="redesign")
    runs.start(db, "refclient", "redesign")
    runs.set_answers(
        db,
        "refclient",
        {
            "website": "refclient.example",
            "competitors": competitors,
            "focus": "events",
            "pages": "Home, Contact",
            "design_direction": design,
        },
    )


def test_the_design_direction_the_client_gave_is_not_a_link_warning(db, run):
    _scoped(db, "*crumbs.com, bestco.com")
    code, out, err = run(
        "copy", "redesign.scope_confirmation", "--lead", "refclient", "--print"
    )
    assert code == 0, err
    assert "Design direction: crumbs.com\n" in out
    assert "[link]" not in err


def test_a_link_with_its_scheme_is_still_flagged_with_the_safe_wording(db, run):
    _scoped(db, "https://crumbs.com/home")
    code, _out, err = run(
        "copy", "redesign.scope_confirmation", "--lead", "refclient", "--print"
    )
    assert code == 0, err
    assert (
        "sellerdesk: warning [link] https://crumbs.com/home links outside Fiverr and the "
        'client\'s website. Say instead: "crumbs.com".\n'
    ) in err


def test_another_marketplace_as_the_direction_is_still_flagged(db, run):
    _scoped(db, "behance.net", competitors="behance.net")
    code, _out, err = run(
        "copy", "redesign.scope_confirmation", "--lead", "refclient", "--print"
    )
    assert code == 0, err
    assert "[link] behance.net links outside Fiverr" in err
    assert "[marketplace]" in err
