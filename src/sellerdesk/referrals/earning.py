"""A referral reward's life: earned when the referred lead places an order
(the order rule here), redeemed when the referrer uses it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk import clock, rules
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, OrderModel, ReferralModel
from sellerdesk.errors import Invalid, NotFound
from sellerdesk.leads import touch
from sellerdesk.referrals.asking import review_ask
from sellerdesk.referrals.tracking import Referral, find_lead, referral_of, usernames
from sellerdesk.timeline import record

MAX_NOTE = 500


def has_order(session: Session, lead_id: int) -> bool:
    count = session.scalar(
        select(func.count(OrderModel.id)).where(
            OrderModel.lead_id == lead_id, OrderModel.status != "cancelled"
        )
    )
    return bool(count)


def earn(
    session: Session,
    model: ReferralModel,
    referrer: LeadModel,
    referred: LeadModel,
    author: str,
    why: str,
) -> None:
    model.status = "earned"
    model.earned_at = clock.now()
    data = {"referral_id": model.id, "referred": referred.username}
    record(
        session,
        referrer,
        "referral_earned",
        f"Reward earned: {model.reward} ({referred.username} {why})",
        author=author,
        data=data,
    )
    record(
        session,
        referred,
        "referral_earned",
        f"{referrer.username} earned their referral reward ({why})",
        author=author,
        data=data,
    )
    touch(referrer)


def redeem(
    db: Database, referrer_username: str, note: str = "", *, seen: Referral | None = None
) -> Referral:
    """Mark the referrer's oldest earned reward as used (e.g. on their next order).

    With `seen`, the reward as the writer saw it: that one, refused if someone
    changed it since (redeemed it already), rather than the next one silently."""
    note = " ".join((note or "").split())
    if len(note) > MAX_NOTE:
        raise Invalid(f"A redeem note can be at most {MAX_NOTE} characters.")
    with db.write() as session:
        referrer = find_lead(session, referrer_username)
        if referrer is None:
            raise NotFound(f"No lead with username '{referrer_username.strip()}'.")
        if seen is not None:
            from sellerdesk.stale import refuse_if_stale

            model = session.get(ReferralModel, seen.id)
            if model is None or model.referrer_id != referrer.id:
                raise NotFound(f"That reward of {referrer.username}'s is no longer recorded.")
            what = f"The reward for referring {seen.referred}"
            refuse_if_stale(model, seen.version, what, seen=seen)
        else:
            model = session.scalars(
                select(ReferralModel)
                .where(ReferralModel.referrer_id == referrer.id, ReferralModel.status == "earned")
                .order_by(ReferralModel.earned_at, ReferralModel.id)
            ).first()
        if model is None or model.status != "earned":
            pending = session.scalar(
                select(func.count(ReferralModel.id)).where(
                    ReferralModel.referrer_id == referrer.id, ReferralModel.status == "pending"
                )
            )
            waiting = (
                f" ({pending} referral{'s' if pending != 1 else ''} pending: "
                "a reward is earned when the referred lead places an order)"
                if pending
                else ""
            )
            raise Invalid(f"{referrer.username} has no earned reward to redeem{waiting}.")
        model.status = "redeemed"
        model.redeemed_at = clock.now()
        model.redeemed_note = note or None
        referred = usernames(session, model.referred_id)[model.referred_id]
        body = f"Reward redeemed: {model.reward} (for referring {referred})"
        if note:
            body += f" — {note}"
        record(
            session,
            referrer,
            "referral_redeemed",
            body,
            author=db.author,
            data={"referral_id": model.id, "referred": referred},
        )
        touch(referrer)
        session.flush()
        return referral_of(session, model)


@rules.on_order_change
def _order_changed(
    session: Session, order: OrderModel, old: str | None, new: str, author: str
) -> None:
    """A new order earns its referrer's reward; any change to an order (status,
    feedback, complaint: `old == new` when the status stayed) re-reads the gate."""
    lead = session.get_one(LeadModel, order.lead_id)
    if old is None:
        pending = session.scalars(
            select(ReferralModel).where(
                ReferralModel.referred_id == lead.id, ReferralModel.status == "pending"
            )
        ).first()
        if pending is not None:
            referrer = session.get_one(LeadModel, pending.referrer_id)
            earn(session, pending, referrer, lead, author, f"placed order {order.number}")
    review_ask(session, lead, author)
