"""Change requests: from a past client, and from a new client (seed 000 has
the headings only, plus "How to Properly Update Past Client Changes -
Documentation Issue"). Starting points: the list of changes is agreed in
chat before any price, and documented on the lead before the offer.
"""

from __future__ import annotations

from sellerdesk.scripts.engine import Check, Gate, Message, OfferSpec, Script, Step
from sellerdesk.scripts.fields import CHOICE, LIST, Field
from sellerdesk.scripts.redesign import DELIVERY, PRICE, REVISIONS, WEBSITE

CHANGES = Field("changes", "Changes", LIST, "one a line, e.g. new banner, fix contact form")
PLATFORM = Field(
    "platform",
    "Built with",
    CHOICE,
    choices=(
        ("wordpress", "WordPress"),
        ("shopify", "Shopify"),
        ("wix", "Wix"),
        ("other", "Other"),
    ),
)
LIST_RULES = (
    "Every change is listed in chat before any price",
    "Changes described only on a call do not count",
    "Anything not on the list is a separate request",
)


def _offer_gate(*ticks: str) -> OfferSpec:
    return OfferSpec(
        template="changes.custom_offer",
        gate=Gate(
            "The offer cannot be composed yet",
            fields=("changes", "delivery_days", "price"),
            ticks=("confirm_changes", *ticks),
        ),
        confirmation=("confirm_changes",),
    )


def _confirm_step() -> Step:
    return Step(
        "confirm_changes",
        "Confirm the List",
        "Have the client confirm the list is complete.",
        messages=(Message("changes.confirm_list"),),
        checklist=(Check("confirm_changes", "The list of changes"),),
        leave=Gate("Confirm the changes before the offer", ticks=("confirm_changes",)),
        starting_point=True,
    )


def _offer_step() -> Step:
    return Step(
        "custom_offer",
        "Custom Offer Sent",
        "Offer must include: the changes, delivery time and a fixed price.",
        asks=("Close with: “Once the order is placed, we’ll get started.”",),
        messages=(Message("changes.custom_offer"),),
        fields=(DELIVERY, PRICE, REVISIONS),
        offer=True,
    )


PAST_CLIENT = Script(
    id="past_client_changes",
    title="Past Client Changes",
    project_type="past_client_changes",
    source="seed 000, Past Client Changes Project (heading only: an editable starting point)",
    objective="Turn a past client's change request into a documented, paid order.",
    offer=_offer_gate("documented"),
    steps=(
        Step(
            "welcome_back",
            "Welcome Back",
            "Recognise the client and find the earlier project on record.",
            messages=(Message("changes.past_welcome"),),
            checklist=(Check("found_previous", "Earlier project found on the timeline"),),
            label_on_pass="Past Client",
            starting_point=True,
        ),
        Step(
            "list_changes",
            "Changes in Writing",
            "Get every change listed in the chat.",
            rules=LIST_RULES,
            messages=(Message("changes.ask_list"),),
            fields=(CHANGES,),
            leave=Gate("List the changes first", fields=("changes",)),
            starting_point=True,
        ),
        _confirm_step(),
        Step(
            "document",
            "Update the Record",
            "Document the changes on the lead so nobody works from memory.",
            rules=("Past client changes are documented before work starts",),
            checklist=(Check("documented", "Changes noted on the lead (note or timeline)"),),
            leave=Gate("Document the changes before the offer", ticks=("documented",)),
            starting_point=True,
        ),
        _offer_step(),
    ),
)

NEW_CLIENT = Script(
    id="new_client_changes",
    title="New Client Changes",
    project_type="new_client_changes",
    source="seed 000, New Client Changes Project (heading only: an editable starting point)",
    objective="Turn a new client's change request into a clear, paid order.",
    offer=_offer_gate("reviewed_site"),
    steps=(
        Step(
            "first_reply",
            "First Reply",
            "Ask for the website and the list of changes; review before pricing.",
            rules=("No pricing before the site is reviewed. No promises.",),
            messages=(Message("changes.new_first_reply"),),
            fields=(WEBSITE, CHANGES),
            leave=Gate("Get the website and the changes first", fields=("website", "changes")),
            starting_point=True,
        ),
        Step(
            "site_review",
            "Review the Website",
            "See what the site is built with and whether the changes are safe to do.",
            rules=LIST_RULES[1:],
            fields=(PLATFORM,),
            checklist=(Check("reviewed_site", "Website reviewed"),),
            leave=Gate("Review the website before the offer", ticks=("reviewed_site",)),
            starting_point=True,
        ),
        _confirm_step(),
        _offer_step(),
    ),
)

SCRIPTS = (PAST_CLIENT, NEW_CLIENT)
