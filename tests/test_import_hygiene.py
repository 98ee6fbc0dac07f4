"""The domain, database and CLI layers never import Textual; the app's first
frame never waits for the database layer."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "sellerdesk.paths",
    "sellerdesk.config",
    "sellerdesk.clock",
    "sellerdesk.vocab",
    "sellerdesk.records",
    "sellerdesk.leads",
    "sellerdesk.timeline",
    "sellerdesk.rules",
    "sellerdesk.db.open",
    "sellerdesk.cli.main",
]


def _modules_after_import(names: list[str]) -> set[str]:
    code = "import sys\n" + "".join(f"import {n}\n" for n in names) + "print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_domain_and_database_layers_do_not_import_textual():
    loaded = _modules_after_import(DOMAIN)
    assert "sellerdesk.leads" in loaded
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_every_domain_module_in_the_package_is_free_of_textual():
    """Any module outside the UI folders, imported on its own, leaves Textual out."""
    from pathlib import Path

    import sellerdesk

    root = Path(sellerdesk.__file__).parent
    ui = {"app", "launch", "commands", "screens", "widgets", "ui"}
    names = []
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[0] in ui or "migrations" in parts or parts[-1] == "__main__":
            continue
        names.append(".".join(("sellerdesk", *parts)).removesuffix(".__init__"))
    loaded = _modules_after_import(sorted(names))
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_the_cli_entry_point_loads_neither_textual_nor_the_database():
    loaded = _modules_after_import(["sellerdesk.cli.main"])
    assert "textual" not in loaded
    assert "sqlalchemy" not in loaded
