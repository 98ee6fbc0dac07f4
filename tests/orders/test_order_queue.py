"""Deliveries due reach the morning queue, and status changes take them out (or back in)."""

from __future__ import annotations

from datetime import timedelta

from sellerdesk import clock, leads
from sellerdesk.followups import queue
from sellerdesk.orders.fields import parse_due
from sellerdesk.orders.status import set_status
from sellerdesk.orders.store import create_order


def _lanes(db) -> dict[str, list[str]]:
    built = queue.build(db)
    return {lane.key: [item.reason for item in lane.items] for lane in built.lanes[1:]}


def test_a_delivery_due_today_is_in_today_and_leaves_when_delivered(db, lead, draft):
    create_order(db, "brightsmile", draft.with_changes(number="FO1", delivery_days=None,
                                                         due_at=parse_due("today")))  # fmt: skip
    assert _lanes(db)["today"] == ["Delivery due: order FO1 ($450)"]

    set_status(db, "FO1", "in progress")
    assert _lanes(db)["today"] == ["Delivery due: order FO1 ($450)"]
    set_status(db, "FO1", "delivered")
    # What is owed now is the after-sales walkthrough (seed 001), not the delivery.
    walkthrough = "After-sales walkthrough to confirm: order FO1"
    assert _lanes(db) == {"overdue": [], "today": [walkthrough], "upcoming": []}
    assert leads.get_lead(db, "brightsmile").stage == "delivered"

    set_status(db, "FO1", "in progress")  # the delivery was taken back: owed again
    assert _lanes(db)["today"] == ["Delivery due: order FO1 ($450)"]


def test_late_deliveries_are_overdue_and_two_orders_are_two_entries(db, lead, draft, frozen_now):
    create_order(db, "brightsmile", draft.with_changes(number="FO1", delivery_days=2))
    create_order(db, "brightsmile", draft.with_changes(number="FO2", delivery_days=5))
    assert _lanes(db)["upcoming"] == [
        "Delivery due: order FO1 ($450)",
        "Delivery due: order FO2 ($450)",
    ]
    clock.freeze(frozen_now + timedelta(days=3))
    lanes = _lanes(db)
    assert lanes["overdue"] == ["Delivery due: order FO1 ($450)"]
    assert lanes["upcoming"] == ["Delivery due: order FO2 ($450)"]
    set_status(db, "FO1", "cancelled", reason="client asked to stop")
    assert _lanes(db)["overdue"] == []


def test_do_not_contact_leads_get_no_queue_entry(db, lead, draft):
    leads.set_do_not_contact(db, "brightsmile", True, "asked us to stop messaging")
    create_order(db, "brightsmile", draft.with_changes(requirements="incomplete"))
    assert _lanes(db) == {"overdue": [], "today": [], "upcoming": []}


def test_an_extension_moves_the_queue_entry(db, lead, draft, db_url, capsys):
    from sellerdesk.cli.main import main

    create_order(db, "brightsmile", draft.with_changes(number="FO1", delivery_days=1))
    assert _lanes(db)["upcoming"] == ["Delivery due: order FO1 ($450)"]
    assert main(["--db", db_url, "order", "due", "FO1", "today"]) == 0
    assert capsys.readouterr().out == "Order FO1: delivery due Mon 2026-11-23.\n"
    lanes = _lanes(db)
    assert (lanes["today"], lanes["upcoming"]) == (["Delivery due: order FO1 ($450)"], [])
    assert main(["--db", db_url, "order", "due", "FO1", "2026-11-01"]) == 1
    assert "in the past" in capsys.readouterr().err
