"""Refusing a write made on a stale read, and saying who changed the record meanwhile.

Every record two people may edit (leads, follow-ups, orders, script runs,
referrals) carries a version, bumped on each save, and says who saved it
last (`updated_by`, stamped by the write unit). A write that carries the
version its writer read is refused when the record has moved on since: the
sentence names who changed it, when, and, given what the writer saw, what
changed, so nothing is overwritten without a word and the writer can reload
and decide. Plain Python: the screens and the CLI show the same sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from datetime import datetime
from typing import Any

from sellerdesk import clock
from sellerdesk.errors import Conflict

# Never listed as "what changed": bookkeeping, and what a person did not edit.
_NOT_SHOWN = frozenset(
    {"id", "lead_id", "version", "updated_at", "updated_by", "labels", "values", "username"}
)
_LONGEST = 40
_MOST = 4


def refuse_if_stale(
    model: Any,
    expected: int | None,
    what: str,
    *,
    seen: Any = None,
    writes: Iterable[str] | None = None,
) -> None:
    """Raise `Conflict` when `model` is no longer at the version its writer read.

    `expected` is the version read (None: the caller read nothing first, so
    there is nothing to be stale); `seen`, the record as read, lets the
    sentence say what changed. `what` names the record ("maria_bakes",
    "Order FO1"). Given `seen` and the fields the write sets (`writes`), a
    change to other fields only (a teammate's note, their edit of another
    field) does not stop it: nothing of theirs is overwritten.
    """
    if expected is None or model.version == expected:
        return
    if (
        seen is not None
        and writes is not None
        and all(getattr(seen, name) == getattr(model, name) for name in writes)
    ):
        return
    raise Conflict(changed_since(model, what, seen))


def changed_since(model: Any, what: str, seen: Any = None) -> str:
    who = getattr(model, "updated_by", None) or "someone else"
    sentence = f"{what} was changed by {who}{_when(getattr(model, 'updated_at', None))} "
    sentence += "since you opened it"
    changes = differences(seen, model) if seen is not None else []
    if changes:
        shown = changes[:_MOST]
        more = len(changes) - len(shown)
        sentence += " (" + "; ".join(shown) + (f"; {more} more" if more else "") + ")"
    return sentence + ". Nothing of yours was saved: reload it and try again."


def differences(seen: Any, model: Any) -> list[str]:
    """`field: what you saw → what is there now`, for each field that differs."""
    names = [f.name for f in fields(seen)] if is_dataclass(seen) else []
    out = []
    for name in names:
        if name in _NOT_SHOWN or not hasattr(model, name):
            continue
        before, now = getattr(seen, name), getattr(model, name)
        if before != now:
            out.append(f"{name.replace('_', ' ')}: {_value(before)} → {_value(now)}")
    return out


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = clock.to_local(moment)
    if local.date() == clock.local_now().date():
        return f" at {local:%H:%M}"
    return f" on {local:%Y-%m-%d} at {local:%H:%M}"


def _value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return f"{clock.to_local(value):%Y-%m-%d %H:%M}"
    text = " ".join(str(value).split())
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"
