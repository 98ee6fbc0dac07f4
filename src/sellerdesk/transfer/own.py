"""sellerdesk's own export: every field of a lead, its follow-ups, timeline,
referral and script runs, in one row (CSV) or one object (JSON), so that
exporting and importing into an empty book gives the same book back.

In CSV the structured parts (values, follow-ups, timeline, referral, script runs) are
compact JSON in their cell; labels are a list separated by ", " (or JSON,
when a label itself holds a separator).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sellerdesk.checks import MAX_NOTE

OWN_COLUMNS = (
    "username",
    "display_name",
    "stage",
    "website",
    "last_messaged_at",
    "next_followup_at",
    "labels",
    "notes",
    "source",
    "referred_by",
    "project_type",
    "industry",
    "owner",
    "do_not_contact",
    "dnc_reason",
    "stage_since",
    "created_at",
    "updated_at",
    "values",
    "followups",
    "timeline",
    "referral",
    # Last, so a file written before runs were exported reads the same.
    "script_runs",
)
OWN_MARKERS = {"username", "stage_since", "timeline"}
STRUCTURED = ("values", "followups", "timeline", "referral", "script_runs")
FORMAT = "sellerdesk-export"
VERSION = 1
# How long each column may be when an export is read back.
OWN_LIMITS = {
    "username": 200, "display_name": 200, "stage": 100, "website": 500,
    "last_messaged_at": 64, "next_followup_at": 64, "labels": 4000, "notes": MAX_NOTE,
    "source": 100, "referred_by": 200, "project_type": 100, "industry": 100, "owner": 200,
    "do_not_contact": 16, "dnc_reason": 2000, "stage_since": 64, "created_at": 64,
    "updated_at": 64, "values": 1_000_000, "followups": 8_000_000, "timeline": 30_000_000,
    "referral": 20_000, "script_runs": 2_000_000,
}  # fmt: skip


# ---------------------------------------------------------------- reading the book


def iter_leads(db, since: datetime | None = None, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every lead (changed since `since`) with its labels, values, follow-ups,
    timeline (oldest first), referral and script runs, read in one consistent snapshot."""
    from sqlalchemy import select

    from sellerdesk.db import tables

    leads = tables.leads
    with db.connect() as conn:
        last = 0
        while True:
            stmt = select(leads).where(leads.c.id > last).order_by(leads.c.id).limit(chunk)
            if since is not None:
                stmt = stmt.where(leads.c.updated_at >= since)
            rows = conn.execute(stmt).mappings().all()
            if not rows:
                return
            yield from _with_parts(conn, rows)
            last = rows[-1]["id"]


def _with_parts(conn, rows) -> Iterator[dict[str, Any]]:
    from sqlalchemy import select

    from sellerdesk.db import tables
    from sellerdesk.db.models import LeadModel, LeadValueModel, ReferralModel, ScriptRunModel

    ids = [row["id"] for row in rows]
    labels: dict[int, list[str]] = {i: [] for i in ids}
    values: dict[int, dict[str, str]] = {i: {} for i in ids}
    followups: dict[int, list[dict]] = {i: [] for i in ids}
    timeline: dict[int, list[dict]] = {i: [] for i in ids}
    referral: dict[int, dict] = {}
    script_runs: dict[int, list[dict]] = {i: [] for i in ids}
    ll, fu, ev = tables.lead_labels, tables.followups, tables.events
    for lead_id, label in conn.execute(
        select(ll.c.lead_id, ll.c.label).where(ll.c.lead_id.in_(ids)).order_by(ll.c.id)
    ):
        labels[lead_id].append(label)
    lv = LeadValueModel.__table__
    for lead_id, name, value in conn.execute(
        select(lv.c.lead_id, lv.c.name, lv.c.value).where(lv.c.lead_id.in_(ids)).order_by(lv.c.id)
    ):
        values[lead_id][name] = value
    for row in conn.execute(select(fu).where(fu.c.lead_id.in_(ids)).order_by(fu.c.id)).mappings():
        followups[row["lead_id"]].append(
            {key: row[key] for key in row if key not in ("lead_id", "assignee_key")}
        )
    for row in conn.execute(
        select(ev).where(ev.c.lead_id.in_(ids)).order_by(ev.c.lead_id, ev.c.at, ev.c.id)
    ).mappings():
        timeline[row["lead_id"]].append(
            {
                "at": row["at"],
                "author": row["author"],
                "kind": row["kind"],
                "body": row["body"],
                "data": _loads(row["data"]),
            }
        )
    rf = ReferralModel.__table__
    referrer = LeadModel.__table__.alias("referrer")
    for row in conn.execute(
        select(rf, referrer.c.username.label("by"))
        .join(referrer, referrer.c.id == rf.c.referrer_id)
        .where(rf.c.referred_id.in_(ids))
    ).mappings():
        referral[row["referred_id"]] = {
            "id": row["id"],
            "by": row["by"],
            "reward": row["reward"],
            "status": row["status"],
            "created_by": row["created_by"],
            "created_at": row["created_at"],
            "earned_at": row["earned_at"],
            "redeemed_at": row["redeemed_at"],
            "redeemed_note": row["redeemed_note"],
        }
    sr = ScriptRunModel.__table__
    for row in conn.execute(
        select(sr).where(sr.c.lead_id.in_(ids)).order_by(sr.c.lead_id, sr.c.id)
    ).mappings():
        script_runs[row["lead_id"]].append(
            {
                "script": row["script"],
                "step": row["step"],
                "answers": _loads(row["answers"]) or {},
                "ticks": _loads(row["ticks"]) or [],
                "status": row["status"],
                "started_at": row["started_at"],
                "updated_at": row["updated_at"],
            }
        )
    for row in rows:
        lead_id = row["id"]
        lead = {key: row[key] for key in OWN_COLUMNS if key in row}
        lead["labels"] = labels[lead_id]
        lead["values"] = values[lead_id]
        lead["followups"] = followups[lead_id]
        lead["timeline"] = timeline[lead_id]
        lead["referral"] = referral.get(lead_id)
        lead["script_runs"] = script_runs[lead_id]
        yield lead


def _loads(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


# ---------------------------------------------------------------- to cells and back


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


def lead_cells(lead: dict[str, Any]) -> list[str]:
    """One lead as the cells of a CSV row, in `OWN_COLUMNS` order."""
    cells = []
    for column in OWN_COLUMNS:
        value = lead.get(column)
        if column == "labels":
            cells.append(labels_cell(value or []))
        elif column in STRUCTURED:
            empty = value is None or value == {} or value == []
            cells.append("" if empty and column == "referral" else _dumps(value or _empty(column)))
        elif isinstance(value, bool):
            cells.append("true" if value else "false")
        elif isinstance(value, datetime):
            cells.append(value.isoformat())
        else:
            cells.append("" if value is None else str(value))
    return cells


def _empty(column: str) -> Any:
    return {} if column == "values" else []


def _dumps(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, separators=(",", ":"))


def labels_cell(labels: list[str]) -> str:
    if any("," in label or ";" in label for label in labels):
        return _dumps(list(labels))
    return ", ".join(labels)


def json_list(text: str) -> list[str] | None:
    """A cell holding a JSON list of strings, else None."""
    if not text.startswith("["):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None
