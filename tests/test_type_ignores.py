"""A `# type: ignore` in the package names the error it silences and says why.

mypy (run by `bin/test`) already refuses an ignore without an error code and
one that is no longer needed; the reason is for the next reader, who must be
able to tell a limit of the checker from a mistake it was told to overlook.
"""

from __future__ import annotations

import re
from pathlib import Path

import sellerdesk

ROOT = Path(sellerdesk.__file__).parent
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[^\]]*\])?(?P<rest>.*)$")


def unexplained(line: str) -> bool:
    """Whether `line` holds a type-ignore without a code or without a comment after it."""
    found = IGNORE.search(line)
    if found is None:
        return False
    return not found.group("code") or not re.match(r"\s*#\s*\S", found.group("rest"))


def test_the_check_tells_an_explained_ignore_from_a_bare_one():
    assert not unexplained("x = f()  # type: ignore[attr-defined]  # functools.cache")
    assert unexplained("x = f()  # type: ignore[attr-defined]")
    assert unexplained("x = f()  # type: ignore  # why")
    assert not unexplained("x = f()  # an ordinary comment")


def test_every_type_ignore_in_the_package_is_explained():
    bare = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(ROOT.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if unexplained(line)
    ]
    assert bare == []
