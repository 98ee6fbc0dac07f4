"""Where a lead stands, for choosing its next reply, and the state a pasted
message would leave it in.

`LeadState` holds the facts the rule book reads (`rulebook.LeadFacts`: the
record, the script runs, the orders) and the templates already sent. The
chooser judges a reply on the facts as they will be once the message's
answers are saved (`hypothetical`), and asks the rule book about them: the
same rules every copy path meets, so the suggester never offers a reply a
copy would refuse, nor holds back one it would let through.

Pure: a state is built from facts (`state_of`), read from the database by
`suggest.context.lead_state` or made by hand in tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sellerdesk.config import Settings
from sellerdesk.errors import NotFound
from sellerdesk.scripts.engine import Script

if TYPE_CHECKING:
    from sellerdesk.records import Lead
    from sellerdesk.rulebook import LeadFacts
    from sellerdesk.scripts.standing import Run

PAST_CLIENT = "past client"


@dataclass(frozen=True)
class LeadState:
    """Where a lead stands, as far as choosing a reply needs to know."""

    facts: LeadFacts
    script: Script | None = None
    """The script of its current run, else the one its project type starts."""
    run: Run | None = None
    """Its current run: the latest active one, else the latest finished one."""
    sent: frozenset[str] = frozenset()
    """Templates already sent to this lead (copied, not taken back)."""
    settings: Settings = field(default_factory=Settings)
    """Fiverr's offer limits among them, which the rule book judges an offer by."""
    past_client: bool = False

    @property
    def lead(self) -> Lead:
        return self.facts.lead

    @property
    def username(self) -> str:
        return self.facts.lead.username

    @property
    def do_not_contact(self) -> bool:
        return self.facts.lead.do_not_contact

    @property
    def has_run(self) -> bool:
        return self.run is not None

    @property
    def run_index(self) -> int:
        return self.run.index if self.run is not None else 0

    @property
    def finished(self) -> bool:
        return self.run is not None and self.run.finished

    @property
    def answers(self) -> Mapping[str, Any]:
        return self.run.answers if self.run is not None else {}

    @property
    def ticks(self) -> frozenset[str]:
        return self.run.ticks if self.run is not None else frozenset()

    def run_of(self, script: Script | None) -> Run | None:
        """The lead's run of `script`, if it has one."""
        if script is None:
            return None
        return next((run for run in self.facts.runs if run.script == script.id), None)

    def answers_for(self, script: Script | None) -> dict[str, Any]:
        run = self.run_of(script)
        return dict(run.answers) if run is not None else {}

    def ticks_for(self, script: Script | None) -> frozenset[str]:
        run = self.run_of(script)
        return run.ticks if run is not None else frozenset()


def state_of(
    facts: LeadFacts, sent: frozenset[str] = frozenset(), settings: Settings | None = None
) -> LeadState:
    """The state of the lead these facts describe (its runs in the rule book's
    order: active first, then the most recently changed)."""
    from sellerdesk.rulebook.rules import NOT_AN_ORDER
    from sellerdesk.scripts.registry import for_project_type

    lead = facts.lead
    run = facts.runs[0] if facts.runs else None
    script = for_project_type(lead.project_type)
    if run is not None:
        try:
            script, _index = run.definition, run.index
        except (KeyError, NotFound):  # a script or step this version no longer has
            run = None
            script = for_project_type(lead.project_type)
    live = [order for order in facts.orders if order.status not in NOT_AN_ORDER]
    past = (
        any(label.lower() == PAST_CLIENT for label in lead.labels)
        or lead.stage in ("delivered", "completed")
        or any(order.status == "completed" for order in live)
    )
    return LeadState(facts, script, run, frozenset(sent), settings or Settings(), past)


def hypothetical(state: LeadState, script: Script | None, answers: Mapping[str, Any]) -> LeadFacts:
    """The lead's facts once `answers` are saved on its run of `script`, as
    `suggest.apply.save_answers` saves them: the run started when the lead has
    none, an answer the offer's confirmation covered clearing that
    confirmation, the run then the most recently changed."""
    from sellerdesk import clock
    from sellerdesk.scripts.standing import ACTIVE, Run

    facts = state.facts
    if script is None:
        return facts
    before = state.run_of(script)
    stored = dict(before.answers) if before is not None else {}
    if dict(answers) == stored:
        return facts
    now = facts.now or clock.now()
    if before is None:
        after = Run(
            id=0,
            lead_id=facts.lead.id,
            script=script.id,
            step=script.steps[0].id,
            answers=dict(answers),
            ticks=frozenset(),
            status=ACTIVE,
            started_at=now,
            updated_at=now,
            version=0,
        )
    else:
        after = replace(
            before,
            answers=dict(answers),
            ticks=_confirmation_kept(script, before.ticks, stored, answers),
            updated_at=now,
        )
    others = [run for run in facts.runs if run is not before]
    # Most recently changed: first among the active runs, or among the finished ones.
    at = 0 if after.status == ACTIVE else sum(run.status == ACTIVE for run in others)
    return replace(facts, runs=(*others[:at], after, *others[at:]))


def _confirmation_kept(
    script: Script, ticks: frozenset[str], stored: Mapping[str, Any], answers: Mapping[str, Any]
) -> frozenset[str]:
    """The ticks left once `answers` replace `stored`: a changed answer the offer
    is made of undoes its confirmation in chat. `runs.set_answers` clears it for
    the answers the confirmation covered, read from the timeline; judged here
    without it, every answer the offer's gate names counts as covered."""
    spec = script.offer
    if spec is None:
        return ticks
    changed = {name for name in spec.gate.fields if stored.get(name) != answers.get(name)}
    return ticks - set(spec.confirmation) if changed else ticks
