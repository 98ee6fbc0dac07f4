"""Two people saving at the same moment on one book, through two real
connections: order numbers stay unique, a direct order number is never handed
out twice, and a referral reward is earned exactly once. Each race starts both
writes together from a barrier, in two threads."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from tests.team.conftest import draft

from sellerdesk import leads
from sellerdesk.errors import Duplicate, SellerdeskError
from sellerdesk.orders.store import create_order, list_orders
from sellerdesk.referrals.recording import record_referral
from sellerdesk.referrals.tracking import list_referrals


def race(*writes: Callable[[], object]) -> list[object]:
    """Run the writes at once; each result, or the error it raised."""
    barrier = threading.Barrier(len(writes))
    results: list[object] = [None] * len(writes)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = writes[i]()
        except Exception as exc:  # kept, to be looked at by the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(writes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.parametrize("attempt", range(3))
def test_one_order_number_is_recorded_once_when_two_save_it_at_once(db, colleague, attempt):
    leads.add_lead(db, "maria")
    leads.add_lead(db, "tom")
    mine, theirs = race(
        lambda: create_order(db, "maria", draft("FO777")),
        lambda: create_order(colleague, "tom", draft("FO777")),
    )
    saved = [r for r in (mine, theirs) if not isinstance(r, Exception)]
    refused = [r for r in (mine, theirs) if isinstance(r, Exception)]
    assert len(saved) == 1 and len(refused) == 1, (mine, theirs)
    assert isinstance(refused[0], Duplicate), repr(refused[0])
    assert "FO777 is already recorded" in str(refused[0])
    assert [row.username for row in list_orders(db)] == [saved[0].username]


def test_direct_orders_saved_at_once_get_different_numbers(db, colleague):
    for name in ("maria", "tom", "ann"):
        leads.add_lead(db, name)
    results = race(
        lambda: create_order(db, "maria", draft()),
        lambda: create_order(colleague, "tom", draft()),
        lambda: create_order(colleague, "ann", draft()),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    numbers = sorted(r.number for r in results)
    assert numbers == [f"D-20261123-000{n}" for n in (1, 2, 3)]


def test_a_referral_reward_is_earned_once_when_two_orders_land_at_once(db, colleague):
    leads.add_lead(db, "bgsone", stage="completed")
    leads.add_lead(db, "inzoneagency")
    record_referral(db, "inzoneagency", "bgsone")
    results = race(
        lambda: create_order(db, "inzoneagency", draft("FO1")),
        lambda: create_order(colleague, "inzoneagency", draft("FO2")),
    )
    # Both orders are the client's; whichever came first earned the reward.
    assert not [r for r in results if isinstance(r, SellerdeskError)], results
    [referral] = list_referrals(db)
    assert referral.status == "earned"
    referrer = leads.get_lead(db, "bgsone")
    earned = [e for e in leads.lead_timeline(db, referrer.id) if e.kind == "referral_earned"]
    assert len(earned) == 1
