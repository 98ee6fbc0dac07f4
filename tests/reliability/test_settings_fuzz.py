"""Settings fuzz: whatever a settings.toml holds (wrong kinds, huge numbers,
control characters, deep nesting, unknown keys), reading it never fails, each
problem is one line, and the settings used are valid."""

from __future__ import annotations

from dataclasses import fields

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sellerdesk.config import Settings, load_settings, problems_with

_DEFAULTS = Settings()
SECTIONS = {
    section.name: [item.name for item in fields(getattr(_DEFAULTS, section.name))]
    for section in fields(Settings)
    if section.name != "problems"
}

_scalars = st.one_of(
    st.integers(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.text(st.characters(max_codepoint=0x9F), max_size=10),  # control characters too
    st.sampled_from(["percent", "amount", "addon", "[/]", "\u202etxt", "🎉", ""]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["new", "qualified", "x", "[/]"]), inner, max_size=3),
    ),
    max_leaves=12,
)
_keys = st.one_of(
    st.sampled_from(sorted({key for keys in SECTIONS.values() for key in keys})),
    st.text(min_size=1, max_size=8),
)
_sections = st.dictionaries(
    st.one_of(st.sampled_from(sorted(SECTIONS)), st.text(min_size=1, max_size=6)),
    st.one_of(st.dictionaries(_keys, _values, max_size=6), _scalars),
    max_size=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_sections)
def test_any_settings_file_is_read_without_failing(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "settings.toml"
    try:
        text = tomlkit.dumps(data)
    except Exception:  # some structures have no TOML spelling; nothing to read then
        return
    path.write_text(text, encoding="utf-8")
    loaded = load_settings(path)
    assert all("\n" not in problem and len(problem) < 400 for problem in loaded.problems)
    assert problems_with(loaded) == []


def test_nesting_far_past_any_setting_is_refused_in_one_line(tmp_path):
    path = tmp_path / "settings.toml"
    for opener, closer in (("[", "]"), ("{a=", "}")):
        path.write_text("[lint]\nextra_flagged_words = " + opener * 5000 + closer * 5000)
        loaded = load_settings(path)
        assert len(loaded.problems) == 1 and "\n" not in loaded.problems[0]
        assert loaded.lint.extra_flagged_words == []
