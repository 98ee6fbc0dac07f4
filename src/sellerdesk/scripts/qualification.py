"""Lead handling from seed 000's "General Things" (headings only): qualify,
mark hot, decide the budget, send a detailed offer, follow up, put the order
under review. Passing "Qualified" and "Hot Lead" moves the lead's stage.
"""

from __future__ import annotations

from sellerdesk.scripts.engine import Check, Gate, Message, OfferSpec, Script, Step, When
from sellerdesk.scripts.fields import CHOICE, TEXT, Field
from sellerdesk.scripts.redesign import BUDGET, DELIVERY, PRICE, REVISIONS

NEED = Field("need", "What they need", TEXT, "in the client's words")
SCOPE = Field("scope", "Scope", TEXT, "e.g. 5-page redesign: Home, About, Services, Blog, Contact")
REQUIREMENTS = Field(
    "requirements",
    "Requirements",
    CHOICE,
    choices=(
        ("submitted", "Submitted"),
        ("partial", "Partially incomplete"),
        ("full", "Fully incomplete"),
    ),
)
QUALIFY = ("q_need", "q_fit", "q_engaged")
HOT = ("h_scope", "h_budget", "h_ready")

SCRIPT = Script(
    id="qualification",
    title="Lead Qualification",
    source="seed 000, General Things (headings only: an editable starting point)",
    objective="Move a conversation from first contact to an order under review, on record.",
    offer=OfferSpec(
        template="qualification.custom_offer",
        gate=Gate(
            "The offer cannot be composed yet",
            fields=("scope", "delivery_days", "price"),
            ticks=HOT,
        ),
    ),
    steps=(
        Step(
            "qualify",
            "Qualify the Lead (Qualified)",
            "Decide this is a real project we can deliver.",
            rules=("Qualify on facts in the chat, not on hope",),
            messages=(Message("qualification.ask_need"),),
            fields=(NEED,),
            checklist=(
                Check("q_need", "A clear website need (redesign, new website or changes)"),
                Check("q_fit", "A project we can deliver"),
                Check("q_engaged", "The client replies and answers questions"),
            ),
            leave=Gate("Qualify the lead first", fields=("need",), ticks=QUALIFY),
            stage_on_pass="qualified",
            starting_point=True,
        ),
        Step(
            "hot_lead",
            "Hot Lead",
            "Mark the leads closest to an order so they are never left waiting.",
            checklist=(
                Check("h_scope", "Scope discussed (pages or changes listed)"),
                Check("h_budget", "Budget range known or accepted"),
                Check("h_ready", "Client asked for an offer or a start date"),
            ),
            leave=Gate("Not a hot lead yet", ticks=HOT),
            stage_on_pass="hot_lead",
            label_on_pass="Hot Lead",
            starting_point=True,
        ),
        Step(
            "budget",
            "Decide the Project Budget",
            "Price the scope, not the client.",
            rules=("Stay factual", "No emotional justification", "Adjust scope, not quality"),
            messages=(Message("redesign.budget"),),
            fields=(BUDGET, SCOPE, DELIVERY, PRICE, REVISIONS),
            enter=Gate("The budget question comes after scope only", ticks=("h_scope",)),
            leave=Gate("Decide the budget first", fields=("scope", "delivery_days", "price")),
            starting_point=True,
        ),
        Step(
            "offer",
            "Send a Detailed Offer (Offer Sent)",
            "Offer must include the scope, delivery time and a fixed price.",
            asks=("Close with: “Once the order is placed, we’ll get started.”",),
            messages=(Message("qualification.custom_offer"),),
            offer=True,
            starting_point=True,
        ),
        Step(
            "followups",
            "Follow Ups After Offer Sent",
            "Follow up on the days the queue plans (1, 3 and 7 days by default).",
            rules=("Follow up from the queue; never let an offer go quiet",),
            messages=(
                Message("followup.offer_day1"),
                Message("followup.offer_day3"),
                Message("followup.offer_day7"),
            ),
            starting_point=True,
        ),
        Step(
            "order_review",
            "Put the Order Under Review",
            "When the client orders, check the requirements and say what happens next.",
            rules=("Only the client's own yes places an order",),
            messages=(
                Message("order.next_steps"),
                Message("order.requirements_submitted", When("requirements", ("submitted",))),
                Message("order.requirements_partial", When("requirements", ("partial",))),
                Message("order.requirements_full", When("requirements", ("full",))),
            ),
            fields=(REQUIREMENTS,),
            starting_point=True,
        ),
    ),
)
