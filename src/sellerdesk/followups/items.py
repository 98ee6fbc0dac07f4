"""Plain records of follow-ups and the morning queue, for the CLI, the TUI and tests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

STATUSES = ("open", "done", "snoozed", "cancelled")
# Still waiting to be done: what the queue shows and next_followup_at follows.
ACTIVE = ("open", "snoozed")


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    for key, value in data.items():
        if isinstance(value, datetime):
            data[key] = value.isoformat()
        elif isinstance(value, dict):
            _jsonable(value)
        elif isinstance(value, list):
            data[key] = [_jsonable(v) if isinstance(v, dict) else v for v in value]
        elif isinstance(value, tuple):
            data[key] = list(value)
    return data


@dataclass(frozen=True)
class FollowUp:
    id: int
    lead_id: int
    due_at: datetime
    has_time: bool
    first_due_at: datetime
    reason: str
    template: str | None
    rule: str | None
    status: str
    created_by: str
    created_at: datetime
    done_at: datetime | None
    snoozed_until: datetime | None
    assignee: str | None = None
    """Who is responsible for it (seed 003); None: anyone on the team."""
    version: int = 1
    updated_by: str | None = None
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True)
class QueueItem:
    """One follow-up in a lane, with what is needed to act on it."""

    followup_id: int
    lead_id: int
    username: str
    display_name: str | None
    stage: str
    due_at: datetime
    has_time: bool
    reason: str
    template: str | None
    status: str
    stale: bool = False
    assignee: str | None = None
    """Who is responsible for it; None: anyone on the team."""
    version: int = 1
    """The follow-up's version as read: a change made on it says so (`sellerdesk.stale`)."""

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True)
class FirstReply:
    """A new inquiry not answered yet; Fiverr's response rate counts the clock."""

    lead_id: int
    username: str
    display_name: str | None
    created_at: datetime
    reply_by: datetime
    seconds_left: int  # negative once late
    stale: bool = False
    ask_referrer: bool = False
    """From the Referral source with no referrer recorded: ask "Who referred you to us?"."""
    # Which first reply fits (sellerdesk.scripts.registry.first_reply); None: ask.
    project_type: str | None = None

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def late(self) -> bool:
        return self.seconds_left < 0

    def to_json(self) -> dict[str, Any]:
        data = _jsonable(asdict(self))
        data["late"] = self.late
        return data


@dataclass(frozen=True)
class QuietLead:
    """An open lead with no follow-up planned: nothing will bring it back by itself."""

    lead_id: int
    username: str
    display_name: str | None
    stage: str
    stage_since: datetime
    stale: bool = False

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True)
class Lane:
    key: str
    title: str
    count: int
    items: tuple[Any, ...]

    @property
    def hidden(self) -> int:
        """How many are not listed (the count is exact; the list is limited)."""
        return max(0, self.count - len(self.items))

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "count": self.count,
            "items": [item.to_json() for item in self.items],
        }


@dataclass(frozen=True)
class Activity:
    """Today's activity against the daily targets (seed 001)."""

    new_contacts: int
    followups: int
    referral_contacts: int
    targets: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        parts = (
            ("New contacts", self.new_contacts, self.targets.get("new_contacts", 0)),
            ("Follow-ups", self.followups, self.targets.get("followups", 0)),
            ("Referral contacts", self.referral_contacts, self.targets.get("referral_contacts", 0)),
        )
        return " · ".join(f"{label} {done}/{target}" for label, done, target in parts)


@dataclass(frozen=True)
class Queue:
    """The morning review: four lanes, the leads with no next step, today's activity."""

    day: str  # the user's local date, ISO
    generated_at: datetime
    first_replies: Lane
    overdue: Lane
    today: Lane
    upcoming: Lane
    no_next_step: Lane
    stale_count: int
    activity: Activity
    person: str | None = None
    """Whose queue this is (theirs and what nobody is responsible for); None: the team's."""
    team_due: int | None = None
    """With a person: what is due across the whole team (first replies, overdue, today)."""

    @property
    def due_for_others(self) -> int:
        """How much of what is due this person's queue leaves to the rest of the team."""
        return 0 if self.team_due is None else max(0, self.team_due - self.due_count)

    @property
    def lanes(self) -> tuple[Lane, Lane, Lane, Lane]:
        return (self.first_replies, self.overdue, self.today, self.upcoming)

    @property
    def due_count(self) -> int:
        return self.first_replies.count + self.overdue.count + self.today.count

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day,
            "generated_at": self.generated_at.isoformat(),
            "lanes": [lane.to_json() for lane in self.lanes],
            "no_next_step": self.no_next_step.to_json(),
            "stale_count": self.stale_count,
            "activity": self.activity.to_json(),
            "person": self.person,
            "due_for_others": self.due_for_others,
        }
