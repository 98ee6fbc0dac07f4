"""Shipped templates, the user's folder on top, broken files reported, speed."""

from __future__ import annotations

import pytest

from sellerdesk import paths
from sellerdesk.errors import NotFound
from sellerdesk.templates import loading
from sellerdesk.templates.loading import TemplateFileError, load_library, parse_template

GOOD = (
    "id: redesign.pages\ntitle: My pages question\nscript: redesign\nstep: 3\n"
    "---\nWhich pages, {client_name}?\n"
)


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_parse_keeps_the_body_verbatim():
    body = "Line one  \n\n  indented – “quotes” ☺\n"
    template = parse_template(f"id: a.b\ntitle: T\nstep: 2\neditable: yes\n---\n{body}\n")
    assert template.body == body.rstrip("\n")
    assert (template.id, template.script, template.step, template.editable) == ("a.b", "a", 2, True)
    assert template.field == "message"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("id: a.b\nno separator here", "---"),
        ("id: Not An Id\n---\nx", "id"),
        ("id: a.b\nstep: two\n---\nx", "step"),
        ("id: a.b\nfield: tweet\n---\nx", "field"),
        ("id: a.b\ncolour: red\n---\nx", "colour"),
        ("id: a.b\n---\n   \n", "empty"),
        ("id a.b\n---\nx", "key: value"),
    ],
)
def test_parse_refuses_broken_files_with_a_reason(text, why):
    with pytest.raises(TemplateFileError, match=why):
        parse_template(text)


def test_user_folder_overrides_and_adds(tmp_path):
    shipped = paths.shipped_templates_dir()
    user = tmp_path / "user"
    write(user, "mine/pages.txt", GOOD)
    write(user, "extra.txt", "id: custom.thanks\ntitle: Thanks\n---\nThanks {client_name}!")
    library = load_library(shipped, user)
    pages = library.get("redesign.pages")
    assert pages.origin == "user" and pages.title == "My pages question"
    assert library.get("custom.thanks").body == "Thanks {client_name}!"
    assert library.get("redesign.budget").origin == "shipped"
    assert library.problems == []


def test_a_broken_user_file_is_reported_and_the_rest_load(tmp_path):
    user = tmp_path / "user"
    broken = write(user, "broken.txt", "title: no id and no separator")
    write(user, "latin1.txt", "")
    (user / "latin1.txt").write_bytes(b"id: x.y\n---\ncaf\xe9")
    write(user, "good.txt", GOOD)
    write(user, "dupe.txt", GOOD)
    library = load_library(paths.shipped_templates_dir(), user)
    assert library.get("redesign.pages").origin == "user"
    assert len(library.problems) == 3
    assert any(str(broken) in p for p in library.problems)
    assert "x.y" not in library.templates
    assert len(library.templates) >= 28


def test_unknown_id_is_a_plain_error():
    with pytest.raises(NotFound, match="templates list"):
        load_library().get("nope.nothing")


def test_cached_per_process_and_per_folder(tmp_path, monkeypatch):
    loading._cache.clear()
    first = loading.library()
    assert loading.library() is first
    monkeypatch.setenv("SELLERDESK_CONFIG_DIR", str(tmp_path / "other"))
    write(tmp_path / "other" / "templates", "a.txt", GOOD)
    other = loading.library()
    assert other is not first and other.get("redesign.pages").origin == "user"
    loading._cache.clear()


def test_the_shipped_library_and_a_users_own_files_load_together(tmp_path):
    # How fast this is, bench/run.py measures (template render + lint).
    user = tmp_path / "user"
    for n in range(12):
        write(user, f"t{n}.txt", f"id: extra.t{n}\ntitle: T{n}\n---\nHello {{client_name}} {n}")
    library = load_library(paths.shipped_templates_dir(), user)
    shipped = load_library(paths.shipped_templates_dir(), tmp_path / "none")
    assert len(library.templates) == len(shipped.templates) + 12 >= 52
    assert library.get("extra.t3").origin == "user"
