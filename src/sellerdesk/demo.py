"""Sample leads for `sellerdesk --demo`: a month of a website seller's inbox.

`fill_demo(db)` builds everything through the lead domain functions (so the
timeline reads as it would in real use), then spreads the entries over the
past weeks. Features that add their own sample data extend `fill_demo`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from sellerdesk import clock, leads
from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, LeadModel

# The way a lead usually travels; a demo lead walks it up to its stage.
PATH = (
    "new",
    "qualified",
    "hot_lead",
    "offer_sent",
    "ordered",
    "in_progress",
    "delivered",
    "completed",
)


@dataclass(frozen=True)
class Sample:
    username: str
    stage: str
    days_ago: int
    name: str | None = None
    website: str | None = None
    source: str = "fiverr_inbox"
    project_type: str | None = None
    industry: str | None = None
    labels: tuple[str, ...] = ()
    notes: str | None = None
    referred_by: str | None = None
    timeline: tuple[str, ...] = ()
    do_not_contact: str | None = None
    owner: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "inzoneagency",
        "hot_lead",
        6,
        website=None,
        source="referral",
        project_type="redesign",
        industry="business",
        labels=("Referral",),
        notes="Referred by: bgsone",
        referred_by="bgsone",
        timeline=(
            "Confirmed in chat that bgsone sent them.",
            "Wants the homepage and services pages refreshed first.",
        ),
    ),
    Sample(
        "bgsone",
        "completed",
        40,
        name="BGS One Consulting",
        website="bgsone.com",
        project_type="redesign",
        industry="business",
        labels=("Past Client",),
        timeline=(
            "Delivered 6 pages, client accepted the delivery.",
            "Left a 5-star review; referral message sent.",
        ),
    ),
    Sample(
        "maria_bakes",
        "offer_sent",
        4,
        name="Maria Lopez",
        website="mariasbakery.co",
        project_type="redesign",
        industry="ecommerce",
        labels=("Hot Lead",),
        timeline=(
            "Shop has 40 products; wants a cleaner product page.",
            "Inspiration locked: the second site she sent.",
        ),
    ),
    Sample(
        "roofpro_tx",
        "qualified",
        3,
        name="RoofPro Texas",
        website="roofprotx.com",
        project_type="redesign",
        industry="business",
        timeline=("Competitors: two local roofers, both with quote forms.",),
    ),
    Sample(
        "yogawithanna",
        "new",
        1,
        name="Anna K.",
        website="yogawithanna.net",
        project_type="new_website",
        industry="courses",
        timeline=("Asked whether course videos can sit behind a login.",),
    ),
    Sample(
        "keystone_homes",
        "ordered",
        9,
        name="Keystone Homes",
        website="keystonehomes.ca",
        project_type="redesign",
        industry="real_estate",
        labels=("Hot Lead",),
        timeline=(
            "Listings page must pull from their MLS feed.",
            'Client wrote: "Yes, please place the order."',
        ),
    ),
    Sample(
        "fitclub_members",
        "in_progress",
        14,
        name="FitClub",
        website="fitclubmembers.com",
        project_type="new_website",
        industry="membership",
        timeline=("Requirements fully submitted.", "Homepage draft shared for review."),
    ),
    Sample(
        "danny_cleans",
        "delivered",
        18,
        name="Danny's Cleaning",
        website="dannyscleaning.com",
        project_type="redesign",
        industry="business",
        timeline=("Delivered; waiting for the client to accept.",),
    ),
    Sample(
        "oldtown_books",
        "lost",
        21,
        name="Oldtown Books",
        website="oldtownbooks.org",
        project_type="redesign",
        industry="ecommerce",
        timeline=("Budget was well below the scope; parted on good terms.",),
    ),
    Sample(
        "spamlord99",
        "lost",
        12,
        source="fiverr_inbox",
        timeline=("Asked to move payment outside Fiverr.",),
        do_not_contact="Asked to pay outside Fiverr; reported.",
    ),
    Sample(
        "luxe_realty",
        "hot_lead",
        2,
        name="Luxe Realty Group",
        website="luxerealty.com",
        project_type="redesign",
        industry="real_estate",
        labels=("Hot Lead",),
        timeline=("Wants property search on the homepage.",),
    ),
    Sample(
        "thecoffeecorner",
        "new",
        0,
        name="The Coffee Corner",
        website="thecoffeecorner.shop",
        project_type="new_client_changes",
        industry="ecommerce",
    ),
    Sample(
        "drsmiles_dental",
        "qualified",
        5,
        name="Dr. Smiles Dental",
        website="drsmiles.dental",
        project_type="redesign",
        industry="business",
        timeline=("Booking vs inquiry: they want online booking.",),
    ),
    Sample(
        "codecamp_io",
        "offer_sent",
        7,
        name="CodeCamp",
        website="codecamp.io",
        project_type="redesign",
        industry="courses",
        timeline=("Pages: home, courses, pricing, about, contact.",),
    ),
    Sample(
        "greenthumb_co",
        "completed",
        55,
        name="Greenthumb Landscaping",
        website="greenthumb.co",
        project_type="redesign",
        industry="business",
        labels=("Past Client",),
    ),
    Sample(
        "greenthumb_co2",
        "new",
        1,
        name="Greenthumb (second site)",
        website="greenthumbgardens.co",
        source="referral",
        project_type="past_client_changes",
        industry="business",
        labels=("Referral", "Past Client"),
        referred_by="greenthumb_co",
        notes="Referred by: greenthumb_co",
    ),
    Sample(
        "petpalace",
        "hot_lead",
        3,
        name="Pet Palace",
        website="petpalace.store",
        project_type="redesign",
        industry="ecommerce",
        labels=("Hot Lead",),
    ),
    Sample(
        "summit_advisors",
        "ordered",
        11,
        name="Summit Advisors",
        website="summitadvisors.com",
        source="fiverr_order",
        project_type="redesign",
        industry="business",
        timeline=("Direct order; requirements partially incomplete (logo missing).",),
    ),
    Sample(
        "bella_boutique",
        "new",
        0,
        name="Bella Boutique",
        website="bellaboutique.fashion",
        project_type="redesign",
        industry="ecommerce",
    ),
    Sample(
        "prime_propertys",
        "qualified",
        8,
        name="Prime Properties",
        website="primeprops.net",
        project_type="new_website",
        industry="real_estate",
    ),
    Sample(
        "mindful_academy",
        "in_progress",
        16,
        name="Mindful Academy",
        website="mindfulacademy.org",
        source="off_platform",
        project_type="new_website",
        industry="courses",
        owner="sam",
    ),
    Sample(
        "quickfix_plumbing",
        "lost",
        30,
        name="QuickFix Plumbing",
        website="quickfixplumb.com",
        project_type="redesign",
        industry="business",
        timeline=("Went quiet after the offer; three follow-ups sent.",),
    ),
    Sample(
        "artbyjules",
        "completed",
        45,
        name="Jules Moreau",
        website="artbyjules.art",
        project_type="new_website",
        industry="ecommerce",
        labels=("Past Client",),
        timeline=("Accepted; asked for referral the same day.",),
    ),
    Sample(
        "vip_members_club",
        "offer_sent",
        5,
        name="VIP Members Club",
        website="vipclub.members",
        project_type="redesign",
        industry="membership",
        labels=("Hot Lead",),
    ),
    Sample(
        "nomad_travel",
        "new",
        2,
        name="Nomad Travel",
        website="nomadtravel.blog",
        project_type="redesign",
        industry="other",
    ),
    Sample(
        "cheapwebs_now",
        "new",
        10,
        timeline=("Wanted free mockups before ordering.",),
        do_not_contact="Asked not to be messaged again.",
    ),
    Sample(
        "elite_roofing",
        "hot_lead",
        4,
        name="Elite Roofing",
        website="eliteroofing.us",
        source="referral",
        project_type="redesign",
        industry="business",
        labels=("Referral", "Hot Lead"),
        referred_by="danny_cleans",
        notes="Referred by: danny_cleans",
    ),
    Sample(
        "sunrise_cafe",
        "delivered",
        13,
        name="Sunrise Cafe",
        website="sunrisecafe.menu",
        project_type="past_client_changes",
        industry="business",
        labels=("Past Client",),
    ),
    Sample(
        "learnpiano_online",
        "qualified",
        6,
        name="Learn Piano Online",
        website="learnpiano.online",
        project_type="new_website",
        industry="courses",
    ),
    Sample(
        "harbor_homes",
        "offer_sent",
        9,
        name="Harbor Homes",
        website="harborhomes.realestate",
        project_type="redesign",
        industry="real_estate",
        owner="sam",
    ),
)


def fill_demo(db: Database) -> int:
    """Fill an empty database with the sample leads; returns how many were added."""
    for sample in SAMPLES:
        _add(db, sample)
    _spread_over_time(db)
    from sellerdesk.followups.demo import add_demo_followups

    add_demo_followups(db)
    return len(SAMPLES)


def _add(db: Database, sample: Sample) -> None:
    leads.add_lead(
        db,
        sample.username,
        display_name=sample.name,
        website=sample.website,
        source=sample.source,
        labels=sample.labels,
        referred_by=sample.referred_by,
        project_type=sample.project_type,
        industry=sample.industry,
        owner=sample.owner,
        notes=sample.notes,
    )
    notes = list(sample.timeline)
    if sample.stage == "lost":
        leads.set_stage(db, sample.username, "qualified")
        _note(db, sample, notes)
        leads.set_stage(db, sample.username, "lost", reason=sample.timeline[0])
    else:
        for stage in PATH[1 : PATH.index(sample.stage) + 1]:
            leads.set_stage(db, sample.username, stage)
            _note(db, sample, notes)
    while notes:
        _note(db, sample, notes)
    if sample.do_not_contact:
        leads.set_do_not_contact(db, sample.username, True, sample.do_not_contact)


def _note(db: Database, sample: Sample, notes: list[str]) -> None:
    if notes:
        leads.add_note(db, sample.username, notes.pop(0))


def _spread_over_time(db: Database) -> None:
    """Move each lead's entries back over its `days_ago`, oldest first, as real use would."""
    now = clock.now()
    by_name = {sample.username.lower(): sample for sample in SAMPLES}
    with db.write() as session:
        for lead in session.scalars(select(LeadModel)):
            sample = by_name.get(lead.username_key)
            if sample is None:
                continue
            events = list(
                session.scalars(
                    select(EventModel).where(EventModel.lead_id == lead.id).order_by(EventModel.id)
                )
            )
            start = now - timedelta(days=sample.days_ago, hours=3 + lead.id % 5)
            span = (now - timedelta(minutes=20 + lead.id)) - start
            step = span / max(len(events), 1)
            for index, event in enumerate(events):
                event.at = start + step * index + timedelta(minutes=7 * (lead.id % 4))
            last = events[-1].at if events else start
            stage_moves = [e.at for e in events if e.kind == "stage"]
            lead.created_at = events[0].at if events else start
            lead.updated_at = last
            lead.stage_since = stage_moves[-1] if stage_moves else lead.created_at
            if lead.stage != "new" and not lead.do_not_contact:
                lead.last_messaged_at = last
