"""Reading what a person types for an order: a price, an order number, a day count."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sellerdesk.errors import Invalid

# Fiverr shows order numbers like "#FO81A2B3C4D5"; any letters, digits and
# dashes are accepted so a team's own numbering fits too.
_NUMBER_RE = re.compile(r"^[A-Z0-9][A-Z0-9\-]{2,63}$")
# Bounds at the edge, so no number typed ever overflows a database column.
MAX_PRICE_CENTS = 100_000_000 * 100
MAX_DAYS = 3650
_PRICE_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$|^\d+(\.\d{1,2})?$")


def parse_price(text: str | None) -> int | None:
    """Cents from "450", "$450", "1,200.50", "USD 450"; None for nothing typed."""
    value = (text or "").strip()
    if not value:
        return None
    bare = value.upper().removeprefix("USD").removesuffix("USD").strip().lstrip("$").strip()
    if not _PRICE_RE.match(bare):
        raise Invalid(f"'{value}' is not a price; type the amount in dollars, e.g. 450 or 450.50.")
    try:
        cents = int(Decimal(bare.replace(",", "")) * 100)
    except InvalidOperation as exc:
        raise Invalid(f"'{value}' is not a price.") from exc
    if cents > MAX_PRICE_CENTS:
        raise Invalid(f"'{value}' is more than any order: at most ${MAX_PRICE_CENTS // 100:,}.")
    return cents


def clean_number(text: str | None) -> str:
    """An order number as Fiverr shows it, without the leading '#'; '' for none."""
    value = (text or "").strip().lstrip("#").strip().upper()
    if not value:
        return ""
    if not _NUMBER_RE.match(value):
        raise Invalid(
            f"'{text}' is not an order number: use the number Fiverr shows (e.g. FO81A2B3C4D5), "
            "letters, digits and dashes only."
        )
    return value


def parse_days(text: str | int | None) -> int | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        days = int(str(text).strip().removesuffix("d").removesuffix("days").strip())
    except ValueError as exc:
        raise Invalid(f"'{text}' is not a number of days; type a whole number, e.g. 7.") from exc
    if not 0 <= days <= MAX_DAYS:
        raise Invalid(f"'{text}' is not a number of days from 0 to {MAX_DAYS}.")
    return days


def parse_due(text: str | None):
    """A delivery due moment from "7d", "fri", "2026-12-01"; a date alone means the end of
    that local day (a delivery due "today" is not late yet). None for nothing typed."""
    from datetime import timedelta

    from sellerdesk.followups.when import parse, start_of_day

    if not (text or "").strip():
        return None
    when = parse(text, allow_past=True)
    if when.has_time:
        return when.due_at
    return start_of_day(when.local.date() + timedelta(days=1)) - timedelta(seconds=1)
