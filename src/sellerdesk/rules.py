"""What follows from a change on a lead: the hooks other features plug into.

Called inside the same write unit as the change, so a rule's effects commit
or roll back with it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from sellerdesk.db.models import LeadModel, OrderModel

StageRule = Callable[[Session, LeadModel, str, str, str], None]
FlagRule = Callable[[Session, LeadModel, str], None]
# (session, order, old status or None when just created, new status, author)
OrderRule = Callable[[Session, OrderModel, str | None, str, str], None]

_stage_rules: list[StageRule] = []
_dnc_rules: list[FlagRule] = []
_order_rules: list[OrderRule] = []
# (session, lead, the follow-up just marked done, author)
FollowUpRule = Callable[[Session, LeadModel, object, str], None]
_followup_done_rules: list[FollowUpRule] = []


def on_followup_done(rule: FollowUpRule) -> FollowUpRule:
    """Runs when a follow-up is marked done, e.g. to plan the next reminder."""
    _followup_done_rules.append(rule)
    return rule


def followup_done(session: Session, lead: LeadModel, followup: object, author: str) -> None:
    _load_rule_modules()
    for rule in _followup_done_rules:
        rule(session, lead, followup, author)


def on_stage_change(rule: StageRule) -> StageRule:
    _stage_rules.append(rule)
    return rule


def on_do_not_contact(rule: FlagRule) -> FlagRule:
    _dnc_rules.append(rule)
    return rule


def on_order_change(rule: OrderRule) -> OrderRule:
    """Runs when an order is created (old is None), its status changes, or its
    feedback or complaint changes (old == new)."""
    _order_rules.append(rule)
    return rule


def order_changed(
    session: Session, order: OrderModel, old: str | None, new: str, author: str
) -> None:
    _load_rule_modules()
    for rule in _order_rules:
        rule(session, order, old, new, author)


def stage_changed(session: Session, lead: LeadModel, old: str, new: str, author: str) -> None:
    _load_rule_modules()
    for rule in _stage_rules:
        rule(session, lead, old, new, author)


def do_not_contact_set(session: Session, lead: LeadModel, author: str) -> None:
    _load_rule_modules()
    for rule in _dnc_rules:
        rule(session, lead, author)


# Modules that register rules; imported on first use so that every entry point
# (TUI, CLI, tests) gets the same rules without importing them itself.
RULE_MODULES: tuple[str, ...] = (
    "sellerdesk.followups.cadence",
    "sellerdesk.referrals.earning",
    "sellerdesk.orders.reminders",
    "sellerdesk.orders.after_sales",
)
_loaded = False


def _load_rule_modules() -> None:
    global _loaded
    if _loaded:
        return
    import importlib

    for name in RULE_MODULES:
        importlib.import_module(name)
    _loaded = True
