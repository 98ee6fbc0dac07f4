"""The copy's timeline kinds are spelled once, in `sellerdesk.event_kinds`: every
other module names them through it, so none can be renamed in one place and
missed in another. (Migrations spell the stored values of their own revision,
and `db/startup_sql.py` is generated from `followups.activity`.)"""

from __future__ import annotations

from pathlib import Path

import sellerdesk
from sellerdesk import event_kinds

KINDS = (event_kinds.COPIED_KIND, event_kinds.SHOWN_KIND, event_kinds.TAKEN_BACK_KIND)
SPELLED_ELSEWHERE = ("event_kinds.py", "db/startup_sql.py")


def test_the_copy_kinds_are_spelled_only_in_event_kinds():
    root = Path(sellerdesk.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name in SPELLED_ELSEWHERE or name.startswith("db/migrations/"):
            continue
        text = path.read_text(encoding="utf-8")
        found += [
            f"{name}: {kind}" for kind in KINDS if f'"{kind}"' in text or f"'{kind}'" in text
        ]
    assert found == []
