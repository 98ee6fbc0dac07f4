"""The answers a script captures: typed fields, how typed text becomes a value,
and how a value is shown, edited again and handed to a template.

Values are stored as JSON, so every kind parses to strings, numbers, lists or
small dicts. A value that cannot be taken raises `Invalid` with one sentence
naming the field; a value Fiverr would refuse (a price or a delivery time out
of its range) is taken and warned about, because the seller may know better.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sellerdesk.config import Limits
from sellerdesk.errors import Invalid

TEXT = "text"
LIST = "list"
CHOICE = "choice"
MONEY = "money"
DAYS = "days"
COUNT = "count"
INSPIRATIONS = "inspirations"
MILESTONES = "milestones"
KINDS = (TEXT, LIST, CHOICE, MONEY, DAYS, COUNT, INSPIRATIONS, MILESTONES)

# Fiverr lets an offer over $100 be split into milestones, at most this many.
MAX_MILESTONES = 3
# Bounds at the edge, so no number typed ever overflows a column or a date.
MAX_AMOUNT = 100_000_000
MAX_DAYS = 3650
MAX_COUNT = 1000
MILESTONE_MIN_PRICE = 100

UNLIMITED = "unlimited"
PRIMARY_MARKS = ("*", "(primary)")
_NUMBERING = re.compile(r"^\s*(?:[-•]|\d+[.)])(?:\s+|$)")
_CURRENCY = re.compile(r"^(?:usd|us\$|\$)\s*|\s*(?:usd|dollars?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    name: str
    """The answer's key, also the template placeholder it fills."""
    label: str
    kind: str = TEXT
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    """(key, label) pairs for a choice."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")
        if (self.kind == CHOICE) != bool(self.choices):
            raise ValueError(f"{self.name}: choices belong to choice fields only")


@dataclass(frozen=True)
class Parsed:
    value: Any
    warnings: tuple[str, ...] = ()


def parse(field: Field, raw: str, limits: Limits | None = None) -> Parsed:
    """Typed text to a stored value. Blank text is refused here: clearing is separate."""
    limits = limits or Limits()
    text = (raw or "").strip()
    if not text:
        raise Invalid(f"{field.label} is empty; type a value (or clear the answer).")
    return _PARSERS[field.kind](field, text, limits)


def _text(field: Field, text: str, _limits: Limits) -> Parsed:
    return Parsed(text)


def split_items(text: str) -> list[str]:
    """Items typed one a line or separated by commas, list numbering removed."""
    items: list[str] = []
    seen: set[str] = set()
    for line in text.replace(";", "\n").splitlines():
        for part in line.split(","):
            item = _NUMBERING.sub("", part).strip()
            if item and item.lower() not in seen:
                seen.add(item.lower())
                items.append(item)
    return items


def _list(field: Field, text: str, _limits: Limits) -> Parsed:
    items = split_items(text)
    if not items:
        raise Invalid(
            f"The {field.label.lower()} list is empty; list at least one, e.g. {_eg(field)}."
        )
    return Parsed(items)


def _eg(field: Field) -> str:
    return field.hint.removeprefix("e.g. ") if field.hint else "one, two"


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _choice(field: Field, text: str, _limits: Limits) -> Parsed:
    wanted = _norm(text)
    if text.isdecimal() and 1 <= int(text) <= len(field.choices):
        return Parsed(field.choices[int(text) - 1][0])
    for key, label in field.choices:
        if wanted in (_norm(key), _norm(label)):
            return Parsed(key)
    starts = [key for key, label in field.choices if _norm(label).startswith(wanted) and wanted]
    if len(starts) == 1:
        return Parsed(starts[0])
    options = ", ".join(f"{n}. {label}" for n, (_key, label) in enumerate(field.choices, 1))
    raise Invalid(f"'{text}' is not a choice for {field.label.lower()}; choose {options}.")


def money(text: str, what: str) -> Decimal:
    cleaned = _CURRENCY.sub("", text.strip()).replace(",", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise Invalid(f"{what} must be a number of dollars, e.g. 450 (got '{text}').") from None
    if not amount.is_finite() or amount <= 0:
        raise Invalid(f"{what} must be more than $0 (got '{text}').")
    if amount > MAX_AMOUNT:
        raise Invalid(f"{what} is more than any offer: at most ${MAX_AMOUNT:,} (got '{text}').")
    if amount != amount.quantize(Decimal("0.01")):
        raise Invalid(f"{what} has more than two decimals (got '{text}').")
    return amount


def money_text(amount: Decimal) -> str:
    """450 for whole dollars, 450.50 otherwise; no symbol (templates write the $)."""
    if amount == amount.to_integral_value():
        return f"{int(amount)}"
    return f"{amount.quantize(Decimal('0.01'))}"


def price_warnings(amount: Decimal, limits: Limits, what: str = "the price") -> tuple[str, ...]:
    low, high = limits.offer_min_price, limits.offer_max_price
    if low <= amount <= high:
        return ()
    return (
        f"Fiverr accepts offers from ${low:,} to ${high:,}; {what} ${money_text(amount)} "
        "would be refused.",
    )


def _money(field: Field, text: str, limits: Limits) -> Parsed:
    amount = money(text, field.label)
    return Parsed(money_text(amount), price_warnings(amount, limits, field.label.lower()))


def whole_number(text: str, what: str) -> int:
    cleaned = re.sub(r"\s*(days?|d)\s*$", "", text.strip(), flags=re.IGNORECASE)
    try:
        days = int(cleaned)
    except ValueError:
        raise Invalid(f"{what} must be a whole number of days, e.g. 7 (got '{text}').") from None
    if abs(days) > MAX_DAYS:
        raise Invalid(f"{what} can be at most {MAX_DAYS:,} days (got '{text}').")
    return days


def days_warnings(days: int, limits: Limits, what: str = "Delivery time") -> tuple[str, ...]:
    low, high = limits.offer_min_days, limits.offer_max_days
    if low <= days <= high:
        return ()
    return (f"Fiverr accepts {low}–{high} days; {what.lower()} of {days} days would be refused.",)


def _days(field: Field, text: str, limits: Limits) -> Parsed:
    days = whole_number(text, field.label)
    if days < 0:
        raise Invalid(f"{field.label} cannot be negative (got '{text}').")
    return Parsed(days, days_warnings(days, limits, field.label))


def _count(field: Field, text: str, _limits: Limits) -> Parsed:
    if _norm(text) in (UNLIMITED, "unl", "inf"):
        return Parsed(UNLIMITED)
    if not text.isdecimal() or int(text) > MAX_COUNT:
        raise Invalid(
            f"{field.label} must be a whole number up to {MAX_COUNT} or 'unlimited' (got '{text}')."
        )
    return Parsed(int(text))


def _inspirations(field: Field, text: str, _limits: Limits) -> Parsed:
    primary: list[str] = []
    others: list[str] = []
    for item in split_items(text):
        name = item
        marked = False
        for mark in PRIMARY_MARKS:
            if name.lower().startswith(mark) or name.lower().endswith(mark):
                name = name[len(mark) :] if name.lower().startswith(mark) else name[: -len(mark)]
                name = name.strip()
                marked = True
        if not name:
            continue
        (primary if marked else others).append(name)
    if len(primary) > 1:
        names = " and ".join(primary)
        raise Invalid(
            f"Lock one primary inspiration only: {names} are both marked primary; "
            "keep * on one, the others are reference only."
        )
    if not primary:
        if len(others) == 1:
            primary, others = others, []
        elif not others:
            raise Invalid(f"{field.label} is empty; name the competitor whose design leads.")
        else:
            raise Invalid(
                "Mark the one primary inspiration with * (e.g. *acme.com); "
                "the others are reference only."
            )
    return Parsed({"primary": primary[0], "references": others})


def _milestones(field: Field, text: str, _limits: Limits) -> Parsed:
    found = []
    # One a line, or separated by ";" where only one line can be typed.
    lines = [line for line in re.split(r"[\n;]", text) if line.strip()]
    if len(lines) > MAX_MILESTONES:
        raise Invalid(f"Fiverr allows up to {MAX_MILESTONES} milestones; {len(lines)} were given.")
    for number, line in enumerate(lines, start=1):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3 or not parts[0]:
            raise Invalid(
                f"Milestone {number} should read 'title | days | price', e.g. "
                f"'Homepage design | 5 | 200' (got '{line.strip()}')."
            )
        days = whole_number(parts[1], f"Milestone {number} days")
        if days < 1:
            raise Invalid(f"Milestone {number} needs at least 1 day (got '{parts[1]}').")
        amount = money(parts[2], f"Milestone {number} price")
        found.append({"title": parts[0], "days": days, "price": money_text(amount)})
    return Parsed(found)


_PARSERS = {
    TEXT: _text,
    LIST: _list,
    CHOICE: _choice,
    MONEY: _money,
    DAYS: _days,
    COUNT: _count,
    INSPIRATIONS: _inspirations,
    MILESTONES: _milestones,
}


def display(field: Field, value: Any) -> str:
    """How a stored value reads on screen and on the timeline."""
    if value is None:
        return ""
    kind = field.kind
    if kind == LIST:
        return ", ".join(value)
    if kind == CHOICE:
        return dict(field.choices).get(value, str(value))
    if kind == MONEY:
        return f"${value}"
    if kind == DAYS:
        return f"{value} day" + ("" if value == 1 else "s")
    if kind == INSPIRATIONS:
        refs = value.get("references") or []
        tail = f" (reference only: {', '.join(refs)})" if refs else ""
        return f"{value.get('primary', '')}{tail}"
    if kind == MILESTONES:
        return "; ".join(f"{m['title']}: {m['days']} days, ${m['price']}" for m in value)
    return str(value)


def edit_text(field: Field, value: Any) -> str:
    """The stored value as text that parses back to it (for a form's input)."""
    if value is None:
        return ""
    kind = field.kind
    if kind == LIST:
        return ", ".join(value)
    if kind == CHOICE:
        return dict(field.choices).get(value, str(value))
    if kind == INSPIRATIONS:
        return ", ".join(["*" + value.get("primary", ""), *value.get("references", [])])
    if kind == MILESTONES:
        return "; ".join(f"{m['title']} | {m['days']} | {m['price']}" for m in value)
    return str(value)


def template_values(field: Field, value: Any) -> dict[str, str]:
    """Placeholder values this answer fills (its own name, and for inspirations
    also the reference list)."""
    if value is None:
        return {}
    if field.kind == INSPIRATIONS:
        out = {field.name: value.get("primary", "")}
        if value.get("references"):
            out["references"] = ", ".join(value["references"])
        return out
    if field.kind in (MONEY, DAYS, COUNT, TEXT):
        return {field.name: str(value)}
    return {field.name: display(field, value)}
