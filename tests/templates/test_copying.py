"""Preparing and committing a copy against a real SQLite file."""

from __future__ import annotations

import pytest

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.copying import commit_copy, prepare_copy
from sellerdesk.errors import Invalid
from sellerdesk.templates.loading import load_library
from sellerdesk.templates.values import build_values


@pytest.fixture
def library():
    return load_library()


def test_values_priority_settings_lead_remembered_extra(db):
    settings = Settings()
    settings.seller.name = "Jehan"
    leads.add_lead(db, "acme", display_name="Zoë", website="acme.com")
    leads.remember_values(db, "acme", {"pages": "Home, About", "website": "acme.org"})
    lead = leads.get_lead(db, "acme")
    values = build_values(lead, settings, {"pages": "Home", "price": ""})
    assert values["client_name"] == "Zoë"
    assert values["seller_name"] == "Jehan"
    assert values["website"] == "acme.org"
    assert values["pages"] == "Home"
    assert "price" not in values and "profile_url" not in values
    assert values["referral_reward"] == "a 10% discount"


def test_client_name_falls_back_to_username(db):
    lead = leads.add_lead(db, "bgsone")
    assert build_values(lead, Settings())["client_name"] == "bgsone"


def test_commit_records_exact_text_and_updates_last_messaged(db, frozen_now, library):
    lead = leads.add_lead(db, "acme", display_name="Zoë")
    prepared = prepare_copy(db, library.get("redesign.first_reply"), lead, Settings())
    assert prepared.ready and prepared.text.startswith("Hi Zoë,")
    event = commit_copy(db, prepared, "system clipboard")
    assert event.kind == "message_copied" and event.body == prepared.text
    assert event.data == {
        "template": "redesign.first_reply",
        "path": "system clipboard",
        "chars": len(prepared.text),
        "moved": {"last_messaged_at": None},
    }
    after = leads.get_lead(db, "acme")
    assert after.last_messaged_at == frozen_now
    assert leads.lead_timeline(db, lead.id)[0].body == prepared.text


def test_unfilled_placeholders_are_never_committed(db, library):
    lead = leads.add_lead(db, "acme")
    prepared = prepare_copy(db, library.get("redesign.scope_confirmation"), lead, Settings())
    assert not prepared.ready and prepared.blocked is None
    assert set(prepared.missing) == {"pages", "design_direction", "focus"}
    with pytest.raises(Invalid, match=r"\{pages\}"):
        commit_copy(db, prepared, "system clipboard")
    assert leads.lead_timeline(db, lead.id)[0].kind == "created"
    assert leads.get_lead(db, "acme").last_messaged_at is None


def test_typed_values_are_remembered_in_the_same_unit(db, library):
    lead = leads.add_lead(db, "acme")
    typed = {
        "pages": "Home, Services",
        "design_direction": "rival.com",
        "focus": "services",
        "seller_name": "Jehan",
    }
    prepared = prepare_copy(db, library.get("redesign.scope_confirmation"), lead, Settings(), typed)
    assert prepared.ready
    assert "Pages: Home, Services" in prepared.text
    commit_copy(db, prepared, "printed", remember=typed)
    values = leads.get_lead(db, "acme").values
    # The seller's own name belongs in settings, not on the client's record.
    assert values == {k: v for k, v in typed.items() if k != "seller_name"}


def test_lint_findings_travel_with_the_copy(db, library):
    lead = leads.add_lead(db, "acme")
    leads.set_do_not_contact(db, "acme", True, "asked us to stop")
    lead = leads.get_lead(db, "acme")
    prepared = prepare_copy(db, library.get("redesign.first_reply"), lead, Settings())
    assert [f.code for f in prepared.warnings] == ["do-not-contact"]
