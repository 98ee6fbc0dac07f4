"""Job-order checklists: ticked, kept with who and when, on the timeline, across a reopen."""

from __future__ import annotations

import pytest

from sellerdesk import leads
from sellerdesk.db.open import open_database
from sellerdesk.errors import Invalid
from sellerdesk.orders import checklists
from sellerdesk.orders.store import create_order


def test_ticks_persist_across_a_reopen(db, db_url, lead, draft, frozen_now):
    order = create_order(db, "brightsmile", draft)
    with pytest.raises(Invalid, match="no job-order checklist yet"):
        checklists.tick(db, order.number, "hosting")
    items = checklists.start(db, order.number, "transferred")
    assert [i.item for i in items] == [
        "credentials_secured", "domain_unlocked", "email_backed_up", "email_recreated",
        "website_copy", "trial_access", "propagation_notice", "pointing_reminder",
        "domain_transfer", "domain_pointing", "hosting_creation", "website_upload",
    ]  # fmt: skip
    assert items[6].template == "hosting.propagation_notice"
    assert items[7].template == "hosting.pointing_reminder"
    checklists.tick(db, order.number, "1")
    checklists.tick(db, order.number, "domain unlocked")
    checklists.tick(db, order.number, "24")
    checklists.tick(db, order.number, "1", done=False)
    db.close()

    again = open_database(db_url, author="someone")
    try:
        checklist, items = checklists.checklist_of(again, order.number)
        assert checklist is checklists.TRANSFERRED_CLIENT
        done = {i.item: (i.done, i.done_by, i.done_at) for i in items if i.done}
        assert done == {
            "domain_unlocked": (True, "tester", frozen_now),
            "propagation_notice": (True, "tester", frozen_now),
        }
        bodies = [e.body for e in leads.lead_timeline(again, lead.id) if e.kind == "order_check"]
        head = f"Order {order.number}, transferred client job order: "
        assert bodies == [
            head + "unticked: Domain credentials secured (username and password)",
            head + "✓ 24–48 hour propagation notice sent",
            head + "✓ Domain unlocked and under public settings",
            head + "✓ Domain credentials secured (username and password)",
        ]
    finally:
        again.close()


def test_switching_lists_only_before_anything_is_ticked(db, lead, draft):
    order = create_order(db, "brightsmile", draft)
    checklists.start(db, order.number, "transferred client")
    items = checklists.start(db, order.number, "new")
    assert [i.label for i in items] == [
        "15-day trial of the control panel created", "All the needed email accounts created",
        "Domain registration", "Domain pointing", "Hosting creation", "Website upload",
    ]  # fmt: skip
    checklists.tick(db, order.number, "domain registration")
    with pytest.raises(Invalid, match="untick them first"):
        checklists.start(db, order.number, "transferred")
    with pytest.raises(Invalid, match="not an item of the new client job order"):
        checklists.tick(db, order.number, "credentials")
    with pytest.raises(Invalid, match="not a checklist"):
        checklists.start(db, order.number, "renewal")
