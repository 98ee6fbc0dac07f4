"""What a sales script is: ordered steps, each with its purpose, guard-rail
rules, messages to copy, answers to capture, a checklist, and gates.

Pure Python and no database: `runs.py` stores where a lead stands, this
module says what that means and whether it may move. A gate that does not
hold answers with one sentence naming what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sellerdesk.scripts.fields import Field, template_values

HARD_RULE = "If it’s not written in chat, it doesn’t exist."


@dataclass(frozen=True)
class When:
    """Applies only when an answer has one of these values (e.g. hosting scenario)."""

    field: str
    values: tuple[str, ...]

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return answers.get(self.field) in self.values


@dataclass(frozen=True)
class Message:
    template: str
    when: When | None = None


@dataclass(frozen=True)
class Check:
    """A checklist item; its id is unique within the script."""

    id: str
    text: str
    when: When | None = None


@dataclass(frozen=True)
class State:
    """What a run holds: answers by field name, ticked checklist ids."""

    answers: Mapping[str, Any] = field(default_factory=dict)
    ticks: frozenset[str] = frozenset()

    def has(self, name: str) -> bool:
        value = self.answers.get(name)
        return value is not None and value != "" and value != []


@dataclass(frozen=True)
class Gate:
    """What must hold; `reason` opens the sentence shown when it does not."""

    reason: str
    fields: tuple[str, ...] = ()
    ticks: tuple[str, ...] = ()
    can_override: bool = True
    """A seller may pass it on purpose, with a reason on the timeline; a mandatory
    step's gate (nothing to work from without it) cannot be passed."""


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    purpose: str
    rules: tuple[str, ...] = ()
    """Guard rails, in the seed's words where it has them."""
    trigger: str = ""
    """When the step applies, for steps the client sets off (e.g. asking for mockups)."""
    asks: tuple[str, ...] = ()
    """What to say or do, in the seed's words."""
    internal: tuple[str, ...] = ()
    """What to work out without asking the client."""
    messages: tuple[Message, ...] = ()
    fields: tuple[Field, ...] = ()
    checklist: tuple[Check, ...] = ()
    enter: Gate | None = None
    """Must hold before the step is offered at all."""
    leave: Gate | None = None
    """Must hold before moving on from it."""
    offer: bool = False
    """The step composes the custom offer; its first message is the offer text."""
    industry_questions: bool = False
    """Discovery step: show the lead's industry question set."""
    stage_on_pass: str | None = None
    """Passing the step moves the lead to this stage (never backwards)."""
    label_on_pass: str | None = None
    starting_point: bool = False
    """The seed has only a heading here: the text is an editable starting point."""

    def checks_for(self, answers: Mapping[str, Any]) -> tuple[Check, ...]:
        return tuple(c for c in self.checklist if c.when is None or c.when.holds(answers))

    def messages_for(
        self, answers: Mapping[str, Any], industry: str | None = None
    ) -> tuple[str, ...]:
        ids = [m.template for m in self.messages if m.when is None or m.when.holds(answers)]
        if self.industry_questions and industry and industry != "other":
            ids.append(f"industry.{industry}")
        return tuple(ids)


@dataclass(frozen=True)
class OfferSpec:
    """How a script's custom offer is composed (see `scripts.offer`)."""

    template: str
    gate: Gate
    confirmation: tuple[str, ...] = ()
    """Checklist items confirming in chat the answers the offer is made of: an
    answer changed after it was confirmed clears them (see `runs.set_answers`)."""
    price: str = "price"
    days: str = "delivery_days"
    revisions: str = "revisions"
    milestones: str = "milestones"
    stage: str = "offer_sent"

    def unconfirmed_by(
        self, changed: Iterable[str], covered: Mapping[str, Any] | None
    ) -> list[str]:
        """Of the answers `changed`, those the confirmation covered (`covered`: the
        answers as confirmed; None when the tick did not say, so every one counts):
        changing any of them clears the confirmation."""
        return [
            name
            for name in changed
            if name in self.gate.fields and (covered is None or name in covered)
        ]

    def after_change(
        self, state: State, changes: Mapping[str, Any], covered: Mapping[str, Any] | None
    ) -> State:
        """The run's state once `changes` are captured, as `runs.set_answers` leaves it."""
        answers = {**state.answers, **changes}
        ticks = state.ticks
        changed = [name for name, value in changes.items() if state.answers.get(name) != value]
        if ticks & set(self.confirmation) and self.unconfirmed_by(changed, covered):
            ticks = ticks - set(self.confirmation)
        return State(answers, ticks)


@dataclass(frozen=True)
class Script:
    id: str
    title: str
    objective: str
    steps: tuple[Step, ...]
    project_type: str | None = None
    hard_rule: str = HARD_RULE
    anywhere: tuple[Message, ...] = ()
    """Messages available from every step without moving (e.g. the mockup objection)."""
    offer: OfferSpec | None = None
    source: str = ""

    def __post_init__(self) -> None:
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{self.id}: step ids repeat")
        names = [f.name for s in self.steps for f in s.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.id}: a field is captured on two steps")
        checks = [c.id for s in self.steps for c in s.checklist]
        if len(set(checks)) != len(checks):
            raise ValueError(f"{self.id}: checklist ids repeat")
        known_fields, known_checks = set(names), set(checks)
        gates = [g for s in self.steps for g in (s.enter, s.leave) if g]
        if self.offer:
            gates.append(self.offer.gate)
            if set(self.offer.confirmation) - known_checks:
                raise ValueError(f"{self.id}: the offer's confirmation names unknown ticks")
        for gate in gates:
            if set(gate.fields) - known_fields or set(gate.ticks) - known_checks:
                raise ValueError(f"{self.id}: gate '{gate.reason}' names unknown fields or ticks")

    # ------------------------------------------------------------ lookups

    def index(self, step_id: str) -> int:
        for number, step in enumerate(self.steps):
            if step.id == step_id:
                return number
        raise KeyError(step_id)

    def step(self, step_id: str) -> Step:
        return self.steps[self.index(step_id)]

    @property
    def fields(self) -> dict[str, Field]:
        return {f.name: f for s in self.steps for f in s.fields}

    def field(self, name: str) -> Field | None:
        return self.fields.get(name)

    def field_step(self, name: str) -> int:
        """1-based number of the step that captures `name`."""
        for number, step in enumerate(self.steps, start=1):
            if any(f.name == name for f in step.fields):
                return number
        raise KeyError(name)

    def check(self, check_id: str) -> tuple[int, Check]:
        for number, step in enumerate(self.steps, start=1):
            for item in step.checklist:
                if item.id == check_id:
                    return number, item
        raise KeyError(check_id)

    # ------------------------------------------------------------ gates

    def missing(self, gate: Gate | None, state: State) -> str | None:
        """None when the gate holds, else the sentence saying what is missing."""
        if gate is None:
            return None
        fields = [
            f"the {self.fields[name].label.lower()} (step {self.field_step(name)})"
            for name in gate.fields
            if not state.has(name)
        ]
        ticks = []
        for check_id in gate.ticks:
            if check_id not in state.ticks:
                number, item = self.check(check_id)
                if _not_asked(item, state):
                    continue
                ticks.append(f"{item.text.lower()} (step {number})")
        if not fields and not ticks:
            return None
        parts = []
        if fields:
            parts.append("capture " + _join(fields))
        if ticks:
            parts.append("confirm in chat " + _join(ticks))
        return f"{gate.reason}: {' and '.join(parts)} first."

    def can_enter(self, index: int, state: State) -> str | None:
        return self.missing(self.steps[index].enter, state)

    def can_leave(self, index: int, state: State) -> str | None:
        return self.missing(self.steps[index].leave, state)

    def next_blocked(self, index: int, state: State) -> str | None:
        """Why the run cannot move from step `index` to the next, or None."""
        blocked = self.can_leave(index, state)
        if blocked or index + 1 >= len(self.steps):
            return blocked
        return self.can_enter(index + 1, state)

    def next_gates(self, index: int, state: State) -> list[tuple[Gate, str]]:
        """Every gate in the way of passing step `index`, with its sentence: the
        step's own, the next step's entry, and the offer's on the offer step."""
        gates = [self.steps[index].leave]
        if index + 1 < len(self.steps):
            gates.append(self.steps[index + 1].enter)
        if self.steps[index].offer and self.offer is not None:
            gates.append(self.offer.gate)
        found = [(gate, self.missing(gate, state)) for gate in gates if gate is not None]
        return [(gate, sentence) for gate, sentence in found if sentence]

    def offer_blocked(self, state: State) -> str | None:
        if self.offer is None:
            return f"The {self.title} script has no custom offer."
        return self.missing(self.offer.gate, state)

    # ------------------------------------------------------------ values

    def values(self, answers: Mapping[str, Any]) -> dict[str, str]:
        """Answers as template placeholder values."""
        out: dict[str, str] = {}
        for name, item in self.fields.items():
            out.update(template_values(item, answers.get(name)))
        return {k: v for k, v in out.items() if v}

    def messages_at(
        self, index: int, answers: Mapping[str, Any], industry: str | None = None
    ) -> tuple[str, ...]:
        """The numbered messages offered at a step: its own, the industry
        questions in discovery steps, then those available from every step.
        A step whose entry gate does not hold (answers cleared since) offers
        only the last kind: e.g. no budget question before the scope."""
        own: tuple[str, ...] = ()
        if self.can_enter(index, State(answers)) is None:
            own = self.steps[index].messages_for(answers, industry)
        extra = tuple(
            m.template
            for m in self.anywhere
            if m.template not in own and (m.when is None or m.when.holds(answers))
        )
        return own + extra


def _not_asked(item: Check, state: State) -> bool:
    """A gate never waits on an item that is not for this client (answered otherwise)."""
    when = item.when
    return when is not None and state.has(when.field) and not when.holds(state.answers)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
