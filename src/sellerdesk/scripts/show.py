"""A run's current step as plain lines, for the command line and for copying
by hand: where the lead stands, what to do, what is captured, what blocks."""

from __future__ import annotations

from sellerdesk.scripts.fields import display
from sellerdesk.scripts.runs import Run
from sellerdesk.templates.loading import Library


def step_lines(run: Run, industry: str | None, templates: Library) -> list[str]:
    script = run.definition
    step = run.current
    total = len(script.steps)
    status = " (finished)" if run.finished else ""
    lines = [
        f"{script.title}: step {run.index + 1}/{total}, {step.title}{status}",
        f"Purpose: {step.purpose}",
    ]
    if step.trigger:
        lines.append(f"When: {step.trigger}")
    lines.extend(f"Rule: {rule}" for rule in step.rules)
    lines.append(f"Hard rule: {script.hard_rule}")
    lines.extend(f"Do: {item}" for item in step.asks)
    lines.extend(f"Identify: {item}" for item in step.internal)
    for number, template_id in enumerate(script.messages_at(run.index, run.answers, industry), 1):
        title = templates.templates.get(template_id)
        name = title.title if title else "(not installed)"
        lines.append(f"Message {number}: {template_id}, {name}")
    for item in step.fields:
        value = display(item, run.answers.get(item.name)) or "—"
        lines.append(f"Field {item.name} ({item.label}): {value}")
    for check in step.checks_for(run.answers):
        mark = "x" if check.id in run.ticks else " "
        lines.append(f"[{mark}] {check.id}: {check.text}")
    if not run.finished:
        blocked = script.next_blocked(run.index, run.state)
        if blocked:
            lines.append(f"Next is blocked. {blocked}")
    if step.starting_point:
        lines.append("The seed has only a heading here: its texts are starting points to edit.")
    return lines
