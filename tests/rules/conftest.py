"""The rule book's rows: a lead's state that a rule refuses, the template it
refuses, and the one sentence every path must say.

Each row builds its state through the domain, as the seller's own actions
would: a script walked step by step, orders placed with the client's yes,
a complaint recorded. `spoil` is what happens last (possibly after a screen
was opened on the lead, by another person or another window).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from tests.conftest import accept_project
from tests.scripts.conftest import walk_to

from sellerdesk import leads
from sellerdesk.orders import feedback
from sellerdesk.scripts import runs

REASON = "scope agreed in an earlier chat"
SCRIPT_SCREEN, LIBRARY, QUEUE, COPY_CLI, OFFER_CLI = (
    "script screen",
    "library",
    "queue copy key",
    "sellerdesk copy",
    "sellerdesk script offer",
)
PATHS = (SCRIPT_SCREEN, LIBRARY, QUEUE, COPY_CLI, OFFER_CLI)


def sellerdesk_cli(db_url: str, *argv: str) -> subprocess.CompletedProcess:
    """`sellerdesk ARGV --db URL` as a real process, as typed in a shell."""
    return subprocess.run(
        [sys.executable, "-m", "sellerdesk", *argv, "--db", db_url],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=60,
    )


# 160 pages: the offer description runs past Fiverr's 1,500 characters.
MANY_PAGES = [f"Page {n:03}" for n in range(1, 161)]


@dataclass(frozen=True)
class Row:
    name: str
    template: str
    username: str
    prepare: Callable
    spoil: Callable
    sentence: Callable[[], str]
    paths: tuple[str, ...]
    can_override: bool = True
    script_key: str = "1"
    """The number the script screen shows the message under."""


def _nothing(db) -> None:
    return None


# ------------------------------------------------------------ budget before scope


def _at_budget(db) -> None:
    leads.add_lead(db, "scopeless", project_type="redesign")
    walk_to(db, "scopeless", "budget")


def _pages_cleared(db) -> None:
    runs.set_answers(db, "scopeless", {"pages": ""}, script="redesign")


# ------------------------------------------------------------ offer before confirmation


def _at_offer(db) -> None:
    leads.add_lead(db, "unconfirmed", project_type="redesign")
    walk_to(db, "unconfirmed", "custom_offer")
    runs.set_answers(db, "unconfirmed", {"delivery_days": "10", "price": "650"})


def _pages_changed(db) -> None:
    """The pages change after the client confirmed them: the confirmation goes."""
    runs.set_answers(db, "unconfirmed", {"pages": "Home, Contact"}, script="redesign")


# ------------------------------------------------------------ offer over the limit


def _long_offer(db) -> None:
    leads.add_lead(db, "bigsite", project_type="redesign")
    runs.start(db, "bigsite", "redesign")
    runs.set_answers(
        db,
        "bigsite",
        {
            "website": "bigsite.example",
            "focus": "services",
            "pages": ", ".join(MANY_PAGES),
            "design_direction": "acme.com",
        },
    )
    for item in ("confirm_design", "confirm_pages", "confirm_focus"):
        runs.tick(db, "bigsite", item)
    runs.set_answers(db, "bigsite", {"delivery_days": "10", "price": "650"})
    while runs.get_run(db, "bigsite").step != "custom_offer":
        runs.next_step(db, "bigsite")


def long_description() -> str:
    return (
        "Website redesign\n\n"
        f"Pages: {', '.join(MANY_PAGES)}\n"
        "Design direction: acme.com\n"
        "Delivery time: 10 days\n"
        "Fixed price: $650\n\n"
        "Once the order is placed, we’ll get started."
    )


def _over_limit() -> str:
    size = len(long_description())
    return (
        f"redesign.custom_offer is {size:,} characters; the Fiverr offer description field "
        f"takes 1,500: cut {size - 1500:,}."
    )


# ------------------------------------------------------------ referral gate closed


def _complaint_open(db) -> None:
    leads.add_lead(db, "revclient", website="revclient.example")
    accept_project(db, "revclient")
    feedback.set_complaint(db, "FO1", True, "The footer overlaps on mobile")


def _referral_refusal(template: str) -> Callable[[], str]:
    return lambda: (
        f"{template} goes to revclient only once the referral gate holds: Never ask during "
        "revisions or delays: a complaint is open on order FO1."
    )


# ------------------------------------------------------------ order without consent


def _at_order_review(db) -> None:
    """A qualification run walked to "Put the Order Under Review", and no order."""
    leads.add_lead(db, "noorder")
    runs.start(db, "noorder", "qualification")
    runs.set_answers(db, "noorder", {"need": "A redesign of our bakery site"})
    for item in ("q_need", "q_fit", "q_engaged", "h_scope", "h_budget", "h_ready"):
        runs.tick(db, "noorder", item)
    runs.set_answers(
        db, "noorder", {"scope": "5-page redesign", "delivery_days": "7", "price": "450"}
    )
    while runs.get_run(db, "noorder").step != "order_review":
        runs.next_step(db, "noorder")
    # The number Fiverr showed is known; only the recorded yes is missing.
    leads.remember_values(db, "noorder", {"order_number": "FO9"})


ROWS = (
    Row(
        "budget before scope",
        "redesign.budget",
        "scopeless",
        _at_budget,
        _pages_cleared,
        lambda: "The budget question comes after scope only: capture the pages (step 3) first.",
        (SCRIPT_SCREEN, LIBRARY, QUEUE, COPY_CLI),
    ),
    Row(
        "offer before confirmation",
        "redesign.custom_offer",
        "unconfirmed",
        _at_offer,
        _pages_changed,
        lambda: (
            "The offer cannot be composed yet: confirm in chat design direction (step 8), "
            "pages list (step 8) and focus (events / services) (step 8) first."
        ),
        PATHS,
    ),
    Row(
        "offer over the limit",
        "redesign.custom_offer",
        "bigsite",
        _long_offer,
        _nothing,
        _over_limit,
        PATHS,
        can_override=False,
    ),
    Row(
        "referral ask, gate closed",
        "referral.ask",
        "revclient",
        _complaint_open,
        _nothing,
        _referral_refusal("referral.ask"),
        (LIBRARY, QUEUE, COPY_CLI),
    ),
    Row(
        "forward text, gate closed",
        "referral.forward",
        "revclient",
        _complaint_open,
        _nothing,
        _referral_refusal("referral.forward"),
        (LIBRARY, QUEUE, COPY_CLI),
    ),
    Row(
        "order without consent",
        "order.next_steps",
        "noorder",
        _at_order_review,
        _nothing,
        lambda: (
            "order.next_steps follows an order, and noorder has none placed with their own "
            "yes: record the order with the client's consent first."
        ),
        (SCRIPT_SCREEN, LIBRARY, QUEUE, COPY_CLI),
    ),
)

# Every (row, path) pair a path can produce. The script screen offers no referral
# text (no script step sends one); `script offer` composes only a script's offer.
PAIRS = [(row, path) for row in ROWS for path in row.paths]
