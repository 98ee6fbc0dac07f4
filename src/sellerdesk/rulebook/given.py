"""Values given for one copy as the script's answers.

A value typed for a copy (`sellerdesk copy --set`, the library's small form)
that fills a placeholder the governing script captures is that script's
answer, parsed as the script screen parses it: the gates judge the run as it
will stand with it, and recording the copy stores it on the run, as typing it
on the script screen would have (a confirmed answer changed this way clears
the confirmation, as there).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sellerdesk.config import Limits
from sellerdesk.rulebook.facts import LeadFacts
from sellerdesk.rulebook.scope import governing
from sellerdesk.scripts.engine import State
from sellerdesk.scripts.fields import parse
from sellerdesk.scripts.standing import Run
from sellerdesk.templates.model import Template
from sellerdesk.templates.render import placeholders


def given_answers(
    template: Template, facts: LeadFacts, given: Mapping[str, str], limits: Limits
) -> dict[str, Any]:
    """The answers `given` supplies to the lead's governing run: values for the
    template's placeholders that its script captures, parsed (a value the field
    refuses raises `Invalid` naming it). Empty when the lead has no run of that
    script to keep them."""
    use, run = governing(template, facts.lead, facts.runs)
    if use is None or run is None:
        return {}
    names = set(placeholders(template.body))
    out: dict[str, Any] = {}
    for name, text in given.items():
        item = use.script.field(name)
        if item is None or name not in names or not (text or "").strip():
            continue
        out[name] = parse(item, text, limits).value
    return out


def state_with(run: Run, facts: LeadFacts, answers: Mapping[str, Any]) -> State:
    """The run's state once `answers` are captured, confirmation cleared as it would be."""
    spec = run.definition.offer
    if spec is None or not answers:
        return State({**run.answers, **answers}, run.ticks)
    covered = facts.confirmed.get(run.script, dict(run.answers))
    return spec.after_change(run.state, answers, covered)
