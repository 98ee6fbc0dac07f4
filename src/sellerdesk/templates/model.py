"""What a template and a lint finding are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"

# Which Fiverr field a template's text goes into decides its length limit.
FIELDS = ("message", "offer_description")


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    script: str
    step: int
    body: str
    field: str = "message"
    source: str = ""
    editable: bool = False
    """True when the text is a starting point written from the seed's bullets."""
    asks: tuple[str, ...] = ()
    """Extra placeholder names this template declares beyond the known ones."""
    path: Path | None = None
    origin: str = "shipped"
    """"shipped" or "user" (the user's folder overrides a shipped id)."""


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    suggestion: str = ""
    """Safer wording that says the same, where there is one."""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        out = f"{self.severity} [{self.code}] {self.message}"
        if self.suggestion:
            out += f' Say instead: "{self.suggestion}".'
        return out
