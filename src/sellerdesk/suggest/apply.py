"""Turning a message's facts into the script's answers, and the few writes a
key press makes from a suggestion: save the answers (through
`runs.set_answers`, so every change is on the timeline), plan the follow-up
the client asked for, record who referred them, mark do-not-contact.

Nothing here runs by itself: each write is one call, made when the seller
presses its key after seeing what will be saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sellerdesk.config import Limits
from sellerdesk.errors import Invalid
from sellerdesk.scripts.engine import Script
from sellerdesk.scripts.fields import Field, display, parse
from sellerdesk.suggest.model import Fact, Reading

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "INR": "₹"}
MAX_REASON = 300


@dataclass(frozen=True)
class Proposal:
    """One answer the message gives: the field, the text the script's form
    takes for it, and the fact it came from."""

    field: Field
    text: str
    fact: Fact

    def shown(self, limits: Limits | None = None) -> str:
        try:
            return display(self.field, parse(self.field, self.text, limits).value)
        except Invalid:
            return self.text


def budget_text(value: dict[str, str]) -> str:
    """$300–$500, €800, 900 CAD: the budget as a seller writes it down."""
    currency = value.get("currency", "USD")
    symbol = _SYMBOLS.get(currency)

    def one(amount: str) -> str:
        return f"{symbol}{amount}" if symbol else f"{amount} {currency}"

    if value.get("max"):
        return f"{one(value['amount'])}–{one(value['max'])}"
    return one(value["amount"])


def value_text(value: Any) -> str:
    """A fact's value as a person reads it."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict) and "amount" in value:
        return budget_text(value)
    if value is True:
        return "yes"
    return str(value)


def proposals(script: Script, reading: Reading, current: dict[str, Any]) -> list[Proposal]:
    """The answers this message gives for `script`, skipping those it already holds."""
    fields = script.fields
    out: list[Proposal] = []

    def offer(name: str, text: str, fact: Fact) -> None:
        item = fields.get(name)
        if item is None or not text:
            return
        try:
            value = parse(item, text).value
        except Invalid:
            return
        if current.get(name) != value:
            out.append(Proposal(item, text, fact))

    for fact in reading.facts:
        value = fact.value
        if fact.name in ("website", "pages", "delivery_days"):
            offer(fact.name, ", ".join(value) if isinstance(value, list) else str(value), fact)
        elif fact.name == "competitors":
            known = list(current.get("competitors") or [])
            offer("competitors", ", ".join([*known, *(c for c in value if c not in known)]), fact)
        elif fact.name == "primary_inspiration":
            rivals = [*(current.get("competitors") or []), *(reading.value("competitors") or [])]
            references = list(dict.fromkeys(r for r in rivals if r.lower() != value.lower()))
            offer("design_direction", ", ".join([f"*{value}", *references]), fact)
        elif fact.name == "budget":
            offer("budget", budget_text(value), fact)
        elif fact.name == "business":
            offer("business", value, fact)
        elif fact.name == "hosting_scenario":
            offer("scenario", value, fact)
    return out


def stored_values(script: Script, reading: Reading, current: dict[str, Any]) -> dict[str, Any]:
    """The proposals as the values `set_answers` would store."""
    return {p.field.name: parse(p.field, p.text).value for p in proposals(script, reading, current)}


# ---------------------------------------------------------------- the writes


def save_answers(db, username: str, script_id: str, typed: dict[str, str], limits: Limits | None):
    """Start the script if the lead has no run of it, then save the answers as
    typed (blank clears). Returns (run, warnings) as `runs.set_answers` does."""
    from sellerdesk.scripts import runs

    if runs.get_run(db, username, script_id) is None:
        runs.start(db, username, script_id)
    return runs.set_answers(db, username, typed, script=script_id, limits=limits)


def plan_followup(db, username: str, fact: Fact):
    """The follow-up the client asked for, with their words as the reason."""
    from sellerdesk.followups import store

    return store.add(db, username, fact.detail, reason=_quoted(fact.text))


def record_referrer(db, username: str, referrer: str, settings=None):
    from sellerdesk.referrals.recording import record_referral

    return record_referral(db, username, referrer, settings=settings)


def mark_do_not_contact(db, username: str, fact: Fact):
    from sellerdesk.leads import set_do_not_contact

    return set_do_not_contact(db, username, True, _quoted(fact.text))


def _quoted(words: str) -> str:
    words = " ".join(words.split())
    if len(words) > MAX_REASON:
        words = words[: MAX_REASON - 1] + "…"
    return f"Client wrote: “{words}”"
