"""Carrying out an import plan in one transaction: all of it, or nothing.

New leads go in through Core in large batches (the rows were already checked
by the plan with the same rules as a lead added by hand), each with its
"created" entry on the timeline and its follow-up planned the way
`followups.store.schedule` plans one. Updates and referrals go through the
same in-unit functions the app uses (`leads.edit_fields`, `move_stage`, `attach_labels`,
`followups.store.schedule`, `referrals.recording`), so their rules run too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sellerdesk import clock
from sellerdesk.checks import clean_field
from sellerdesk.errors import Duplicate, Invalid
from sellerdesk.followups.items import ACTIVE
from sellerdesk.followups.when import describe
from sellerdesk.referrals.recording import notes_with_referrer
from sellerdesk.transfer.layouts import OWN
from sellerdesk.transfer.plan import Plan, Progress, Step
from sellerdesk.vocab import IMPORTED_SOURCE, STAGES

if TYPE_CHECKING:
    from sqlalchemy import Table

    from sellerdesk.transfer.rows import Candidate

BATCH = 1000
# From this many new leads on, the search indexes are filled in bulk
# (`search_index`) and SQLite gets a larger page cache for the leads' own
# indexes, which a 2 MB cache re-reads page by page at 100,000 rows.
BIG = 2000
BIG_CACHE_KB = 32768


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
    referrals = [step for step in updates if _needs_referral(step)]
    named = referrals or [step for step in adds if _bulk_referral(step, own)]
    promised = ""
    if named:
        from sellerdesk.config import load_settings
        from sellerdesk.referrals.reward import in_full

        promised = in_full(settings or load_settings())
    total = len(adds) + len(updates) + len(referrals)
    counter = _Counter(total, progress)
    try:
        with db.write() as session, _big_cache(session, db, len(adds)):
            adder = _Adder(session, db.author, plan.table.path.name, own, promised)
            adder.add(adds, counter)
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
    recorded = len(referrals) + sum(1 for step in adds if _bulk_referral(step, own))
    return Outcome(len(adds), len(updates), recorded)


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


def _needs_referral(step: Step) -> bool:
    """An updated lead that names a referrer for the first time."""
    lead = step.lead
    if lead is None or not lead.referred_by:
        return False
    return step.existing is not None and not step.existing.referred_by


# ---------------------------------------------------------------- new leads


class _Adder:
    """Writes the new leads and everything that comes with them, in large batches."""

    def __init__(self, session, author: str, source: str, own: bool, promised: str) -> None:
        self.session, self.author, self.source, self.own = session, author, source, own
        self.promised = promised
        self.now = clock.now()
        self.events: list[dict[str, Any]] = []
        self.labels: list[dict[str, Any]] = []

    def add(self, steps: list[Step], counter: _Counter) -> None:
        from sellerdesk.db.models import LeadValueModel, ScriptRunModel

        if not steps:
            return
        referrals = _Referrals(self, steps)
        rows = (self._lead_row(step, referrals) for step in steps)
        ids = self._insert_leads(rows, len(steps), counter)
        referrals.create_referrers()
        followup_ids = self._followups(steps, ids)
        referral_ids = self._restore_referrals(steps, ids) if self.own else {}
        for step, lead_id in zip(steps, ids, strict=True):
            self._lead_events(step, lead_id, followup_ids, referral_ids)
            self.label(lead_id, _read(step).labels)
        referrals.record(steps, ids)
        self._flush(everything=True)
        self._insert(LeadValueModel.__table__, self._values(steps, ids))
        self._insert(ScriptRunModel.__table__, self._script_runs(steps, ids))

    def label(self, lead_id: int, labels: list[str]) -> None:
        self.labels.extend(_label_rows(lead_id, labels))
        self._flush()

    def _flush(self, *, everything: bool = False) -> None:
        """Write the timeline entries and labels gathered so far, a batch at a time, so a
        big import never holds them all in memory."""
        from sellerdesk.db import tables

        for table, rows in ((tables.events, self.events), (tables.lead_labels, self.labels)):
            if rows and (everything or len(rows) >= BATCH * 5):
                self._insert(table, rows)
                rows.clear()

    def _insert(self, table, rows: list[dict[str, Any]]) -> None:
        from sqlalchemy import insert

        for start in range(0, len(rows), BATCH * 5):
            self.session.execute(insert(table), rows[start : start + BATCH * 5])

    def _insert_leads(
        self, rows: Iterable[dict[str, Any]], count: int, counter: _Counter | None
    ) -> list[int]:
        """Insert lead rows (plain executemany: no RETURNING to render) and read their ids."""
        from sqlalchemy import func, insert, select

        from sellerdesk.db import tables
        from sellerdesk.transfer.search_index import indexed_after

        leads = tables.leads
        keys: list[str] = []
        before = self.session.execute(select(func.coalesce(func.max(leads.c.id), 0))).scalar()
        with indexed_after(self.session.connection(), before, count >= BIG):
            for chunk in _batches(rows, BATCH):
                keys.extend(row["username_key"] for row in chunk)
                self.session.execute(insert(leads), chunk)
                if counter:
                    counter.tick(len(chunk))
        found = dict(
            self.session.execute(
                select(leads.c.username_key, leads.c.id).where(leads.c.id > before)
            ).all()
        )
        return [found[key] for key in keys]

    def _lead_row(self, step: Step, referrals: _Referrals) -> dict[str, Any]:
        lead = step.lead
        assert lead is not None
        fields = dict(lead.fields)
        restore = lead.restore or {}
        next_at = lead.followup.at if lead.followup else None
        waiting = [f["due_at"] for f in restore.get("followups") or [] if f["status"] in ACTIVE]
        if waiting:
            next_at = min(waiting)
        referred = lead.referred_by if restore.get("referral") else None
        by = referrals.referrer_of(step)
        if by is not None:  # as recording the referral by hand would leave it
            referred = by
            fields["source"] = "referral"
            fields["notes"] = notes_with_referrer(fields.get("notes"), by) or fields.get("notes")
        return {
            "username": lead.username,
            "username_key": lead.username.lower(),
            "display_name": fields.get("display_name"),
            # A row that does not say where the lead came from is a backlog lead.
            "source": fields.get("source") or IMPORTED_SOURCE,
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
        from sqlalchemy import func, select

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
                        # As `followups.store.schedule` plans one: the owner's, else the importer's.
                        "assignee": lead.fields.get("owner") or self.author,
                    }
                )
                keys.append((lead_id, 0))
        table = tables.followups
        before = self.session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar()
        self._insert(table, rows)
        # Ids rise in the order rows were inserted: the n-th new row is the n-th key.
        new_ids = self.session.scalars(
            select(table.c.id).where(table.c.id > before).order_by(table.c.id)
        ).all()
        return dict(zip(keys, new_ids, strict=True))

    def _restore_referrals(self, steps: list[Step], ids: list[int]) -> dict[int, int]:
        """Restore the referrals a sellerdesk export carries; old id → new id."""
        from sqlalchemy import insert, select

        from sellerdesk.db import tables
        from sellerdesk.db.models import ReferralModel

        wanted = [
            (step.lead.username, referral, lead_id)
            for step, lead_id in zip(steps, ids, strict=True)
            if step.lead and step.lead.restore and (referral := step.lead.restore.get("referral"))
        ]
        if not wanted:
            return {}
        names = sorted({item["by"].lower() for _, item, _ in wanted})
        leads = tables.leads
        found: dict[str, int] = {}
        for chunk in _chunks(names, 500):
            found.update(
                self.session.execute(
                    select(leads.c.username_key, leads.c.id).where(leads.c.username_key.in_(chunk))
                ).all()
            )
        table = cast("Table", ReferralModel.__table__)  # a mapped class's table is a Table
        new: dict[int, int] = {}
        for username, item, lead_id in wanted:
            referrer = found.get(item["by"].lower())
            if referrer is None:
                raise Invalid(
                    f"{username} was referred by {item['by']}, who is neither in this "
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

    def _lead_events(
        self,
        step: Step,
        lead_id: int,
        followup_ids: dict[tuple[int, int], int],
        referral_ids: dict[int, int],
    ) -> None:
        lead = step.lead
        assert lead is not None
        timeline = (lead.restore or {}).get("timeline") or []
        if timeline:
            for item in timeline:
                data = _remap(item["data"], lead_id, followup_ids, referral_ids)
                self.event(lead_id, item["kind"], item["body"], data,
                           at=item["at"], author=item["author"])  # fmt: skip
            return
        where = f"{self.source} ({'lead' if self.own else 'line'} {step.line})"
        stage = STAGES.label(lead.stage or "new")
        data = {"import": self.source, "line": step.line}
        self.event(lead_id, "created", f"Imported as {stage} from {where}", data)
        if lead.dnc_reason:
            self.event(lead_id, "dnc_on", lead.dnc_reason, None)
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
            self.event(lead_id, "followup_scheduled", body, data)

    def event(
        self,
        lead_id: int,
        kind: str,
        body: str,
        data: Any,
        *,
        at: datetime | None = None,
        author: str | None = None,
    ) -> None:
        if isinstance(data, str) or data is None:
            stored = data or None
        else:
            stored = json.dumps(data, sort_keys=True) if data else None
        self.events.append(
            {
                "lead_id": lead_id,
                "at": at or self.now,
                "author": author or self.author,
                "kind": kind,
                "body": body,
                "data": stored,
            }
        )
        self._flush()

    def _values(self, steps: list[Step], ids: list[int]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for step, lead_id in zip(steps, ids, strict=True):
            values = ((step.lead.restore or {}).get("values") or {}) if step.lead else {}
            rows.extend({"lead_id": lead_id, "name": k, "value": v} for k, v in values.items())
        return rows


    def _script_runs(self, steps: list[Step], ids: list[int]) -> list[dict[str, Any]]:
        """The script runs a sellerdesk export carries, stored as `scripts.runs` stores them."""
        rows: list[dict[str, Any]] = []
        for step, lead_id in zip(steps, ids, strict=True):
            runs = ((step.lead.restore or {}).get("script_runs") or []) if step.lead else []
            rows.extend(
                {
                    "lead_id": lead_id,
                    "script": run["script"],
                    "step": run["step"],
                    "answers": json.dumps(run["answers"], sort_keys=True),
                    "ticks": json.dumps(run["ticks"]),
                    "status": run["status"],
                    "started_at": run["started_at"],
                    "updated_at": run["updated_at"],
                    "version": 1,
                }
                for run in runs
            )
        return rows


def _label_rows(lead_id: int, labels: list[str]) -> list[dict[str, Any]]:
    return [{"lead_id": lead_id, "label": label, "label_key": label.lower()} for label in labels]


class _Referrals:
    """Referrals named by new leads, recorded as `referrals.recording.record_referral`
    records one (the referrer added as a past client if new, the Referral label, the
    "Referred by" note, the reward promised), but for thousands of rows at once."""

    def __init__(self, adder: _Adder, steps: list[Step]) -> None:
        from sqlalchemy import select

        from sellerdesk.db import tables

        self.adder = adder
        self.wanted = [step for step in steps if _bulk_referral(step, adder.own)]
        self.in_file = {_read(step).username.lower(): _read(step).username for step in steps}
        self.existing: dict[str, tuple[int, str]] = {}
        self.new: dict[str, str] = {}  # referrers to add: key → spelling
        self.first: dict[str, str] = {}  # referrer key → the first lead it referred
        keys = sorted({_referred_by(step).lower() for step in self.wanted} - set(self.in_file))
        leads = tables.leads
        for chunk in _chunks(keys, 500):
            for key, lead_id, name in adder.session.execute(
                select(leads.c.username_key, leads.c.id, leads.c.username).where(
                    leads.c.username_key.in_(chunk)
                )
            ):
                self.existing[key] = (lead_id, name)
        for step in self.wanted:
            by = _referred_by(step)
            key = by.lower()
            self.first.setdefault(key, _read(step).username)
            if key not in self.in_file and key not in self.existing:
                self.new.setdefault(key, by)
        self.ids: dict[str, int] = {}

    def referrer_of(self, step: Step) -> str | None:
        """The referrer's username as the book spells it, for a lead whose referral is
        recorded here; None otherwise."""
        if not _bulk_referral(step, self.adder.own):
            return None
        key = _referred_by(step).lower()
        if key in self.in_file:
            return self.in_file[key]
        if key in self.existing:
            return self.existing[key][1]
        return self.new[key]

    def create_referrers(self) -> None:
        """Add the referrers nobody knew yet, as past clients."""
        from sellerdesk.referrals.recording import PAST_CLIENT_LABEL, past_client_text

        adder, now = self.adder, self.adder.now
        rows = [
            {
                "username": name, "username_key": key, "display_name": None,
                "source": clean_field("source", None), "stage": "completed", "stage_since": now,
                "website": None, "last_messaged_at": None, "next_followup_at": None,
                "do_not_contact": False, "dnc_reason": None, "referred_by": None,
                "project_type": None, "industry": None, "owner": None, "notes": None,
                "created_at": now, "updated_at": now, "version": 1,
            }
            for key, name in self.new.items()
        ]  # fmt: skip
        if not rows:
            return
        for key, lead_id in zip(self.new, adder._insert_leads(rows, len(rows), None), strict=True):
            self.ids[key] = lead_id
            # Named by the file, not met today: no new contact (`activity.imported`).
            adder.event(lead_id, "created", past_client_text(self.first[key]),
                        {"import": adder.source})  # fmt: skip
            adder.label(lead_id, [PAST_CLIENT_LABEL])
            adder.event(lead_id, "label_added", PAST_CLIENT_LABEL, None)

    def record(self, steps: list[Step], ids: list[int]) -> None:
        from sqlalchemy import insert, update

        from sellerdesk.db import tables
        from sellerdesk.db.models import ReferralModel
        from sellerdesk.referrals.recording import (
            REFERRAL_LABEL,
            note_data,
            recorded_text,
            referred_line,
        )

        if not self.wanted:
            return
        adder = self.adder
        by_key = {_read(s).username.lower(): i for s, i in zip(steps, ids, strict=True)}
        rows, pairs = [], []
        for step in self.wanted:
            lead = _read(step)
            lead_id = by_key[lead.username.lower()]
            key = _referred_by(step).lower()
            referrer_id = by_key.get(key) or self.ids.get(key) or self.existing[key][0]
            by = self.referrer_of(step)
            assert by is not None  # every wanted step's referral is recorded here
            if not any(label.lower() == REFERRAL_LABEL.lower() for label in lead.labels):
                adder.label(lead_id, [REFERRAL_LABEL])
                adder.event(lead_id, "label_added", REFERRAL_LABEL, None)
            adder.event(lead_id, "note", referred_line(by), note_data(by))
            rows.append(
                {
                    "referrer_id": referrer_id, "referred_id": lead_id, "reward": adder.promised,
                    "status": "pending", "created_by": adder.author, "created_at": adder.now,
                    "earned_at": None, "redeemed_at": None, "redeemed_note": None,
                }
            )  # fmt: skip
            pairs.append((referrer_id, lead.username))
        table = cast("Table", ReferralModel.__table__)  # a mapped class's table is a Table
        result = adder.session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
        )
        for (referral_id,), (referrer_id, username) in zip(result, pairs, strict=True):
            data = {"referral_id": referral_id, "referred": username}
            adder.event(referrer_id, "referral_recorded", recorded_text(username, adder.promised),
                        data)  # fmt: skip
        # The referrers already in the book were changed too (as `_touch` marks them).
        touched = sorted({lead_id for lead_id, _ in self.existing.values()})
        leads = tables.leads
        for chunk in _chunks(touched, 500):
            adder.session.execute(
                update(leads)
                .where(leads.c.id.in_(chunk))
                .values(updated_at=adder.now, version=leads.c.version + 1)
            )


def _read(step: Step) -> Candidate:
    """The lead a step to add or update carries (only a refused row has none)."""
    assert step.lead is not None
    return step.lead


def _referred_by(step: Step) -> str:
    """Who referred the lead of a step whose referral is recorded in bulk (`_bulk_referral`)."""
    by = _read(step).referred_by
    assert by
    return by


def _bulk_referral(step: Step, own: bool) -> bool:
    lead = step.lead
    if lead is None or not lead.referred_by or step.action != "add":
        return False
    return not (own and lead.restore and lead.restore.get("referral"))


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


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---------------------------------------------------------------- updates, referrals


def _update(session, step: Step, author: str, source: str) -> None:
    from sellerdesk import leads
    from sellerdesk.followups import store

    lead = step.lead
    assert lead is not None
    model = leads.load(session, lead.username)
    leads.edit_fields(session, model, dict(lead.fields), author)
    if lead.stage:
        leads.move_stage(session, model, lead.stage, author, f"imported from {source}")
    if lead.labels:
        leads.attach_labels(session, model, lead.labels, author)
    if lead.last_messaged_at and lead.last_messaged_at != model.last_messaged_at:
        model.last_messaged_at = lead.last_messaged_at
        leads.touch(model)
    if lead.dnc_reason:
        leads.flag_dnc(session, model, True, lead.dnc_reason, author)
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
    from sellerdesk.referrals.recording import record_in_unit

    for step in steps:
        lead = step.lead
        assert lead is not None and lead.referred_by
        record_in_unit(session, lead.username, lead.referred_by, promised, author)
        counter.tick()
