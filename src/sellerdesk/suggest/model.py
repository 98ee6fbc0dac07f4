"""What the suggester answers: the intents, the facts with the words they
came from, the warnings, the chosen reply and the step it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

INTENTS = (
    "new_inquiry",
    "shares_site",
    "lists_pages",
    "design_direction",
    "asks_price",
    "asks_mockup",
    "confirms_scope",
    "consent",
    "not_now",
    "off_platform",
    "referred_by",
    "changes_request",
    "hosting_domain",
    "requirements",
    "feedback_positive",
    "complaint",
    "other",
)
OTHER = "other"

# The facts the issue names; the others (hosting scenario, do-not-contact,
# everything on the homepage, requirements still to come) steer the reply.
FACTS = (
    "website",
    "competitors",
    "pages",
    "primary_inspiration",
    "budget",
    "delivery_days",
    "consent_words",
    "referrer",
    "followup_when",
)


@dataclass(frozen=True)
class Fact:
    name: str
    value: Any
    """Plain JSON: a string, a number, a list of strings or a small dict."""
    start: int
    end: int
    text: str
    """The message's own words, `message[start:end]`."""
    detail: str = ""
    """How the value was read where that helps (the date words, e.g. "2w")."""

    def to_json(self) -> dict[str, Any]:
        out = {"name": self.name, "value": self.value, "span": [self.start, self.end],
               "text": self.text}  # fmt: skip
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True)
class Alert:
    """Something the seller must see before replying (off-platform, free
    mockups, a complaint, do-not-contact)."""

    kind: str
    message: str
    start: int | None = None
    end: int | None = None
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        span = [self.start, self.end] if self.start is not None else None
        return {"kind": self.kind, "message": self.message, "span": span, "text": self.text}


@dataclass(frozen=True)
class Reading:
    """What the message says, before the lead's state is looked at."""

    text: str
    intent: str
    scores: dict[str, int] = field(default_factory=dict)
    facts: tuple[Fact, ...] = ()
    alerts: tuple[Alert, ...] = ()
    note: str = ""
    """Set when the paste is not read as a message (empty, too long, HTML...)."""

    def fact(self, name: str) -> Fact | None:
        return next((f for f in self.facts if f.name == name), None)

    def value(self, name: str, default: Any = None) -> Any:
        found = self.fact(name)
        return default if found is None else found.value

    @property
    def also(self) -> list[str]:
        """Other intents the message carries, strongest first."""
        ranked = sorted(self.scores.items(), key=lambda item: -item[1])
        return [name for name, _score in ranked if name != self.intent]


@dataclass(frozen=True)
class StepRef:
    script: str
    script_title: str
    number: int
    total: int
    title: str

    def label(self) -> str:
        return f"{self.script_title}, step {self.number}/{self.total}: {self.title}"

    def to_json(self) -> dict[str, Any]:
        return {"script": self.script, "script_title": self.script_title,
                "number": self.number, "total": self.total, "title": self.title}  # fmt: skip


@dataclass(frozen=True)
class Choice:
    """The reply to copy next, or none, and why."""

    template: str | None
    step: StepRef | None = None
    blocked: str | None = None
    """The closed gate that kept a reply back, in the rule's own sentence."""
    why: str = ""


@dataclass(frozen=True)
class Suggestion:
    reading: Reading
    choice: Choice
    username: str | None = None
    template_title: str | None = None

    @property
    def intent(self) -> str:
        return self.reading.intent

    @property
    def template(self) -> str | None:
        return self.choice.template

    def to_json(self) -> dict[str, Any]:
        choice, reading = self.choice, self.reading
        return {
            "lead": self.username,
            "intent": reading.intent,
            "also": reading.also,
            "template": choice.template,
            "template_title": self.template_title,
            "step": choice.step.to_json() if choice.step else None,
            "blocked": choice.blocked,
            "why": choice.why,
            "facts": [f.to_json() for f in reading.facts],
            "warnings": [a.to_json() for a in reading.alerts],
            "note": reading.note or None,
        }
