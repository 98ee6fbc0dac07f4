"""Carrying out an import plan in one transaction: all of it, or nothing.

New leads go in through Core in large batches (the rows were already checked
by the plan with the same rules as a lead added by hand), each with its
"created" entry on the timeline and its follow-up planned the way
`followups.store.schedule` plans one. Updates and referrals go through the
same in-unit functions the app uses (`leads._edit`, `_move`, `_add_labels`,
`followups.store.schedule`, `referrals.tracking`), so their rules run too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sellerdesk import clock
from sellerdesk.checks import clean_field
from sellerdesk.errors import Duplicate, Invalid
from sellerdesk.followups.items import ACTIVE
from sellerdesk.followups.when import describe
from sellerdesk.transfer.layouts import OWN
from sellerdesk.transfer.plan import Plan, Progress, Step
from sellerdesk.vocab import STAGES

BATCH = 1000
# Above this many new leads the import lends SQLite a larger page cache: the
# search indexes' triggers write all over their B-trees, and with the default
# 2 MB cache most of the time went to re-reading pages.
BIG = 2000
BIG_CACHE_KB = 131072


@dataclass(frozen=True)
class Outcome:
    added: int
    updated: int
    referrals: int


def apply_plan(db, plan: Plan, *, settings=None, progress: Progress | None = None) -> Outcome:
    """Write what `plan` says. Raises (and writes nothing) if any part fails."""
    from sqlalchemy.exc import IntegrityError

    adds = [step for step in plan.steps if step.action == "add"]
    updates = [step for step in plan.steps if step.action == "update"]
    own = plan.mapping.layout == OWN
    referrals = [step for step in adds + updates if _needs_referral(step, own)]
    promised = ""
    if referrals:
        from sellerdesk.config import load_settings
        from sellerdesk.referrals.reward import in_full

        promised = in_full(settings or load_settings())
    total = len(adds) + len(updates) + len(referrals)
    counter = _Counter(total, progress)
    try:
        with db.write() as session, _big_cache(session, db, len(adds)):
            _Adder(session, db.author, plan.table.path.name, own).add(adds, counter)
            for step in updates:
                _update(session, step, db.author, plan.table.path.name)
                counter.tick()
            _record_referrals(session, referrals, promised, db.author, counter)
    except IntegrityError as exc:
        raise Duplicate(
            "A lead in this file was added by someone else while the import ran; "
            "nothing was imported — run the import again."
        ) from exc
    counter.finish()
    return Outcome(len(adds), len(updates), len(referrals))


class _Counter:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def tick(self, count: int = 1) -> None:
        self.done += count
        if self.progress and (self.done % 500 < count or self.done == self.total):
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress:
            self.progress(self.total, self.total)


@contextmanager
def _big_cache(session, db, adds: int) -> Iterator[None]:
    if adds < BIG or not db.is_sqlite:
        yield
        return
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BIG_CACHE_KB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _needs_referral(step: Step, own: bool) -> bool:
    lead = step.lead
    if lead is None or not lead.referred_by:
        return False
    if step.action == "update":
        return step.existing is not None and not step.existing.referred_by
    return not (own and lead.restore and lead.restore.get("referral"))


# ---------------------------------------------------------------- new leads


class _Adder:
    def __init__(self, session, author: str, source: str, own: bool) -> None:
        self.session, self.author, self.source, self.own = session, author, source, own
        self.now = clock.now()

    def add(self, steps: list[Step], counter: _Counter) -> None:
        from sqlalchemy import insert

        from sellerdesk.db import tables

        if not steps:
            return
        leads = tables.leads
        ids: list[int] = []
        rows = [self._lead_row(step) for step in steps]
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            result = self.session.execute(
                insert(leads).returning(leads.c.id, sort_by_parameter_order=True), chunk
            )
            ids.extend(row[0] for row in result)
            counter.tick(len(chunk))
        followup_ids = self._followups(steps, ids)
        referral_ids = self._referrals(steps, ids) if self.own else {}
        self._insert(tables.events, self._events(steps, ids, followup_ids, referral_ids))
        self._insert(tables.lead_labels, self._labels(steps, ids))
        from sellerdesk.db.models import LeadValueModel

        self._insert(LeadValueModel.__table__, self._values(steps, ids))

    def _insert(self, table, rows: list[dict[str, Any]]) -> None:
        from sqlalchemy import insert

        for start in range(0, len(rows), BATCH * 5):
            self.session.execute(insert(table), rows[start : start + BATCH * 5])

    def _lead_row(self, step: Step) -> dict[str, Any]:
        lead = step.lead
        assert lead is not None
        fields = lead.fields
        restore = lead.restore or {}
        next_at = lead.followup.at if lead.followup else None
        waiting = [f["due_at"] for f in restore.get("followups") or [] if f["status"] in ACTIVE]
        if waiting:
            next_at = min(waiting)
        referred = lead.referred_by if restore.get("referral") else None
        return {
            "username": lead.username,
            "username_key": lead.username.lower(),
            "display_name": fields.get("display_name"),
            "source": fields.get("source") or clean_field("source", None),
            "stage": lead.stage or "new",
            "stage_since": restore.get("stage_since") or self.now,
            "website": fields.get("website"),
            "last_messaged_at": lead.last_messaged_at,
            "next_followup_at": next_at,
            "do_not_contact": bool(lead.dnc_reason),
            "dnc_reason": lead.dnc_reason or None,
            "referred_by": referred,
            "project_type": fields.get("project_type"),
            "industry": fields.get("industry"),
            "owner": fields.get("owner"),
            "notes": fields.get("notes"),
            "created_at": restore.get("created_at") or self.now,
            "updated_at": restore.get("updated_at") or self.now,
            "version": 1,
        }

    def _followups(self, steps: list[Step], ids: list[int]) -> dict[tuple[int, int], int]:
        """Insert every follow-up; returns (lead id, id in the file) → new id."""
        from sqlalchemy import insert

        from sellerdesk.db import tables

        rows: list[dict[str, Any]] = []
        keys: list[tuple[int, int]] = []
        for step, lead_id in zip(steps, ids, strict=True):
            lead = step.lead
            assert lead is not None
            restored = (lead.restore or {}).get("followups") or []
            for index, item in enumerate(restored):
                row = {k: v for k, v in item.items() if k != "id"}
                rows.append(row | {"lead_id": lead_id})
                keys.append((lead_id, item["id"] if item["id"] is not None else -1 - index))
            if lead.followup and not restored:
                rows.append(
                    {
                        "lead_id": lead_id,
                        "due_at": lead.followup.at,
                        "has_time": lead.followup.has_time,
                        "first_due_at": lead.followup.at,
                        "reason": lead.followup_reason,
                        "template": None,
                        "rule": None,
                        "status": "open",
                        "created_by": self.author,
                        "created_at": self.now,
                        "done_at": None,
                        "snoozed_until": None,
                    }
                )
                keys.append((lead_id, 0))
        table = tables.followups
        new: dict[tuple[int, int], int] = {}
        for start in range(0, len(rows), BATCH):
            result = self.session.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True),
                rows[start : start + BATCH],
            )
            for key, (new_id,) in zip(keys[start : start + BATCH], result, strict=True):
                new[key] = new_id
        return new

    def _referrals(self, steps: list[Step], ids: list[int]) -> dict[int, int]:
        """Restore the referrals a sellerdesk export carries; old id → new id."""
        from sqlalchemy import insert, select

        from sellerdesk.db import tables
        from sellerdesk.db.models import ReferralModel

        wanted = [
            (step, lead_id)
            for step, lead_id in zip(steps, ids, strict=True)
            if step.lead and step.lead.restore and step.lead.restore.get("referral")
        ]
        if not wanted:
            return {}
        names = {step.lead.restore["referral"]["by"].lower() for step, _ in wanted}
        leads = tables.leads
        found: dict[str, int] = {}
        for chunk in _chunks(sorted(names), 500):
            for key, lead_id in self.session.execute(
                select(leads.c.username_key, leads.c.id).where(leads.c.username_key.in_(chunk))
            ):
                found[key] = lead_id
        table = ReferralModel.__table__
        new: dict[int, int] = {}
        for step, lead_id in wanted:
            item = step.lead.restore["referral"]
            referrer = found.get(item["by"].lower())
            if referrer is None:
                raise Invalid(
                    f"{step.lead.username} was referred by {item['by']}, who is neither in this "
                    "file nor in your book; nothing was imported."
                )
            row = {k: v for k, v in item.items() if k not in ("id", "by")}
            (new_id,) = self.session.execute(
                insert(table).returning(table.c.id),
                [row | {"referrer_id": referrer, "referred_id": lead_id}],
            ).one()
            if item["id"] is not None:
                new[item["id"]] = new_id
        return new

    def _events(
        self,
        steps: list[Step],
        ids: list[int],
        followup_ids: dict[tuple[int, int], int],
        referral_ids: dict[int, int],
    ) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for step, lead_id in zip(steps, ids, strict=True):
            lead = step.lead
            assert lead is not None
            timeline = (lead.restore or {}).get("timeline") or []
            if timeline:
                for item in timeline:
                    data = _remap(item["data"], lead_id, followup_ids, referral_ids)
                    event = self._event(lead_id, item["kind"], item["body"], data,
                                        at=item["at"], author=item["author"])  # fmt: skip
                    rows.append(event)
                continue
            where = f"{self.source} ({'lead' if self.own else 'line'} {step.line})"
            stage = STAGES.label(lead.stage or "new")
            data = {"import": self.source, "line": step.line}
            rows.append(self._event(lead_id, "created", f"Imported as {stage} from {where}", data))
            if lead.dnc_reason:
                rows.append(self._event(lead_id, "dnc_on", lead.dnc_reason, None))
            new_id = followup_ids.get((lead_id, 0))
            if lead.followup and new_id is not None:
                body = f"Follow up {describe(lead.followup.at, lead.followup.has_time)}"
                if lead.followup_reason:
                    body += f": {lead.followup_reason}"
                data = {
                    "followup_id": new_id,
                    "due_at": lead.followup.at.isoformat(),
                    "has_time": lead.followup.has_time,
                }
                rows.append(self._event(lead_id, "followup_scheduled", body, data))
        return rows

    def _event(
        self,
        lead_id: int,
        kind: str,
        body: str,
        data: Any,
        *,
        at: datetime | None = None,
        author: str | None = None,
    ) -> dict[str, Any]:
        if isinstance(data, str) or data is None:
            stored = data or None
        else:
            stored = json.dumps(data, sort_keys=True) if data else None
        return {
            "lead_id": lead_id,
            "at": at or self.now,
            "author": author or self.author,
            "kind": kind,
            "body": body,
            "data": stored,
        }

    def _labels(self, steps: list[Step], ids: list[int]) -> list[dict[str, Any]]:
        return [
            {"lead_id": lead_id, "label": label, "label_key": label.lower()}
            for step, lead_id in zip(steps, ids, strict=True)
            for label in (step.lead.labels if step.lead else [])
        ]

    def _values(self, steps: list[Step], ids: list[int]) -> list[dict[str, Any]]:
        rows = []
        for step, lead_id in zip(steps, ids, strict=True):
            values = ((step.lead.restore or {}).get("values") or {}) if step.lead else {}
            rows.extend({"lead_id": lead_id, "name": k, "value": v} for k, v in values.items())
        return rows


def _remap(
    data: Any, lead_id: int, followups: dict[tuple[int, int], int], referrals: dict[int, int]
) -> Any:
    """An exported event's data with the ids of restored follow-ups and referrals."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    old = out.get("followup_id")
    if isinstance(old, int) and (lead_id, old) in followups:
        out["followup_id"] = followups[(lead_id, old)]
    old = out.get("referral_id")
    if isinstance(old, int) and old in referrals:
        out["referral_id"] = referrals[old]
    return out


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------- updates, referrals


def _update(session, step: Step, author: str, source: str) -> None:
    from sellerdesk import leads
    from sellerdesk.followups import store

    lead = step.lead
    assert lead is not None
    model = leads._load(session, lead.username)
    leads._edit(session, model, dict(lead.fields), author)
    if lead.stage:
        leads._move(session, model, lead.stage, author, f"imported from {source}")
    if lead.labels:
        leads._add_labels(session, model, lead.labels, author)
    if lead.last_messaged_at and lead.last_messaged_at != model.last_messaged_at:
        model.last_messaged_at = lead.last_messaged_at
        leads._touch(model)
    if lead.dnc_reason:
        leads._flag(session, model, True, lead.dnc_reason, author)
    if lead.followup and lead.followup.at != model.next_followup_at:
        store.schedule(
            session,
            model,
            lead.followup.at,
            lead.followup_reason,
            None,
            author,
            has_time=lead.followup.has_time,
        )
    session.flush()


def _record_referrals(
    session, steps: list[Step], promised: str, author: str, counter: _Counter
) -> None:
    from sellerdesk.referrals.tracking import _record_in_unit

    for step in steps:
        lead = step.lead
        assert lead is not None and lead.referred_by
        _record_in_unit(session, lead.username, lead.referred_by, promised, author)
        counter.tick()
