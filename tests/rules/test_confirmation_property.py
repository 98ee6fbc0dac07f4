"""A confirmation is bound to what it confirmed.

For any sequence of script edits after the scope was confirmed, the offer is
composable only if the last confirmation is newer than the last change of a
confirmed answer (an answer that had a value when it was confirmed); and
confirming again after any edits makes it composable once every answer is
there. Edits go through the same calls as the script screen and the CLI.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.copying import prepare_copy
from sellerdesk.scripts import runs
from sellerdesk.templates.loading import load_library

CONFIRMATION = ("confirm_design", "confirm_pages", "confirm_focus")
OFFER_FIELDS = ("pages", "design_direction", "focus", "delivery_days", "price")
VALUES = {
    "pages": ("Home, About", "Home, Contact", "Home"),
    "design_direction": ("acme.com", "best.co"),
    "focus": ("events", "services"),
    "delivery_days": ("7", "10"),
    "price": ("450", "650"),
}
START = {"pages": "Home, About", "design_direction": "acme.com", "focus": "events"}

edit = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(OFFER_FIELDS), st.integers(0, 2)),
    st.tuples(st.just("clear"), st.sampled_from(OFFER_FIELDS), st.just(0)),
    st.tuples(st.just("tick"), st.sampled_from(CONFIRMATION), st.just(0)),
    st.tuples(st.just("untick"), st.sampled_from(CONFIRMATION), st.just(0)),
)
_names = itertools.count()
OFFER = load_library().get("redesign.custom_offer")


def _composable(db, username: str) -> bool:
    prepared = prepare_copy(db, OFFER, leads.get_lead(db, username), Settings())
    # An answer still empty is asked for (the small form, --set), not refused:
    # composable means nothing refuses and nothing is left to ask.
    return prepared.blocked is None and prepared.ready


def _confirmed_lead(db) -> str:
    """Scope captured and confirmed in chat; delivery and price captured after."""
    username = f"prop{next(_names)}"
    leads.add_lead(db, username, project_type="redesign")
    runs.start(db, username, "redesign")
    runs.set_answers(db, username, START)
    for item in CONFIRMATION:
        runs.tick(db, username, item)
    runs.set_answers(db, username, {"delivery_days": "7", "price": "450"})
    return username


def _apply(db, username: str, op: tuple[str, str, int]) -> None:
    kind, name, pick = op
    if kind in ("set", "clear"):
        options = VALUES[name]
        value = options[pick % len(options)] if kind == "set" else ""
        runs.set_answers(db, username, {name: value}, script="redesign")
    else:
        runs.tick(db, username, name, kind == "tick", script="redesign")


class Model:
    """The history as a seller would tell it: when each answer last changed and
    what had a value at the last confirmation."""

    def __init__(self) -> None:
        self.answers: dict[str, str] = dict(START)
        self.time = 0
        self.confirmed_at = 0
        self.confirmed: set[str] = set(START)
        self.ticked: set[str] = set(CONFIRMATION)
        self.changed_at: dict[str, int] = {}
        self.answers.update(delivery_days="7", price="450")  # captured after confirming

    def apply(self, op) -> None:
        self.time += 1
        kind, name, pick = op
        if kind == "tick":
            if name not in self.ticked:  # ticking a ticked line confirms nothing new
                self.ticked.add(name)
                self.confirmed_at = self.time
                self.confirmed = set(self.answers)
        elif kind == "untick":
            self.ticked.discard(name)
        elif kind in ("set", "clear"):
            options = VALUES[name]
            value = options[pick % len(options)] if kind == "set" else None
            if self.answers.get(name) != value:
                self.changed_at[name] = self.time
                if name in self.confirmed:  # the app clears the confirmation
                    self.ticked.clear()
                if value is None:
                    self.answers.pop(name, None)
                else:
                    self.answers[name] = value

    def last_change_of_a_confirmed_answer(self) -> int:
        return max((self.changed_at.get(n, -1) for n in self.confirmed), default=-1)


PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(st.lists(edit, max_size=8))
def test_the_offer_waits_for_a_confirmation_newer_than_any_change(db, ops):
    username = _confirmed_lead(db)
    model = Model()
    for op in ops:
        _apply(db, username, op)
        model.apply(op)
    if _composable(db, username):
        assert model.confirmed_at > model.last_change_of_a_confirmed_answer()
        assert set(OFFER_FIELDS) <= set(model.answers)


@PROPERTY
@given(st.lists(edit, max_size=8))
def test_confirming_again_after_any_edits_makes_it_composable(db, ops):
    username = _confirmed_lead(db)
    for op in ops:
        _apply(db, username, op)
    for name in OFFER_FIELDS:  # whatever was cleared is captured again
        if not runs.get_run(db, username).state.has(name):
            runs.set_answers(db, username, {name: VALUES[name][0]}, script="redesign")
    for item in CONFIRMATION:
        runs.tick(db, username, item, script="redesign")
    assert _composable(db, username)


def test_a_change_after_confirming_clears_it_and_says_so(db):
    username = _confirmed_lead(db)
    # The price was captured after the confirmation: not a confirmed answer.
    runs.set_answers(db, username, {"price": "650"})
    assert _composable(db, username)
    run, warnings = runs.set_answers(db, username, {"focus": "services"})
    assert run.ticks == frozenset()
    lead = leads.get_lead(db, username)
    said = next(e for e in leads.lead_timeline(db, lead.id) if e.kind == "script_tick")
    expected = (
        "Website Redesign chat: the confirmation in chat (step 8) is cleared: the focus "
        "changed after it was confirmed; confirm it again before the offer."
    )
    assert said.body == expected and warnings == [expected]
    assert not _composable(db, username)
    for item in CONFIRMATION:
        runs.tick(db, username, item)
    assert _composable(db, username)
    # Confirmed with it this time: now the price is bound too.
    runs.set_answers(db, username, {"price": "700"})
    assert not _composable(db, username)
