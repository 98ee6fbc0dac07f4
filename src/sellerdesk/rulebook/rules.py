"""The rules a message meets before it goes out, each refusal one sentence.

Two kinds. Rules on the text (Fiverr's length limit for the field, control
characters, a review tied to a reward, seed 002's referral wording) judge
the filled-in text and the settings; nothing passes them, because Fiverr or
the client would get a text that must not be sent. Rules on the lead's
state (a script's gate, the referral gate, the consent gate, Fiverr's price
and delivery ranges for an offer) judge what is stored about the lead; the
gates can be passed on purpose with a reason (`override`), the ranges not.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sellerdesk import clock
from sellerdesk.config import Settings
from sellerdesk.errors import Invalid
from sellerdesk.referrals.gate import evaluate
from sellerdesk.rulebook.facts import LeadFacts
from sellerdesk.rulebook.given import state_with
from sellerdesk.rulebook.scope import governing
from sellerdesk.scripts.engine import Script, State
from sellerdesk.scripts.fields import days_warnings, price_warnings
from sellerdesk.templates.lint import is_referral_template, limit_for
from sellerdesk.templates.model import Finding, Template

SCRIPT_GATE = "script-gate"
OFFER_GATE = "offer-gate"
OFFER_LIMITS = "offer-limits"
TOO_LONG = "too-long"
CONTROL = "control-characters"
REVIEW_INCENTIVE = "review-incentive"
REFERRAL_TEXT = "referral-text"
REFERRAL_GATE = "referral-gate"
CONSENT = "consent"

# Order statuses that mean no order stands (only the consent gate creates one).
NOT_AN_ORDER = ("cancelled",)


@dataclass(frozen=True)
class Refusal:
    rule: str
    """Which rule: one of the keys above."""
    title: str
    """The rule in a few words, as the timeline names it when it is passed on purpose."""
    sentence: str
    """What is missing, in one sentence: the same on every path."""
    can_override: bool = True


class Refused(Invalid):
    """A rule stops the message; the text is the refusal's sentence."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.sentence)
        self.refusal = refusal


def blocking(refusals: tuple[Refusal, ...] | list[Refusal], override: str | None) -> Refusal | None:
    """The refusal that stops the message: one nothing passes, else (without a
    reason to pass them) the first gate."""
    for refusal in refusals:
        if not refusal.can_override:
            return refusal
    if refusals and not (override or "").strip():
        return refusals[0]
    return None


# ------------------------------------------------------------ rules on the text


def text_refusals(
    template: Template, text: str, findings: list[Finding], settings: Settings
) -> list[Refusal]:
    out: list[Refusal] = []
    limit = limit_for(template.field, settings)
    if len(text) > limit:
        field = template.field.replace("_", " ")
        out.append(
            Refusal(
                TOO_LONG,
                "Fiverr's length limit",
                f"{template.id} is {len(text):,} characters; the Fiverr {field} field takes "
                f"{limit:,}: cut {len(text) - limit:,}.",
                can_override=False,
            )
        )
    by_code = {f.code: f for f in findings}
    if "control-character" in by_code:
        out.append(
            Refusal(
                CONTROL,
                "No control characters",
                f"{template.id}: {by_code['control-character'].message}",
                can_override=False,
            )
        )
    if "review-incentive" in by_code:
        out.append(
            Refusal(
                REVIEW_INCENTIVE,
                "No incentives for reviews (Fiverr)",
                f"{template.id} {by_code['review-incentive'].message}",
                can_override=False,
            )
        )
    if is_referral_template(template):
        from sellerdesk.referrals.guard import text_problems

        problems = text_problems(template, text, settings)
        if problems:
            out.append(
                Refusal(
                    REFERRAL_TEXT,
                    "Seed 002's referral wording",
                    f"{template.id} cannot go out as written: " + " ".join(problems),
                    can_override=False,
                )
            )
    return out


# ------------------------------------------------------------ rules on the lead


def state_refusals(
    template: Template,
    facts: LeadFacts,
    settings: Settings,
    given: Mapping[str, Any] | None = None,
    asked: Collection[str] = (),
) -> list[Refusal]:
    """`given`: the script answers this copy supplies (`given.given_answers`);
    the gates judge the run as it stands with them. `asked`: placeholders still
    empty, which the copy asks for before it goes anywhere: a gate does not
    refuse for those, the form (or `--set`) asks for them instead."""
    out: list[Refusal] = []
    use, run = governing(template, facts.lead, facts.runs)
    if use is not None:
        state = state_with(run, facts, given or {}) if run is not None else State()
        if use.gate is not None:
            wanted = use.gate
            if asked:
                wanted = replace(wanted, fields=tuple(f for f in wanted.fields if f not in asked))
            missing = use.script.missing(wanted, state)
            if missing:
                rule = OFFER_GATE if use.offer else SCRIPT_GATE
                out.append(Refusal(rule, use.gate.reason, missing, use.gate.can_override))
        if use.offer:
            limits = offer_limit_problems(use.script, state, settings)
            if limits:
                out.append(
                    Refusal(
                        OFFER_LIMITS,
                        "Fiverr's offer limits",
                        f"{template.id} would be refused by Fiverr: " + " ".join(limits),
                        can_override=False,
                    )
                )
    if is_referral_template(template):
        gate = evaluate(facts.orders, facts.now or clock.now())
        if not gate.holds:
            out.append(
                Refusal(
                    REFERRAL_GATE,
                    "The referral gate (seed 002)",
                    f"{template.id} goes to {facts.lead.username} only once the referral gate "
                    f"holds: {gate.reason()}",
                )
            )
    if template.script == "order" and not any(
        order.status not in NOT_AN_ORDER for order in facts.orders
    ):
        out.append(
            Refusal(
                CONSENT,
                "The consent gate (seed 004)",
                f"{template.id} follows an order, and {facts.lead.username} has none placed "
                "with their own yes: record the order with the client's consent first.",
            )
        )
    return out


def offer_limit_problems(script: Script, state: State, settings: Settings) -> list[str]:
    """What of the offer's price and delivery time Fiverr would not accept."""
    spec = script.offer
    if spec is None:
        return []
    found: list[str] = []
    price = state.answers.get(spec.price)
    if price not in (None, ""):
        try:
            found.extend(price_warnings(Decimal(str(price)), settings.limits))
        except InvalidOperation:
            found.append(f"the price '{price}' is not a number of dollars.")
    days = state.answers.get(spec.days)
    if isinstance(days, int):
        found.extend(days_warnings(days, settings.limits))
    return found
