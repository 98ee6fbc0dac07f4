"""Composing the custom offer from a run's answers, as Fiverr's custom-offer
form asks for it: a description (1,500 characters at most), delivery days,
revisions, a price and, on offers over $100, up to three milestones.

Refused, with what is missing, until the script's offer gate holds. Values
Fiverr would not accept are composed anyway and warned about.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sellerdesk.config import Settings
from sellerdesk.copying import PreparedCopy, prepare_copy
from sellerdesk.errors import Invalid
from sellerdesk.records import Lead
from sellerdesk.scripts.engine import Script, State
from sellerdesk.scripts.fields import (
    MILESTONE_MIN_PRICE,
    UNLIMITED,
    days_warnings,
    money_text,
    price_warnings,
)
from sellerdesk.templates.lint import limit_for
from sellerdesk.templates.loading import Library, library


@dataclass(frozen=True)
class Offer:
    script: str
    template_id: str
    description: str
    limit: int
    delivery_days: int
    price: str
    revisions: str
    milestones: tuple[dict[str, Any], ...]
    warnings: tuple[str, ...]
    prepared: PreparedCopy

    @property
    def chars(self) -> int:
        return len(self.description)

    @property
    def counter(self) -> str:
        return f"{self.chars}/{self.limit} characters"

    def form_text(self) -> str:
        """Every field of Fiverr's custom-offer form, as the seller fills it in."""
        lines = [
            f"Description ({self.counter}):",
            self.description,
            "",
            f"Delivery: {self.delivery_days} days",
            f"Revisions: {self.revisions}",
            f"Price: ${self.price}",
        ]
        for number, item in enumerate(self.milestones, start=1):
            lines.append(
                f"Milestone {number}: {item['title']} — {item['days']} days, ${item['price']}"
            )
        return "\n".join(lines)


def with_answers(lead: Lead, script: Script, answers: Mapping[str, Any]) -> Lead:
    """The lead as templates see it during a script: its answers become values
    (above values remembered on the lead, below values typed for one copy)."""
    return replace(lead, values={**lead.values, **script.values(answers)})


def blocked(script: Script, state: State) -> str | None:
    return script.offer_blocked(state)


def compose_offer(
    script: Script,
    state: State,
    lead: Lead,
    settings: Settings,
    templates: Library | None = None,
) -> Offer:
    reason = script.offer_blocked(state)
    if reason:
        raise Invalid(reason)
    spec = script.offer
    assert spec is not None  # offer_blocked says so otherwise
    template = (templates or library()).get(spec.template)
    prepared = prepare_copy(template, with_answers(lead, script, state.answers), settings)
    if not prepared.ready:
        names = ", ".join("{" + n + "}" for n in (*prepared.missing, *prepared.rendered.bad))
        raise Invalid(f"The offer text {template.id} still needs {names}; fill them in first.")
    answers = state.answers
    days = int(answers[spec.days])
    price = Decimal(str(answers[spec.price]))
    revisions = answers.get(spec.revisions)
    milestones = tuple(answers.get(spec.milestones) or ())
    limit = limit_for(template.field, settings)
    warnings = [
        *price_warnings(price, settings.limits),
        *days_warnings(days, settings.limits),
        *_milestone_warnings(milestones, price, days),
        *(str(f) for f in prepared.warnings),
    ]
    if len(prepared.text) > limit and not any("characters" in w for w in warnings):
        warnings.append(f"{len(prepared.text)} characters; the offer description takes {limit}.")
    return Offer(
        script=script.id,
        template_id=template.id,
        description=prepared.text,
        limit=limit,
        delivery_days=days,
        price=money_text(price),
        revisions="unlimited" if revisions == UNLIMITED else str(revisions or "not set"),
        milestones=milestones,
        warnings=tuple(warnings),
        prepared=prepared,
    )


def _milestone_warnings(
    milestones: tuple[dict[str, Any], ...], price: Decimal, days: int
) -> list[str]:
    if not milestones:
        return []
    out = []
    if price <= MILESTONE_MIN_PRICE:
        out.append(
            f"Fiverr allows milestones only on offers over ${MILESTONE_MIN_PRICE}; "
            f"this one is ${money_text(price)}."
        )
    total = sum(Decimal(m["price"]) for m in milestones)
    if total != price:
        out.append(
            f"The milestones add up to ${money_text(total)} but the fixed price is "
            f"${money_text(price)}."
        )
    total_days = sum(int(m["days"]) for m in milestones)
    if total_days != days:
        out.append(f"The milestones take {total_days} days in all; the offer says {days}.")
    return out
