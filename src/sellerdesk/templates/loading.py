"""Reading template files: the shipped set, then the user's folder on top.

A file is `key: value` header lines, a line `---`, then the body exactly as
it is sent. The user's folder overrides a shipped template with the same id
and may add new ones. A file that cannot be read is reported (one list of
problems) and every other file still loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk import paths
from sellerdesk.errors import NotFound
from sellerdesk.templates.model import FIELDS, Template

ID_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
SEPARATOR = "---"
HEADER_KEYS = {"id", "title", "script", "step", "field", "source", "editable", "asks"}


class TemplateFileError(ValueError):
    pass


@dataclass
class Library:
    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, template_id: str) -> Template:
        try:
            return self.templates[template_id]
        except KeyError:
            raise NotFound(
                f"No template '{template_id}'; `sellerdesk templates list` shows them all."
            ) from None

    def ordered(self) -> list[Template]:
        """By script, then step, then id."""
        return sorted(self.templates.values(), key=lambda t: (t.script, t.step, t.id))

    def scripts(self) -> list[str]:
        return sorted({t.script for t in self.templates.values()})


def parse_template(text: str, path: Path | None = None, origin: str = "shipped") -> Template:
    lines = text.replace("\r\n", "\n").split("\n")
    try:
        cut = lines.index(SEPARATOR)
    except ValueError:
        raise TemplateFileError("no '---' line between the header and the body") from None
    header: dict[str, str] = {}
    for number, line in enumerate(lines[:cut], start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep:
            raise TemplateFileError(f"header line {number} is not 'key: value'")
        if key not in HEADER_KEYS:
            raise TemplateFileError(f"unknown header key '{key}' on line {number}")
        header[key] = value.strip()
    template_id = header.get("id", "")
    if not ID_RE.match(template_id):
        raise TemplateFileError(
            f"id '{template_id}' should look like script.name (lowercase, e.g. redesign.pages)"
        )
    step_text = header.get("step", "0") or "0"
    if not step_text.isdigit():
        raise TemplateFileError(f"step '{step_text}' should be a whole number")
    field_name = header.get("field", "message") or "message"
    if field_name not in FIELDS:
        raise TemplateFileError(f"field '{field_name}' should be one of {', '.join(FIELDS)}")
    body = "\n".join(lines[cut + 1 :]).rstrip("\n")
    if not body.strip():
        raise TemplateFileError("the body is empty")
    asks = tuple(a.strip() for a in header.get("asks", "").split(",") if a.strip())
    return Template(
        id=template_id,
        title=header.get("title") or template_id,
        script=header.get("script") or template_id.split(".", 1)[0],
        step=int(step_text),
        body=body,
        field=field_name,
        source=header.get("source", ""),
        editable=header.get("editable", "no").lower() in ("yes", "true"),
        asks=asks,
        path=path,
        origin=origin,
    )


def _read_dir(folder: Path, origin: str, library: Library) -> None:
    if not folder.is_dir():
        return
    seen: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.txt")):
        try:
            template = parse_template(path.read_text(encoding="utf-8"), path, origin)
        except (OSError, UnicodeDecodeError, TemplateFileError) as exc:
            library.problems.append(f"{path}: {exc}; skipped")
            continue
        if template.id in seen:
            library.problems.append(
                f"{path}: id '{template.id}' is also in {seen[template.id]}; skipped"
            )
            continue
        seen[template.id] = path
        library.templates[template.id] = template


def load_library(shipped: Path | None = None, user: Path | None = None) -> Library:
    library = Library()
    _read_dir(shipped or paths.shipped_templates_dir(), "shipped", library)
    _read_dir(user or paths.user_templates_dir(), "user", library)
    return library


_cache: dict[tuple[Path, Path], Library] = {}


def library() -> Library:
    """The templates for this process, read once (the folders are resolved each call,
    so a changed config dir gets its own read)."""
    key = (paths.shipped_templates_dir(), paths.user_templates_dir())
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = load_library(*key)
    return found


def reload() -> Library:
    _cache.clear()
    return library()
