"""Who is at the keyboard, and telling one person's name from another's.

The name comes from `SELLERDESK_USER`, else the settings (`team.user_name`),
else the operating system's login: every timeline entry carries it, follow-ups
are planned for it, and "mine" in the queue means it. Names are compared
without regard to case or surrounding spaces ("Ann" and " ann" are one person).
Imports nothing heavy: the first frame asks for it.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sellerdesk.config import Settings


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "me"


def current(settings: Settings | None) -> str:
    """The person at the keyboard, as their entries are signed."""
    return (settings.author if settings is not None else None) or login_name()


def same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and bool(a and b) and key(a) == key(b)


def key(name: str) -> str:
    return name.strip().casefold()
