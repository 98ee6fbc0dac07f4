"""A small, fixed lead book for pictures and layout tests: a dozen leads in
different stages, first replies, overdue and upcoming follow-ups, a script
under way and an order, all made with the clock frozen (`frozen_now`)."""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk import leads
from sellerdesk.followups import store
from sellerdesk.orders.gate import Draft


@dataclass(frozen=True)
class Book:
    lead_id: int  # inzoneagency: referred, a note, a script under way
    order_id: int  # maria_bakes's order


LEADS = [
    ("harbor_homes", "Harbor Homes", "qualified", "harborhomes.com", "redesign"),
    ("codecamp_io", "CodeCamp", "qualified", "codecamp.io", "new_website"),
    ("learnpiano", "Learn Piano Online", "hot_lead", "learnpiano.online", "redesign"),
    ("summit_advisors", "Summit Advisors", "qualified", "summitadvisors.com", None),
    ("luxe_realty", "Luxe Realty Group", "hot_lead", "luxerealty.com", "redesign"),
    ("drsmiles", "Dr. Smiles Dental", "qualified", "drsmiles.dental", "redesign"),
    ("roofpro_tx", "RoofPro Texas", "new", "roofprotx.com", None),
    ("yogawithanna", "Anna K.", "new", "yogawithanna.net", "new_website"),
    ("greenthumb", "Greenthumb Gardens", "new", None, "past_client_changes"),
]


def fill(db) -> Book:
    for username, name, stage, website, project_type in LEADS:
        leads.add_lead(
            db,
            username,
            display_name=name,
            stage=stage,
            website=website,
            project_type=project_type,
        )
    overdue = store.add(db, "harbor_homes", "tomorrow", reason="send the pages list")
    _move_back(db, overdue.id, days=2)
    store.add(db, "codecamp_io", "today 15:00", reason="call about the content")
    store.add(db, "drsmiles", "fri", reason="check in after the holidays")
    store.add(db, "learnpiano", "tomorrow", reason="budget answer", template="redesign.budget")
    leads.add_lead(
        db,
        "maria_bakes",
        display_name="Maria Lopez",
        website="mariasbakery.co",
        stage="offer_sent",
        project_type="redesign",
        industry="ecommerce",
    )
    lead = leads.add_lead(
        db,
        "inzoneagency",
        stage="hot_lead",
        source="referral",
        labels=["Referral"],
        notes="Referred by: bgsone",
        referred_by="bgsone",
        project_type="redesign",
        industry="business",
        website="inzoneagency.com",
    )
    leads.add_note(db, "inzoneagency", "Wants the homepage and services pages refreshed first.")
    from sellerdesk.scripts import runs

    runs.start(db, "inzoneagency")
    runs.set_answers(db, "inzoneagency", {"website": "inzoneagency.com"})
    from sellerdesk.orders.store import create_order

    order = create_order(
        db,
        "maria_bakes",
        Draft(
            consent="Yes, please place the order",
            number="FO81A2B3C4D5",
            price_cents=45000,
            delivery_days=7,
            pages="Home, About, Services, Contact",
            design_direction="brightclean.com",
            scope_confirmed=True,
        ),
    )
    return Book(lead_id=lead.id, order_id=order.id)


def _move_back(db, followup_id: int, *, days: int) -> None:
    """A follow-up due `days` ago (nobody can plan one in the past)."""
    from datetime import timedelta

    from sellerdesk.db.models import FollowUpModel, LeadModel

    with db.write() as session:
        followup = session.get(FollowUpModel, followup_id)
        followup.due_at = followup.due_at - timedelta(days=days)
        store.refresh_next(session, session.get(LeadModel, followup.lead_id))
