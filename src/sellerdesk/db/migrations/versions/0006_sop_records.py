"""What the SOPs record that the app did not yet: the client's confirmation of
the after-sales walkthrough on an order (seed 001), and the job-order items
renamed onto the one list the order screen and the hosting script share.

- orders: walkthrough_text, walkthrough_at, walkthrough_by (all empty at first).
- order_checks: a transferred client's "Email backed up (and a website copy)"
  was one item; where it was ticked, the website copy is ticked too, with
  the same time and person.
- script_runs (hosting): checklist ids follow the shared list ("new_…",
  "transfer_…"). An old combined item is ticked under each item it stood
  for, and a transferred client's ticked propagation notice moves to their
  job order, where the last step's gate now looks for it.

Revision ID: 0006_sop_records
Revises: 0005_insight
"""

import json

import sqlalchemy as sa
from alembic import op

from sellerdesk.db.coltypes import UTCDateTime

revision = "0006_sop_records"
down_revision = "0005_insight"
branch_labels = None
depends_on = None

# Old hosting check id -> the ids it stands for now.
HOSTING_TICKS = {
    "domain_registration": ("new_domain_registration",),
    "domain_pointing_new": ("new_domain_pointing",),
    "hosting_creation_new": ("new_hosting_creation",),
    "website_upload_new": ("new_website_upload",),
    "domain_credentials": ("transfer_credentials_secured",),
    "domain_unlocked": ("transfer_domain_unlocked",),
    "email_backup": ("transfer_email_backed_up", "transfer_email_recreated"),
    "website_copy": ("transfer_website_copy",),
    "domain_transfer": ("transfer_domain_transfer",),
    "domain_pointing_transfer": ("transfer_domain_pointing",),
    "hosting_creation_transfer": ("transfer_hosting_creation",),
    "website_upload_transfer": ("transfer_website_upload",),
}


def upgrade() -> None:
    op.add_column("orders", sa.Column("walkthrough_text", sa.Text(), nullable=True))
    op.add_column("orders", sa.Column("walkthrough_at", UTCDateTime(), nullable=True))
    op.add_column("orders", sa.Column("walkthrough_by", sa.String(100), nullable=True))
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "INSERT INTO order_checks (order_id, checklist, item, done, done_at, done_by) "
            "SELECT c.order_id, c.checklist, 'website_copy', c.done, c.done_at, c.done_by "
            "FROM order_checks AS c "
            "WHERE c.checklist = 'transferred_client' AND c.item = 'email_backed_up' "
            "AND c.done = :yes AND NOT EXISTS (SELECT 1 FROM order_checks AS o "
            "WHERE o.order_id = c.order_id AND o.checklist = c.checklist "
            "AND o.item = 'website_copy')"
        ),
        {"yes": True},
    )
    runs = bind.execute(
        sa.text("SELECT id, answers, ticks FROM script_runs WHERE script = 'hosting'")
    ).all()
    for run_id, answers, ticks in runs:
        new = renamed(_list(ticks), _dict(answers).get("client_kind"))
        if new != _list(ticks):
            bind.execute(
                sa.text("UPDATE script_runs SET ticks = :ticks WHERE id = :id"),
                {"ticks": json.dumps(new), "id": run_id},
            )


def renamed(ticks: list[str], client_kind: object) -> list[str]:
    out: list[str] = []
    for tick in ticks:
        for new in HOSTING_TICKS.get(tick, (tick,)):
            if new not in out:
                out.append(new)
    if client_kind == "transferred" and "notice_sent" in out:
        out.append("transfer_propagation_notice")
    return out


def _list(text: str | None) -> list[str]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _dict(text: str | None) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("walkthrough_by")
        batch.drop_column("walkthrough_at")
        batch.drop_column("walkthrough_text")
