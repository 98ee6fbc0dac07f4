"""Pre-filling an order from the lead's redesign script run (seed 000, steps 3–9).

The script captures the pages, the one design direction, the delivery days
and the price, and step 8 confirms the scope; an order drafted for that lead
starts from those answers (each marked as coming from the script) and the
seller confirms or corrects them by hand.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from sellerdesk.db.engine import Database
from sellerdesk.db.models import ScriptRunModel
from sellerdesk.errors import Invalid
from sellerdesk.orders.fields import parse_days, parse_price
from sellerdesk.orders.gate import Draft

SCRIPT = "redesign"
# Answer names the redesign script may use for each order field, first found wins.
PAGES_KEYS = ("pages", "pages_list")
DIRECTION_KEYS = ("design_direction", "inspiration", "primary_inspiration")
DAYS_KEYS = ("delivery_days", "delivery_time")
PRICE_KEYS = ("price", "fixed_price")
# Step 8 of the redesign script: the scope is confirmed when all three are ticked.
SCOPE_TICKS = ("confirm_design", "confirm_pages", "confirm_focus")


def _first(answers: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = answers.get(key)
        if isinstance(value, dict):
            # The design direction: one primary inspiration, the rest reference only.
            value = value.get("primary", "")
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if str(v).strip())
        if value not in (None, ""):
            return str(value).strip()
    return ""


def draft_from_answers(answers: dict[str, Any], ticks: list[str] | tuple[str, ...] = ()) -> Draft:
    """A draft holding whatever the script captured; values it cannot read are left empty."""
    sources: list[tuple[str, str]] = []
    pages = _first(answers, PAGES_KEYS)
    if pages:
        sources.append(("pages", "script"))
    direction = _first(answers, DIRECTION_KEYS)
    if direction:
        sources.append(("design_direction", "script"))
    try:
        days = parse_days(_first(answers, DAYS_KEYS))
    except Invalid:
        days = None
    if days is not None:
        sources.append(("delivery", "script"))
    try:
        price = parse_price(_first(answers, PRICE_KEYS))
    except Invalid:
        price = None
    if price is not None:
        sources.append(("price", "script"))
    scope = set(SCOPE_TICKS) <= set(ticks)
    if scope:
        sources.append(("scope", "script"))
    return Draft(
        pages=pages,
        design_direction=direction,
        delivery_days=days,
        price_cents=price,
        scope_confirmed=scope,
        sources=tuple(sources),
    )


def _decode(text: str | None, default: Any) -> Any:
    try:
        value = json.loads(text) if text else default
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def prefill(db: Database, lead_id: int) -> Draft:
    """The draft for a new order on this lead: from its redesign script run, if it has one."""
    with db.read() as session:
        run = session.scalars(
            select(ScriptRunModel).where(
                ScriptRunModel.lead_id == lead_id, ScriptRunModel.script == SCRIPT
            )
        ).first()
        if run is None:
            return Draft()
        answers = _decode(run.answers, {})
        ticks = _decode(run.ticks, [])
    return draft_from_answers(answers, ticks)
