"""Files sellerdesk writes with your data in them: readable by you only, and
never half-written (each is written under a temporary name, then renamed)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sellerdesk.errors import Invalid


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise Invalid(f"{path} already exists; choose another name or pass --force.")


@contextmanager
def private_text(path: Path, *, force: bool = False, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open `path` for writing text, created 0600; it appears only once complete."""
    if not force:
        refuse_existing(path)
    if not path.parent.is_dir():
        raise Invalid(f"There is no folder {path.parent}.")
    temporary = path.with_name(f".{path.name}.partial")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an older partial file keeps its mode otherwise
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def free_name(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext` ... whichever does not exist yet."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
