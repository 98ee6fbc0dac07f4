"""Plain, immutable records handed to the TUI, the CLI and tests.

Nobody outside the domain and db layers holds an ORM object or a Session.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Lead:
    id: int
    username: str
    display_name: str | None
    source: str
    stage: str
    stage_since: datetime
    website: str | None
    last_messaged_at: datetime | None
    next_followup_at: datetime | None
    do_not_contact: bool
    dnc_reason: str | None
    referred_by: str | None
    project_type: str | None
    industry: str | None
    owner: str | None
    notes: str | None
    created_at: datetime
    updated_at: datetime
    version: int
    labels: tuple[str, ...] = ()
    values: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = value.isoformat()
        data["labels"] = list(self.labels)
        return data


@dataclass(frozen=True)
class LeadRow:
    """What the lead list shows: one line per lead, nothing more."""

    id: int
    username: str
    display_name: str | None
    stage: str
    website: str | None
    next_followup_at: datetime | None
    last_messaged_at: datetime | None
    do_not_contact: bool
    updated_at: datetime


@dataclass(frozen=True)
class Event:
    id: int
    lead_id: int
    at: datetime
    author: str
    kind: str
    body: str
    data: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["at"] = self.at.isoformat()
        return out
