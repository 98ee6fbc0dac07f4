"""Build a realistic sellerdesk database of a chosen size, deterministically.

The schema comes from `open_database` (so the real migrations run); rows are
then bulk-inserted with Core `executemany` in large transactions. The FTS
triggers created by the migrations keep the search index in step.

Every value is drawn from one seeded RNG and dated relative to `ANCHOR`, so
the same size always yields the same file; the benchmark freezes the clock at
`ANCHOR` so "due today" means the same rows on every run.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

# A Monday morning: the moment every benchmark run pretends it is.
ANCHOR = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SEED = 20261123
# Bump when the generated data changes shape, so cached files are rebuilt.
GENERATOR_VERSION = 2
EVENTS_PER_LEAD = 10
FOLLOWUPS_PER_LEAD = 2
CHUNK = 20_000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "robert james john michael david william richard joseph thomas charles "
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen "
    "daniel matthew anthony mark steven paul andrew joshua kevin brian "
    "emily emma olivia sophia ava mia amelia grace chloe lucy "
    "ahmed fatima omar aisha carlos maria jose ana luca giulia "
    "hans anna pierre claire kenji yuki raj priya chen wei"
)
LAST = _words(
    "smith johnson williams brown jones garcia miller davis rodriguez martinez "
    "hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin "
    "lee perez thompson white harris sanchez clark ramirez lewis robinson "
    "walker young allen king wright scott torres nguyen hill flores "
    "green adams nelson baker hall rivera campbell mitchell carter roberts "
    "khan patel mueller rossi dubois tanaka kowalski novak silva costa"
)
TRADES = _words(
    "plumbing roofing dental bakery yoga fitness realty law cleaning consulting "
    "coffee studio design photo media boutique salon spa garden pets "
    "auto tutoring academy courses wellness clinic legal finance travel events "
    "builders electric hvac moving storage print apparel jewelry candles skincare"
)
SUFFIX = _words("co hq shop online pro group works lab studio club hub")
TLDS = ("com",) * 14 + ("co.uk", "net", "org", "io", "com.au", "store", "ca", "de")
STAGE_WEIGHTS = {
    "new": 3,
    "qualified": 4,
    "hot_lead": 1.5,
    "offer_sent": 2,
    "ordered": 0.5,
    "in_progress": 1,
    "delivered": 3,
    "completed": 25,
    "lost": 60,
}
OPEN = {"new", "qualified", "hot_lead", "offer_sent"}
SOURCE_WEIGHTS = {"fiverr_inbox": 70, "fiverr_order": 15, "off_platform": 5, "referral": 10}
PROJECT_TYPES = ("redesign", "new_website", "past_client_changes", "new_client_changes")
INDUSTRIES = ("business", "ecommerce", "courses", "real_estate", "membership", "other")
LABELS = ("Hot Lead", "Referral", "Past Client", "Repeat", "Agency")
EVENT_KINDS = (
    ("message_copied", 40),
    ("note", 25),
    ("stage", 15),
    ("edited", 8),
    ("label_added", 5),
    ("created", 0),  # written once per lead, first
)
NOTES = (
    "Asked about a full redesign, has 5 pages now.",
    "Wants something like the inspiration site they sent.",
    "Call me back in 2 weeks.",
    "Budget is tight, send the smaller package.",
    "Client confirmed the pages list: Home, About, Services, Contact.",
    "Waiting for hosting access.",
    "Requirements partially incomplete: logo missing.",
    "Happy with the delivery, left five stars.",
)
MESSAGE = (
    "Hi {name}, thanks for reaching out! I had a look at {site} and I can help with the "
    "redesign. To point you in the right direction, which pages do you need and do you "
    "have a website you like the look of? Once I know the scope I'll send you a custom "
    "offer with the delivery time and a fixed price."
)
AUTHORS = ("jehan", "jehan", "jehan", "sam")


@dataclass(frozen=True)
class Size:
    leads: int

    @property
    def events(self) -> int:
        return self.leads * EVENTS_PER_LEAD

    @property
    def followups(self) -> int:
        return self.leads * FOLLOWUPS_PER_LEAD


def schema_fingerprint() -> str:
    """A digest of the migration files: a migration edited in place (its
    indexes, say) must not be measured against a file built by the old one."""
    from sellerdesk.db import migrations

    digest = hashlib.sha1()
    for source in sorted((Path(migrations.__file__).parent / "versions").glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def cache_path(out_dir: Path, size: Size, revision: str) -> Path:
    name = f"desk-{size.leads}-{revision}-{schema_fingerprint()}-g{GENERATOR_VERSION}"
    return out_dir / f"{name}.sqlite3"


def ensure_database(out_dir: Path, size: Size, *, log=print) -> Path:
    """The cached database for this size and schema, built first if missing."""
    from sellerdesk.db.schema import HEAD

    path = cache_path(out_dir, size, HEAD)
    if path.exists():
        return path
    out_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in out_dir.glob(partial.name + "*"):
        leftover.unlink()
    log(f"building {path.name} ({size.leads:,} leads, {size.events:,} events) ...")
    build(partial, size)
    partial.replace(path)
    return path


def build(path: Path, size: Size, seed: int = SEED) -> None:
    from sqlalchemy import insert

    from sellerdesk.db.models import Base
    from sellerdesk.db.open import open_database

    db = open_database(f"sqlite:///{path}", author="bench")
    tables = Base.metadata.tables
    rng = random.Random(seed)
    try:
        with db.engine.connect() as conn:
            leads = list(_leads(rng, size.leads))
            for chunk in _chunks(leads):
                with conn.begin():
                    conn.execute(insert(tables["leads"]), [row for row, _ in chunk])
            with conn.begin():
                conn.execute(insert(tables["lead_labels"]), list(_labels(rng, leads)))
            for chunk in _chunks(_events(rng, leads, size.events)):
                with conn.begin():
                    conn.execute(insert(tables["events"]), chunk)
            if "followups" in tables:
                _insert_followups(conn, tables["followups"], rng, leads, size.followups)
    finally:
        db.close()
    # One self-contained file: fold the WAL back in.
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _chunks(rows) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(tuple(weights), tuple(weights.values()))[0]


def _leads(rng: random.Random, count: int) -> Iterator[tuple[dict, dict]]:
    """(row, facts) per lead; facts steer the events and follow-ups drawn later."""
    taken: set[str] = set()
    for lead_id in range(1, count + 1):
        first, last, trade = rng.choice(FIRST), rng.choice(LAST), rng.choice(TRADES)
        username = _username(rng, first, last, trade)
        while username.lower() in taken:
            username = f"{username}{rng.randint(0, 9)}"
        taken.add(username.lower())
        business = rng.random() < 0.45
        display = (
            f"{last.title()} {trade.title()}" if business else f"{first.title()} {last.title()}"
        )
        website = None
        if rng.random() < 0.85:
            stem = rng.choice((f"{last}{trade}", f"{trade}{rng.choice(SUFFIX)}", f"{first}{last}"))
            website = f"{stem}.{rng.choice(TLDS)}"
            if rng.random() < 0.3:
                website = "https://www." + website
        stage = _pick(rng, STAGE_WEIGHTS)
        created = ANCHOR - timedelta(days=rng.uniform(0, 6 * 365))
        age = (ANCHOR - created).total_seconds()
        updated = created + timedelta(seconds=rng.uniform(0, age))
        last_msg = updated - timedelta(hours=rng.uniform(0, 48)) if rng.random() < 0.9 else None
        next_fu = None
        if stage in OPEN and rng.random() < 0.8:
            next_fu = ANCHOR + timedelta(days=rng.uniform(-20, 30))
        elif stage == "delivered" and rng.random() < 0.5:
            next_fu = ANCHOR + timedelta(days=rng.uniform(-5, 10))
        dnc = rng.random() < 0.02
        if dnc:
            # Marking a lead do-not-contact cancels what was planned for it.
            next_fu = None
        row = {
            "id": lead_id,
            "username": username,
            "username_key": username.lower(),
            "display_name": display if rng.random() < 0.9 else None,
            "source": _pick(rng, SOURCE_WEIGHTS),
            "stage": stage,
            "stage_since": updated,
            "website": website,
            "last_messaged_at": last_msg,
            "next_followup_at": next_fu,
            "do_not_contact": dnc,
            "dnc_reason": "Asked not to be contacted again." if dnc else None,
            "referred_by": None,
            "project_type": rng.choice(PROJECT_TYPES) if rng.random() < 0.8 else None,
            "industry": rng.choice(INDUSTRIES) if rng.random() < 0.7 else None,
            "owner": rng.choice(AUTHORS) if rng.random() < 0.2 else None,
            "notes": rng.choice(NOTES) if rng.random() < 0.3 else None,
            "created_at": created,
            "updated_at": updated,
            "version": 1,
        }
        yield row, {"created": created, "updated": updated, "stage": stage, "dnc": dnc}


def _username(rng: random.Random, first: str, last: str, trade: str) -> str:
    shape = rng.random()
    if shape < 0.35:
        return f"{first}{last}{rng.randint(1, 99)}"
    if shape < 0.6:
        return f"{first}_{last}"
    if shape < 0.8:
        return f"{last}{trade}"
    return f"{first[0]}{last}{rng.randint(100, 9999)}"


def _labels(rng: random.Random, leads) -> Iterator[dict]:
    for row, _facts in leads:
        if rng.random() < 0.15:
            label = rng.choice(LABELS)
            yield {"lead_id": row["id"], "label": label, "label_key": label.lower()}


def _events(rng: random.Random, leads, total: int) -> Iterator[dict]:
    kinds = [kind for kind, weight in EVENT_KINDS if weight]
    weights = [weight for _kind, weight in EVENT_KINDS if weight]
    per_lead = max(1, total // max(1, len(leads)))
    for row, facts in leads:
        span = max(1.0, (facts["updated"] - facts["created"]).total_seconds())
        yield _event(row, facts["created"], "created", f"Added as {facts['stage']}", None)
        for offset in sorted(rng.uniform(0, span) for _ in range(per_lead - 1)):
            kind = rng.choices(kinds, weights)[0]
            at = facts["created"] + timedelta(seconds=offset)
            yield _event(row, at, kind, *_event_text(rng, row, kind))


def _event(row: dict, at: datetime, kind: str, body: str, data: str | None) -> dict:
    author = AUTHORS[row["id"] % len(AUTHORS)]
    return {
        "lead_id": row["id"],
        "at": at,
        "author": author,
        "kind": kind,
        "body": body,
        "data": data,
    }


def _event_text(rng: random.Random, row: dict, kind: str) -> tuple[str, str | None]:
    if kind == "message_copied":
        name = (row["display_name"] or row["username"]).split()[0]
        text = MESSAGE.format(name=name, site=row["website"] or "your website")
        return text, json.dumps({"template": "redesign.first_reply", "chars": len(text)})
    if kind == "stage":
        return "New → Qualified", json.dumps({"from": "new", "to": "qualified"})
    if kind == "edited":
        return "website: " + (row["website"] or "—"), json.dumps({"fields": ["website"]})
    if kind == "label_added":
        return rng.choice(LABELS), None
    return rng.choice(NOTES), None


def _insert_followups(conn, table, rng: random.Random, leads, total: int) -> None:
    from sqlalchemy import insert

    rows = list(_followups(rng, table, leads, total))
    for chunk in _chunks(rows):
        with conn.begin():
            conn.execute(insert(table), chunk)


def _followups(rng: random.Random, table, leads, total: int) -> Iterator[dict]:
    """Mostly history (done, cancelled); the open ones belong to open leads and
    fall around today, so the morning queue has a realistic few thousand."""
    columns = set(table.c.keys())
    per_lead = max(1, total // max(1, len(leads)))
    for row, facts in leads:
        for n in range(per_lead):
            is_open = n == per_lead - 1 and row["next_followup_at"] is not None
            if is_open:
                due = row["next_followup_at"]
                status = "snoozed" if rng.random() < 0.1 else "open"
            else:
                due = facts["updated"] - timedelta(days=n + 1)
                status = rng.choice(("done", "done", "done", "cancelled"))
            offer = n % 2 == 1
            values = {
                "lead_id": row["id"],
                "due_at": due,
                "has_time": rng.random() < 0.2,
                "first_due_at": due - timedelta(days=rng.choice((0, 0, 1, 3))),
                "reason": "Follow up on the offer" if offer else "Call back as asked",
                "template": "offer.followup_1" if offer else None,
                "rule": "offer" if offer else None,
                "status": status,
                "created_by": AUTHORS[row["id"] % len(AUTHORS)],
                "created_at": min(due, facts["updated"]),
                "done_at": None if is_open else due,
                "snoozed_until": due if status == "snoozed" else None,
            }
            yield {key: value for key, value in values.items() if key in columns}
