"""Reading a pasted message: the labelled messages, the many spellings of
an off-Fiverr request, bad input of every kind, and spans that always point
at the client's own words."""

from __future__ import annotations

import importlib.util
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk import clock
from sellerdesk.suggest.model import FACTS, INTENTS, OTHER
from sellerdesk.suggest.reading import read

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def bench_module():
    spec = importlib.util.spec_from_file_location("suggest_bench", ROOT / "bench" / "suggest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def monday():
    clock.freeze(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    clock.set_local_zone(UTC)


def rows(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def test_the_labelled_set_is_big_enough_and_split_in_two():
    tuning, held = rows("suggest_tuning.jsonl"), rows("suggest_heldback.jsonl")
    assert len(tuning) + len(held) >= 200 and len(held) >= 100
    assert {r["intent"] for r in held} == set(INTENTS)
    assert not {r["text"] for r in tuning} & {r["text"] for r in held}
    for row in tuning + held:
        assert row["intent"] in INTENTS
        assert set(row["facts"]) <= {*FACTS, "hosting_scenario"}


@pytest.mark.parametrize("row", rows("suggest_tuning.jsonl"), ids=lambda r: r["id"])
def test_each_tuning_message_reads_as_labelled(row):
    reading = read(row["text"])
    assert reading.intent == row["intent"]
    scored = {f.name: f.value for f in reading.facts if f.name in row["facts"] or f.name in FACTS}
    assert scored == row["facts"]
    kinds = {a.kind for a in reading.alerts}
    assert kinds == set(row["warnings"])


def test_the_held_back_half_meets_the_targets():
    bench = bench_module()
    result = bench.evaluate(bench.load("heldback"))
    assert result["intent_right"] / result["n"] >= 0.90
    assert result["exact"] / result["n"] >= 0.85
    off = result["warnings"]["off_platform"]
    assert off["right"] == off["labelled"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "my WhatsApp is +1 202 555 0143",
        "add me on whatsap",
        "Whats-app me pls",
        "can we chat on w.h.a.t.s.a.p.p",
        "wats app no. please",
        "send me ur number",
        "my email is jo.ann+web@studio-k.co.uk",
        "write to jo (at) studiok (dot) com",
        "email me the invoice",
        "my skype is live:jo.k",
        "telegram @jok",
        "pay via pay-pal?",
        "I'll pay you directly, no need for Fiverr",
        "let's do this outside fivver",
        "to avoid the fees can I send it by Wise",
        "we can finish this on Upwork",
        "call me at 07911 123456",
        "my cell no is 555 0134 567",
    ],
)
def test_an_off_fiverr_request_is_never_missed(text):
    assert "off_platform" in {a.kind for a in read(text).alerts}


@pytest.mark.parametrize(
    "text",
    [
        "My old developer left and the contact form stopped sending emails. Can you fix it?",
        "Budget is $1,500 - $2,000 for the whole site",
        "can you change the phone number on the contact page?",
        "Please list the pages you want on the new website.",
    ],
)
def test_site_work_that_mentions_email_or_numbers_is_not_off_platform(text):
    assert "off_platform" not in {a.kind for a in read(text).alerts}


BAD = {
    "empty": "",
    "spaces": "  \n\t ",
    "100 KB": "Hi, I need a redesign of my website. " * 2800,
    "emoji": "😀👍🔥🙏",
    "spanish": "Hola, necesito una página web para mi negocio. ¿Cuánto cuesta?",
    "russian": "Здравствуйте, мне нужен новый сайт для моей компании",
    "html": '<div class="msg"><p>Hi, I need a redesign</p><br/><span>12:01</span></div>',
    "controls": "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x00",
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_other_with_a_clear_note_and_nothing_to_apply(name):
    reading = read(BAD[name])
    assert reading.intent == OTHER
    assert reading.note and reading.note.endswith(".")
    assert reading.facts == ()


def test_control_characters_never_survive_into_the_text_or_a_span():
    reading = read("Our site is \x1b[31mbright.com\x07 and we need Home, About, Contact\x9b")
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in reading.text)
    assert all("\x1b" not in f.text for f in reading.facts)
    assert reading.value("website") == "bright.com"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_without_error_and_spans_point_at_its_words(text):
    reading = read(text)
    assert reading.intent in INTENTS
    for fact in reading.facts:
        assert reading.text[fact.start : fact.end] == fact.text
    for alert in reading.alerts:
        if alert.start is not None:
            assert reading.text[alert.start : alert.end] == alert.text


@pytest.mark.parametrize(
    "text",
    [
        "a." * 1000,
        "www." * 500,
        "a " * 1000,
        "x@y." * 500,
        "(at) " * 400,
        "Home, " * 330,
        "in 2 " * 400,
        "1-" * 1000,
        "w h a t " * 250,
    ],
)
def test_hostile_shapes_read_in_linear_time(text):
    start = time.perf_counter()
    read(text[:2000])
    # Generous: a backtracking pattern takes seconds or hours on these, not milliseconds.
    assert time.perf_counter() - start < 1.0


def test_facts_carry_the_words_they_came_from():
    text = (
        "Hi! bgsone referred me. Our site is https://www.BrightEvents.com/ and we like "
        "eventify.com the most. Pages: Home, About Us, Events & Contact. Budget about $450. "
        "Need it done within 10 days."
    )
    reading = read(text)
    found = {f.name: (f.value, f.text) for f in reading.facts}
    assert found["website"] == ("brightevents.com", "https://www.BrightEvents.com/")
    assert found["competitors"] == (["eventify.com"], "eventify.com")
    assert found["primary_inspiration"] == ("eventify.com", "eventify.com")
    assert found["pages"] == (
        ["Home", "About Us", "Events", "Contact"],
        "Home, About Us, Events & Contact",
    )
    assert found["budget"] == ({"amount": "450", "currency": "USD"}, "$450")
    assert found["delivery_days"] == (10, "within 10 days")
    assert found["referrer"] == ("bgsone", "bgsone")


def test_the_follow_up_date_comes_from_the_apps_own_date_words():
    reading = read("Not right now. Call me back in 2 weeks please")
    fact = reading.fact("followup_when")
    assert (fact.value, fact.detail, fact.text) == ("2026-12-07", "2w", "in 2 weeks")
