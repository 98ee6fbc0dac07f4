"""No colour is written in Python: the palettes are in `sellerdesk/ui/themes.toml`,
the stylesheets use their variables, and text built in Python names a tone
(`sellerdesk.ui.theme`). A hex colour in a Python string would not follow the
theme the seller chose."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import sellerdesk

ROOT = Path(sellerdesk.__file__).parent
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![0-9a-zA-Z_])")


def hex_colours(source: str) -> list[str]:
    """The hex colours written in the strings of `source` (comments are not code)."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            found.extend(HEX.findall(token.string))
    return found


def test_the_check_finds_colours_in_strings_and_not_in_comments():
    source = (
        'A = "#7fb4ca"  # was #727169\n'
        'B = f"bold #FFF on {x}"\n'
        'C = "issue #12 and #1234abcd"\n'
    )
    assert hex_colours(source) == ["#7fb4ca", "#FFF", "#1234abcd"]


def test_no_python_file_in_the_package_writes_a_hex_colour():
    found = {
        str(path.relative_to(ROOT)): colours
        for path in sorted(ROOT.rglob("*.py"))
        if (colours := hex_colours(path.read_text(encoding="utf-8")))
    }
    assert found == {}
