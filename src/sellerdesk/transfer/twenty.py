"""Twenty's side: the People columns its CSV import expects, and its limits.

Twenty writes and reads a composite field as "Field / Subfield" columns
("Name / First Name", "Emails / Primary Email"); its People object has no
username, stage, labels or notes, so those travel as custom fields, which
must exist in Twenty (Settings → Data Model → People) before the import.
Twenty's CSV import takes at most 10,000 records a file, and cannot link
tasks or notes to people (relations that point at several kinds of record
are not importable), so next follow-ups travel twice: as the person's
"Next Follow-up" field, and as tasks whose title names the person.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sellerdesk.vocab import SOURCES, STAGES

MAX_ROWS = 10_000
PEOPLE_COLUMNS = (
    "Name / First Name",
    "Name / Last Name",
    "Fiverr Username",
    "Stage",
    "Labels",
    "Website",
    "Source",
    "Last Messaged",
    "Next Follow-up",
    "Referred By",
    "Do Not Contact",
    "Notes",
)
# The custom fields to create on People in Twenty first, with their type.
CUSTOM_FIELDS = (
    ("Fiverr Username", "Text"),
    ("Stage", "Text"),
    ("Labels", "Text"),
    ("Website", "Text"),
    ("Source", "Text"),
    ("Last Messaged", "Date and time"),
    ("Next Follow-up", "Date and time"),
    ("Referred By", "Text"),
    ("Do Not Contact", "Text"),
    ("Notes", "Text"),
)
TASK_COLUMNS = ("Title", "Body / Markdown", "Due Date", "Status")


def stamp(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def person_row(lead: dict[str, Any]) -> list[str]:
    name = (lead.get("display_name") or "").split(None, 1)
    first = name[0] if name else lead["username"]
    last = name[1] if len(name) > 1 else ""
    return [
        first,
        last,
        lead["username"],
        STAGES.label(lead.get("stage")),
        ", ".join(lead.get("labels") or []),
        lead.get("website") or "",
        SOURCES.label(lead.get("source")),
        stamp(lead.get("last_messaged_at")),
        stamp(lead.get("next_followup_at")),
        lead.get("referred_by") or "",
        (lead.get("dnc_reason") or "yes") if lead.get("do_not_contact") else "",
        lead.get("notes") or "",
    ]


def task_rows(lead: dict[str, Any]) -> list[list[str]]:
    """The lead's waiting follow-ups as Twenty tasks (status TODO)."""
    rows = []
    for item in lead.get("followups") or []:
        if item["status"] not in ("open", "snoozed"):
            continue
        title = f"Follow up with {lead['username']}"
        if item.get("reason"):
            title += f": {item['reason']}"
        body = [f"Fiverr username: {lead['username']}", f"Stage: {STAGES.label(lead['stage'])}"]
        if item.get("template"):
            body.append(f"Message to send: {item['template']}")
        rows.append([title, "\n\n".join(body), stamp(item["due_at"]), "TODO"])
    return rows
