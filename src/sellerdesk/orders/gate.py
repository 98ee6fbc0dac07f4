"""The consent gate and the pre-checks (seed 004): pure, no database.

Golden rule: if the client has not said "Yes, please place the order", no
order is created. The client's words are recorded as they wrote them, and
they pass only when one of their sentences says yes to placing or creating
the order ("please place the order", "yes, go ahead and create the order",
"I've placed the order", "I accept your offer"). An acknowledgement ("ok
thanks", "I received the offer"), a question ("can you place the order?"),
a condition ("if the price stays"), a promise for later ("I'll place it
tomorrow"), hesitation ("maybe") or a no is refused with one sentence saying
why and quoting the seed's words. Then every pre-check must hold (scope
confirmed, price agreed, delivery time, pages), and every one that fails is
named, not just the first.

The same reading confirms the after-sales walkthrough (seed 001): the
client's own words saying the walkthrough or training is done.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sellerdesk.orders.consent_words import read
from sellerdesk.orders.items import REQUIREMENTS, Problem

MIN_CONSENT_CHARS = 6
MAX_CONSENT_CHARS = 2000
SEED_YES = "Yes, please place the order"


def _yes_problem(key: str, text: str | None, subject: str, wanted: str) -> Problem | None:
    words = (text or "").strip()
    about = "consent" if key == "consent" else f"{key} confirmation"
    if not words:
        said = f'paste the client\'s own words saying "{wanted}"'
        return Problem(key, f"No {about} recorded: {said}.")
    if len(words) > MAX_CONSENT_CHARS:
        return Problem(
            key,
            f"The {about} text is longer than {MAX_CONSENT_CHARS} characters; "
            f'paste only the client\'s "{wanted}".',
        )
    reading = read(words, subject)
    return None if reading.ok else Problem(key, reading.why(wanted))


def consent_problem(text: str | None) -> Problem | None:
    """Why these words are not a clear yes to placing the order, or None when they are.

    Every path that records consent asks this: the order form, `sellerdesk
    order create --consent`, and the store itself before it saves."""
    words = (text or "").strip()
    if words and len(words) < MIN_CONSENT_CHARS:
        return Problem(
            "consent",
            f'"{words}" is too short to be a clear yes; record the client\'s own words '
            f'saying "{SEED_YES}".',
        )
    return _yes_problem("consent", text, "order", SEED_YES)


WALKTHROUGH_YES = "Yes, the walkthrough is done"


def walkthrough_problem(text: str | None) -> Problem | None:
    """Why these words do not confirm the after-sales walkthrough, or None when they do."""
    return _yes_problem("walkthrough", text, "walkthrough", WALKTHROUGH_YES)


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
