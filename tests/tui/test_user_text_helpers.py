"""The two ways user text reaches the screen draw exactly its visible text:
no markup is read from it, no control survives, no hyperlink is made."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from sellerdesk.safe_text import visible
from sellerdesk.ui.user_text import as_markup, plain

MARKUPISH = st.lists(
    st.one_of(
        st.sampled_from(["[", "]", "[/]", "\\", "$", "@click=", "[link=", "[b]", "[URGENT]"]),
        st.sampled_from(["\x1b", "\n", "\r\n", "\x9b"]),
        st.text(max_size=3),
    )
).map("".join)


@given(MARKUPISH)
def test_plain_text_draws_as_written(text):
    content = Content.from_rich_text(plain(text, style="bold"))
    assert content.plain == visible(text)


@given(MARKUPISH)
def test_markup_from_as_markup_draws_as_written_with_no_style_or_link(text):
    content = Content.from_markup(as_markup(text))
    assert content.plain == visible(text)
    assert content.spans == []


def test_the_cases_textuals_own_escape_gets_wrong():
    for text in ("[URGENT] call", "[$x] y", "C:\\temp\\", "\\[b]", "[link=https://e.vil]x[/link]"):
        assert Content.from_markup(as_markup(text)).plain == text
