"""Fiverr Chat SOP – Website Redesign Projects (seed 000), step by step.

Rules, asks and the closing line are the seed's words. The budget question
is held back until the scope (pages and design direction) is captured, the
mockup objection can be answered from any step, step 3 cannot be passed
without the pages, and the offer is refused until step 8 has the scope
confirmed in chat (a confirmed answer changed since clears the confirmation).
"""

from __future__ import annotations

from sellerdesk.scripts.engine import Check, Gate, Message, OfferSpec, Script, Step
from sellerdesk.scripts.fields import (
    CHOICE,
    COUNT,
    DAYS,
    INSPIRATIONS,
    LIST,
    MILESTONES,
    MONEY,
    TEXT,
    Field,
)

WEBSITE = Field("website", "Current website", TEXT, "e.g. example.com")
COMPETITORS = Field(
    "competitors", "Competitors", LIST, "e.g. acme.com, bestco.com (they like or compete with)"
)
CONTENT = Field(
    "content",
    "Minimal or content-heavy",
    CHOICE,
    choices=(("minimal", "Minimal"), ("content_heavy", "Content-heavy")),
)
FOCUS = Field(
    "focus",
    "Focus",
    CHOICE,
    "events or services",
    choices=(
        ("events", "Events"),
        ("services", "Services"),
        ("events_services", "Events and services"),
    ),
)
CONVERSION = Field(
    "conversion",
    "Booking or inquiry",
    CHOICE,
    choices=(("booking", "Booking"), ("inquiry", "Inquiry")),
)
PAGES = Field("pages", "Pages", LIST, "e.g. Home, About, Services, Contact")
DESIGN = Field(
    "design_direction",
    "Design direction",
    INSPIRATIONS,
    "e.g. *acme.com, bestco.com (* marks the one primary; others are reference only)",
)
EMBEDDING = Field(
    "homepage_embedding",
    "Homepage embedding",
    CHOICE,
    choices=(
        ("separate", "Separate pages"),
        ("embedded", "Embedded on the homepage, pages kept in the background"),
    ),
)
BUDGET = Field("budget", "Budget range", TEXT, "e.g. $300–$500, in the client's words")
DELIVERY = Field("delivery_days", "Delivery time", DAYS, "days, e.g. 7")
PRICE = Field("price", "Fixed price", MONEY, "US dollars, e.g. 450")
REVISIONS = Field("revisions", "Revisions", COUNT, "e.g. 2, or unlimited")
MILESTONES_FIELD = Field(
    "milestones",
    "Milestones",
    MILESTONES,
    "optional, offers over $100: 'title | days | price' one a line, up to 3",
)

SCOPE_CHECKS = (
    Check("confirm_design", "Design direction"),
    Check("confirm_pages", "Pages list"),
    Check("confirm_focus", "Focus (events / services)"),
)
SCOPE_TICKS = tuple(c.id for c in SCOPE_CHECKS)
PAGES_MANDATORY = Gate("Pages discovery is mandatory", fields=("pages",), can_override=False)

SCRIPT = Script(
    id="redesign",
    title="Website Redesign chat",
    project_type="redesign",
    source="seed 000, Fiverr Chat SOP – Website Redesign Projects",
    objective=(
        "Convert redesign inquiries into clear-scope paid orders without mockups, "
        "confusion, or underpricing."
    ),
    anywhere=(Message("redesign.mockup_objection"),),
    offer=OfferSpec(
        template="redesign.custom_offer",
        gate=Gate(
            "The offer cannot be composed yet",
            fields=("pages", "design_direction", "focus", "delivery_days", "price"),
            ticks=SCOPE_TICKS,
        ),
        confirmation=SCOPE_TICKS,
    ),
    steps=(
        Step(
            "first_reply",
            "First Reply (Control the Frame)",
            "Establish authority.",
            rules=("No pricing. No mockups. No promises.",),
            asks=(
                "Thank the client",
                "Say you'll review their website + competitors first",
                "Do not discuss price or mockups",
            ),
            messages=(Message("redesign.first_reply"),),
        ),
        Step(
            "site_competitors",
            "Website & Competitor Review",
            "Know the site and the competition before anything is scoped.",
            asks=(
                "Ask the client for: Current website link",
                "Ask the client for: Competitors they like or want to compete with",
            ),
            internal=("Minimal vs content-heavy", "Events vs services", "Booking vs inquiry focus"),
            messages=(Message("redesign.ask_site_competitors"),),
            fields=(WEBSITE, COMPETITORS, CONTENT, FOCUS, CONVERSION),
            leave=Gate("Review the website before the pages", fields=("website",)),
            industry_questions=True,
        ),
        Step(
            "pages",
            "Pages Discovery (Mandatory)",
            "Get the pages list in the client's own words, then shape it.",
            rules=("Client lists pages", "Sales refines structure", "Do not blindly agree"),
            asks=("“Please list the pages you want on the new website.”",),
            messages=(Message("redesign.pages"),),
            fields=(PAGES,),
            leave=PAGES_MANDATORY,
            industry_questions=True,
        ),
        Step(
            "design_direction",
            "Design Direction Lock",
            "Agree on the one design to follow.",
            rules=("Lock one primary inspiration", "Others are reference only"),
            asks=("“Which competitor do you like most in terms of design?”",),
            messages=(Message("redesign.design_direction"),),
            fields=(DESIGN,),
        ),
        Step(
            "homepage_embedding",
            "Homepage Embedding Clarification",
            "Give a client who wants it all on the homepage what they see, keep the structure.",
            trigger="If client wants everything on homepage:",
            rules=("Embedded content ≠ removed pages",),
            asks=("Visually embed content", "Keep proper structure in background"),
            messages=(Message("redesign.homepage_embedding"),),
            fields=(EMBEDDING,),
        ),
        Step(
            "budget",
            "Budget Alignment",
            "Match the budget to the scope, never the quality.",
            rules=("Stay factual", "No emotional justification", "Adjust scope, not quality"),
            asks=("Ask after scope only:", "“Do you have a budget range in mind?”"),
            messages=(Message("redesign.budget"),),
            fields=(BUDGET,),
            enter=Gate(
                "The budget question comes after scope only",
                fields=("pages", "design_direction"),
            ),
        ),
        Step(
            "mockup_objection",
            "Mockup Objection",
            "Answer a request for mockups without giving free work.",
            trigger="If client asks for mockups:",
            rules=("Never provide free mockups",),
            asks=("Explain design is done directly in WordPress", "No mockups before order"),
            messages=(Message("redesign.mockup_objection"),),
        ),
        Step(
            "scope_confirmation",
            "Scope Confirmation",
            "Before sending offer, confirm:",
            asks=("Design direction", "Pages list", "Focus (events / services)"),
            messages=(Message("redesign.scope_confirmation"),),
            checklist=SCOPE_CHECKS,
            leave=Gate("Confirm the scope before the offer", ticks=SCOPE_TICKS),
        ),
        Step(
            "custom_offer",
            "Custom Offer Sent",
            "Offer must include: Pages, Design direction, Delivery time, Fixed price.",
            asks=("Close with: “Once the order is placed, we’ll get started.”",),
            messages=(Message("redesign.custom_offer"),),
            fields=(DELIVERY, PRICE, REVISIONS, MILESTONES_FIELD),
            offer=True,
        ),
    ),
)
