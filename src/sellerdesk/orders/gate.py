"""The consent gate and the pre-checks (seed 004): pure, no database.

Golden rule: if the client has not said "Yes, please place the order", no
order is created. The client's words are recorded as they wrote them; text
that is empty, too short to be a clear yes, hesitant ("maybe", "just
checking", "I'll think") or says no is refused with the reason. Then every
pre-check must hold (scope confirmed, price agreed, delivery time, pages),
and every one that fails is named, not just the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from sellerdesk.orders.items import REQUIREMENTS, Problem

MIN_CONSENT_CHARS = 6
MAX_CONSENT_CHARS = 2000

# Words that say the client is not there yet (seed 004 §3: "unsure or just checking").
HESITANT = (
    "maybe",
    "perhaps",
    "not sure",
    "unsure",
    "just checking",
    "just asking",
    "just looking",
    "i'll think",
    "i will think",
    "let me think",
    "thinking about it",
    "think about it",
    "i'll let you know",
    "will let you know",
    "get back to you",
    "not yet",
    "not now",
    "not ready",
    "order later",
    "decide later",
    "might order",
    "possibly",
    "considering",
    "hold on",
    "wait a",
    "need to check",
    "have to check",
    "need to ask",
    "have to ask",
    "check with my",
    "discuss with",
)
REFUSING = (
    "no thanks",
    "no thank you",
    "no deal",
    "not interested",
    "don't place",
    "do not place",
    "don't want",
    "do not want",
    "don't order",
    "won't order",
    "will not order",
    "cancel the order",
    "cancel it",
    "nope",
    "too expensive",
    "not agree",
    "don't agree",
)
# A reply may open with "no" and still be a yes ("No problem, go ahead").
_NO_BUT_YES = ("no problem", "no worries", "no issue")
# One of these must be there: the client said yes to the order in so many words.
AFFIRMING = (
    "yes",
    "yeah",
    "yep",
    "yup",
    "sure",
    "ok",
    "okay",
    "go ahead",
    "proceed",
    "place the order",
    "placed the order",
    "place an order",
    "placed an order",
    "placing the order",
    "i'll order",
    "i will order",
    "ordered",
    "let's do it",
    "lets do it",
    "let's go",
    "let's start",
    "please start",
    "agreed",
    "i agree",
    "deal",
    "confirm",
    "confirmed",
    "accept",
    "accepted",
    "sounds good",
    "book it",
)
_WORD = re.compile(r"[a-z0-9']+")


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " " + " ".join(_WORD.findall(text)) + " "


def _has(normalised: str, phrase: str) -> bool:
    return f" {' '.join(_WORD.findall(phrase))} " in normalised


def consent_problem(text: str | None) -> Problem | None:
    """Why these words are not a clear yes to placing the order, or None when they are."""
    words = (text or "").strip()
    if not words:
        return Problem(
            "consent",
            "No consent recorded: paste the client's own words saying yes to the order "
            '(e.g. "Yes, please place the order").',
        )
    if len(words) > MAX_CONSENT_CHARS:
        return Problem(
            "consent",
            f"The consent text is longer than {MAX_CONSENT_CHARS} characters; "
            "paste only the client's yes.",
        )
    normalised = _norm(words)
    if len(normalised.split()) < 2 or len(words) < MIN_CONSENT_CHARS:
        return Problem(
            "consent",
            f'"{words}" is too short to be a clear yes; record the client\'s own words '
            'saying yes to the order (e.g. "Yes, please place the order").',
        )
    for phrase in REFUSING:
        if _has(normalised, phrase):
            return Problem(
                "consent", f'The client\'s words say no ("{phrase}"); do not create the order.'
            )
    if normalised.split()[0] == "no" and not any(_has(normalised, p) for p in _NO_BUT_YES):
        return Problem("consent", "The client's words say no; do not create the order.")
    for phrase in HESITANT:
        if _has(normalised, phrase):
            return Problem(
                "consent",
                f'The client is not sure yet ("{phrase}"); wait for a clear '
                '"Yes, please place the order".',
            )
    if not any(_has(normalised, phrase) for phrase in AFFIRMING):
        return Problem(
            "consent",
            "The client's words do not say yes to the order; record their clear yes "
            '(e.g. "Yes, please place the order").',
        )
    if words.rstrip().endswith("?") and not _has(normalised, "yes"):
        return Problem(
            "consent", "The client's words are a question, not a yes; answer it and wait."
        )
    return None


@dataclass(frozen=True)
class Draft:
    """What the seller has put together for an order before it is saved.

    `scope_from` / `price_from` etc. say where a value came from ("script"
    when pre-filled from the redesign script, "hand" when typed or ticked).
    """

    consent: str = ""
    number: str = ""
    price_cents: int | None = None
    delivery_days: int | None = None
    due_at: datetime | None = None
    pages: str = ""
    design_direction: str = ""
    scope_confirmed: bool = False
    requirements: str = "submitted"
    notes: str = ""
    sources: tuple[tuple[str, str], ...] = ()

    def with_changes(self, **changes) -> Draft:
        return replace(self, **changes)

    def source(self, key: str) -> str:
        return dict(self.sources).get(key, "hand")


@dataclass(frozen=True)
class PreCheck:
    key: str
    label: str
    ok: bool
    detail: str


PRECHECK_LABELS = {
    "scope": "Scope confirmed (design direction, pages, focus)",
    "price": "Price agreed",
    "delivery": "Delivery time agreed",
    "pages": "Pages listed",
}


def prechecks(
    draft: Draft,
    now: datetime,
    *,
    max_price_cents: int | None = None,
    max_days: int | None = None,
) -> list[PreCheck]:
    """Every pre-check with whether it holds and a sentence saying why not."""
    out: list[PreCheck] = []

    scope_ok = draft.scope_confirmed
    out.append(
        PreCheck(
            "scope",
            PRECHECK_LABELS["scope"],
            scope_ok,
            ""
            if scope_ok
            else "Scope is not confirmed: confirm the design direction, the pages "
            "list and the focus with the client first (redesign step 8).",
        )
    )

    price = draft.price_cents
    if price is None:
        price_detail = "No agreed price: enter the fixed price the client accepted."
    elif price <= 0:
        price_detail = "The price must be more than zero."
    elif max_price_cents is not None and price > max_price_cents:
        price_detail = (
            f"The price is over the limit of ${max_price_cents // 100:,}; check it was typed right."
        )
    else:
        price_detail = ""
    out.append(PreCheck("price", PRECHECK_LABELS["price"], not price_detail, price_detail))

    days, due = draft.delivery_days, draft.due_at
    if days is None and due is None:
        delivery_detail = "No delivery time: enter the agreed delivery days or the due date."
    elif days is not None and days < 1:
        delivery_detail = "Delivery days must be at least 1."
    elif days is not None and max_days is not None and days > max_days:
        delivery_detail = f"Delivery days can be at most {max_days}."
    elif due is not None and due <= now:
        delivery_detail = "The delivery due date is in the past."
    else:
        delivery_detail = ""
    out.append(
        PreCheck("delivery", PRECHECK_LABELS["delivery"], not delivery_detail, delivery_detail)
    )

    pages_ok = bool(draft.pages.strip())
    out.append(
        PreCheck(
            "pages",
            PRECHECK_LABELS["pages"],
            pages_ok,
            "" if pages_ok else "No pages listed: enter the pages the client agreed to.",
        )
    )
    return out


def review(
    draft: Draft,
    now: datetime,
    *,
    max_price_cents: int | None = None,
    max_days: int | None = None,
) -> list[Problem]:
    """Every reason this draft cannot become an order; empty when it may."""
    problems: list[Problem] = []
    consent = consent_problem(draft.consent)
    if consent is not None:
        problems.append(consent)
    for check in prechecks(draft, now, max_price_cents=max_price_cents, max_days=max_days):
        if not check.ok:
            problems.append(Problem(check.key, check.detail))
    if draft.requirements not in REQUIREMENTS.keys:
        problems.append(
            Problem("requirements", f"Unknown requirements state {draft.requirements!r}.")
        )
    return problems
