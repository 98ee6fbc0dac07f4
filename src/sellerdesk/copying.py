"""Preparing and recording a copy of a message to a lead.

Prepare: fill the template from the lead, its script answers, the settings
and any values typed for this copy, lint the result, and ask the rule book
on the lead's stored state. Commit: after the text went to a clipboard (or
could not), ask the rule book again inside the write unit, then record the
copy on the lead's timeline with the exact text, remember the values typed
for it, update Last Messaged, and do what sending it means (the offer moves
the lead to Offer Sent), all in one unit. `takeback.take_back` undoes that.

Nothing reaches a clipboard or the timeline that the rule book refuses,
unless the seller passes a gate on purpose with a reason (`override`),
which the timeline then records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from sellerdesk import clock
from sellerdesk.clipboard import NOWHERE
from sellerdesk.config import Settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadValueModel, ScriptRunModel
from sellerdesk.errors import Invalid
from sellerdesk.event_kinds import COPIED_KIND, SHOWN_KIND
from sellerdesk.leads import load_id, touch
from sellerdesk.records import Event, Lead
from sellerdesk.rulebook import (
    LeadFacts,
    Refusal,
    Refused,
    blocking,
    facts_in_unit,
    read_facts,
    state_refusals,
    text_refusals,
)
from sellerdesk.rulebook.given import given_answers
from sellerdesk.rulebook.override import clean_reason, record_override
from sellerdesk.rulebook.scope import governing
from sellerdesk.templates.lint import check_copy, reference_sites
from sellerdesk.templates.model import WARNING, Finding, Template
from sellerdesk.templates.render import Rendered, render
from sellerdesk.templates.values import SETTINGS, ValueInfo, build_values, info
from sellerdesk.timeline import record
from sellerdesk.timeline import to_record as event_record


@dataclass(frozen=True)
class PreparedCopy:
    template: Template
    lead: Lead | None
    rendered: Rendered
    findings: list[Finding] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    refusals: tuple[Refusal, ...] = ()
    """What the rule book refuses, passed on purpose or not (see `blocked`)."""
    override: str | None = None
    """The seller's reason to pass the gates that refuse, if one was given."""
    checked: bool = False
    """True when the rule book judged the lead's stored state (not a preview)."""
    settings: Settings | None = field(default=None, repr=False, compare=False)
    answers: dict[str, Any] = field(default_factory=dict)
    """Values given for this copy that are the governing script's answers
    (parsed): recording the copy stores them on the run."""

    @property
    def text(self) -> str:
        return self.rendered.text

    @property
    def missing(self) -> tuple[str, ...]:
        return self.rendered.missing

    @property
    def ready(self) -> bool:
        """True only when every placeholder is filled: nothing half-done is copied."""
        return self.rendered.complete

    @property
    def blocked(self) -> Refusal | None:
        """The refusal that stops this copy, or None when it may go out."""
        return blocking(self.refusals, self.override)

    @property
    def warnings(self) -> list[Finding]:
        """Lint findings other than the missing values (which a form asks for)."""
        return [f for f in self.findings if f.code != "missing-value"]

    def missing_fields(self) -> list[tuple[str, ValueInfo]]:
        return [(name, info(name)) for name in self.missing]


def script_values(
    template: Template, facts: LeadFacts, given: dict[str, Any] | None = None
) -> dict[str, str]:
    """Placeholder values from the lead's script answers, as the script screen
    has them: every run's answers, the run that governs this template on top,
    with the answers given for this copy (`given`, parsed) on it."""
    _use, governing_run = governing(template, facts.lead, facts.runs)
    out: dict[str, str] = {}
    for run in reversed(facts.runs):
        out.update(run.definition.values(run.answers))
    if governing_run is not None:
        answers = {**governing_run.answers, **(given or {})}
        out.update(governing_run.definition.values(answers))
    return out


def _lead_values(template: Template, facts: LeadFacts) -> dict[str, str]:
    """Values kept on the lead, less those a gate of the governing script asks
    for: only the script's answers (or a value given for this copy) pass a gate."""
    use, _run = governing(template, facts.lead, facts.runs)
    gated = set(use.gate.fields) if use is not None and use.gate is not None else set()
    return {k: v for k, v in facts.lead.values.items() if k not in gated}


def prepare_with(
    template: Template,
    facts: LeadFacts | None,
    settings: Settings,
    extra: dict[str, str] | None = None,
    *,
    override: str | None = None,
    checked: bool = False,
    ask: bool = True,
) -> PreparedCopy:
    """A copy prepared on facts already read (a preview, or `prepare_copy`).
    Values in `extra` that the lead's script captures are parsed as its answers
    (see `rulebook.given`); one the field refuses raises `Invalid`. With `ask`,
    a gate leaves the placeholders still empty to the small form (or `--set`);
    without (the custom offer's form, made of the run's answers), it names them."""
    lead = facts.lead if facts is not None else None
    given: dict[str, Any] = {}
    if facts is not None:
        given = given_answers(template, facts, extra or {}, settings.limits)
        known = {**_lead_values(template, facts), **script_values(template, facts, given)}
        lead = replace(facts.lead, values=known)
        extra = {k: v for k, v in (extra or {}).items() if k not in given}
    values = build_values(lead, settings, extra)
    rendered = render(template.body, values)
    findings = check_copy(
        template,
        rendered,
        settings,
        website=values.get("website"),
        client_sites=reference_sites(template, values),
    )
    if lead is not None and lead.do_not_contact:
        reason = f" ({lead.dnc_reason})" if lead.dnc_reason else ""
        findings.append(
            Finding("do-not-contact", WARNING, f"{lead.username} is marked do-not-contact{reason}.")
        )
    refusals: list[Refusal] = []
    if facts is not None:
        refusals = [
            *text_refusals(template, rendered.text, findings, settings),
            *state_refusals(
                template, facts, settings, given, asked=rendered.missing if ask else ()
            ),
        ]
    return PreparedCopy(
        template,
        lead,
        rendered,
        findings,
        values,
        tuple(refusals),
        clean_reason(override),
        checked and facts is not None,
        settings,
        given,
    )


def prepare_copy(
    db: Database,
    template: Template,
    lead: Lead | None,
    settings: Settings,
    extra: dict[str, str] | None = None,
    *,
    override: str | None = None,
    ask: bool = True,
) -> PreparedCopy:
    """Fill `template` for `lead` and ask the rule book on the lead's stored state."""
    # The lead as the caller read it a moment ago; its runs and orders as they are
    # now. `commit_copy` judges again on everything as it is when it records.
    facts = read_facts(db, lead.id, lead) if lead is not None else None
    return prepare_with(
        template, facts, settings, extra, override=override, checked=True, ask=ask
    )


def lead_values_to_remember(values: dict[str, str]) -> dict[str, str]:
    """Typed values kept on the lead; the seller's own profile belongs in settings."""
    return {k: v for k, v in values.items() if v and info(k).origin != SETTINGS}


def commit_copy(
    db: Database,
    prepared: PreparedCopy,
    path: str,
    *,
    remember: dict[str, str] | None = None,
) -> Event:
    """Record a copy on the lead's timeline (text, template, clipboard path, length),
    after the rule book says yes again on the state as it is now.

    Text that reached no clipboard (`path` is clipboard.NOWHERE) is recorded as
    shown, not copied: it is no sent message, so Last Messaged, the lead's stage
    and the daily targets (which count only sent messages) do not move.
    """
    if prepared.lead is None:
        raise Invalid("A copy is recorded on a lead; choose a lead first.")
    if not prepared.checked or prepared.settings is None:
        raise Invalid("Not copied: the rule book was not asked about this text; prepare it again.")
    template, text, settings = prepared.template, prepared.text, prepared.settings
    with db.write() as session:
        lead = load_id(session, prepared.lead.id)
        facts = facts_in_unit(session, lead.id)
        _use, run = governing(template, facts.lead, facts.runs)
        given = {
            name: value
            for name, value in prepared.answers.items()
            if run is not None and run.answers.get(name) != value
        }
        refusals = [
            *text_refusals(template, text, prepared.findings, settings),
            *state_refusals(template, facts, settings, given),
        ]
        stopped = blocking(refusals, prepared.override)
        if stopped is not None:
            raise Refused(stopped)
        if not prepared.ready:
            names = ", ".join("{" + n + "}" for n in (*prepared.missing, *prepared.rendered.bad))
            raise Invalid(f"Not copied: the text still has unfilled placeholders ({names}).")
        if given and run is not None:
            _keep_answers(session, lead, run, given, db.author)
        for refusal in refusals:
            assert prepared.override is not None  # `blocking` passed them for a reason
            record_override(
                session, lead, refusal, prepared.override, db.author, template=template.id
            )
        current = {value.name: value for value in lead.values}
        # A value the script keeps (see `rulebook.given`) is not kept twice.
        typed = {k: v for k, v in (remember or {}).items() if k not in prepared.answers}
        for name, value in lead_values_to_remember(typed).items():
            if name in current:
                current[name].value = value
            else:
                lead.values.append(LeadValueModel(name=name, value=value))
        sent = path != NOWHERE
        before = lead.last_messaged_at
        if sent:
            lead.last_messaged_at = clock.now()
        touch(lead)
        data: dict[str, Any] = {"template": template.id, "path": path, "chars": len(text)}
        if prepared.override and refusals:
            data["override"] = prepared.override
        kind = COPIED_KIND if sent else SHOWN_KIND
        event = record(session, lead, kind, text, author=db.author, data=data)
        if sent:
            moved = _sent(session, lead, template, facts, db.author)
            moved["last_messaged_at"] = before.isoformat() if before else None
            event.data = json.dumps({**data, "moved": moved}, sort_keys=True)
        session.flush()
        return event_record(event)


def _keep_answers(session, lead, run, given: dict[str, Any], author: str) -> None:
    """The answers given for this copy, stored on the run that governs it."""
    from sellerdesk.scripts.runs import capture_in_unit

    model = session.get(ScriptRunModel, run.id)
    capture_in_unit(session, lead, model, run.definition, given, author)


def _sent(session, lead, template: Template, facts: LeadFacts, author: str) -> dict[str, Any]:
    """What sending this text means for the lead, done in the copy's unit: the
    custom offer moves the run past its step and the lead to Offer Sent."""
    from sellerdesk.scripts.runs import offer_sent_in_unit

    use, run = governing(template, facts.lead, facts.runs)
    if use is None or not use.offer:
        return {}
    model = session.get(ScriptRunModel, run.id) if run is not None else None
    return offer_sent_in_unit(session, lead, use.script, model, author)
