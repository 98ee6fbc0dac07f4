"""A lead's stored run through a script: start or resume it, capture answers,
tick checklist items, move on and back through the gates.

Each call is one write unit. Every step passed (and every move back) is on
the lead's timeline as "script_step", with the answers captured on it, so
the record shows what was agreed and when. With `expected_version`, a call
refuses to overwrite a run someone else changed in between.

A confirmation is bound to what it confirmed: ticking an item of the offer's
confirmation writes the answers it covers on the timeline, and an answer
changed after it was confirmed clears the confirmation (saying so there).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock, rules
from sellerdesk.config import Limits
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadLabelModel, LeadModel, ScriptRunModel
from sellerdesk.errors import Invalid, NotFound
from sellerdesk.leads import load, touch
from sellerdesk.scripts.engine import Script, State, Step
from sellerdesk.scripts.fields import display, parse
from sellerdesk.scripts.registry import for_project_type, get_script

# Reading lives beside; re-exported so callers keep one module to think of.
from sellerdesk.scripts.standing import (  # noqa: F401
    ACTIVE,
    FINISHED,
    TICK_KIND,
    Run,
    confirmed_answers,
    current_run,
    current_steps,
    default_script,
    find_run,
    get_run,
    runs_for,
    step_marks,
    to_run,
)
from sellerdesk.stale import refuse_if_stale
from sellerdesk.timeline import record
from sellerdesk.vocab import STAGES

STEP_KIND = "script_step"
ANSWER_KIND = "script_answer"


class Blocked(Invalid):
    """A gate does not hold; the message says what is missing."""

    def __init__(self, message: str, *, can_override: bool = True) -> None:
        super().__init__(message)
        self.can_override = can_override


# ---------------------------------------------------------------- writing


def _open(
    session: Session, username: str, script_id: str | None, expected_version: int | None
) -> tuple[LeadModel, ScriptRunModel, Script]:
    lead = load(session, username)
    if script_id is None:
        model = session.scalar(
            select(ScriptRunModel)
            .where(ScriptRunModel.lead_id == lead.id)
            .order_by(
                (ScriptRunModel.status == ACTIVE).desc(),
                ScriptRunModel.updated_at.desc(),
                ScriptRunModel.id.desc(),
            )
            .limit(1)
        )
    else:
        model = find_run(session, lead.id, script_id)
    if model is None:
        which = f"the {get_script(script_id).title} script" if script_id else "a script"
        raise NotFound(f"{lead.username} has not started {which}; start it first.")
    refuse_if_stale(model, expected_version, f"{lead.username}'s {get_script(model.script).title}")
    return lead, model, get_script(model.script)


def _save(model: ScriptRunModel, answers: dict[str, Any], ticks: set[str]) -> None:
    model.answers = json.dumps(answers, sort_keys=True)
    model.ticks = json.dumps(sorted(ticks))
    model.updated_at = clock.now()


def start(db: Database, username: str, script_id: str | None = None) -> Run:
    """Resume the lead's run of the script, or start it at step 1.

    Without a script: the current run, else the script of the lead's project type.
    """
    with db.write() as session:
        lead = load(session, username)
        if script_id is None:
            existing = session.scalar(
                select(ScriptRunModel)
                .where(ScriptRunModel.lead_id == lead.id)
                .order_by(
                    (ScriptRunModel.status == ACTIVE).desc(), ScriptRunModel.updated_at.desc()
                )
                .limit(1)
            )
            if existing is not None:
                return to_run(existing)
            script = for_project_type(lead.project_type)
            if script is None:
                raise Invalid(
                    f"{lead.username} has no project type to pick a script from; "
                    "choose the script to start."
                )
        else:
            script = get_script(script_id)
        model = find_run(session, lead.id, script.id)
        if model is not None:
            return to_run(model)
        now = clock.now()
        first = script.steps[0]
        model = ScriptRunModel(
            lead_id=lead.id,
            script=script.id,
            step=first.id,
            answers="{}",
            ticks="[]",
            status=ACTIVE,
            started_at=now,
            updated_at=now,
        )
        session.add(model)
        touch(lead)
        record(
            session,
            lead,
            STEP_KIND,
            f"{script.title}: started at step 1, {first.title}",
            author=db.author,
            data={"script": script.id, "to": first.id, "move": "start"},
        )
        session.flush()
        return to_run(model)


def set_answers(
    db: Database,
    username: str,
    raw: dict[str, str],
    *,
    script: str | None = None,
    limits: Limits | None = None,
    expected_version: int | None = None,
) -> tuple[Run, list[str]]:
    """Capture typed answers (blank text clears one). All or nothing: if any
    value cannot be taken, nothing is saved and every problem is named."""
    with db.write() as session:
        lead, model, definition = _open(session, username, script, expected_version)
        problems: list[str] = []
        warnings: list[str] = []
        changes: dict[str, Any] = {}
        for name, text in raw.items():
            item = definition.field(name)
            if item is None:
                known = ", ".join(definition.fields)
                problems.append(f"'{name}' is not captured by {definition.title} ({known}).")
                continue
            if not (text or "").strip():
                changes[name] = None
                continue
            try:
                parsed = parse(item, text, limits)
            except Invalid as exc:
                problems.append(str(exc))
                continue
            warnings.extend(parsed.warnings)
            changes[name] = parsed.value
        if problems:
            raise Invalid(" ".join(problems) + " Nothing was saved.")
        cleared = capture_in_unit(session, lead, model, definition, changes, db.author)
        if cleared:
            warnings.append(cleared)
        session.flush()
        return to_run(model), warnings


def capture_in_unit(
    session: Session,
    lead: LeadModel,
    model: ScriptRunModel,
    definition: Script,
    changes: dict[str, Any],
    author: str,
) -> str | None:
    """Store parsed answers on the run (None clears one), in the caller's unit:
    on the timeline, the website remembered, and the confirmation cleared if
    it covered one that changed (the sentence saying so, else None)."""
    answers = json.loads(model.answers or "{}")
    changed: list[str] = []
    names: list[str] = []
    for name, value in changes.items():
        item = definition.fields[name]
        if value is None:
            if name in answers:
                del answers[name]
                changed.append(f"{item.label}: cleared")
                names.append(name)
        elif answers.get(name) != value:
            answers[name] = value
            changed.append(f"{item.label}: {display(item, value)}")
            names.append(name)
    if not changed:
        return None
    ticks = set(json.loads(model.ticks or "[]"))
    _save(model, answers, ticks)
    _remember_website(session, lead, answers, author)
    touch(lead)
    record(
        session,
        lead,
        ANSWER_KIND,
        f"{definition.title}: " + "; ".join(changed),
        author=author,
        data={"script": definition.id, "fields": sorted(changes)},
    )
    return _unconfirm(session, lead, model, definition, names, ticks, author)


def _unconfirm(
    session: Session,
    lead: LeadModel,
    model: ScriptRunModel,
    definition: Script,
    changed: list[str],
    ticks: set[str],
    author: str,
) -> str | None:
    """Clear the offer's confirmation when an answer it covered has changed since;
    the sentence saying so (also on the timeline), or None."""
    spec = definition.offer
    if spec is None or not (ticks & set(spec.confirmation)):
        return None
    covered = confirmed_answers(session, lead.id, definition, spec.confirmation)
    touched = spec.unconfirmed_by(changed, covered)
    if not touched:
        return None
    number, _check = definition.check(spec.confirmation[0])
    labels = _join([definition.fields[name].label.lower() for name in touched])
    sentence = (
        f"{definition.title}: the confirmation in chat (step {number}) is cleared: "
        f"the {labels} changed after it was confirmed; confirm it again before the offer."
    )
    _save(model, json.loads(model.answers or "{}"), ticks - set(spec.confirmation))
    record(
        session,
        lead,
        TICK_KIND,
        sentence,
        author=author,
        data={
            "script": definition.id,
            "cleared": sorted(ticks & set(spec.confirmation)),
            "changed": touched,
        },
    )
    return sentence


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _remember_website(session: Session, lead: LeadModel, answers: dict, author: str) -> None:
    """The site link captured in chat fills an empty Website on the record."""
    site = answers.get("website")
    if site and not lead.website:
        lead.website = site
        record(
            session,
            lead,
            "edited",
            f"website: {site} (from the script)",
            author=author,
            data={"fields": ["website"]},
        )


def tick(
    db: Database,
    username: str,
    item: str,
    on: bool = True,
    *,
    script: str | None = None,
    expected_version: int | None = None,
) -> Run:
    with db.write() as session:
        lead, model, definition = _open(session, username, script, expected_version)
        try:
            number, check = definition.check(item)
        except KeyError:
            known = ", ".join(c.id for s in definition.steps for c in s.checklist) or "none"
            raise Invalid(
                f"'{item}' is not a checklist item of {definition.title} ({known})."
            ) from None
        ticks = set(json.loads(model.ticks or "[]"))
        if (item in ticks) == on:
            return to_run(model)
        (ticks.add if on else ticks.discard)(item)
        answers = json.loads(model.answers or "{}")
        _save(model, answers, ticks)
        touch(lead)
        verb = "confirmed" if on else "no longer confirmed"
        data: dict[str, Any] = {"script": definition.id, "item": item, "on": on}
        spec = definition.offer
        if on and spec is not None and item in spec.confirmation:
            # What was confirmed, so a later change of it is known for one.
            state = State(answers)
            data["confirmed"] = {n: answers[n] for n in spec.gate.fields if state.has(n)}
        record(
            session,
            lead,
            TICK_KIND,
            f"{definition.title}, step {number}: {check.text} {verb}",
            author=db.author,
            data=data,
        )
        session.flush()
        return to_run(model)


def next_step(
    db: Database,
    username: str,
    *,
    script: str | None = None,
    expected_version: int | None = None,
    override: str | None = None,
) -> Run:
    """Pass the current step (through its gates) to the next; past the last
    step the run is finished. Stage and label effects commit with the move.
    With `override` (a reason), gates that may be passed are passed on purpose
    and the timeline says which and why."""
    from sellerdesk.rulebook.override import clean_reason, record_override
    from sellerdesk.rulebook.rules import SCRIPT_GATE, Refusal

    reason_given = clean_reason(override)
    with db.write() as session:
        lead, model, definition = _open(session, username, script, expected_version)
        run = to_run(model)
        index = run.index
        if run.finished:
            raise Invalid(f"{definition.title} is finished for {lead.username}.")
        step = definition.steps[index]
        failing = definition.next_gates(index, run.state)
        if failing:
            can_pass = all(gate.can_override for gate, _sentence in failing)
            if reason_given is None or not can_pass:
                raise Blocked(failing[0][1], can_override=can_pass)
            for gate, sentence in failing:
                refusal = Refusal(SCRIPT_GATE, gate.reason, sentence)
                record_override(session, lead, refusal, reason_given, db.author)
        summary = _answers_on(step, run.answers)
        _move_past(
            session,
            lead,
            model,
            definition,
            index,
            f"{definition.title}: passed step {index + 1}, {step.title}",
            move="next",
            detail=f" ({summary})" if summary else "",
            author=db.author,
        )
        stage = step.stage_on_pass or (
            definition.offer.stage if step.offer and definition.offer else None
        )
        if stage:
            advance_stage(session, lead, stage, db.author, definition.title)
        if step.label_on_pass:
            _add_label(session, lead, step.label_on_pass, db.author)
        session.flush()
        return to_run(model)


def back_step(
    db: Database, username: str, *, script: str | None = None, expected_version: int | None = None
) -> Run:
    with db.write() as session:
        lead, model, definition = _open(session, username, script, expected_version)
        run = to_run(model)
        index = run.index
        if index == 0 and not run.finished:
            raise Invalid("This is the first step; there is nothing before it.")
        target_index = index if run.finished else index - 1
        target = definition.steps[target_index]
        model.step = target.id
        model.status = ACTIVE
        model.updated_at = clock.now()
        touch(lead)
        record(
            session,
            lead,
            STEP_KIND,
            f"{definition.title}: back to step {target_index + 1}, {target.title}",
            author=db.author,
            data={"script": definition.id, "from": run.step, "to": target.id, "move": "back"},
        )
        session.flush()
        return to_run(model)


def offer_sent_in_unit(
    session: Session,
    lead: LeadModel,
    definition: Script,
    model: ScriptRunModel | None,
    author: str,
) -> dict[str, Any]:
    """Inside the unit that records the offer's copy: the run moves past the
    offer step (finished when it is the last) and the lead to the offer's stage,
    whose cadence plans the follow-ups. Returns what moved, so that taking the
    copy back can put each thing where it was."""
    from sellerdesk.followups import store

    spec = definition.offer
    assert spec is not None  # only offer templates move a lead
    moved: dict[str, Any] = {}
    index = next(i for i, step in enumerate(definition.steps) if step.offer)
    # A run already past the offer step (sent before, now following up) stays there.
    if model is not None and definition.index(model.step) <= index:
        moved["run"] = {"id": model.id, "step": model.step, "status": model.status}
        _move_past(
            session,
            lead,
            model,
            definition,
            index,
            f"{definition.title}: custom offer sent",
            move="offer",
            author=author,
        )
        moved["run"].update(to_step=model.step, to_status=model.status)
    before = {followup.id for followup in store.active_for(session, lead.id)}
    old = lead.stage
    advance_stage(session, lead, spec.stage, author, f"{definition.title} offer copied")
    if lead.stage != old:
        moved["stage"] = {"from": old, "to": lead.stage}
    planned = [f.id for f in store.active_for(session, lead.id) if f.id not in before]
    if planned:
        moved["followups"] = planned
    return moved


def _move_past(
    session: Session,
    lead: LeadModel,
    model,
    definition,
    index: int,
    body: str,
    *,
    move: str,
    author: str,
    detail: str = "",
) -> None:
    """Move the run past step `index` (finished past the last one) and log the move."""
    step = definition.steps[index]
    if index + 1 < len(definition.steps):
        target = definition.steps[index + 1]
        model.step, model.status = target.id, ACTIVE
        body += f" → step {index + 2}, {target.title}"
    else:
        target = None
        model.step, model.status = step.id, FINISHED
        body += "; script finished"
    model.updated_at = clock.now()
    touch(lead)
    record(
        session,
        lead,
        STEP_KIND,
        body + detail,
        author=author,
        data={
            "script": definition.id,
            "from": step.id,
            "to": target.id if target else None,
            "move": move,
        },
    )


def advance_stage(session: Session, lead: LeadModel, stage: str, author: str, why: str) -> None:
    """Move the lead forward to `stage` inside this write unit, as leads.set_stage
    would; a lead already further on (or lost) stays where it is."""
    order = STAGES.keys
    if lead.stage == "lost" or order.index(lead.stage) >= order.index(stage):
        return
    move_stage(session, lead, stage, author, why)


def move_stage(session: Session, lead: LeadModel, stage: str, author: str, why: str) -> None:
    """Move the lead to `stage` inside this write unit, on the timeline and through
    the stage rules (cadences), whichever way it goes."""
    old = lead.stage
    lead.stage = stage
    lead.stage_since = clock.now()
    record(
        session,
        lead,
        "stage",
        f"{STAGES.label(old)} → {STAGES.label(stage)} ({why})",
        author=author,
        data={"from": old, "to": stage},
    )
    rules.stage_changed(session, lead, old, stage, author)


def _add_label(session: Session, lead: LeadModel, label: str, author: str) -> None:
    if any(item.label_key == label.lower() for item in lead.labels):
        return
    lead.labels.append(LeadLabelModel(label=label, label_key=label.lower()))
    record(session, lead, "label_added", label, author=author)


def _answers_on(step: Step, answers: dict[str, Any]) -> str:
    parts = [
        f"{item.label}: {display(item, answers[item.name])}"
        for item in step.fields
        if item.name in answers
    ]
    return "; ".join(parts)
