"""New Website From Scratch (seed 000 has the heading only).

A starting point shaped like the redesign chat: business first, then pages,
one design direction, content, budget after scope, scope confirmation and
the custom offer. Every text here is meant to be edited to the seller's voice.
"""

from __future__ import annotations

from sellerdesk.scripts.engine import Check, Gate, Message, OfferSpec, Script, Step
from sellerdesk.scripts.fields import CHOICE, TEXT, Field
from sellerdesk.scripts.redesign import (
    BUDGET,
    DELIVERY,
    DESIGN,
    MILESTONES_FIELD,
    PAGES,
    PAGES_MANDATORY,
    PRICE,
    REVISIONS,
)

BUSINESS = Field("business", "What the business does", TEXT, "in the client's words")
GOAL = Field(
    "goal",
    "Main goal",
    CHOICE,
    "what visitors should do",
    choices=(
        ("booking", "Bookings"),
        ("inquiry", "Inquiries"),
        ("sales", "Online sales"),
        ("information", "Information"),
    ),
)

SCOPE_CHECKS = (
    Check("confirm_design", "Design direction"),
    Check("confirm_pages", "Pages list"),
    Check("confirm_goal", "Main goal"),
)
SCOPE_TICKS = tuple(c.id for c in SCOPE_CHECKS)

SCRIPT = Script(
    id="new_website",
    title="New Website From Scratch",
    project_type="new_website",
    source="seed 000, New Website From Scratch (heading only: an editable starting point)",
    objective="Turn a new-website inquiry into a clear-scope paid order.",
    anywhere=(Message("redesign.mockup_objection"),),
    offer=OfferSpec(
        template="new_website.custom_offer",
        gate=Gate(
            "The offer cannot be composed yet",
            fields=("pages", "design_direction", "goal", "delivery_days", "price"),
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
            messages=(Message("new_website.first_reply"),),
            starting_point=True,
        ),
        Step(
            "business",
            "Business & Goal",
            "Understand the business and what the website must do for it.",
            rules=("Ask, then listen; no solutions yet",),
            messages=(Message("new_website.ask_business"),),
            fields=(BUSINESS, GOAL),
            leave=Gate("Know the business before the pages", fields=("business",)),
            industry_questions=True,
            starting_point=True,
        ),
        Step(
            "pages",
            "Pages Discovery (Mandatory)",
            "Get the pages list in the client's own words, then shape it.",
            rules=("Client lists pages", "Sales refines structure", "Do not blindly agree"),
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
            messages=(Message("redesign.design_direction"),),
            fields=(DESIGN,),
        ),
        Step(
            "content",
            "Content & Assets",
            "Know what the client has ready and what is still missing.",
            messages=(Message("new_website.content_assets"),),
            checklist=(
                Check("has_logo", "Logo"),
                Check("has_texts", "Page texts"),
                Check("has_images", "Images"),
                Check("has_hosting", "Domain and hosting (see the hosting script)"),
            ),
            starting_point=True,
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
            "scope_confirmation",
            "Scope Confirmation",
            "Before sending offer, confirm:",
            messages=(Message("new_website.scope_confirmation"),),
            checklist=SCOPE_CHECKS,
            leave=Gate("Confirm the scope before the offer", ticks=SCOPE_TICKS),
        ),
        Step(
            "custom_offer",
            "Custom Offer Sent",
            "Offer must include: Pages, Design direction, Delivery time, Fixed price.",
            asks=("Close with: “Once the order is placed, we’ll get started.”",),
            messages=(Message("new_website.custom_offer"),),
            fields=(DELIVERY, PRICE, REVISIONS, MILESTONES_FIELD),
            offer=True,
        ),
    ),
)
