"""Hosting & Domain Setup SOP (seed 000) with the job-order checklists of
seed 001: identify the scenario, move to the right next step (access request
or a 15-minute setup call), work the job order, send the propagation notice.

The job order is the one in `orders.job_order`, the same list the order
screen ticks, item for item.
"""

from __future__ import annotations

from sellerdesk.orders.job_order import (
    NEW_CLIENT,
    POINTING_REMINDER,
    PROPAGATION_NOTICE,
    TRANSFERRED_CLIENT,
    Checklist,
)
from sellerdesk.scripts.engine import Check, Gate, Message, Script, Step, When
from sellerdesk.scripts.fields import CHOICE, TEXT, Field

SCENARIO = Field(
    "scenario",
    "Scenario",
    CHOICE,
    choices=(
        ("has_hosting", "Client has hosting"),
        ("domain_only", "Domain only"),
        ("nothing", "Nothing yet"),
    ),
)
CLIENT_KIND = Field(
    "client_kind",
    "Client",
    CHOICE,
    choices=(
        ("new", "New client (no website, domain or hosting)"),
        ("transferred", "Transferred client (existing website, domain and hosting)"),
    ),
)
CALL_TIME = Field("call_time", "Call time", TEXT, "e.g. tomorrow at 3 pm your time")
POINTING_DATE = Field("pointing_date", "Pointing date", TEXT, "e.g. Friday 12 December")
POINTING_TIME = Field("pointing_time", "Pointing time", TEXT, "e.g. 10 pm your time")

HAS = When("scenario", ("has_hosting",))
NEEDS_CALL = When("scenario", ("domain_only", "nothing"))
NEW = When("client_kind", ("new",))
TRANSFERRED = When("client_kind", ("transferred",))


def job_checks(checklist: Checklist, when: When) -> tuple[Check, ...]:
    """The shared job order as this script's checklist items."""
    return tuple(Check(checklist.script_id(i.key), i.label, when) for i in checklist.items)


# The transferred client's propagation item, which the last step's gate asks for.
TRANSFER_NOTICE = TRANSFERRED_CLIENT.script_id("propagation_notice")

SCRIPT = Script(
    id="hosting",
    title="Hosting & Domain Setup",
    source="seed 000, Hosting & Domain Setup SOP; seed 001, job order",
    objective=(
        "Standardize how the team identifies hosting scenarios and moves clients to the "
        "correct next step (access or 15-minute setup call) without losing time or "
        "affiliate opportunities."
    ),
    steps=(
        Step(
            "identify",
            "Identify the Scenario",
            "Know what the client has before asking for anything.",
            internal=(
                "New Clients: prospective clients who don’t have an existing website, "
                "domain, and hosting.",
                "Transferred Clients: prospective clients who have an existing website, "
                "domain, and hosting.",
            ),
            fields=(SCENARIO, CLIENT_KIND),
            leave=Gate("Identify the scenario first", fields=("scenario", "client_kind")),
        ),
        Step(
            "next_step",
            "Access or Setup Call",
            "Has hosting: request access. Domain only or nothing: book a 15-minute setup call.",
            messages=(
                Message("hosting.has_hosting", HAS),
                Message("hosting.domain_only", When("scenario", ("domain_only",))),
                Message("hosting.nothing", When("scenario", ("nothing",))),
                Message("hosting.setup_call", NEEDS_CALL),
            ),
            fields=(CALL_TIME,),
            checklist=(
                Check("access_received", "Access received", HAS),
                Check("call_booked", "15-minute setup call booked", NEEDS_CALL),
            ),
        ),
        Step(
            "job_order",
            "Job Order",
            "Work the job order for this kind of client.",
            rules=(
                "Transferred clients: make an email reminding the client of the domain’s "
                "pointing date and time preparation needed (for documentation purposes).",
            ),
            messages=(
                Message(PROPAGATION_NOTICE, TRANSFERRED),
                Message(POINTING_REMINDER, TRANSFERRED),
            ),
            fields=(POINTING_DATE, POINTING_TIME),
            checklist=(*job_checks(NEW_CLIENT, NEW), *job_checks(TRANSFERRED_CLIENT, TRANSFERRED)),
        ),
        Step(
            "propagation",
            "Propagation Notice",
            "Warn the client of the 24–48 hour propagation before it surprises them.",
            rules=(
                "Inform the client of a 24-48 hour domain propagation or downtime if ever "
                "there’ll be an ongoing pointing.",
            ),
            messages=(Message(PROPAGATION_NOTICE),),
            # A transferred client's notice is an item of their job order (step 3).
            checklist=(Check("notice_sent", "Propagation notice sent", NEW),),
            leave=Gate("Send the propagation notice first", ticks=("notice_sent", TRANSFER_NOTICE)),
        ),
    ),
)
