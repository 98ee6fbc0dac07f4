"""Running `sellerdesk import/export/backup` as a person types them, on the test's database."""

from __future__ import annotations

from pathlib import Path

import pytest

# Seed 002's CRM card as a person types it into a spreadsheet, placeholders and all.
SEED_002_HEADER = "Category,Username,Website,Last Messaged,Next Follow-up,Labels,Notes"
SEED_002_ROW = "Hot Lead,inzoneagency,Click to add website,MM/DD/YYYY,,Referral,Referred by: bgsone"


@pytest.fixture
def write(tmp_path):
    """Write a file to import: text in an encoding, or bytes as they are."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write


def count_leads(db_path: Path) -> int:
    import sqlite3

    if not db_path.exists():
        return 0  # the command stopped before opening the database
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM leads").fetchone()[0]
    finally:
        conn.close()
