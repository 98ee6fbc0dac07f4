"""The app's themes and the tones the screens write their text in.

The palettes are in `themes.toml`, beside this module: a dark one (the app's
own) and a light one, registered as Textual themes. The stylesheets use their
colours as variables (`$primary`, `$text-muted`, `$gold` ...).

Text built in Python (a Rich `Text` for a lead card, a queue line) names a
tone instead of a colour: `Text("done", style=SUCCESS)`. Each tone is a style
written with the same variables (`"bold $error"`); the app resolves them
against the theme in use into its console's Rich theme whenever the theme's
variables are worked out (at start and on every switch), so a tone always
draws in the current theme's colour, and text already on screen is drawn
again in the new one (`SellerdeskApp`).

Textual's own themes lack the variables this app adds; `fallback_variables`
takes them from each theme's own colours, so every theme in the palette works.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from rich.theme import Theme as RichTheme
from textual.color import Color, ColorParseError
from textual.theme import Theme

THEMES_FILE = Path(__file__).with_name("themes.toml")
DARK = "sellerdesk"
LIGHT = "sellerdesk-light"

# The variables this app adds to a theme, and the colour of a theme without
# them that stands in for each (a Textual variable of the same theme).
EXTRA_VARIABLES = {
    "gold": "warning",
    "aqua": "success",
    "lilac": "accent",
    "selection": "primary-muted",
    "row-alt": "surface",
    "backdrop": "background-darken-3",
}

# ------------------------------------------------------------------ tones

# A tone is a style written with the theme's variables, as a stylesheet would.
# Textual reads it so wherever it takes a style itself (a Text's own style);
# inside a Rich renderable (a span of a Text, a table column) the console's
# Rich theme holds each tone under its own text, resolved (`rich_theme`).
MUTED = "$text-muted"
MUTED_BOLD = "bold $text-muted"
MUTED_ITALIC = "italic $text-muted"
MUTED_STRIKE = "strike $text-muted"
TEXT = "$foreground"
PRIMARY = "$primary"
PRIMARY_BOLD = "bold $primary"
ACCENT = "$accent"
WARNING = "$warning"
WARNING_BOLD = "bold $warning"
ERROR = "$error"
ERROR_BOLD = "bold $error"
SUCCESS = "$success"
SUCCESS_BOLD = "bold $success"
GOLD = "$gold"
GOLD_BOLD = "bold $gold"
AQUA = "$aqua"
LILAC = "$lilac"
LILAC_BOLD = "bold $lilac"

TONES = (
    MUTED, MUTED_BOLD, MUTED_ITALIC, MUTED_STRIKE, TEXT, PRIMARY, PRIMARY_BOLD, ACCENT,
    WARNING, WARNING_BOLD, ERROR, ERROR_BOLD, SUCCESS, SUCCESS_BOLD, GOLD, GOLD_BOLD, AQUA,
    LILAC, LILAC_BOLD,
)  # fmt: skip

_VARIABLE = re.compile(r"\$([a-z][a-z0-9-]*)")


@cache
def load_themes() -> tuple[Theme, ...]:
    """The themes of `themes.toml`, the app's own first."""
    with THEMES_FILE.open("rb") as file:
        found = tomllib.load(file)
    return tuple(Theme(name=name, **fields) for name, fields in found.items())


def fallback_variables(theme: Theme) -> dict[str, str]:
    """This app's extra variables for a theme that does not set them."""
    generated = theme.to_color_system().generate()
    return {name: generated[source] for name, source in EXTRA_VARIABLES.items()}


def solid(value: str, background: Color) -> str | None:
    """A theme variable's colour as opaque hex over `background`, or None if
    it is no colour a terminal can draw (an ANSI theme's "ansi_default")."""
    text = value.strip()
    words = text.split()
    try:
        if words and words[0] == "auto":
            # Textual's "auto 60%": the readable text colour at that opacity.
            alpha = float(words[1].rstrip("%")) / 100 if len(words) > 1 else 1.0
            color = background.get_contrast_text(alpha)
        else:
            color = Color.parse(text)
    except (ColorParseError, ValueError):
        return None
    if color.ansi is not None:
        return None
    return (background + color).hex if color.a < 1 else color.hex


def tone_styles(variables: Mapping[str, str]) -> dict[str, str]:
    """Each tone (by its own text) as a Rich style, its variables replaced by
    the theme's colours."""
    background = Color.parse(variables.get("background") or "black")
    if background.a < 1 or background.ansi is not None:
        background = Color(0, 0, 0)

    def colour(found: re.Match[str]) -> str:
        value = variables.get(found.group(1))
        return (solid(value, background) or "") if value is not None else ""

    return {tone: " ".join(_VARIABLE.sub(colour, tone).split()) or "none" for tone in TONES}


def rich_theme(variables: Mapping[str, str]) -> RichTheme:
    """The tones as a Rich theme, for a console that draws the app's text."""
    return RichTheme(tone_styles(variables), inherit=True)
