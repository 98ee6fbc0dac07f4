"""A text that reached no clipboard is shown, not copied.

Earlier versions recorded such a copy as `message_copied` with the path "not
copied" in its data, and it counted as a message sent (toward the daily
targets, a template's copies, a first reply). Today it is `message_shown`.
Each of those entries becomes `message_shown`; nothing else about it changes
and no row is added or removed. Where any did, the insight summaries are
read again from the start the next time they are asked for (their progress
mark goes back to zero), so no figure keeps counting them.

The downgrade leaves them shown: the earlier revision reads `message_shown`
as well, and counting them again would be the mistake this corrects.

Revision ID: 0007_shown_not_copied
Revises: 0006_sop_records
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007_shown_not_copied"
down_revision = "0006_sop_records"
branch_labels = None
depends_on = None

# The stored values at this revision, spelled out: a migration describes the
# data as it was written, whatever later code calls these.
COPIED = "message_copied"
SHOWN = "message_shown"
NOT_COPIED = "not copied"
CHUNK = 500

events = sa.table("events", sa.column("id"), sa.column("kind"), sa.column("data"))
progress = sa.table(
    "insight_progress",
    sa.column("id"),
    sa.column("last_event_id"),
    sa.column("last_lead_id"),
)


def _path(data: str | None) -> object:
    try:
        parsed = json.loads(data or "{}")
    except ValueError:
        return None
    return parsed.get("path") if isinstance(parsed, dict) else None


def upgrade() -> None:
    conn = op.get_bind()
    # The (kind, at) index finds the copies; LIKE keeps the ones worth parsing few.
    candidates = conn.execute(
        sa.select(events.c.id, events.c.data).where(
            events.c.kind == COPIED, events.c.data.like(f"%{NOT_COPIED}%")
        )
    ).all()
    shown = [event_id for event_id, data in candidates if _path(data) == NOT_COPIED]
    for start in range(0, len(shown), CHUNK):
        conn.execute(
            sa.update(events)
            .where(events.c.id.in_(shown[start : start + CHUNK]))
            .values(kind=SHOWN)
        )
    if shown:
        conn.execute(sa.update(progress).values(last_event_id=0, last_lead_id=0))


def downgrade() -> None:
    pass
