"""Whatever is typed, an order exists only with a clear yes and every pre-check holding."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sellerdesk.db.models import OrderModel
from sellerdesk.orders.gate import Draft, consent_problem
from sellerdesk.orders.store import OrderRefused, create_order, get_order

CONSENTS = st.one_of(
    st.sampled_from(
        [
            "",
            "ok",
            "Yes, please place the order",
            "maybe later",
            "I'm just checking",
            "Sure, go ahead",
            "No, thanks",
            "What would it cost?",
        ]
    ),
    st.text(max_size=40),
)


def _count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(OrderModel.id))) or 0


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    consent=CONSENTS,
    price=st.one_of(st.none(), st.integers(-100, 3_000_000)),
    days=st.one_of(st.none(), st.integers(-2, 120)),
    pages=st.sampled_from(["", "  ", "Home, About"]),
    scope=st.booleans(),
)
@example(consent="Yes, please place the order", price=45000, days=7, pages="Home", scope=True)
def test_no_order_without_the_yes_and_the_checks(db, lead, consent, price, days, pages, scope):
    draft = Draft(
        consent=consent, price_cents=price, delivery_days=days, pages=pages, scope_confirmed=scope
    )
    before = _count(db)
    try:
        order = create_order(db, "brightsmile", draft)
    except OrderRefused as refused:
        assert refused.problems and _count(db) == before
        return
    saved = get_order(db, order.number)
    assert consent_problem(saved.consent_text) is None
    assert saved.prechecks == dict.fromkeys(
        ("consent", "delivery", "pages", "price", "scope"), True
    )
    assert 0 < saved.price_cents <= 2_000_000 and 1 <= saved.delivery_days <= 90
    assert saved.pages.strip() and _count(db) == before + 1
