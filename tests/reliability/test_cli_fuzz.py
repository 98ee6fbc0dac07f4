"""Every command, fuzzed: markup, escapes, right-to-left and emoji text, huge and
negative numbers, bad dates, option-looking values, bytes that are not UTF-8.
Whatever comes in, no traceback and no unexpected error; a failure says why in
whole "sellerdesk...: ..." lines; the exit code is 0, 1 or 2.

Line breaks are left out of the generated text: showing them escaped in one-line
errors is the printing code's concern, tested with it; so are the bytes printed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.reliability.conftest import harness, run_cli

COMMANDS = harness.commands()
GOOD = harness.good_values()


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    with harness.fuzz_environment(tmp_path_factory.mktemp("fuzz")) as path:
        yield path
    assert harness.check_file(path) == []


@pytest.mark.parametrize(
    ("words", "parser"), COMMANDS, ids=[" ".join(words) for words, _ in COMMANDS]
)
@settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_argument_makes_a_command_fail_badly(fuzz_db, words, parser, data):
    argv = data.draw(harness.command_strategy(words, parser, GOOD))
    ran = run_cli("--db", str(fuzz_db), *argv)
    assert harness.violation(ran) is None, (argv, ran)


def test_bytes_that_are_not_utf8_in_a_real_process(tmp_path):
    with harness.fuzz_environment(tmp_path) as path:
        for argv in (
            [b"note", b"ann", b"caf\xe9"],
            [b"lead", b"add", b"\xff\xfe"],
            [b"followup", b"add", b"ann", b"\xc3"],
            [b"lead", b"list", b"--search", b"\x80abc"],
        ):
            ran = harness.run_cli_process("--db", str(path), *argv)
            assert ran.code == 2, ran
            assert "is not valid UTF-8 text; nothing was done" in ran.one_line_error()


def test_a_few_fuzzed_commands_in_their_own_processes(tmp_path):
    figures = harness.cli_fuzz_processes(tmp_path, examples=4, seed=7)
    assert figures.failures == 0, figures.problems
