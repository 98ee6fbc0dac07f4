"""Settings: typed, documented, read from `settings.toml` in the config dir.

Priority: environment (`SELLERDESK_USER`) > the file > the defaults below.
A file that cannot be read is reported and the defaults are used; nothing
is ever lost by reading.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from sellerdesk import paths


@dataclass
class SellerProfile:
    """Who the seller is, as the approved messages speak of them."""

    name: str = ""
    """The seller's first name as clients know it (seed 002: "Jehan")."""
    profile_url: str = ""
    """The Fiverr profile link (e.g. https://www.fiverr.com/yourname/)."""
    level: str = ""
    """Fiverr seller level, e.g. "Top Rated Seller"."""
    years_experience: str = ""
    """Years of experience, as written in messages (e.g. "6+")."""
    projects_completed: str = ""
    """Projects completed, as written in messages (e.g. "2500+")."""


@dataclass
class Team:
    user_name: str = ""
    """Who is at the keyboard; every timeline entry carries it. Empty: the OS login."""
    database: str = ""
    """The team's shared database, e.g. postgresql+psycopg://ann@db.example/agency
    (`--db` and SELLERDESK_DB come first). Empty: your own file in the data folder."""


@dataclass
class Referral:
    kind: str = "percent"
    """One reward only: "percent", "amount" (off the next order) or "addon"."""
    value: str = "10"
    """Percent or amount off, or the add-on's name (e.g. "a free speed optimisation")."""
    cash_approved: bool = False
    """Cash rewards are refused unless this records that they were approved."""


@dataclass
class FollowUps:
    offer_days: list[int] = field(default_factory=lambda: [1, 3, 7])
    """Days after an offer is sent to follow up, one template each."""
    requirements_days: int = 1
    """Days between reminders while order requirements are incomplete."""
    first_reply_hours: int = 24
    """Fiverr counts a first reply within this many hours for the response rate."""
    stale_days: dict[str, int] = field(
        default_factory=lambda: {"new": 2, "qualified": 5, "hot_lead": 5, "offer_sent": 10}
    )
    """How long a lead may sit in a stage before it is flagged stale."""


@dataclass
class Targets:
    """Daily activity targets (seed 001)."""

    new_contacts: int = 15
    followups: int = 15
    referral_contacts: int = 10


@dataclass
class Limits:
    """Fiverr field limits; Fiverr does not document them all, so they are settings."""

    offer_description: int = 1500
    message: int = 2500
    offer_min_price: int = 5
    offer_max_price: int = 20000
    offer_min_days: int = 1
    offer_max_days: int = 90


@dataclass
class Lint:
    extra_forbidden_phrases: list[str] = field(default_factory=list)
    """Phrases to refuse in addition to seed 002's."""
    extra_flagged_words: list[str] = field(default_factory=list)
    """Words that, in your experience, get a Fiverr message held for review."""
    allowed_domains: list[str] = field(default_factory=lambda: ["fiverr.com"])
    """Link domains that never warn (the lead's own website is always allowed)."""


@dataclass
class Backups:
    """Daily copies of the database, kept beside it (SQLite only)."""

    automatic: bool = True
    """Copy the database once a day, after the app has started."""
    keep: int = 7
    """How many daily copies to keep; the oldest beyond this are deleted."""


@dataclass
class Settings:
    seller: SellerProfile = field(default_factory=SellerProfile)
    team: Team = field(default_factory=Team)
    referral: Referral = field(default_factory=Referral)
    followups: FollowUps = field(default_factory=FollowUps)
    targets: Targets = field(default_factory=Targets)
    limits: Limits = field(default_factory=Limits)
    lint: Lint = field(default_factory=Lint)
    backups: Backups = field(default_factory=Backups)
    problems: list[str] = field(default_factory=list, repr=False)
    """What could not be read from the file (shown once, never fatal)."""

    @property
    def author(self) -> str | None:
        return os.environ.get("SELLERDESK_USER") or self.team.user_name or None


def load_settings(path: Path | None = None) -> Settings:
    path = path or paths.settings_file()
    settings = Settings()
    if not path.exists():
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        settings.problems.append(f"{path}: {exc}; using defaults")
        return settings
    for section in fields(Settings):
        if section.name == "problems" or section.name not in data:
            continue
        target = getattr(settings, section.name)
        _apply(target, data[section.name], f"{section.name}", settings.problems)
    return settings


def _apply(target: Any, values: Any, where: str, problems: list[str]) -> None:
    if not isinstance(values, dict):
        problems.append(f"[{where}] should be a table; ignored")
        return
    known = {f.name: f for f in fields(target)}
    for key, value in values.items():
        if key not in known:
            problems.append(f"{where}.{key} is not a setting; ignored")
            continue
        default = getattr(target, key)
        if not _same_kind(default, value):
            problems.append(
                f"{where}.{key} should be {type(default).__name__}, got {value!r}; ignored"
            )
            continue
        setattr(target, key, value)


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, type(default))


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings file whole (atomically, so a crash never leaves half a file)."""
    path = paths.ensure_parent(path or paths.settings_file())
    lines: list[str] = []
    for section in fields(Settings):
        value = getattr(settings, section.name)
        if not is_dataclass(value):
            continue
        lines.append(f"[{section.name}]")
        for key, item in asdict(value).items():
            if isinstance(item, dict):
                continue
            lines.append(f"{key} = {_toml_value(item)}")
        for key, item in asdict(value).items():
            if isinstance(item, dict):
                lines.append(f"\n[{section.name}.{key}]")
                lines.extend(f"{k} = {_toml_value(v)}" for k, v in item.items())
        lines.append("")
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(path)
    return path


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'
