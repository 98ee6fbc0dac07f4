"""Leads: create, find, edit, label, move through stages, mark do-not-contact.

Plain functions over a `Database`; each write is one transaction and leaves
its trace on the lead's timeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, column, exists, func, literal_column, or_, select, table
from sqlalchemy.orm import Session, selectinload

from sellerdesk import clock, rules
from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, LeadLabelModel, LeadModel, LeadValueModel
from sellerdesk.errors import Duplicate, Invalid, NotFound
from sellerdesk.records import Event, Lead, LeadRow
from sellerdesk.timeline import events_for, record
from sellerdesk.vocab import INDUSTRIES, PROJECT_TYPES, SOURCES, STAGES

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
MAX_LABEL = 64
# The SQLite trigram index (see migration 0001); only its rowid is read.
_FTS = table("leads_fts", column("rowid"))

# Fields a person may edit directly, with how each is checked.
EDITABLE = (
    "display_name",
    "website",
    "source",
    "project_type",
    "industry",
    "owner",
    "notes",
    "referred_by",
)


def clean_username(text: str | None) -> str:
    value = (text or "").strip().lstrip("@")
    if not value:
        raise Invalid("A Fiverr username is needed.")
    if not USERNAME_RE.match(value):
        raise Invalid(
            f"'{value}' is not a Fiverr username: use letters, digits, '_', '.' or '-', "
            "no spaces, at most 64 characters."
        )
    return value


def clean_website(text: str | None) -> str | None:
    value = (text or "").strip()
    if not value:
        return None
    if " " in value or "." not in value:
        raise Invalid(f"'{value}' does not look like a website address (e.g. example.com).")
    if len(value) > 500:
        raise Invalid("That website address is longer than 500 characters.")
    return value


def clean_label(text: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise Invalid("A label cannot be empty.")
    if len(value) > MAX_LABEL:
        raise Invalid(f"A label can be at most {MAX_LABEL} characters.")
    return value


def clean_field(name: str, value: Any) -> Any:
    """Check and normalise one editable field; raises Invalid with the reason."""
    return _clean_field(name, value)


def _clean_field(name: str, value: Any) -> Any:
    if name == "website":
        return clean_website(value)
    if name == "source":
        return SOURCES.parse(value) if value else "fiverr_inbox"
    if name == "project_type":
        return PROJECT_TYPES.parse(value) if value else None
    if name == "industry":
        return INDUSTRIES.parse(value) if value else None
    if name == "referred_by":
        return clean_username(value) if value else None
    if name == "display_name":
        value = (value or "").strip() or None
        if value and len(value) > 200:
            raise Invalid("A display name can be at most 200 characters.")
        return value
    return (value or "").strip() or None if isinstance(value, str) or value is None else value


# ---------------------------------------------------------------- converters


def to_record(model: LeadModel) -> Lead:
    return Lead(
        id=model.id,
        username=model.username,
        display_name=model.display_name,
        source=model.source,
        stage=model.stage,
        stage_since=model.stage_since,
        website=model.website,
        last_messaged_at=model.last_messaged_at,
        next_followup_at=model.next_followup_at,
        do_not_contact=model.do_not_contact,
        dnc_reason=model.dnc_reason,
        referred_by=model.referred_by,
        project_type=model.project_type,
        industry=model.industry,
        owner=model.owner,
        notes=model.notes,
        created_at=model.created_at,
        updated_at=model.updated_at,
        version=model.version,
        labels=tuple(label.label for label in model.labels),
        values={value.name: value.value for value in model.values},
    )


def _load(session: Session, username: str, *, for_update: bool = False) -> LeadModel:
    key = clean_username(username).lower()
    lead = session.scalars(
        select(LeadModel)
        .where(LeadModel.username_key == key)
        .options(selectinload(LeadModel.labels), selectinload(LeadModel.values))
    ).first()
    if lead is None:
        raise NotFound(f"No lead with username '{username.strip()}'.")
    return lead


def _load_id(session: Session, lead_id: int) -> LeadModel:
    lead = session.get(
        LeadModel,
        lead_id,
        options=[selectinload(LeadModel.labels), selectinload(LeadModel.values)],
    )
    if lead is None:
        raise NotFound(f"No lead with id {lead_id}.")
    return lead


def _touch(lead: LeadModel) -> None:
    lead.updated_at = clock.now()


# ---------------------------------------------------------------- reading


def get_lead(db: Database, username: str) -> Lead:
    with db.read() as session:
        return to_record(_load(session, username))


def get_lead_by_id(db: Database, lead_id: int) -> Lead:
    with db.read() as session:
        return to_record(_load_id(session, lead_id))


def find_lead(db: Database, username: str) -> Lead | None:
    try:
        return get_lead(db, username)
    except NotFound:
        return None


def lead_timeline(db: Database, lead_id: int, limit: int = 200) -> list[Event]:
    with db.read() as session:
        return events_for(session, lead_id, limit)


# Search at a busy seller's scale (docs/performance.md). A term that matches
# many leads is answered by reading the most recent leads and testing each row,
# stopping at a page; a rare term by the trigram index, whose few matches are
# cheap to sort. Either way the answer is the same rows in the same order.
_WALK_ROWS = 4000
"""Most recent leads read before giving up on the walk and asking the index."""
_COMMON = 4000
"""Trigram matches from which a term counts as common enough to walk for."""

_ROW_COLUMNS = (
    LeadModel.id,
    LeadModel.username,
    LeadModel.display_name,
    LeadModel.stage,
    LeadModel.website,
    LeadModel.next_followup_at,
    LeadModel.last_messaged_at,
    LeadModel.do_not_contact,
    LeadModel.updated_at,
)


def _fts_match(text: str):
    phrase = '"' + text.replace('"', '""') + '"'
    return literal_column("leads_fts").op("MATCH")(phrase)


def _like(db: Database, text: str, columns=None):
    """The substring test on the row itself.

    On SQLite, LIKE already ignores ASCII case and lower() folds nothing else,
    so the bare LIKE is the same test without two function calls per column;
    PostgreSQL's LIKE is case-sensitive, hence lower() there.
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    username, display_name, website = columns or (
        LeadModel.username,
        LeadModel.display_name,
        LeadModel.website,
    )
    if db.is_sqlite:
        pattern = f"%{escaped}%"
        return or_(*(col.like(pattern, escape="\\") for col in (username, display_name, website)))
    pattern = f"%{escaped.lower()}%"
    return or_(
        func.lower(username).like(pattern, escape="\\"),
        func.lower(func.coalesce(display_name, "")).like(pattern, escape="\\"),
        func.lower(func.coalesce(website, "")).like(pattern, escape="\\"),
    )


def _filtered(
    db: Database, stmt: Select, query: str, stage: str | None, label: str | None
) -> Select:
    if stage:
        stmt = stmt.where(LeadModel.stage == STAGES.parse(stage))
    if label:
        stmt = stmt.where(
            exists().where(
                LeadLabelModel.lead_id == LeadModel.id,
                LeadLabelModel.label_key == clean_label(label).lower(),
            )
        )
    text = query.strip()
    if not text:
        return stmt
    if db.is_sqlite and len(text) >= 3:
        matches = select(_FTS.c.rowid).where(_fts_match(text))
        return stmt.where(LeadModel.id.in_(matches))
    return stmt.where(_like(db, text))


def _worth_walking(session: Session, text: str) -> bool:
    """True when the most recent leads will probably fill a page by themselves."""
    if len(text) < 3:
        return True  # no index helps below a trigram; recent rows usually match
    if not text.isascii():
        return False  # the index folds non-ASCII case; LIKE would not
    probe = select(_FTS.c.rowid).where(_fts_match(text)).limit(_COMMON).subquery()
    return (session.scalar(select(func.count()).select_from(probe)) or 0) >= _COMMON


def _walk_recent(
    db: Database, session: Session, text: str, stage: str | None, label: str | None, need: int
) -> list[LeadRow] | None:
    """The first `need` matches among the most recent leads; None if the most
    recent `_WALK_ROWS` hold fewer and older leads remain."""
    newest_first = (LeadModel.updated_at.desc(), LeadModel.id.desc())
    # The window is "updated at or after the Nth most recent lead": a range on
    # the recency index, so the walk stops at a full page or at the window's end.
    edge = session.scalar(
        _filtered(db, select(LeadModel.updated_at), "", stage, label)
        .order_by(*newest_first)
        .offset(_WALK_ROWS - 1)
        .limit(1)
    )
    stmt = _filtered(db, select(*_ROW_COLUMNS), "", stage, label).where(_like(db, text))
    if edge is not None:
        stmt = stmt.where(LeadModel.updated_at >= edge)
    rows = [LeadRow(*row) for row in session.execute(stmt.order_by(*newest_first).limit(need))]
    if len(rows) < need and edge is not None:
        return None
    return rows


def list_leads(
    db: Database,
    query: str = "",
    *,
    stage: str | None = None,
    label: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[LeadRow]:
    """One page of leads, most recently active first, matching a substring search."""
    text = query.strip()
    stmt = _filtered(db, select(*_ROW_COLUMNS), text, stage, label)
    if db.is_sqlite and text and len(text) < 3:
        # A rare short term would walk the whole recency index row by row;
        # reading the table straight through and sorting the few hits is faster.
        recency = (literal_column("+leads.updated_at").desc(), LeadModel.id.desc())
    else:
        recency = (LeadModel.updated_at.desc(), LeadModel.id.desc())
    stmt = stmt.order_by(*recency).limit(limit).offset(offset)
    with db.read() as session:
        if db.is_sqlite and text and _worth_walking(session, text):
            rows = _walk_recent(db, session, text, stage, label, offset + limit)
            if rows is not None:
                return rows[offset:]
        return [LeadRow(*row) for row in session.execute(stmt)]


def count_leads(
    db: Database, query: str = "", *, stage: str | None = None, label: str | None = None
) -> int:
    text = query.strip()
    if db.is_sqlite and len(text) >= 3 and not stage and not label:
        # The index holds one row per lead (triggers keep it so): count it alone.
        stmt = select(func.count()).select_from(_FTS).where(_fts_match(text))
    else:
        # count(*), not count(id): SQLite answers count(*) from the b-tree's own
        # tally (8 ms → 0.03 ms at 100k leads) but reads every row for count(id).
        stmt = _filtered(db, select(func.count()).select_from(LeadModel), text, stage, label)
    with db.read() as session:
        return session.scalar(stmt) or 0


def all_labels(db: Database) -> list[str]:
    with db.read() as session:
        rows = session.execute(
            select(func.min(LeadLabelModel.label))
            .group_by(LeadLabelModel.label_key)
            .order_by(LeadLabelModel.label_key)
        )
        return [row[0] for row in rows]


# ---------------------------------------------------------------- writing


def add_lead(
    db: Database,
    username: str,
    *,
    display_name: str | None = None,
    website: str | None = None,
    source: str | None = None,
    stage: str | None = None,
    labels: Iterable[str] = (),
    referred_by: str | None = None,
    project_type: str | None = None,
    industry: str | None = None,
    owner: str | None = None,
    notes: str | None = None,
) -> Lead:
    name = clean_username(username)
    fields = {
        "display_name": display_name,
        "website": website,
        "source": source,
        "project_type": project_type,
        "industry": industry,
        "owner": owner,
        "notes": notes,
        "referred_by": referred_by,
    }
    clean = {key: _clean_field(key, value) for key, value in fields.items()}
    stage_key = STAGES.parse(stage) if stage else "new"
    label_list = _dedupe_labels(labels)
    now = clock.now()
    with db.write() as session:
        taken = session.scalar(
            select(LeadModel.username).where(LeadModel.username_key == name.lower())
        )
        if taken is not None:
            raise Duplicate(f"A lead with username '{taken}' already exists.")
        lead = LeadModel(
            username=name,
            username_key=name.lower(),
            stage=stage_key,
            stage_since=now,
            do_not_contact=False,
            created_at=now,
            updated_at=now,
            **clean,
        )
        lead.labels = [LeadLabelModel(label=lbl, label_key=lbl.lower()) for lbl in label_list]
        session.add(lead)
        session.flush()
        record(session, lead, "created", f"Added as {STAGES.label(stage_key)}", author=db.author)
        return to_record(lead)


def _dedupe_labels(labels: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for raw in labels:
        label = clean_label(raw)
        seen.setdefault(label.lower(), label)
    return list(seen.values())


def update_lead(
    db: Database, username: str, *, expected_version: int | None = None, **changes: Any
) -> Lead:
    """Edit record fields. With `expected_version`, refuse if someone saved in between."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise Invalid(f"Cannot edit {', '.join(sorted(unknown))} here.")
    clean = {key: _clean_field(key, value) for key, value in changes.items()}
    with db.write() as session:
        lead = _load(session, username)
        _check_version(lead, expected_version)
        changed = {k: v for k, v in clean.items() if getattr(lead, k) != v}
        if not changed:
            return to_record(lead)
        for key, value in changed.items():
            setattr(lead, key, value)
        _touch(lead)
        body = ", ".join(
            f"{key.replace('_', ' ')}: {value or '—'}" for key, value in changed.items()
        )
        record(session, lead, "edited", body, author=db.author, data={"fields": sorted(changed)})
        session.flush()
        return to_record(lead)


def _check_version(lead: LeadModel, expected: int | None) -> None:
    from sellerdesk.errors import Conflict

    if expected is not None and lead.version != expected:
        raise Conflict(
            f"{lead.username} was changed by someone else since you opened it; "
            "reload it and try again."
        )


def set_stage(db: Database, username: str, stage: str, *, reason: str = "") -> Lead:
    new = STAGES.parse(stage)
    with db.write() as session:
        lead = _load(session, username)
        old = lead.stage
        if old == new:
            return to_record(lead)
        lead.stage = new
        lead.stage_since = clock.now()
        _touch(lead)
        body = f"{STAGES.label(old)} → {STAGES.label(new)}"
        if reason:
            body += f" ({reason})"
        record(session, lead, "stage", body, author=db.author, data={"from": old, "to": new})
        rules.stage_changed(session, lead, old, new, db.author)
        session.flush()
        return to_record(lead)


def add_note(db: Database, username: str, text: str) -> Event:
    body = (text or "").strip()
    if not body:
        raise Invalid("A note cannot be empty.")
    with db.write() as session:
        lead = _load(session, username)
        _touch(lead)
        event = record(session, lead, "note", body, author=db.author)
        session.flush()
        from sellerdesk.timeline import to_record as event_record

        return event_record(event)


def add_labels(db: Database, username: str, labels: Iterable[str]) -> Lead:
    wanted = _dedupe_labels(labels)
    with db.write() as session:
        lead = _load(session, username)
        _add_labels(session, lead, wanted, db.author)
        session.flush()
        return to_record(lead)


def _add_labels(session: Session, lead: LeadModel, labels: list[str], author: str) -> None:
    have = {label.label_key for label in lead.labels}
    for label in labels:
        if label.lower() in have:
            continue
        lead.labels.append(LeadLabelModel(label=label, label_key=label.lower()))
        have.add(label.lower())
        record(session, lead, "label_added", label, author=author)
        _touch(lead)


def remove_labels(db: Database, username: str, labels: Iterable[str]) -> Lead:
    keys = {clean_label(label).lower() for label in labels}
    with db.write() as session:
        lead = _load(session, username)
        for label in list(lead.labels):
            if label.label_key in keys:
                lead.labels.remove(label)
                record(session, lead, "label_removed", label.label, author=db.author)
                _touch(lead)
        session.flush()
        return to_record(lead)


def set_do_not_contact(db: Database, username: str, on: bool, reason: str = "") -> Lead:
    reason = (reason or "").strip()
    if on and not reason:
        raise Invalid("Say why this lead must not be contacted (the reason is kept on record).")
    with db.write() as session:
        lead = _load(session, username)
        if lead.do_not_contact == on and (not on or lead.dnc_reason == reason):
            return to_record(lead)
        lead.do_not_contact = on
        lead.dnc_reason = reason if on else None
        _touch(lead)
        record(session, lead, "dnc_on" if on else "dnc_off", reason, author=db.author)
        if on:
            rules.do_not_contact_set(session, lead, db.author)
        session.flush()
        return to_record(lead)


def remember_values(db: Database, username: str, values: dict[str, str]) -> Lead:
    """Keep placeholder values on the lead so the next copy does not ask again."""
    with db.write() as session:
        lead = _load(session, username)
        current = {value.name: value for value in lead.values}
        for name, value in values.items():
            if name in current:
                current[name].value = value
            else:
                lead.values.append(LeadValueModel(name=name, value=value))
        _touch(lead)
        session.flush()
        return to_record(lead)


def event_count(db: Database, lead_id: int) -> int:
    with db.read() as session:
        return (
            session.scalar(select(func.count(EventModel.id)).where(EventModel.lead_id == lead_id))
            or 0
        )
