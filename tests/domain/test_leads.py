"""The lead book on a real SQLite file: records, stages, labels, notes, do-not-contact."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sellerdesk import clock, leads, search
from sellerdesk.db.open import open_database
from sellerdesk.errors import Conflict, Duplicate, Invalid, NotFound


def test_the_seed_002_crm_card_is_expressible_exactly(db):
    """Category Hot Lead, username inzoneagency, no website yet, label Referral,
    notes "Referred by: bgsone" — as in the referral SOP's screenshot."""
    lead = leads.add_lead(
        db,
        "inzoneagency",
        stage="Hot Lead",
        labels=["Referral"],
        notes="Referred by: bgsone",
        referred_by="bgsone",
    )
    again = leads.get_lead(db, "INZONEAGENCY")
    assert again == lead
    assert (again.username, again.stage, again.website) == ("inzoneagency", "hot_lead", None)
    assert again.labels == ("Referral",)
    assert again.notes == "Referred by: bgsone"
    assert again.last_messaged_at is None and again.next_followup_at is None


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("", "username is needed"),
        ("   ", "username is needed"),
        ("two words", "not a Fiverr username"),
        ("x" * 65, "not a Fiverr username"),
    ],
)
def test_bad_usernames_are_refused_with_a_clear_message(db, username, message):
    with pytest.raises(Invalid, match=message):
        leads.add_lead(db, username)
    assert search.count_leads(db) == 0


def test_usernames_are_unique_whatever_their_case(db):
    leads.add_lead(db, "BobSmith")
    with pytest.raises(Duplicate, match="BobSmith"):
        leads.add_lead(db, "bobsmith")
    assert search.count_leads(db) == 1
    assert leads.get_lead(db, "@bobsmith").username == "BobSmith"


def test_unknown_lead_is_named(db):
    with pytest.raises(NotFound, match="ghost"):
        leads.get_lead(db, "ghost")


def test_every_stage_move_is_logged_with_time_and_author(db, frozen_now):
    lead = leads.add_lead(db, "alice")
    leads.set_stage(db, "alice", "qualified")
    clock.freeze(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    moved = leads.set_stage(db, "alice", "offer sent")
    assert moved.stage == "offer_sent"
    assert moved.stage_since == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    events = leads.lead_timeline(db, lead.id)
    stage_events = [e for e in events if e.kind == "stage"]
    assert [e.body for e in stage_events] == ["Qualified → Offer Sent", "New → Qualified"]
    assert all(e.author == "tester" for e in events)
    assert stage_events[0].data == {"from": "qualified", "to": "offer_sent"}
    # lost from anywhere, as a decision with its reason
    with pytest.raises(Invalid, match="Say why the lead is lost"):
        leads.set_stage(db, "alice", "lost")
    assert leads.set_stage(db, "alice", "lost", reason="hired someone else").stage == "lost"
    with pytest.raises(Invalid, match="not a stage"):
        leads.set_stage(db, "alice", "maybe")


def test_notes_land_on_the_timeline_newest_first(db):
    lead = leads.add_lead(db, "alice")
    leads.add_note(db, "alice", "asked for the pages list")
    leads.add_note(db, "alice", "sent competitors")
    kinds = [(e.kind, e.body) for e in leads.lead_timeline(db, lead.id)]
    assert kinds[:2] == [("note", "sent competitors"), ("note", "asked for the pages list")]
    with pytest.raises(Invalid, match="empty"):
        leads.add_note(db, "alice", "   ")


def test_labels_are_added_once_and_removed(db):
    leads.add_lead(db, "alice", labels=["Hot Lead"])
    lead = leads.add_labels(db, "alice", ["referral", "Referral", "Past Client"])
    assert lead.labels == ("Hot Lead", "referral", "Past Client")
    lead = leads.remove_labels(db, "alice", ["HOT LEAD"])
    assert lead.labels == ("referral", "Past Client")
    assert search.count_leads(db, label="Referral") == 1
    assert search.all_labels(db) == ["Past Client", "referral"]


def test_do_not_contact_needs_a_reason_and_can_be_cleared(db):
    lead = leads.add_lead(db, "alice")
    with pytest.raises(Invalid, match="why"):
        leads.set_do_not_contact(db, "alice", True, "")
    marked = leads.set_do_not_contact(db, "alice", True, "asked not to be messaged again")
    assert marked.do_not_contact and marked.dnc_reason == "asked not to be messaged again"
    # An open conversation with someone not to be contacted is lost, for that reason.
    assert marked.stage == "lost"
    cleared = leads.set_do_not_contact(db, "alice", False)
    assert not cleared.do_not_contact and cleared.dnc_reason is None
    assert cleared.stage == "lost"
    events = leads.lead_timeline(db, lead.id)
    assert [e.kind for e in events[:3]] == ["dnc_off", "stage", "dnc_on"]
    assert events[1].body == "New → Lost (do not contact: asked not to be messaged again)"


def test_edits_are_logged_and_validated(db):
    lead = leads.add_lead(db, "alice")
    with pytest.raises(Invalid, match="website"):
        leads.update_lead(db, "alice", website="not a site")
    edited = leads.update_lead(
        db, "alice", website="alice.com", industry="e-commerce", project_type="redesign"
    )
    assert (edited.website, edited.industry, edited.project_type) == (
        "alice.com",
        "ecommerce",
        "redesign",
    )
    assert leads.lead_timeline(db, lead.id)[0].kind == "edited"


def test_two_people_editing_the_same_lead_never_silently_overwrite(db, db_url):
    mine = leads.add_lead(db, "alice")
    theirs_db = open_database(db_url, author="colleague")
    leads.update_lead(theirs_db, "alice", expected_version=mine.version, website="theirs.com")
    with pytest.raises(Conflict, match=r"changed by colleague at .* since you") as refused:
        leads.update_lead(db, "alice", seen=mine, website="mine.com")
    assert "(website: — → theirs.com)" in str(refused.value)
    assert leads.get_lead(db, "alice").website == "theirs.com"
    # A stage move made on what was read goes through: nothing it sets was changed.
    assert leads.set_stage(db, "alice", "qualified", seen=mine).stage == "qualified"
    # Given only the version read, any change in between refuses the write.
    with pytest.raises(Conflict, match="changed by tester"):
        leads.set_do_not_contact(db, "alice", True, "spam", expected_version=mine.version)
    assert not leads.get_lead(db, "alice").do_not_contact
    theirs_db.close()


def test_search_finds_substrings_of_username_name_and_website(db):
    leads.add_lead(db, "robertsmith", display_name="Robert Smith", website="roberts-roofing.com")
    leads.add_lead(db, "cleanco", display_name="Maria Lopez", website="sparkle-clean.co.uk")
    leads.add_lead(db, "zed", website="zed.io")

    def found(query: str) -> list[str]:
        return sorted(row.username for row in search.list_leads(db, query))

    assert found("roofing") == ["robertsmith"]
    assert found("LOPEZ") == ["cleanco"]
    assert found("mith") == ["robertsmith"]
    assert found("co") == ["cleanco", "robertsmith"]  # two characters: the pair index
    assert found("d.") == ["zed"]
    assert found('"quoted"') == []
    assert found("100%") == []
    assert search.count_leads(db, "clean") == 1


def test_one_and_two_character_searches_follow_every_edit(db, engine):
    """The index of character pairs (SQLite) is kept in step by the database itself;
    a server answers the same searches."""
    from sqlalchemy import delete

    from sellerdesk.db.tables import leads as leads_table

    leads.add_lead(db, "Quinn_Bakes", display_name="Zoë's Cakes", website="qb.example")
    leads.add_lead(db, "other", website="plain.com")

    def found(term: str) -> list[str]:
        return [row.username for row in search.list_leads(db, term)]

    assert found("q") == ["Quinn_Bakes"]  # case folded, like the longer searches
    assert found("ZO") == ["Quinn_Bakes"]
    assert found("ë") == ["Quinn_Bakes"]  # letters beyond ASCII too
    assert found("_b") == ["Quinn_Bakes"]  # a literal underscore, not a wildcard
    leads.update_lead(db, "Quinn_Bakes", display_name="Plain Bakery", website=None)
    assert found("zo") == [] and found("qb") == []
    assert found("ry") == ["Quinn_Bakes"]
    with db.write() as session:
        session.execute(delete(leads_table).where(leads_table.c.username == "other"))
    assert found("pl") == ["Quinn_Bakes"]
    if engine != "sqlite":
        return
    with db.connect() as conn:
        from sqlalchemy import text

        left = conn.execute(text("SELECT count(*) FROM lead_grams WHERE lead_id = 2")).scalar()
    assert left == 0


def test_the_list_pages_most_recent_first(db):
    for i in range(25):
        leads.add_lead(db, f"user{i:02d}")
    first = search.list_leads(db, limit=10)
    second = search.list_leads(db, limit=10, offset=10)
    assert [r.username for r in first][:2] == ["user24", "user23"]
    assert not {r.id for r in first} & {r.id for r in second}
    assert search.count_leads(db) == 25
