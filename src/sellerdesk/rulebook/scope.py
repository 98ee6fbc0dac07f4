"""Which script rules govern a template, read from the script definitions.

A template a script offers at a step with an entry gate (the budget question
"after scope only") may go out only when that gate holds; a script's offer
template only when its offer gate holds. Offered anywhere else in the same
script without a gate (or from every step), it is free there. Nothing here
lists template ids: adding a gated step to a script gates its messages.

Which script decides for a lead: the run it is in that offers the template
(its active run first), else the script of its project type, else the
template's own script, else the first script that offers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sellerdesk.records import Lead
from sellerdesk.scripts.engine import Gate, Script
from sellerdesk.scripts.registry import all_scripts, for_project_type
from sellerdesk.scripts.standing import Run
from sellerdesk.templates.model import Template


@dataclass(frozen=True)
class Use:
    """How one script offers a template."""

    script: Script
    gate: Gate | None
    """What must hold for it to go out (None: free in this script)."""
    offer: bool = False
    """It is the script's custom offer."""


@cache
def uses(template_id: str) -> tuple[Use, ...]:
    found: list[Use] = []
    for script in all_scripts().values():
        if script.offer is not None and script.offer.template == template_id:
            found.append(Use(script, script.offer.gate, offer=True))
            continue
        gates: list[Gate | None] = [
            step.enter
            for step in script.steps
            if any(message.template == template_id for message in step.messages)
        ]
        if any(message.template == template_id for message in script.anywhere):
            gates.append(None)
        if gates:
            free = any(gate is None for gate in gates)
            found.append(Use(script, None if free else gates[0]))
    return tuple(found)


def governing(
    template: Template, lead: Lead, runs: tuple[Run, ...]
) -> tuple[Use | None, Run | None]:
    """The script use that decides for this lead (None: no script offers the
    template), and the run it is judged on (None when the lead has no run of
    that script: nothing is captured yet)."""
    by_script = {use.script.id: use for use in uses(template.id)}
    if not by_script:
        return None, None
    for run in runs:
        if run.script in by_script:
            return by_script[run.script], run
    own = for_project_type(lead.project_type)
    for script_id in (own.id if own else None, template.script):
        if script_id in by_script:
            return by_script[script_id], None
    return next(iter(by_script.values())), None
