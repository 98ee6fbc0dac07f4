"""Rendering is data-only: names are replaced, everything else stays as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.templates.render import placeholders, render, scan

VALUES = {"client_name": "Zoë", "website": "acme.com", "price": "450"}


@pytest.mark.parametrize(
    ("body", "text", "missing", "bad"),
    [
        ("Hi {client_name}!", "Hi Zoë!", (), ()),
        ("{client_name}{client_name}", "ZoëZoë", (), ()),
        ("Price: ${price}", "Price: $450", (), ()),
        ("{{client_name}}", "{client_name}", (), ()),
        ("a {{ b }} c", "a { b } c", (), ()),
        ("{{{client_name}}}", "{Zoë}", (), ()),
        ("Hi {pages}", "Hi {pages}", ("pages",), ()),
        ("{__class__}", "{__class__}", (), ("{__class__}",)),
        ("{a.b}", "{a.b}", (), ("{a.b}",)),
        ("{0[0]}", "{0[0]}", (), ("{0[0]}",)),
        ("{x!r}", "{x!r}", (), ("{x!r}",)),
        ("{price:>10}", "{price:>10}", (), ("{price:>10}",)),
        ("{Client_Name}", "{Client_Name}", (), ("{Client_Name}",)),
        ("{ client_name }", "{ client_name }", (), ("{ client_name }",)),
        ("open { brace", "open { brace", (), ("{",)),
        ("close } brace", "close } brace", (), ("}",)),
        ("{a{client_name}", "{aZoë", (), ("{",)),
        ("", "", (), ()),
    ],
)
def test_render_table(body, text, missing, bad):
    result = render(body, VALUES)
    assert result.text == text
    assert result.missing == missing
    assert result.bad == bad
    assert result.complete == (not missing and not bad)


def test_values_are_not_rendered_again():
    assert render("{client_name}", {"client_name": "{website}", "website": "x"}).text == "{website}"


def test_empty_value_counts_as_missing():
    result = render("Hi {client_name}", {"client_name": ""})
    assert result.missing == ("client_name",)
    assert [f.code for f in result.findings()] == ["missing-value"]


def test_placeholders_in_order_of_first_use():
    assert placeholders("{b} {a} {b} {{c}} {D}") == ["b", "a"]


brace_free = st.text(alphabet=st.characters(blacklist_characters="{}"))


@given(brace_free)
def test_brace_free_text_is_unchanged(text):
    result = render(text, VALUES)
    assert result.text == text
    assert result.complete


class Spy:
    """A value whose every attribute access or conversion would be noticed."""

    touched = False

    def __getattr__(self, name):
        Spy.touched = True
        raise AssertionError(f"attribute {name} was reached")

    def __format__(self, spec):
        Spy.touched = True
        return "formatted"


inner = st.text(alphabet="abcxyz_0123456789.[]!:()'\"<> ", min_size=1, max_size=12)


@given(inner)
def test_nothing_between_braces_reaches_an_object(expr):
    spy = Spy()
    body = "{" + expr + "}"
    result = render(body, {"a": spy, "x": spy, "abc": spy})
    assert not Spy.touched
    tokens = scan(body)
    if len(tokens) == 1 and tokens[0].kind == "name":
        assert expr in {"a", "x", "abc"} or result.missing == (expr,)
    else:
        # Not a plain name: left exactly as written and reported.
        assert result.text == body
        assert result.bad


@given(st.text(alphabet="{}ab_c.!0 ", max_size=30))
def test_without_values_nothing_is_lost(body):
    result = render(body, {})
    if "{{" not in body and "}}" not in body:
        # Missing names stay as {name} and malformed parts as written.
        assert result.text == body
    assert all(part in body for part in result.bad)
    assert result.complete == (not result.missing and not result.bad)
