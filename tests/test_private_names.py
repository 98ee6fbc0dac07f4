"""No module of the package uses another module's underscore names.

What one module offers another is its public API (e.g. the write-unit
functions of `sellerdesk.leads`: `load`, `touch`, `move_stage` ...); an
underscore name is free to change without looking elsewhere. Tests may still
reach inside a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import sellerdesk

ROOT = Path(sellerdesk.__file__).parent


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(source: str, module: str) -> list[str]:
    """`module.name` for each underscore name `source` takes from another sellerdesk module."""
    tree = ast.parse(source)
    found: list[str] = []
    imported: dict[str, str] = {}  # local name → the sellerdesk module it is
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sellerdesk"):
            for alias in node.names:
                if _private(alias.name) and node.module != module:
                    found.append(f"{node.module}.{alias.name}")
                else:
                    imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sellerdesk") and alias.asname:
                    imported[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported
            and imported[node.value.id] != module
        ):
            found.append(f"{imported[node.value.id]}.{node.attr}")
    return found


def test_the_check_sees_both_ways_of_reaching_in():
    source = (
        "from sellerdesk.leads import _load, touch\n"
        "from sellerdesk import leads\n"
        "leads._move(1)\nleads.move_stage(1)\n"
    )
    assert private_uses(source, "sellerdesk.copying") == [
        "sellerdesk.leads._load",
        "sellerdesk.leads._move",
    ]


def test_no_module_uses_another_modules_private_names():
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(("sellerdesk", *parts)).removesuffix(".__init__")
        uses = private_uses(path.read_text(encoding="utf-8"), module)
        if uses:
            found[module] = uses
    assert found == {}
