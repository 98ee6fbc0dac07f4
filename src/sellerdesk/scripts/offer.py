"""Composing the custom offer from a run's answers, as Fiverr's custom-offer
form asks for it: a description (1,500 characters at most), delivery days,
revisions, a price and, on offers over $100, up to three milestones.

The rule book decides, as for every copy: refused with what is missing until
the script's offer gate holds (or it is passed on purpose), and refused
outright when Fiverr would not accept it (a description over the limit, a
price or delivery time out of range). Milestones that do not add up are
warned about.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sellerdesk import clock
from sellerdesk.config import Settings
from sellerdesk.copying import PreparedCopy, prepare_copy, prepare_with
from sellerdesk.db.engine import Database
from sellerdesk.errors import Invalid, NotFound
from sellerdesk.records import Lead
from sellerdesk.referrals.gate import OrderFacts
from sellerdesk.rulebook import LeadFacts, Refused
from sellerdesk.scripts.engine import Script
from sellerdesk.scripts.fields import MILESTONE_MIN_PRICE, UNLIMITED, money_text
from sellerdesk.scripts.standing import Run
from sellerdesk.templates.lint import limit_for
from sellerdesk.templates.loading import Library, library
from sellerdesk.templates.model import Template


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
        over = self.chars - self.limit
        cut = f": cut {over:,}" if over > 0 else ""
        return f"{self.chars:,}/{self.limit:,} characters{cut}"

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


def compose_offer(
    run: Run,
    lead: Lead,
    settings: Settings,
    templates: Library | None = None,
    *,
    orders: tuple[OrderFacts, ...] = (),
) -> Offer:
    """The offer as the run stands (a preview: the answers may not be saved yet).
    Raises `Refused` with the rule book's sentence."""
    template = _offer_template(run.definition, templates)
    facts = LeadFacts(lead, (run,), orders, clock.now())
    return _offer(run, prepare_with(template, facts, settings, checked=False, ask=False))


def offer_for(
    db: Database,
    username: str,
    settings: Settings,
    *,
    script: str | None = None,
    override: str | None = None,
) -> Offer:
    """The offer on the lead's stored state, as `sellerdesk script offer` prints it
    and records it sent; `prepared` is what `copying.commit_copy` records."""
    from sellerdesk.leads import get_lead
    from sellerdesk.scripts import runs

    run = runs.get_run(db, username, script)
    if run is None:
        raise NotFound(f"{username} has no script run yet; `sellerdesk script start`.")
    template = _offer_template(run.definition)
    lead = get_lead(db, username)
    return _offer(run, prepare_copy(db, template, lead, settings, override=override, ask=False))


def captured_later(run: Run) -> tuple[int, list[str]] | None:
    """What the offer still needs that a step after the run's own captures: that
    step's number and the answers' labels (a screen can say how to get there)."""
    script = run.definition
    if script.offer is None:
        return None
    later = [
        name
        for name in script.offer.gate.fields
        if not run.state.has(name) and script.field_step(name) > run.index + 1
    ]
    if not later:
        return None
    number = min(script.field_step(name) for name in later)
    labels = [
        script.fields[name].label.lower()
        for name in later
        if script.field_step(name) == number
    ]
    return number, labels


def _offer_template(script: Script, templates: Library | None = None) -> Template:
    if script.offer is None:
        raise Invalid(f"The {script.title} script has no custom offer.")
    return (templates or library()).get(script.offer.template)


def _offer(run: Run, prepared: PreparedCopy) -> Offer:
    refusal = prepared.blocked
    if refusal is not None:
        raise Refused(refusal)
    template = prepared.template
    if not prepared.ready:
        names = ", ".join("{" + n + "}" for n in (*prepared.missing, *prepared.rendered.bad))
        raise Invalid(f"The offer text {template.id} still needs {names}; fill them in first.")
    spec = run.definition.offer
    assert spec is not None  # `_offer_template` says so otherwise
    answers = run.answers
    days = int(answers.get(spec.days) or 0)
    price = Decimal(str(answers.get(spec.price) or 0))
    revisions = answers.get(spec.revisions)
    milestones = tuple(answers.get(spec.milestones) or ())
    settings = prepared.settings or Settings()
    warnings = [
        *_milestone_warnings(milestones, price, days),
        *(str(f) for f in prepared.warnings if f.code != "too-long"),
    ]
    return Offer(
        script=run.script,
        template_id=template.id,
        description=prepared.text,
        limit=limit_for(template.field, settings),
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
    total = sum((Decimal(m["price"]) for m in milestones), Decimal(0))
    if total != price:
        out.append(
            f"The milestones add up to ${money_text(total)} but the fixed price is "
            f"${money_text(price)}."
        )
    total_days = sum(int(m["days"]) for m in milestones)
    if total_days != days:
        out.append(f"The milestones take {total_days} days in all; the offer says {days}.")
    return out
