"""Filling placeholders: a small scanner, never str.format or string.Template.

`{name}` (a lowercase name) is replaced by its value; `{{` and `}}` are literal
braces. Anything else between braces (attribute or index access, conversions,
format specs, code) is left exactly as written and reported, so a template
file can never reach into Python objects whatever it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sellerdesk.templates.model import ERROR, Finding

NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


@dataclass(frozen=True)
class Token:
    kind: str  # "text", "name" or "bad"
    text: str  # the literal text, the placeholder name, or the bad source as written


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...] = ()
    """Placeholders with no value: left in the text as `{name}`."""
    bad: tuple[str, ...] = ()
    """Malformed placeholders, left in the text as written."""
    used: tuple[str, ...] = field(default=())

    @property
    def complete(self) -> bool:
        return not self.missing and not self.bad

    def findings(self) -> list[Finding]:
        out = [
            Finding("missing-value", ERROR, f"No value for {{{name}}} yet.")
            for name in self.missing
        ]
        out.extend(bad_findings(self.bad))
        return out


def bad_findings(bad: tuple[str, ...] | list[str]) -> list[Finding]:
    return [
        Finding(
            "bad-placeholder",
            ERROR,
            f"{item!r} is not a placeholder: use {{name}} with lowercase letters, "
            "digits and _, or {{ and }} for literal braces.",
        )
        for item in bad
    ]


def scan(body: str) -> list[Token]:
    tokens: list[Token] = []
    text: list[str] = []
    i, n = 0, len(body)

    def flush() -> None:
        if text:
            tokens.append(Token("text", "".join(text)))
            text.clear()

    while i < n:
        ch = body[i]
        if ch == "{":
            if body.startswith("{{", i):
                text.append("{")
                i += 2
                continue
            end = body.find("}", i + 1)
            opener = body.find("{", i + 1)
            if end == -1 or (opener != -1 and opener < end):
                flush()
                tokens.append(Token("bad", "{"))
                i += 1
                continue
            inner = body[i + 1 : end]
            flush()
            if NAME_RE.match(inner):
                tokens.append(Token("name", inner))
            else:
                tokens.append(Token("bad", body[i : end + 1]))
            i = end + 1
        elif ch == "}":
            if body.startswith("}}", i):
                text.append("}")
                i += 2
                continue
            flush()
            tokens.append(Token("bad", "}"))
            i += 1
        else:
            nxt = min((p for p in (body.find("{", i), body.find("}", i)) if p != -1), default=n)
            text.append(body[i:nxt])
            i = nxt
    flush()
    return tokens


def placeholders(body: str) -> list[str]:
    """Placeholder names in order of first use."""
    seen: dict[str, None] = {}
    for token in scan(body):
        if token.kind == "name":
            seen.setdefault(token.text, None)
    return list(seen)


def render(body: str, values: dict[str, str]) -> Rendered:
    out: list[str] = []
    missing: dict[str, None] = {}
    used: dict[str, None] = {}
    bad: list[str] = []
    for token in scan(body):
        if token.kind == "text":
            out.append(token.text)
        elif token.kind == "name":
            value = values.get(token.text)
            if value is None or value == "":
                missing.setdefault(token.text, None)
                out.append("{" + token.text + "}")
            else:
                used.setdefault(token.text, None)
                out.append(str(value))
        else:
            bad.append(token.text)
            out.append(token.text)
    return Rendered("".join(out), tuple(missing), tuple(bad), tuple(used))
