"""Reading a row of sellerdesk's own export back: every field as it was, with
its follow-ups, timeline, referral and script runs, each checked before
anything is written.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sellerdesk.checks import clean_field, clean_username
from sellerdesk.errors import Invalid, NotFound
from sellerdesk.followups.items import STATUSES as FOLLOWUP_STATUSES
from sellerdesk.transfer.dates import Moment, parse_moment
from sellerdesk.transfer.own import OWN_COLUMNS
from sellerdesk.transfer.rows import (
    EDITABLE_GIVEN,
    NO,
    YES,
    Candidate,
    Problem,
    check_cell,
    read_labels,
)
from sellerdesk.vocab import STAGES

REFERRAL_STATUSES = ("pending", "earned", "redeemed")
OWN_HEADERS = {name: name for name in OWN_COLUMNS}  # each field is its own column


def instant(text: Any, what: str = "date") -> datetime:
    """An exact moment as the export writes it (ISO 8601 with its offset)."""
    if not isinstance(text, str) or not text:
        raise Invalid(f"{what} is missing")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return parse_moment(text).at
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _maybe_instant(value: Any, what: str) -> datetime | None:
    return None if value in (None, "") else instant(value, what)


def read_restore(
    given: dict[str, str], headers: dict[str, str], problems: list[Problem]
) -> Candidate:
    username = check_cell(problems, "username", clean_username, given.get("username")) or ""
    lead = Candidate(username, columns=OWN_HEADERS)
    for key in (*EDITABLE_GIVEN, "notes"):
        if key in given:
            value = check_cell(problems, key, clean_field, key, given[key])
            if value is not None:
                lead.fields[key] = value
    if "referred_by" in given:
        lead.referred_by = check_cell(problems, "referred_by", clean_username, given["referred_by"])
    if "stage" in given:
        lead.stage = check_cell(problems, "stage", STAGES.parse, given["stage"])
    if "labels" in given:
        lead.labels = read_labels(given["labels"], "labels", problems)
    if "last_messaged_at" in given:
        lead.last_messaged_at = check_cell(
            problems, "last_messaged_at", instant, given["last_messaged_at"]
        )
    dnc = given.get("do_not_contact", "").lower()
    if dnc not in YES | NO:
        problems.append(Problem("do_not_contact", f"'{dnc[:20]}' is neither true nor false"))
    if dnc in YES:
        lead.dnc_reason = given.get("dnc_reason") or "Marked do-not-contact"
    restore: dict[str, Any] = {}
    for key in ("stage_since", "created_at", "updated_at"):
        if key in given:
            restore[key] = check_cell(problems, key, instant, given[key], key.replace("_", " "))
    restore["values"] = check_cell(problems, "values", _values, given.get("values", "{}"))
    restore["followups"] = check_cell(
        problems, "followups", _followups, given.get("followups", "[]")
    )
    restore["timeline"] = check_cell(problems, "timeline", _timeline, given.get("timeline", "[]"))
    if given.get("referral"):
        restore["referral"] = check_cell(problems, "referral", _referral, given["referral"])
    restore["script_runs"] = check_cell(
        problems, "script_runs", _script_runs, given.get("script_runs", "[]")
    )
    if not restore.get("followups") and given.get("next_followup_at"):
        at = check_cell(problems, "next_followup_at", instant, given["next_followup_at"])
        if at is not None:
            lead.followup = Moment(at, True)
    lead.restore = restore
    return lead


def _json(text: str, kind: type) -> Any:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise Invalid(f"is not valid JSON ({exc.args[0]})") from None
    if not isinstance(value, kind):
        raise Invalid(f"should be a JSON {'list' if kind is list else 'object'}")
    return value


def _text(item: dict, key: str, limit: int, *, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None or value == "":
        if required:
            raise Invalid(f"{key} is missing")
        return None if value is None else ""
    if not isinstance(value, str) or len(value) > limit:
        raise Invalid(f"{key} should be text of at most {limit:,} characters")
    return value


def _values(text: str) -> dict[str, str]:
    value = _json(text, dict)
    for name, item in value.items():
        if len(name) > 64 or not isinstance(item, str):
            raise Invalid(f"value '{name[:30]}' should be text under a name of 64 characters")
    return value


def _followups(text: str) -> list[dict[str, Any]]:
    out = []
    for number, item in enumerate(_json(text, list), start=1):
        try:
            if not isinstance(item, dict):
                raise Invalid("is not an object")
            status = item.get("status", "open")
            if status not in FOLLOWUP_STATUSES:
                raise Invalid(f"status '{str(status)[:20]}' is not one of {FOLLOWUP_STATUSES}")
            due = instant(item.get("due_at"), "due_at")
            out.append(
                {
                    "id": item.get("id") if isinstance(item.get("id"), int) else None,
                    "due_at": due,
                    "has_time": bool(item.get("has_time", False)),
                    "first_due_at": _maybe_instant(item.get("first_due_at"), "first_due_at")
                    or due,
                    "reason": _text(item, "reason", 500) or "",
                    "template": _text(item, "template", 64),
                    "rule": _text(item, "rule", 32),
                    "status": status,
                    "created_by": _text(item, "created_by", 100) or "import",
                    "created_at": _maybe_instant(item.get("created_at"), "created_at") or due,
                    "done_at": _maybe_instant(item.get("done_at"), "done_at"),
                    "snoozed_until": _maybe_instant(item.get("snoozed_until"), "snoozed_until"),
                    "assignee": _text(item, "assignee", 100),
                }
            )
        except Invalid as exc:
            raise Invalid(f"follow-up {number}: {exc}") from None
    return out


def _timeline(text: str) -> list[dict[str, Any]]:
    out = []
    for number, item in enumerate(_json(text, list), start=1):
        try:
            if not isinstance(item, dict):
                raise Invalid("is not an object")
            body = item.get("body") or ""
            if not isinstance(body, str):
                raise Invalid("body should be text")
            out.append(
                {
                    "at": instant(item.get("at"), "at"),
                    "author": _text(item, "author", 100, required=True),
                    "kind": _text(item, "kind", 32, required=True),
                    "body": body,
                    "data": item.get("data"),
                }
            )
        except Invalid as exc:
            raise Invalid(f"timeline entry {number}: {exc}") from None
    return out


def _referral(text: str) -> dict[str, Any]:
    item = _json(text, dict)
    status = item.get("status", "pending")
    if status not in REFERRAL_STATUSES:
        raise Invalid(f"status '{str(status)[:20]}' is not one of {REFERRAL_STATUSES}")
    return {
        "id": item.get("id") if isinstance(item.get("id"), int) else None,
        "by": clean_username(item.get("by")),
        "reward": _text(item, "reward", 500) or "",
        "status": status,
        "created_by": _text(item, "created_by", 100) or "import",
        "created_at": instant(item.get("created_at"), "created_at"),
        "earned_at": _maybe_instant(item.get("earned_at"), "earned_at"),
        "redeemed_at": _maybe_instant(item.get("redeemed_at"), "redeemed_at"),
        "redeemed_note": _text(item, "redeemed_note", 500),
    }


def _script_runs(text: str) -> list[dict[str, Any]]:
    """A lead's runs through the scripts, each checked against the script it names
    (a run of a script this version does not have, or at a step it does not have,
    is refused rather than stored where `sellerdesk script` could not read it)."""
    from sellerdesk.scripts.registry import get_script
    from sellerdesk.scripts.standing import ACTIVE, FINISHED

    out = []
    seen: set[str] = set()
    for number, item in enumerate(_json(text, list), start=1):
        try:
            if not isinstance(item, dict):
                raise Invalid("is not an object")
            script_id = _text(item, "script", 48, required=True)
            assert script_id is not None  # required
            try:
                script = get_script(script_id)
            except NotFound as exc:
                raise Invalid(str(exc).rstrip(".")) from None
            if script_id in seen:
                raise Invalid(f"{script_id} is listed twice")
            seen.add(script_id)
            step = _text(item, "step", 64, required=True)
            if step not in {s.id for s in script.steps}:
                raise Invalid(f"{script_id} has no step '{str(step)[:30]}'")
            status = item.get("status", ACTIVE)
            if status not in (ACTIVE, FINISHED):
                raise Invalid(f"status '{str(status)[:20]}' is not one of {(ACTIVE, FINISHED)}")
            answers = item.get("answers") or {}
            if not isinstance(answers, dict):
                raise Invalid("answers should be a JSON object")
            unknown = [name for name in answers if script.field(name) is None]
            if unknown:
                raise Invalid(f"{script_id} captures no '{str(unknown[0])[:30]}'")
            ticks = item.get("ticks") or []
            items = {c.id for s in script.steps for c in s.checklist}
            if not isinstance(ticks, list) or not all(
                isinstance(t, str) and t in items for t in ticks
            ):
                raise Invalid(f"ticks should be checklist items of {script_id}")
            started = instant(item.get("started_at"), "started_at")
            out.append(
                {
                    "script": script_id,
                    "step": step,
                    "answers": answers,
                    "ticks": sorted(set(ticks)),
                    "status": status,
                    "started_at": started,
                    "updated_at": _maybe_instant(item.get("updated_at"), "updated_at") or started,
                }
            )
        except Invalid as exc:
            raise Invalid(f"script run {number}: {exc}") from None
    return out
