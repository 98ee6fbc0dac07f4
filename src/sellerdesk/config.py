"""Settings: typed, documented, read from `settings.toml` in the config dir.

Priority: environment (`SELLERDESK_USER`) > the file > the defaults below.
A file that cannot be read is reported and the defaults are used; nothing
is ever lost by reading. Every value is checked for its type and range, and
every item of a list or table too: a bad value is reported once, with its
key, and its default is used. Writing goes through tomlkit, so the comments
and layout a person gave the file survive a save from the app.
"""

from __future__ import annotations

import os
import tomllib
import typing
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from sellerdesk import paths
from sellerdesk.vocab import STAGES


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
    nurture_days: int = 30
    """Days after a declined offer (or a cancelled order) to check in again (seed 003)."""
    after_sales_days: int = 2
    """Days between reminders while the client has not confirmed the after-sales walkthrough."""
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


# The bounds of every number (for lists and tables: of each item), so that no
# setting can push a date past the calendar or a count past a column.
BOUNDS: dict[str, tuple[int, int]] = {
    "followups.offer_days": (1, 365),
    "followups.requirements_days": (1, 90),
    "followups.first_reply_hours": (1, 168),
    "followups.stale_days": (1, 365),
    "followups.nurture_days": (1, 365),
    "followups.after_sales_days": (1, 90),
    "backups.keep": (1, 365),
    "targets.new_contacts": (0, 1000),
    "targets.followups": (0, 1000),
    "targets.referral_contacts": (0, 1000),
    "limits.offer_description": (1, 100_000),
    "limits.message": (1, 100_000),
    "limits.offer_min_price": (1, 1_000_000),
    "limits.offer_max_price": (1, 1_000_000),
    "limits.offer_min_days": (1, 3650),
    "limits.offer_max_days": (1, 3650),
}
# Values that must be one of a few words.
CHOICES: dict[str, tuple[str, ...]] = {
    "referral.kind": ("percent", "amount", "addon"),
}
# The keys a table may hold.
TABLE_KEYS: dict[str, tuple[str, ...]] = {"followups.stale_days": STAGES.keys}
MAX_TEXT = 500
MAX_ITEMS = 200
# Settings are two levels deep ([section] and one table inside); anything deeper
# is refused before it is looked at.
MAX_DEPTH = 4


class _Bad(ValueError):
    """One setting's problem, in words (without its key)."""


def load_settings(path: Path | None = None) -> Settings:
    path = path or paths.settings_file()
    settings = Settings()
    if not path.exists():
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        detail = paths.os_problem(exc) if isinstance(exc, OSError) else _first_line(exc)
        settings.problems.append(f"{path}: {detail}; using the defaults")
        return settings
    except RecursionError:
        settings.problems.append(f"{path}: nested too deeply to read; using the defaults")
        return settings
    sections = {f.name for f in fields(Settings) if f.name != "problems"}
    for name, values in data.items():
        if name not in sections:
            settings.problems.append(f"[{_key(name)}] is not a settings section; ignored")
            continue
        _apply(getattr(settings, name), values, name, settings.problems)
    _check_pairs(settings)
    return settings


def _apply(target: Any, values: Any, where: str, problems: list[str]) -> None:
    if not isinstance(values, dict):
        problems.append(f"[{where}] should be a table; ignored")
        return
    known = {f.name: f for f in fields(target)}
    hints = typing.get_type_hints(type(target))
    for key, value in values.items():
        name = f"{where}.{_key(key)}"
        if key not in known:
            problems.append(f"{name} is not a setting; ignored")
            continue
        try:
            setattr(target, key, _checked(f"{where}.{key}", hints[key], value))
        except _Bad as bad:
            default = getattr(target, key)
            problems.append(f"{name}{bad}; using the default, {_shown(default, whole=True)}")


def _checked(key: str, kind: Any, value: Any) -> Any:
    """`value` if it fits `kind` (and the key's bounds), else raises _Bad saying why."""
    if _depth(value) > MAX_DEPTH:
        raise _Bad(f" is nested more than {MAX_DEPTH} levels deep")
    origin = typing.get_origin(kind)
    if origin is list:
        if not isinstance(value, list):
            raise _Bad(f" should be a list, not {_shown(value)}")
        if len(value) > MAX_ITEMS:
            raise _Bad(f" has {len(value)} items; at most {MAX_ITEMS}")
        (item_kind,) = typing.get_args(kind)
        return [_item(key, item_kind, item, f" item {i}") for i, item in enumerate(value, 1)]
    if origin is dict:
        if not isinstance(value, dict):
            raise _Bad(f" should be a table, not {_shown(value)}")
        allowed = TABLE_KEYS.get(key)
        _, item_kind = typing.get_args(kind)
        checked = {}
        for name, item in value.items():
            if allowed is not None and name not in allowed:
                raise _Bad(f" has {_key(name)!r}, which is not one of {', '.join(allowed)}")
            checked[name] = _item(key, item_kind, item, f".{_key(name)}")
        return checked
    return _item(key, kind, value, "")


def _item(key: str, kind: Any, value: Any, label: str) -> Any:
    """One value or item; `label` says which (" item 2", ".new" or nothing)."""
    if kind is bool:
        if not isinstance(value, bool):
            raise _Bad(f"{label} should be true or false, not {_shown(value)}")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(f"{label} should be a whole number, not {_shown(value)}")
        low, high = BOUNDS.get(key, (-(2**31), 2**31 - 1))
        if not low <= value <= high:
            raise _Bad(f"{label} should be from {low:,} to {high:,}, not {_shown(value)}")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise _Bad(f"{label} should be text, not {_shown(value)}")
        if len(value) > MAX_TEXT:
            raise _Bad(f"{label} is {len(value):,} characters long; at most {MAX_TEXT}")
        if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
            raise _Bad(f"{label} holds control characters")
        choices = CHOICES.get(key)
        if choices is not None and value not in choices:
            raise _Bad(f"{label} should be one of {', '.join(choices)}, not {_shown(value)}")
        return value
    raise _Bad(f"{label} cannot be checked")  # a setting of a kind this module does not know


def problems_with(settings: Settings) -> list[str]:
    """What the loader would refuse in these settings (empty when all is well):
    a form checks with this before saving, so what is saved is read back as is."""
    problems: list[str] = []
    for section in fields(Settings):
        value = getattr(settings, section.name)
        if not is_dataclass(value) or isinstance(value, type):
            continue
        hints = typing.get_type_hints(type(value))
        for item in fields(value):
            key = f"{section.name}.{item.name}"
            try:
                _checked(key, hints[item.name], getattr(value, item.name))
            except _Bad as bad:
                problems.append(f"{key}{bad}")
    return problems


def _check_pairs(settings: Settings) -> None:
    """Lower bounds must not pass upper ones; if they do, both take their defaults."""
    limits, defaults = settings.limits, Limits()
    for low, high in (("offer_min_price", "offer_max_price"), ("offer_min_days", "offer_max_days")):
        if getattr(limits, low) > getattr(limits, high):
            settings.problems.append(
                f"limits.{low} is above limits.{high}; using the defaults for both, "
                f"{getattr(defaults, low)} and {getattr(defaults, high)}"
            )
            setattr(limits, low, getattr(defaults, low))
            setattr(limits, high, getattr(defaults, high))


def _depth(value: Any, limit: int = MAX_DEPTH + 1) -> int:
    """How deeply lists and tables nest in `value` (counted no further than `limit`)."""
    if not isinstance(value, list | dict) or limit <= 0:
        return 0
    items = value.values() if isinstance(value, dict) else value
    return 1 + max((_depth(item, limit - 1) for item in items), default=0)


def _shown(value: Any, whole: bool = False) -> str:
    """A value as a problem quotes it: short, and never the whole of a huge one
    (`whole` shows a small list or table in full, as a default is shown)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        text = str(value)
        return text if len(text) <= 12 else f"a {len(text)}-digit number"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if whole and isinstance(value, list):
        text = "[" + ", ".join(_shown(item) for item in value) + "]"
        return text if len(text) <= 60 else "a list"
    if whole and isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + "}"
        return text if len(text) <= 80 else "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _key(name: str) -> str:
    """A key as shown in a problem: printable and short, whatever the file held."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(name))
    return text if len(text) <= 40 else text[:37] + "..."


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings, keeping the file's comments and layout (tomlkit), atomically
    and readable by the owner only from the first byte."""
    import tomlkit

    path = paths.ensure_parent(path or paths.settings_file())
    document = _existing(path)
    for section in fields(Settings):
        value = getattr(settings, section.name)
        if not is_dataclass(value) or isinstance(value, type):
            continue
        table = document.get(section.name)
        if not isinstance(table, dict):
            table = tomlkit.table()
            document[section.name] = table
        _update(table, asdict(value))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(tomlkit.dumps(document))
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _existing(path: Path):
    """The file as tomlkit reads it (comments and all), or a new document when
    there is none or it cannot be read (its values were not used either)."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        text = path.read_text(encoding="utf-8")
        _check_readable(text)
        return tomlkit.parse(text)
    except (OSError, UnicodeDecodeError, TOMLKitError, RecursionError, ValueError):
        return tomlkit.document()


def _check_readable(text: str) -> None:
    # Only a file tomllib reads is kept: what it refused was never used.
    tomllib.loads(text)


def _update(table: Any, values: dict[str, Any]) -> None:
    """Set each value in `table`, touching only what changed (so comments stay put);
    a table inside is updated the same way, its keys no longer there removed."""
    import tomlkit

    for key, value in values.items():
        if isinstance(value, dict):
            inner = table.get(key)
            if not isinstance(inner, dict):
                table[key] = tomlkit.table()
                inner = table[key]
            for gone in [name for name in inner if name not in value]:
                del inner[gone]
            _update(inner, value)
        elif key not in table or _plain(table[key]) != value:
            table[key] = value


def _plain(item: Any) -> Any:
    unwrap = getattr(item, "unwrap", None)
    return unwrap() if unwrap is not None else item
