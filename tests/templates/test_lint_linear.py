"""Lint is linear in the text's length, whatever the text holds.

No wall clock here (bench/lint_scaling.py prints the times): the tests check
the structure that makes the work bounded. The regex engine only ever sees a
window of bounded size, and the number of windows grows with the length and
nothing else; the brace tokenizer agrees with a plain character-by-character
reading of the same rules.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.config import Settings
from sellerdesk.templates import scanning
from sellerdesk.templates.lint import check_template, lint_text
from sellerdesk.templates.model import Template
from sellerdesk.templates.render import NAME_RE, Token, scan

# Bodies that made the old patterns backtrack (38 s for 200 KB of braces), and plain prose.
HOSTILE = {
    "digits": "1",
    "dotted names": "a.",
    "word characters": "a",
    "digits and spaces": "1 ",
    "braces and letters": "{a",
    "percent": "1%",
    "dollars": "$1",
    "at signs": "a@",
    "dashes": "-",
    "review words": "review free ",
    "prose": "Hi {client_name}, see acme.com or call 555 123 4567. ",
}


class Spans:
    """Every call into the regex engine, with how much text it was given."""

    def __init__(self, monkeypatch) -> None:
        self.sizes: list[int] = []
        real = scanning.search_span

        def counted(pattern, text, pos, end):
            self.sizes.append(end - pos)
            return real(pattern, text, pos, end)

        monkeypatch.setattr(scanning, "search_span", counted)


def _template(body: str) -> Template:
    return Template(id="referral.bench", title="t", script="referral", step=1, body=body)


@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_engine_never_sees_more_than_a_window(monkeypatch, unit):
    spans = Spans(monkeypatch)
    body = unit * (40_000 // len(unit))
    check_template(_template(body), Settings())
    assert spans.sizes, "lint ran no pattern through the window"
    assert max(spans.sizes) <= scanning.WINDOW + scanning.REACH


@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_number_of_searches_grows_with_the_length_only(monkeypatch, unit):
    spans = Spans(monkeypatch)
    counts = []
    for size in (20_000, 80_000):
        spans.sizes.clear()
        lint_text(unit * (size // len(unit)), Settings(), referral=True)
        counts.append(len(spans.sizes))
    # Four times the text: at most four times the windows (plus one partial window
    # per pattern), never the square.
    assert counts[1] <= 4 * counts[0] + 4 * 40


def test_windows_find_what_a_whole_text_search_finds():
    text = ("x" * (scanning.WINDOW - 3) + " acme.com mail@example.org ") * 5
    pattern = re.compile(r"[a-z0-9-]++(?:\.[a-z0-9-]++)++")
    assert [m.span() for m in scanning.matches(pattern, text)] == [
        m.span() for m in pattern.finditer(text)
    ]


def _reference_scan(body: str) -> list[Token]:
    """The tokenizer's rules read one character at a time (slow, plainly right)."""
    tokens: list[Token] = []
    text: list[str] = []

    def flush() -> None:
        if text:
            tokens.append(Token("text", "".join(text)))
            text.clear()

    i = 0
    while i < len(body):
        if body.startswith("{{", i):
            text.append("{")
            i += 2
        elif body.startswith("}}", i):
            text.append("}")
            i += 2
        elif body[i] == "{":
            end, opener = body.find("}", i + 1), body.find("{", i + 1)
            flush()
            if end == -1 or (opener != -1 and opener < end):
                tokens.append(Token("bad", "{"))
                i += 1
                continue
            inner = body[i + 1 : end]
            tokens.append(
                Token("name", inner) if NAME_RE.match(inner) else Token("bad", body[i : end + 1])
            )
            i = end + 1
        elif body[i] == "}":
            flush()
            tokens.append(Token("bad", "}"))
            i += 1
        else:
            text.append(body[i])
            i += 1
    flush()
    return tokens


@given(st.text(alphabet="{}ab_1. \n", max_size=40))
def test_the_tokenizer_reads_braces_as_the_rules_say(body):
    assert list(scan(body)) == _reference_scan(body)
