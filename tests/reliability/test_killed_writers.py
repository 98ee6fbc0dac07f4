"""Writers killed with kill -9 at random moments, writers in parallel, and edits
raced in pairs: the file stays sound and no acknowledged write is lost. A small
run of bench/reliability.py's machinery; the long runs are in docs/reliability.md."""

from __future__ import annotations

import pytest
from tests.reliability.conftest import harness

SEED = 1234


def _assert_clean(figures) -> None:
    assert figures.attempts > 0
    assert figures.failures == 0, figures.problems
    assert figures.rows_lost == 0, figures.problems


def test_writers_killed_at_random_moments_lose_nothing_acknowledged(tmp_path):
    figures = harness.kill_writers(tmp_path, kills=6, writers=2, seed=SEED)
    _assert_clean(figures)
    assert figures.acknowledged > 0  # the writers got to write between the kills


def test_a_command_killed_while_upgrading_leaves_the_old_or_the_new_schema(tmp_path):
    from sellerdesk.db.schema import REVISIONS

    if len(REVISIONS) < 2:
        pytest.skip("needs an older revision to upgrade from")
    _assert_clean(harness.kill_migrations(tmp_path, kills=2, seed=SEED))


def test_cli_writers_in_parallel_all_land(tmp_path):
    figures = harness.parallel_notes(tmp_path, writers=3, notes_each=4)
    _assert_clean(figures)
    assert figures.acknowledged == figures.attempts == 12


def test_raced_edits_are_saved_or_refused_never_lost(tmp_path):
    figures = harness.edit_races(tmp_path, rounds=3)
    _assert_clean(figures)
    assert figures.acknowledged >= 3  # at least one of each pair is saved
