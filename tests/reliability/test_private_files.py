"""Files that hold the seller's data or settings are readable by their owner only,
from the moment they exist."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from sellerdesk.db.open import _upgrade, open_database
from sellerdesk.db.schema import REVISIONS


@pytest.fixture
def open_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_copy_kept_before_an_upgrade_is_private_from_its_first_byte(
    tmp_path, monkeypatch, open_umask
):
    if len(REVISIONS) < 2:
        pytest.skip("needs an older revision to upgrade from")
    path = tmp_path / "desk.sqlite3"
    url = f"sqlite:///{path}"
    _upgrade(url, REVISIONS[0])
    modes_when_opened = []
    real_connect = sqlite3.connect

    def spy(target, *args, **kwargs):
        if ".before-" in Path(str(target)).name:
            modes_when_opened.append(Path(target).stat().st_mode & 0o777)
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    open_database(url).close()
    assert modes_when_opened == [0o600]
