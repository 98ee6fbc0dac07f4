"""Filling placeholders: a small scanner, never str.format or string.Template.

`{name}` (a lowercase name) is replaced by its value; `{{` and `}}` are literal
braces. Anything else between braces (attribute or index access, conversions,
format specs, code) is left exactly as written and reported, so a template
file can never reach into Python objects whatever it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

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
    """One finding per distinct malformed placeholder."""
    return [
        Finding(
            "bad-placeholder",
            ERROR,
            f"{item!r} is not a placeholder: use {{name}} with lowercase letters, "
            "digits and _, or {{ and }} for literal braces.",
        )
        for item in dict.fromkeys(bad)
    ]


# One token at a time, each found where it starts: "{{" and "}}" (literal braces),
# a brace pair with no brace inside (a name, else malformed), a lone brace
# (malformed), or a run of text. Every character is looked at a bounded number
# of times, so scanning is linear in the body's length.
TOKEN_RE = re.compile(r"(\{\{)|(\}\})|\{([^{}]*+)\}|([{}])|([^{}]++)")


# The same tokens, for counting without building them: a literal brace pair, a
# brace pair with its inside, or a lone brace (plain text is skipped by the engine).
BRACE_RE = re.compile(r"(\{\{|\}\})|(\{[^{}]*+\})|([{}])")
# What the body says without its placeholders: literal pairs kept as one brace,
# everything else between braces (and lone braces) dropped.
LITERAL_RE = re.compile(r"\{(\{)|(\})\}|\{[^{}]*+\}|[{}]")


def brace_parts(body: str) -> tuple[list[str], list[str]]:
    """The placeholder names and the malformed parts of `body`, each once, in order."""
    names: list[str] = []
    bad: list[str] = []
    for _literal, pair, lone in dict.fromkeys(BRACE_RE.findall(body)):
        inner = pair[1:-1]
        if pair and NAME_RE.match(inner):
            names.append(inner)
        elif pair or lone:
            bad.append(pair or lone)
    return names, bad


@lru_cache(maxsize=16)
def literal_text(body: str) -> str:
    """The body with placeholders taken out: what the template itself says."""
    return LITERAL_RE.sub(_kept_brace, body)


def _kept_brace(match: re.Match) -> str:
    return match.group(1) or match.group(2) or ""


@lru_cache(maxsize=16)
def scan(body: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    text: list[str] = []

    def flush() -> None:
        if text:
            tokens.append(Token("text", "".join(text)))
            text.clear()

    for match in TOKEN_RE.finditer(body):
        literal_open, literal_close, inner, lone, plain = match.groups()
        if plain is not None:
            text.append(plain)
        elif literal_open is not None:
            text.append("{")
        elif literal_close is not None:
            text.append("}")
        else:
            flush()
            if inner is not None and NAME_RE.match(inner):
                tokens.append(Token("name", inner))
            else:
                tokens.append(Token("bad", match.group() if lone is None else lone))
    flush()
    return tuple(tokens)


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
