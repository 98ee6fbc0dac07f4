"""What a user installs: the wheel carries the templates and the migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    return next(out.glob("sellerdesk-*.whl"))


def test_the_wheel_ships_templates_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(
        p.relative_to(ROOT / "data" / "templates").as_posix()
        for p in (ROOT / "data" / "templates").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    assert shipped, "no templates in data/templates"
    for name in shipped:
        assert f"sellerdesk/_data/templates/{name}" in names
    assert "sellerdesk/db/migrations/env.py" in names
    assert "sellerdesk/db/migrations/versions/0001_initial.py" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_the_installed_package_reads_templates_from_inside_itself():
    """Under the test command sellerdesk is installed as a wheel (not editable):
    the shipped templates must then come from the package, not the checkout."""
    import sellerdesk
    from sellerdesk.paths import shipped_templates_dir

    package_dir = Path(sellerdesk.__file__).resolve().parent
    found = shipped_templates_dir()
    assert found.is_dir()
    if ROOT not in package_dir.parents:
        assert package_dir in found.resolve().parents
