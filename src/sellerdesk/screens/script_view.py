"""What the script screen draws, as plain functions of the run, the script
and the lead: each returns the Rich text of one panel. Nothing here reads the
database or asks the app anything, so each panel is tested by calling it.
"""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group
from rich.table import Table
from rich.text import Text

from sellerdesk.config import Settings
from sellerdesk.errors import Invalid
from sellerdesk.records import Lead
from sellerdesk.rulebook import LeadFacts
from sellerdesk.safe_text import visible
from sellerdesk.scripts.engine import Script
from sellerdesk.scripts.fields import display, parse
from sellerdesk.scripts.offer import Offer, compose_offer
from sellerdesk.scripts.runs import Run
from sellerdesk.templates.loading import Library
from sellerdesk.ui.theme import (
    ERROR,
    ERROR_BOLD,
    MUTED,
    MUTED_ITALIC,
    PRIMARY_BOLD,
    SUCCESS,
    WARNING,
    WARNING_BOLD,
)


def preview(text: str, width: int = 88) -> str:
    """The first line of a message, cut at a word if long."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    if len(first) <= width:
        return first
    return first[:width].rsplit(" ", 1)[0] + " …"


def title(script: Script) -> Text:
    return Text.assemble((script.title, PRIMARY_BOLD), "\n", (script.objective, MUTED))


def head(run: Run, script: Script) -> Text:
    """The current step: its title, purpose, trigger, what to ask and to identify."""
    step = run.current
    head = Text()
    head.append(f"Step {run.index + 1} of {len(script.steps)}: {step.title}", style="bold")
    if run.finished:
        head.append("  (script finished)", style=SUCCESS)
    head.append(f"\n{step.purpose}")
    if step.trigger:
        head.append(f"\n{step.trigger}", style=WARNING)
    for item in step.asks:
        head.append(f"\n  • {item}")
    if step.internal:
        head.append("\nIdentify (not asked):", style=MUTED)
        for item in step.internal:
            head.append(f"\n  • {item}", style=MUTED)
    if step.starting_point:
        head.append(
            "\nThe seed has only a heading here: these texts are starting points to edit.",
            style=MUTED_ITALIC,
        )
    return head


def progress(run: Run, script: Script) -> Text:
    out = Text()
    state = run.state
    for number, step in enumerate(script.steps):
        if number < run.index or (run.finished and number == run.index):
            mark, style = "✓", SUCCESS
        elif number == run.index:
            mark, style = "▶", PRIMARY_BOLD
        elif script.can_enter(number, state):
            mark, style = "·", MUTED
        else:
            mark, style = " ", ""
        out.append(f"{mark} {number + 1}. {step.title}\n", style=style)
    done = run.index + (1 if run.finished else 0)
    out.append(f"\n{done} of {len(script.steps)} steps passed", style=MUTED)
    if any(script.can_enter(n, state) for n in range(run.index + 1, len(script.steps))):
        out.append("\n· held back until what it needs is captured", style=MUTED)
    return out


def rules(script: Script, rules: tuple[str, ...]) -> Text:
    out = Text()
    out.append("Guard rails\n", style=WARNING_BOLD)
    for rule in rules:
        out.append(f"  ⚠ {rule}\n", style=WARNING)
    out.append(f"  {script.hard_rule}", style=ERROR_BOLD)
    return out


def messages(
    run: Run | None,
    script: Script | None,
    ids: tuple[str, ...],
    templates: Library,
    facts: LeadFacts | None,
    settings: Settings,
) -> Text:
    """The step's numbered messages, each previewed as it would be copied for the lead."""
    out = Text()
    out.append("Messages (press the number to copy)\n", style=PRIMARY_BOLD)
    if not ids:
        out.append("  None at this step.", style=MUTED)
    for number, template_id in enumerate(ids, start=1):
        template = templates.templates.get(template_id)
        if template is None:
            out.append(f"  {number}. {template_id} (not installed)\n", style=ERROR)
            continue
        out.append(f"  {number}. ", style="bold")
        out.append(visible(template.title) + "\n")
        if facts is not None:
            from sellerdesk.copying import prepare_with

            prepared = prepare_with(template, facts, settings)
            out.append(f"     {visible(preview(prepared.text))}\n", style="italic")
    held = script.can_enter(run.index, run.state) if run and script else None
    if held:
        out.append(f"  Held back. {held}\n", style=WARNING)
    return out


def fields(run: Run | None) -> Group | str:
    """The answers the current step captures, as they stand."""
    if run is None:
        return ""
    step = run.current
    if not step.fields:
        return ""
    table = Table.grid(padding=(0, 2))
    table.add_column(style=MUTED, no_wrap=True)
    table.add_column(overflow="fold")
    for item in step.fields:
        value = display(item, run.answers.get(item.name))
        table.add_row(item.label, Text(visible(value)) if value else Text("—", style=MUTED))
    title = Text("Answers (f to fill in)", style=PRIMARY_BOLD)
    return Group(title, table)


def offer_panel(run: Run | None, lead: Lead, settings: Settings) -> Text | str:
    """The custom offer at the offer step: its counter and terms, or what is missing."""
    if run is None or not run.current.offer:
        return ""
    out = Text()
    out.append("Custom offer (o shows the whole form)\n", style=PRIMARY_BOLD)
    try:
        offer: Offer = compose_offer(run, lead, settings)
    except Invalid as exc:
        out.append(str(exc), style=ERROR)
        return out
    style = ERROR if offer.chars > offer.limit else SUCCESS
    out.append(f"Description: {offer.counter}\n", style=style)
    out.append(f"Delivery {offer.delivery_days} days · revisions {offer.revisions} · ")
    out.append(f"price ${offer.price}")
    if offer.milestones:
        out.append(f" · {len(offer.milestones)} milestones")
    for warning in offer.warnings:
        out.append(f"\n⚠ {visible(warning)}", style=WARNING)
    return out


def gate(run: Run, blocked: str | None) -> Text:
    """What stands between the step and the next: blocked, finished, or free to pass."""
    if blocked:
        return Text(f"Blocked. {blocked}", style=ERROR_BOLD)
    if run.finished:
        return Text("Finished. b goes back a step.", style=SUCCESS)
    return Text("n passes this step.", style=MUTED)


def offer_preview(
    run: Run, script: Script, lead: Lead, typed: dict[str, str], settings: Settings
) -> Text:
    """The live counter: the offer as it would read with what is typed now."""
    answers = dict(run.answers)
    for name, text in typed.items():
        item = script.field(name)
        if item is None:
            continue
        if not text.strip():
            answers.pop(name, None)
            continue
        try:
            answers[name] = parse(item, text, settings.limits).value
        except Invalid:
            continue
    try:
        offer = compose_offer(replace(run, answers=answers), lead, settings)
    except Invalid as exc:
        return Text(str(exc), style=WARNING)
    style = ERROR if offer.chars > offer.limit else SUCCESS
    out = Text(f"Offer description: {offer.counter}", style=style)
    for warning in offer.warnings:
        out.append(f"\n⚠ {visible(warning)}", style=WARNING)
    return out


def standing(run: Run | None, default: Script | None) -> Text:
    """The lead screen's script panel: where the lead stands, or which script g starts."""
    if run is None:
        return Text(
            f"\nScript: none yet. g starts the {default.title}."
            if default
            else "\nScript: none yet. g picks one.",
            style=MUTED,
        )
    out = Text()
    out.append("\nScript  ", style=MUTED)
    out.append(run.definition.title, style=PRIMARY_BOLD)
    if run.finished:
        out.append("  finished", style=SUCCESS)
    out.append(f"\nStep {run.index + 1}/{len(run.definition.steps)}: {run.current.title}")
    blocked = None if run.finished else run.definition.next_blocked(run.index, run.state)
    if blocked:
        out.append(f"\nWaiting: {blocked}", style=WARNING)
    out.append("\ng opens it", style=MUTED)
    return out
