"""What an import would do, row by row: add, update, leave alone, or refuse.

The plan reads the book (which usernames exist, which labels are in use,
who was referred by whom) but writes nothing: `--dry-run` prints it, and
`sellerdesk.transfer.apply` carries it out in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sellerdesk.records import Lead
from sellerdesk.transfer.csv_read import Row, Table
from sellerdesk.transfer.layouts import OWN, Mapping
from sellerdesk.transfer.restore import read_restore
from sellerdesk.transfer.rows import Candidate, Problem, clear_caches, read_cells, read_fields
from sellerdesk.vocab import COMMON_LABELS, STAGES

Progress = Callable[[int, int], None]
CHUNK = 500


@dataclass(frozen=True)
class Options:
    update: bool = False  # existing leads are updated only when asked
    day_first: bool = False  # 03/04/2026 is 3 April
    new_labels: bool = False  # labels the book does not use yet may be created


@dataclass(slots=True)
class Step:
    line: int
    action: str  # "add", "update", "same" (nothing to change) or "refuse"
    username: str = ""
    lead: Candidate | None = None
    problems: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    existing: Lead | None = None


@dataclass
class Plan:
    table: Table
    mapping: Mapping
    options: Options
    steps: list[Step]

    def count(self, action: str) -> int:
        return sum(1 for step in self.steps if step.action == action)

    @property
    def refused(self) -> list[Step]:
        return [step for step in self.steps if step.action == "refuse"]

    @property
    def writes(self) -> int:
        return self.count("add") + self.count("update")

    def where(self, step: Step) -> str:
        return f"{self.table.where} {step.line}"


def read_row(
    row: Row, mapping: Mapping, *, day_first: bool = False
) -> tuple[Candidate | None, list[Problem]]:
    """The lead in `row`, or the problems that refuse it: a row of sellerdesk's
    own export is restored as it was, any other read field by field."""
    given, headers, notes_extra, problems = read_cells(row, mapping)
    if mapping.layout == OWN:
        candidate = read_restore(given, headers, problems)
    else:
        candidate = read_fields(given, headers, notes_extra, problems, day_first)
    return (None if problems else candidate), problems


def make_plan(
    db,
    table: Table,
    mapping: Mapping,
    options: Options = Options(),
    progress: Progress | None = None,
) -> Plan:
    mapping.check()
    clear_caches()
    total = len(table.rows)
    read: list[tuple[int, Candidate | None, list[Problem]]] = []
    for number, row in enumerate(table.rows, start=1):
        lead, problems = read_row(row, mapping, day_first=options.day_first)
        read.append((row.line, lead, problems))
        if progress and number % 1000 == 0:
            progress(number // 2, total)
    keys = [lead.username.lower() for _, lead, _ in read if lead is not None]
    book = _Book.read(db, keys)
    steps: list[Step] = []
    seen: dict[str, int] = {}
    referred: dict[str, str] = dict(book.referred)
    for number, (line, lead, problems) in enumerate(read, start=1):
        steps.append(_step(line, lead, problems, options, book, seen, referred, mapping))
        if progress and number % 1000 == 0:
            progress(total // 2 + number // 2, total)
    if progress:
        progress(total, total)
    return Plan(table, mapping, options, steps)


@dataclass
class _Book:
    """What the plan needs to know of the book, read once."""

    existing: dict[str, Lead]
    labels: dict[str, str]  # lower → spelling
    referred: dict[str, str]  # referred username key → referrer key

    @classmethod
    def read(cls, db, keys: list[str]) -> _Book:
        from sqlalchemy import select

        from sellerdesk.db import tables
        from sellerdesk.search import all_labels

        leads = tables.leads
        wanted = set(keys)
        with db.connect() as conn:
            rows = conn.execute(
                select(leads.c.username_key, leads.c.referred_by).where(
                    leads.c.referred_by.is_not(None)
                )
            ).all()
            referred = {key: by.lower() for key, by in rows}
            present = [
                key
                for (key,) in conn.execute(select(leads.c.username_key))
                if key in wanted
            ]
        existing = _load(db, present)
        labels = {label.lower(): label for label in (*COMMON_LABELS, *all_labels(db))}
        return cls(existing, labels, referred)


def _load(db, keys: list[str]) -> dict[str, Lead]:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from sellerdesk.db.models import LeadModel
    from sellerdesk.leads import to_record

    found: dict[str, Lead] = {}
    for start in range(0, len(keys), CHUNK):
        with db.read() as session:
            models = session.scalars(
                select(LeadModel)
                .where(LeadModel.username_key.in_(keys[start : start + CHUNK]))
                .options(selectinload(LeadModel.labels), selectinload(LeadModel.values))
            )
            for model in models:
                found[model.username_key] = to_record(model)
    return found


def _step(
    line: int,
    lead: Candidate | None,
    problems: list[Problem],
    options: Options,
    book: _Book,
    seen: dict[str, int],
    referred: dict[str, str],
    mapping: Mapping,
) -> Step:
    if lead is None:
        return Step(line, "refuse", problems=problems)
    key = lead.username.lower()
    step = Step(line, "add", lead.username, lead)
    if key in seen:
        step.problems.append(
            Problem(lead.column("username"), f"{lead.username} is already on line {seen[key]}")
        )
    else:
        seen[key] = line
    unknown = [label for label in lead.labels if label.lower() not in book.labels]
    if unknown and not options.new_labels:
        known = ", ".join(sorted(set(book.labels.values()), key=str.lower)[:12])
        step.problems.append(
            Problem(
                lead.column("labels"),
                f"'{unknown[0]}' is not a label in your book (labels: {known}); "
                "import with --new-labels to create it",
            )
        )
    for label in unknown:
        book.labels.setdefault(label.lower(), label)
    lead.labels = [book.labels.get(label.lower(), label) for label in lead.labels]
    existing = book.existing.get(key)
    if existing is not None:
        step.existing = existing
        step.username = existing.username
        if not options.update:
            step.problems.append(
                Problem(
                    lead.column("username"),
                    f"{existing.username} is already in your book; "
                    "import with --update to update it",
                )
            )
        else:
            step.changes = changes(existing, lead)
            step.action = "update" if step.changes else "same"
        if existing.do_not_contact and lead.followup is not None:
            step.problems.append(
                Problem(
                    lead.column("next_followup"),
                    f"{existing.username} is marked do-not-contact, so no follow-up can be planned",
                )
            )
    _check_referral(step, lead, existing, referred)
    if step.problems:
        step.action = "refuse"
    elif lead.referred_by:
        referred[key] = lead.referred_by.lower()
    if mapping.layout == OWN and existing is not None and step.action == "update":
        step.changes = [c for c in step.changes if c != "referral"]
    return step


def _check_referral(
    step: Step, lead: Candidate, existing: Lead | None, referred: dict[str, str]
) -> None:
    by = lead.referred_by
    if not by:
        return
    key, by_key = lead.username.lower(), by.lower()
    column = lead.column("referred_by") or lead.column("notes")
    if existing is not None and existing.referred_by and existing.referred_by.lower() != by_key:
        step.problems.append(
            Problem(
                column,
                f"{existing.username} is already recorded as referred by "
                f"{existing.referred_by}; a lead can be referred only once",
            )
        )
    elif referred.get(by_key) == key:
        step.problems.append(
            Problem(column, f"{by} was referred by {lead.username}; not the other way round too")
        )


def changes(existing: Lead, lead: Candidate) -> list[str]:
    """What updating `existing` with `lead` would change, by field name."""
    found = [
        key.replace("_", " ")
        for key, value in lead.fields.items()
        if getattr(existing, key) != value
    ]
    if lead.stage and lead.stage != existing.stage:
        found.append(f"stage → {STAGES.label(lead.stage)}")
    have = {label.lower() for label in existing.labels}
    added = [label for label in lead.labels if label.lower() not in have]
    if added:
        found.append("labels + " + ", ".join(added))
    if lead.last_messaged_at and lead.last_messaged_at != existing.last_messaged_at:
        found.append("last messaged")
    if lead.followup and lead.followup.at != existing.next_followup_at:
        found.append("follow-up")
    if lead.dnc_reason and (
        not existing.do_not_contact or existing.dnc_reason != lead.dnc_reason
    ):
        found.append("do not contact")
    if lead.referred_by and not existing.referred_by:
        found.append("referral")
    return found
