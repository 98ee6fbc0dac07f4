"""Reading one pasted message: clean it, refuse what is not a message, find
the facts and the off-Fiverr requests, score the intents, raise warnings.
No lead, no database: the same text always reads the same way."""

from __future__ import annotations

from sellerdesk.suggest import intents, offplatform
from sellerdesk.suggest.facts import collect
from sellerdesk.suggest.model import OTHER, Alert, Fact, Reading
from sellerdesk.suggest.sites import find_sites
from sellerdesk.suggest.text import clean, refusal, words_of

MOCKUP = (
    "The client asks for a mockup or sample before ordering: never provide free mockups "
    "(design is done directly in WordPress; no mockups before the order)."
)
COMPLAINT = (
    "This reads as a complaint: answer it first and do not argue; no referral ask while it is open."
)
NO_STEP = "Nothing in this message matches a step of the scripts: read it and answer it yourself."
DO_NOT_CONTACT = "The client asks not to be contacted again: mark the lead do-not-contact."


def read(raw: str | None) -> Reading:
    text = clean(raw)
    refused = refusal(text)
    if refused is not None:
        # A message in another language may still ask to move off Fiverr.
        off = _off_platform(text) if refused.code in ("language", "html") else ()
        return Reading(text, OTHER, alerts=off, note=refused.message)
    facts = collect(text)
    hits = offplatform.find(text)
    words = words_of(_blank_out(text, facts))
    found = intents.scores(words, facts, bool(hits))
    intent = intents.top(found, intents.asks_a_price(words, text, facts))
    note = NO_STEP if intent == OTHER else ""
    alerts = list(_off_platform(text, hits))
    if "asks_mockup" in found:
        alerts.append(Alert("free_mockup", MOCKUP))
    if "complaint" in found:
        alerts.append(Alert("complaint", COMPLAINT))
    dnc = next((f for f in facts if f.name == "do_not_contact"), None)
    if dnc is not None:
        alerts.append(Alert("do_not_contact", DO_NOT_CONTACT, dnc.start, dnc.end, dnc.text))
    return Reading(text, intent, found, tuple(facts), tuple(alerts), note)


def _off_platform(text: str, hits: list[offplatform.Hit] | None = None) -> tuple[Alert, ...]:
    if hits is None:
        hits = offplatform.find(text)
    alerts: list[Alert] = []
    seen: set[str] = set()
    for hit in hits:
        if hit.what in seen:
            continue
        seen.add(hit.what)
        words = text[hit.start : hit.end]
        alerts.append(
            Alert(
                "off_platform",
                f"The client asks to move off Fiverr ({hit.what}). Keep the conversation, files "
                "and payment on Fiverr, and share no contact details.",
                hit.start,
                hit.end,
                words,
            )
        )
    return tuple(alerts)


def _blank_out(text: str, facts: list[Fact]) -> str:
    """The text with web addresses and the page list blanked (same length), so
    their words ("Pricing", "shop") do not count as what the client asks."""
    spans = [(s.start, s.end) for s in find_sites(text)]
    spans += [(f.start, f.end) for f in facts if f.name == "pages"]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
