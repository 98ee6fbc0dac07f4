"""What counts towards the daily targets (seed 001: new contacts, follow-ups,
referral contacts), decided once for every place that counts them.

The morning queue counts today; the insight screen and `sellerdesk report`
count each of the last 30 days. Both read the same timeline rows (kind, lead,
data) and pass them here, so the two can never disagree. Which entries are
messages sent (`sent_template`: not a text only shown, not a copy taken
back) is decided here as well. Pure Python: the start-up reader uses it
without SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sellerdesk.event_kinds import COPIED_KIND

if TYPE_CHECKING:
    from sellerdesk.config import Settings

# The timeline kinds a contact can come from.
KINDS = ("created", "followup_done", COPIED_KIND)
# The three targets, in the order they are shown.
TARGETS = ("new_contacts", "followups", "referral_contacts")


def sent_template(kind: str, data: str | Mapping[str, Any] | None) -> str | None:
    """The template id of a message sent to the lead ("" when the entry names
    none), or None when the entry is no sent message.

    Only a copy that reached a clipboard (`message_copied`) is sent; text that
    reached none is `message_shown`, and a copy taken back was not sent after
    all. Every count of messages sent (the daily targets, the insight figures,
    what the suggester knows was already said) asks this.
    """
    if kind != COPIED_KIND:
        return None
    parsed = entry_data(data)
    if parsed.get("taken_back"):
        return None
    value = parsed.get("template") or parsed.get("template_id") or ""
    return value if isinstance(value, str) else ""


def entry_data(data: str | Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A timeline entry's data as stored (JSON text) or read: {} when it has
    none, or none that reads as an object."""
    if isinstance(data, Mapping):
        return data
    if not data:
        return {}
    try:
        parsed = json.loads(data)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def contact_kind(kind: str, data: str | None) -> str | None:
    """Which target a timeline entry counts towards, if any."""
    return contact_target(kind, sent_template(kind, data) or "", data)


def contact_target(
    kind: str, template: str, data: str | Mapping[str, Any] | None = None
) -> str | None:
    """Which target an entry of this kind (a copy: of this template) counts towards.

    A new contact is a lead created, unless an import created it (`imported`);
    a follow-up is a follow-up done or a follow-up message copied; a referral
    contact is a referral message copied.
    """
    if kind == "created":
        return None if imported(kind, data) else "new_contacts"
    if kind == "followup_done":
        return "followups"
    if kind == COPIED_KIND:
        if template.startswith("followup."):
            return "followups"
        if template.startswith("referral."):
            return "referral_contacts"
    return None


def imported(kind: str, data: str | Mapping[str, Any] | None) -> bool:
    """Whether the entry is the "created" entry of a lead an import added.

    An import brings in a backlog: it is no contact made that day and no new
    inquiry waiting for a first reply. Its "created" entry names the file it
    came from (`transfer.apply`), and an export carries that entry across.
    """
    return kind == "created" and "import" in entry_data(data)


def count_contacts(rows: Iterable[Sequence[Any]]) -> dict[str, int]:
    """Contacts per target from (kind, lead_id, data, ...) timeline rows of one day."""
    return count_targets((contact_kind(row[0], row[2]), row[1]) for row in rows)


def count_targets(pairs: Iterable[tuple[str | None, int]]) -> dict[str, int]:
    """Contacts per target from (target, lead_id) pairs of one day (None: not a contact).

    A lead counts once per target a day, however many entries it has.
    """
    leads: dict[str, set[int]] = {target: set() for target in TARGETS}
    for target, lead_id in pairs:
        if target is not None:
            leads[target].add(lead_id)
    return {target: len(ids) for target, ids in leads.items()}


def daily_targets(settings: Settings) -> dict[str, int]:
    """The day's target for each, from the settings (15/15/10 unless changed)."""
    return {target: getattr(settings.targets, target) for target in TARGETS}
