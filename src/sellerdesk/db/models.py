"""Typed SQLAlchemy models. The UI never sees these: domain functions turn them
into plain records (see `sellerdesk.records`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from sellerdesk.db import insight_tables, tables  # noqa: F401 (insight: Core tables only)
from sellerdesk.db.coltypes import UTCDateTime


class Base(DeclarativeBase):
    metadata = tables.metadata


# The first four map onto the Core tables in `sellerdesk.db.tables`, which the
# queue and search read without the ORM; their columns are declared there.


class LeadModel(Base):
    __table__ = tables.leads

    id: Mapped[int]
    username: Mapped[str]
    username_key: Mapped[str]
    display_name: Mapped[str | None]
    source: Mapped[str]
    stage: Mapped[str]
    stage_since: Mapped[datetime]
    website: Mapped[str | None]
    last_messaged_at: Mapped[datetime | None]
    next_followup_at: Mapped[datetime | None]
    do_not_contact: Mapped[bool]
    dnc_reason: Mapped[str | None]
    referred_by: Mapped[str | None]
    project_type: Mapped[str | None]
    industry: Mapped[str | None]
    owner: Mapped[str | None]
    owner_key: Mapped[str | None]
    notes: Mapped[str | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int]
    updated_by: Mapped[str | None]

    labels: Mapped[list[LeadLabelModel]] = relationship(
        back_populates="lead", cascade="all, delete-orphan", order_by="LeadLabelModel.id"
    )
    values: Mapped[list[LeadValueModel]] = relationship(
        back_populates="lead", cascade="all, delete-orphan"
    )

    # A stale write from another person raises instead of silently overwriting.
    __mapper_args__ = {"version_id_col": tables.leads.c.version}


class LeadLabelModel(Base):
    __table__ = tables.lead_labels

    id: Mapped[int]
    lead_id: Mapped[int]
    label: Mapped[str]
    label_key: Mapped[str]

    lead: Mapped[LeadModel] = relationship(back_populates="labels")


class LeadValueModel(Base):
    """A named value remembered on a lead, used to fill template placeholders."""

    __tablename__ = "lead_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)

    lead: Mapped[LeadModel] = relationship(back_populates="values")

    __table_args__ = (UniqueConstraint("lead_id", "name", name="uq_lead_values_lead_name"),)


class EventModel(Base):
    """One entry on a lead's timeline: what happened, when, and who did it."""

    __table__ = tables.events

    id: Mapped[int]
    lead_id: Mapped[int]
    at: Mapped[datetime]
    author: Mapped[str]
    kind: Mapped[str]
    body: Mapped[str]
    data: Mapped[str | None]


class FollowUpModel(Base):
    """A next step on a lead: when it is due, why, and what to send (see the table)."""

    __table__ = tables.followups

    id: Mapped[int]
    lead_id: Mapped[int]
    due_at: Mapped[datetime]
    has_time: Mapped[bool]
    first_due_at: Mapped[datetime]
    reason: Mapped[str]
    template: Mapped[str | None]
    rule: Mapped[str | None]
    status: Mapped[str]
    created_by: Mapped[str]
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    snoozed_until: Mapped[datetime | None]
    assignee: Mapped[str | None]
    assignee_key: Mapped[str | None]
    version: Mapped[int]
    updated_at: Mapped[datetime | None]
    updated_by: Mapped[str | None]

    __mapper_args__ = {"version_id_col": tables.followups.c.version}


class ScriptRunModel(Base):
    """A lead's progress through one sales script: where it stands and what was captured."""

    __tablename__ = "script_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    script: Mapped[str] = mapped_column(String(48))
    step: Mapped[str] = mapped_column(String(64))
    answers: Mapped[str] = mapped_column(Text, default="{}")  # JSON: field name -> value
    ticks: Mapped[str] = mapped_column(Text, default="[]")  # JSON: checklist item ids ticked
    status: Mapped[str] = mapped_column(String(16), default="active")  # active, finished
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str | None] = mapped_column(String(100))

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("lead_id", "script", name="uq_script_runs_lead_script"),)


class OrderModel(Base):
    """An order: a Fiverr order or a direct one, created only with the client's yes."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="fiverr")  # fiverr, direct
    pages: Mapped[str] = mapped_column(Text, default="")
    design_direction: Mapped[str] = mapped_column(Text, default="")
    price_cents: Mapped[int] = mapped_column(Integer)
    delivery_days: Mapped[int | None] = mapped_column(Integer)
    delivery_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    requirements: Mapped[str] = mapped_column(String(16), default="submitted")
    status: Mapped[str] = mapped_column(String(24), default="under_review")
    consent_text: Mapped[str] = mapped_column(Text)
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    prechecks: Mapped[str] = mapped_column(Text, default="{}")  # JSON: check -> bool
    satisfaction: Mapped[str | None] = mapped_column(String(16))  # positive, negative
    feedback: Mapped[str | None] = mapped_column(Text)
    complaint_open: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # The client's own words confirming the after-sales walkthrough (seed 001).
    walkthrough_text: Mapped[str | None] = mapped_column(Text)
    walkthrough_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    walkthrough_by: Mapped[str | None] = mapped_column(String(100))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str | None] = mapped_column(String(100))

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_orders_lead", "lead_id", "created_at"),
        Index("ix_orders_status_due", "status", "delivery_due_at"),
    )


class OrderCheckModel(Base):
    """One ticked (or not yet ticked) item of an order's checklist (e.g. hosting job order)."""

    __tablename__ = "order_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    checklist: Mapped[str] = mapped_column(String(48))
    item: Mapped[str] = mapped_column(String(64))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("order_id", "checklist", "item", name="uq_order_checks_item"),
    )


class ReferralModel(Base):
    """Who brought whom, and the reward owed for it (pending → earned → redeemed)."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referrer_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    referred_id: Mapped[int] = mapped_column(
        ForeignKey("leads.id", ondelete="CASCADE"), unique=True
    )
    reward: Mapped[str] = mapped_column(Text)  # the reward as promised when recorded
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    earned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    redeemed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    redeemed_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by: Mapped[str | None] = mapped_column(String(100))

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_referrals_referrer", "referrer_id", "status"),)


# ------------------------------------------------------------ who changed it

# Records a stale write is refused on (`sellerdesk.stale`): each says who last
# changed it; those without an `updated_at` of their own get one here too.
_STAMPED = (LeadModel, FollowUpModel, OrderModel, ScriptRunModel, ReferralModel)
_TIMED = (FollowUpModel, ReferralModel)


@event.listens_for(Session, "before_flush")
def _stamp_author(session: Session, _context, _instances) -> None:
    author = session.info.get("author")
    if author is None:
        return  # not a write unit of `Database.write`
    from sellerdesk import clock

    for model in (*session.new, *session.dirty):
        if not isinstance(model, _STAMPED):
            continue
        if model in session.dirty and not session.is_modified(model, include_collections=False):
            continue
        model.updated_by = author
        if isinstance(model, _TIMED):
            model.updated_at = clock.now()
