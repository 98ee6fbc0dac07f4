"""The app's colours come from its themes: it starts in its own, the light one
is chosen from the command palette's theme switcher, and what is on screen is
drawn again in the new colours. Every tone resolves under every theme the
switcher offers, Textual's own included."""

from __future__ import annotations

import tomllib

from rich.style import Style as RichStyle
from tests.tui.conftest import SIZE, make_app, palette_hits, settle, typed_in_palette
from textual.color import Color
from textual.command import CommandPalette
from textual.widgets import Static

from sellerdesk import leads
from sellerdesk.ui import theme
from sellerdesk.ui.theme import MUTED, TONES
from sellerdesk.widgets.queue_panel import QueuePanel

PALETTES = tomllib.loads(theme.THEMES_FILE.read_text(encoding="utf-8"))


async def choose_theme(app, pilot, name: str) -> None:
    """What a person does: ctrl+p, "theme", enter, the theme's name, enter (the
    palette highlights its first hit once they are all in)."""
    hits = await palette_hits(app, pilot, "theme")
    index = next(i for i, hit in enumerate(hits) if hit.startswith("Theme"))
    await pilot.press(*["down"] * index, "enter")
    await settle(pilot)
    assert isinstance(app.screen, CommandPalette)
    names = await typed_in_palette(app, pilot, name)
    index = names.index(name)
    await pilot.press(*["down"] * index, "enter")
    await settle(pilot)


def _colours(static: Static) -> set[str]:
    """The foreground colours of the text a Static draws."""
    return {
        span.style.foreground.hex
        for span in static.visual.spans
        if not isinstance(span.style, str) and span.style.foreground is not None
    }


def _hex(value: str) -> str:
    return Color.parse(value).hex


async def test_the_app_starts_in_its_own_theme_with_its_palette(db, db_url):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == theme.DARK
        own = PALETTES[theme.DARK]
        assert app.screen.styles.background.hex == _hex(own["background"])
        assert app.theme_variables["text-muted"].upper() == own["variables"]["text-muted"].upper()
        muted = app.console.get_style(MUTED)
        assert muted.color is not None
        assert muted.color.triplet.hex.upper() == own["variables"]["text-muted"].upper()


async def test_the_light_theme_is_chosen_from_the_palette_and_redraws_the_screen(
    db, db_url, frozen_now
):
    leads.add_lead(db, "maria_bakes", display_name="Maria Lopez", stage="qualified")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = app.screen.query_one(QueuePanel).query_one("#queue-summary", Static)
        # "No next step 1": a qualified lead with nothing planned, in gold.
        dark = PALETTES[theme.DARK]["variables"]["gold"]
        assert _hex(dark) in _colours(summary)
        await choose_theme(app, pilot, theme.LIGHT)
        assert app.theme == theme.LIGHT
        light = PALETTES[theme.LIGHT]
        assert app.screen.styles.background.hex == _hex(light["background"])
        # The queue's summary was built before the switch: it is drawn again in
        # the light theme's tones, with no colour left over from the dark one.
        now = _colours(summary)
        assert _hex(light["variables"]["gold"]) in now
        assert _hex(dark) not in now


async def test_every_tone_resolves_under_every_theme_the_switcher_offers(db, db_url):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert {theme.DARK, theme.LIGHT} <= set(app.available_themes)
        for name, offered in app.available_themes.items():
            app.theme = name
            await pilot.pause()
            for tone in TONES:
                style = app.console.get_style(tone)  # raises if the tone is missing
                assert isinstance(style, RichStyle)
                if not offered.ansi:
                    assert style.color is not None, (name, tone)


def test_a_variable_becomes_one_solid_colour_over_the_background():
    black, white = Color(0, 0, 0), Color(255, 255, 255)
    assert theme.solid("#7fb4ca", black) == "#7FB4CA"
    # Half-transparent white over black is mid grey.
    assert theme.solid("#ffffff80", black) == (black + Color.parse("#ffffff80")).hex
    assert theme.solid("#ffffff80", black) not in ("#FFFFFF", "#000000")
    # Textual's "auto 60%": readable text at that strength, dark on white.
    auto = Color.parse(theme.solid("auto 60%", white) or "")
    assert auto.brightness < 0.5
    assert theme.solid("ansi_default", black) is None
    assert theme.solid("not a colour", black) is None


def test_tones_name_only_variables_every_theme_has():
    from textual.theme import BUILTIN_THEMES

    for name, builtin in BUILTIN_THEMES.items():
        variables = builtin.to_color_system().generate() | theme.fallback_variables(builtin)
        for spec in TONES:
            for word in spec.split():
                if word.startswith("$"):
                    assert word[1:] in variables, (name, word)


async def test_the_app_starts_in_its_theme_without_reading_its_stylesheets_twice(
    db_url, db, monkeypatch
):
    from textual.css.stylesheet import Stylesheet

    reparsed: list[int] = []
    original = Stylesheet.reparse

    def counted(self) -> None:
        reparsed.append(1)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == theme.DARK
        assert app.has_class(f"-theme-{theme.DARK}", "-dark-mode")
        assert not app.has_class("-light-mode")
        assert reparsed == []
        # ...and its stylesheet holds this theme's colours, not Textual's default's.
        assert app.screen.styles.background == Color.parse(app.current_theme.background)
        # Switching still works, and reads them again with the new colours.
        app.theme = theme.LIGHT
        await settle(pilot)
        assert reparsed and app.has_class("-light-mode")
