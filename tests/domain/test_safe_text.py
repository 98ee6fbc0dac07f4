"""Stored text made safe to print: no control character survives `visible` or
`one_line`, printable text is left exactly as written, and an error is one line
whatever its message quotes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.errors import Invalid, NotFound
from sellerdesk.safe_text import CONTROLS, one_line, visible

# Text rich in what matters here: controls, line breaks, markup, anything else.
TEXT = st.text(
    st.one_of(
        st.sampled_from(["\x1b", "\x07", "\x00", "\r", "\n", "\t", "\x7f", "\x9b", "\u2028", "["]),
        st.characters(),
    )
)


def _controls_in(text: str) -> set[str]:
    return {ch for ch in text if ord(ch) in CONTROLS}


@given(TEXT)
def test_visible_leaves_only_line_breaks_and_tabs(text):
    assert _controls_in(visible(text)) <= {"\n", "\t"}
    assert visible(text).count("\n") == text.count("\n")


@given(TEXT)
def test_one_line_leaves_no_control_and_no_line_break(text):
    shown = one_line(text)
    assert not _controls_in(shown)
    assert len(shown.splitlines()) <= 1


@given(st.text(st.characters(exclude_categories=("Cc",))))
def test_printable_text_is_unchanged_by_visible(text):
    assert visible(text) == text


@given(st.text(st.characters(exclude_categories=("Cc", "Zl", "Zp"))))
def test_printable_text_on_one_line_is_unchanged_by_one_line(text):
    assert one_line(text) == text


@given(TEXT)
def test_both_are_idempotent(text):
    assert visible(visible(text)) == visible(text)
    assert one_line(one_line(text)) == one_line(text)


def test_the_placeholders_read_as_python_writes_them():
    assert visible("a\x1b]52;c;aGk=\x07b") == "a\\x1b]52;c;aGk=\\x07b"
    assert visible("one\r\ntwo\rthree\x00\x9b\x7f") == "one\ntwo\\rthree\\x00\\x9b\\x7f"
    assert visible("list:\n\t- pages") == "list:\n\t- pages"
    assert one_line("line one\nline two\u2028\tend") == "line one\\nline two\\u2028\\tend"


@given(TEXT)
def test_an_error_is_one_line_whatever_it_quotes(text):
    for error in (Invalid(f"'{text}' is not a date"), NotFound(text)):
        message = str(error)
        assert len(message.splitlines()) <= 1
        assert not _controls_in(message)
