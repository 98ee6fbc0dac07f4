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


def count_leads(db_url: str | Path) -> int:
    """Leads in the database at this URL (or SQLite file); 0 where no file was made."""
    from tests.conftest import raw_sql

    from sellerdesk.paths import sqlite_path

    if isinstance(db_url, Path):
        db_url = f"sqlite:///{db_url}"
    path = sqlite_path(db_url)
    if path is not None and not path.exists():
        return 0  # the command stopped before opening the database
    return raw_sql(db_url, "SELECT count(*) FROM leads")[0][0]
