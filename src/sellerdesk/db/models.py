"""Typed SQLAlchemy models. The UI never sees these: domain functions turn them
into plain records (see `sellerdesk.records`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sellerdesk.db.coltypes import UTCDateTime

# Named constraints keep Alembic batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class LeadModel(Base):
    __tablename__ = "leads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    # Fiverr usernames are unique regardless of case; the key enforces it portably.
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(32), default="fiverr_inbox")
    stage: Mapped[str] = mapped_column(String(32), default="new")
    stage_since: Mapped[datetime] = mapped_column(UTCDateTime())
    website: Mapped[str | None] = mapped_column(String(500))
    last_messaged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_followup_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    dnc_reason: Mapped[str | None] = mapped_column(Text)
    referred_by: Mapped[str | None] = mapped_column(String(64))
    project_type: Mapped[str | None] = mapped_column(String(32))
    industry: Mapped[str | None] = mapped_column(String(32))
    owner: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Bumped on every update: a stale write from another person raises instead of
    # silently overwriting (optimistic concurrency).
    version: Mapped[int] = mapped_column(Integer, default=1)

    labels: Mapped[list[LeadLabelModel]] = relationship(
        back_populates="lead", cascade="all, delete-orphan", order_by="LeadLabelModel.id"
    )
    values: Mapped[list[LeadValueModel]] = relationship(
        back_populates="lead", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_leads_updated", "updated_at", "id"),
        Index("ix_leads_stage", "stage"),
        Index("ix_leads_due", "do_not_contact", "next_followup_at"),
    )


class LeadLabelModel(Base):
    __tablename__ = "lead_labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(64))
    label_key: Mapped[str] = mapped_column(String(64))

    lead: Mapped[LeadModel] = relationship(back_populates="labels")

    __table_args__ = (
        UniqueConstraint("lead_id", "label_key", name="uq_lead_labels_lead_label"),
        Index("ix_lead_labels_key", "label_key", "lead_id"),
    )


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

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    author: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str | None] = mapped_column(Text)  # JSON, for details a kind needs

    __table_args__ = (
        Index("ix_events_lead_at", "lead_id", "at"),
        Index("ix_events_kind_at", "kind", "at"),
    )


class FollowUpModel(Base):
    """A next step on a lead: when it is due, why, and what to send.

    `due_at` is the moment it is due now (snoozing and rescheduling move it),
    so one index on (status, due_at) serves the morning queue; `first_due_at`
    keeps when it was first planned. Date-only follow-ups are due at the
    start of that local day and carry `has_time = False`.
    """

    __tablename__ = "followups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    has_time: Mapped[bool] = mapped_column(Boolean, default=False)
    first_due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(Text, default="")
    template: Mapped[str | None] = mapped_column(String(64))
    # Which cadence rule made it ("offer", ...); None when typed by a person.
    rule: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        # lead_id rides along so counting a lane never reads the table.
        Index("ix_followups_status_due", "status", "due_at", "lead_id"),
        Index("ix_followups_lead_status", "lead_id", "status", "due_at"),
    )


# The morning queue's lead lanes, each served by one index that also covers its
# COUNT: unanswered new inquiries (oldest first), open leads with nothing
# planned, leads sitting too long in one stage, and the do-not-contact check
# when a lane joins its follow-ups to their leads. Declared here, beside the
# follow-ups that introduced them (migration 0002).
Index(
    "ix_leads_first_reply",
    LeadModel.stage,
    LeadModel.last_messaged_at,
    LeadModel.do_not_contact,
    LeadModel.created_at,
)
Index(
    "ix_leads_quiet",
    LeadModel.do_not_contact,
    LeadModel.next_followup_at,
    LeadModel.stage,
    LeadModel.stage_since,
    LeadModel.last_messaged_at,
)
Index("ix_leads_stage_since", LeadModel.stage, LeadModel.do_not_contact, LeadModel.stage_since)
Index("ix_leads_id_dnc", LeadModel.id, LeadModel.do_not_contact)


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
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

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

    __table_args__ = (Index("ix_referrals_referrer", "referrer_id", "status"),)
