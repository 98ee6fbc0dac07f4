"""settings.toml: every value and every item checked, each bad one reported once
with its key and replaced by its default; written back with the user's comments
kept, readable by the owner only; anything saved is read back unchanged."""

from __future__ import annotations

import os
import stat
from dataclasses import asdict, fields

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from tests.reliability.conftest import run_cli

from sellerdesk import paths
from sellerdesk.config import (
    BOUNDS,
    CHOICES,
    MAX_TEXT,
    TABLE_KEYS,
    Settings,
    load_settings,
    problems_with,
    save_settings,
)


def _load(tmp_path, text: str) -> Settings:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[followups.stale_days]\nnew = "two"', "followups.stale_days.new"),
        ("[lint]\nextra_forbidden_phrases = [1, 2]", "lint.extra_forbidden_phrases"),
        ("[followups]\noffer_days = [1, -3, 7]", "followups.offer_days item 2"),
        ("[followups]\nrequirements_days = 99999999999999999999", "requirements_days"),
        ("[followups]\nfirst_reply_hours = -1", "followups.first_reply_hours"),
        ("[targets]\nfollowups = true", "targets.followups"),
        ('[referral]\nkind = "cash"', "referral.kind"),
        ("[referral]\ncash_approved = 1", "referral.cash_approved"),
        ('[seller]\nname = "a\\u001b]52;c;aGk=\\u0007"', "seller.name"),
        (f'[seller]\nname = "{"x" * (MAX_TEXT + 1)}"', "seller.name"),
        ("[followups.stale_days]\nforever = 3", "followups.stale_days"),
        ("[lint]\nallowed_domains = [[[[[[\"x\"]]]]]]", "lint.allowed_domains"),
        ("[limits]\noffer_min_days = 50\noffer_max_days = 10", "limits.offer_min_days"),
    ],
)
def test_each_bad_value_is_reported_once_with_its_key_and_its_default_used(tmp_path, text, key):
    loaded = _load(tmp_path, text)
    assert len(loaded.problems) == 1, loaded.problems
    assert key in loaded.problems[0] and "\n" not in loaded.problems[0]
    assert problems_with(loaded) == []  # what is used is always valid
    assert asdict(loaded) == asdict(Settings()) | {"problems": loaded.problems}


def test_a_list_nested_five_thousand_deep_is_refused_at_once(tmp_path):
    deep = "[lint]\nextra_flagged_words = " + "[" * 5000 + "]" * 5000 + "\n"
    loaded = _load(tmp_path, deep)
    assert loaded.problems and "nested too deeply" in loaded.problems[0]
    assert loaded.lint.extra_flagged_words == []


def test_bad_settings_do_not_stop_a_command_and_are_named_once(db_path):
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[followups.stale_days]\nnew = "two"\n[lint]\nextra_forbidden_phrases = [1]\n')
    ran = run_cli("--db", str(db_path), "today")
    assert ran.code == 0, ran.err
    warnings = ran.err.splitlines()
    assert len(warnings) == 2
    assert "followups.stale_days.new" in warnings[0]
    assert "lint.extra_forbidden_phrases" in warnings[1]
    assert "Morning review" in ran.out


def test_saving_keeps_the_users_comments_and_is_private_from_the_first_byte(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(
        "# my desk\n[seller]\nname = \"Jehan\"  # as clients know me\n\n"
        "[followups]\n# a gentler cadence\noffer_days = [2, 4]\n"
    )
    old = os.umask(0o022)
    try:
        settings = load_settings(path)
        settings.seller.level = 'Top "Rated" \\ Seller'
        save_settings(settings, path)
    finally:
        os.umask(old)
    text = path.read_text()
    assert "# my desk" in text and "# as clients know me" in text and "# a gentler cadence" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_settings(path)
    assert again.problems == []
    assert again.seller.level == 'Top "Rated" \\ Seller' and again.followups.offer_days == [2, 4]
    assert not [p for p in tmp_path.iterdir() if p.name != "settings.toml"]


# ---------------------------------------------------------------- any settings round-trip

_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x7f"), max_size=40
)


def _value(key: str, kind: str):
    low, high = BOUNDS.get(key, (-(2**31), 2**31 - 1))
    number = st.integers(low, high)
    if key in CHOICES:
        return st.sampled_from(CHOICES[key])
    return {
        "str": _TEXT,
        "int": number,
        "bool": st.booleans(),
        "list[int]": st.lists(number, max_size=8),
        "list[str]": st.lists(_TEXT, max_size=8),
        "dict[str, int]": st.dictionaries(st.sampled_from(TABLE_KEYS.get(key, ("x",))), number),
    }[kind]


@st.composite
def any_settings(draw) -> Settings:
    made = Settings()
    for section in fields(Settings):
        if section.name == "problems":
            continue
        target = getattr(made, section.name)
        for item in fields(target):
            key = f"{section.name}.{item.name}"
            setattr(target, item.name, draw(_value(key, str(item.type))))
    limits = made.limits
    limits.offer_max_price = max(limits.offer_min_price, limits.offer_max_price)
    limits.offer_max_days = max(limits.offer_min_days, limits.offer_max_days)
    return made


@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_settings(), any_settings())
def test_any_settings_survive_save_then_load_unchanged(tmp_path_factory, first, second):
    path = tmp_path_factory.mktemp("round") / "settings.toml"
    for made in (first, second):  # the second save rewrites a file the first one wrote
        assert problems_with(made) == []
        save_settings(made, path)
        loaded = load_settings(path)
        assert loaded.problems == []
        assert asdict(loaded) == asdict(made)
