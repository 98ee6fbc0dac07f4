"""The pages a client lists, written any of the ways clients write them:
"Home, About Us and Contact", "home/about/blog", "1. Homepage 2. About",
"Home | Shop | Cart", one a line with or without bullets, "a Home page, an
About page and a Contact page".

A run of short items counts as a page list when most of them are pages a
website has (the vocabulary) and it is long enough: three items, or two
right after "pages". Items that start with a verb ("update prices") are
changes, not pages. Names come out capitalised, without "a"/"the" or a
trailing "page"; "homepage" is Home.

A number of pages without their names ("5 pages", "a five-page site") is
the page count: the size of the site, not yet its pages list.
"""

from __future__ import annotations

import re

from sellerdesk.suggest.amounts import COUNTS
from sellerdesk.suggest.model import Fact
from sellerdesk.suggest.vocabulary import CHANGE_VERBS, PAGE_LEAD_INS, PAGE_WORDS, SMALL_WORDS

_BULLET = re.compile(r"^\s*(?:[-•*·–>]+|\d{1,2}\s?[.):-])\s*")
_NUMBERING = re.compile(r"(?<![\w.$£€])\d{1,2}\s?[.):-]\s?(?=[A-Za-z])")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_SEP = re.compile(r"\s*(?:,\s*(?:and|&)\s+|,|/|\||\+|;|&|•|:|->|\band\b|\bor\b)\s*", re.I)
_COMPOUND = re.compile(
    r"\b(?:terms\s*(?:and|&)\s*conditions|q\s?&\s?a|privacy\s*(?:and|&)\s*cookies?)\b", re.I
)
_CUE = re.compile(r"\bpages?\b|[:>-]\s*$", re.I)
_WORDISH = re.compile(r"^[A-Za-z][A-Za-z'’&-]*$")
_MASK = "\ue000"
_ARTICLES = ("a", "an", "the")
_TRAILING = (
    "please",
    "pls",
    "too",
    "also",
    "maybe",
    "only",
    "etc",
    "page",
    "pages",
    "section",
    "sections",
)
MAX_WORDS = 4


def page_fact(text: str) -> Fact | None:
    """The longest page list in `text`, if there is one."""
    masked = _COMPOUND.sub(
        lambda m: re.sub(r"and|&", lambda a: _MASK * len(a.group()), m.group()), text
    )
    runs = _line_runs(masked) or []
    runs.extend(_inline_runs(masked))
    if not runs:
        return None
    best = max(runs, key=len)
    names = _unique([name for name, _start, _end in best])
    start, end = best[0][1], best[-1][2]
    return Fact("pages", names, start, end, text[start:end])


_COUNT = re.compile(
    r"(?<![\w$£€₹.,])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"[\s-]?pages?\b",
    re.I,
)


def page_count_fact(text: str) -> Fact | None:
    """How many pages the client wants when they give a number ("5 pages")."""
    match = _COUNT.search(text)
    if match is None:
        return None
    word = match.group("n").lower()
    count = int(word) if word.isdigit() else COUNTS[word]
    if count < 1:
        return None
    return Fact("page_count", count, match.start(), match.end(), match.group())


Item = tuple[str, int, int]


def _line_runs(text: str) -> list[list[Item]]:
    """Pages one a line ("- Home", "2) About", "Contact")."""
    runs: list[list[Item]] = []
    current: list[Item] = []
    cue = False
    offset = 0
    for line in text.split("\n"):
        bullet = _BULLET.match(line)
        body_start = offset + (bullet.end() if bullet else 0)
        body = line[bullet.end() if bullet else 0 :].rstrip().rstrip(".")
        name = _page_name(body) if body and not re.search(r"[.?!:,]", body) else None
        if name:
            current.append((name, body_start, body_start + len(body)))
        else:
            if _valid(current, cue):
                runs.append(current)
            current = []
            cue = bool(_CUE.search(line))
        offset += len(line) + 1
    if _valid(current, cue):
        runs.append(current)
    return runs


def _inline_runs(text: str) -> list[list[Item]]:
    """Pages inside sentences, split at commas, slashes, "and", numbering..."""
    spaced = _NUMBERING.sub(lambda m: "," + " " * (len(m.group()) - 1), text)
    runs: list[list[Item]] = []
    start = 0
    for end_mark in [*_SENTENCE_END.finditer(spaced), None]:
        end = end_mark.start() if end_mark else len(spaced)
        for line_start, line in _lines(spaced, start, end):
            runs.extend(_runs_in(text, spaced, line_start, line))
        start = end_mark.end() if end_mark else len(spaced)
    return runs


def _lines(text: str, start: int, end: int):
    offset = start
    for line in text[start:end].split("\n"):
        yield offset, line
        offset += len(line) + 1


def _runs_in(text: str, spaced: str, offset: int, sentence: str) -> list[list[Item]]:
    runs: list[list[Item]] = []
    current: list[Item] = []
    lead = ""
    position = 0
    parts = []
    for sep in _SEP.finditer(sentence):
        parts.append((position, sep.start()))
        position = sep.end()
    parts.append((position, len(sentence)))
    for index, (a, b) in enumerate(parts):
        raw = sentence[a:b]
        name, trimmed_from = _item(raw, first=not current)
        if name:
            start = offset + a + trimmed_from
            current.append((name, start, offset + b))
            if len(current) == 1:
                lead = sentence[: a + trimmed_from]
        else:
            if _valid(current, bool(_CUE.search(lead))):
                runs.append(current)
            current = []
            if index + 1 < len(parts):
                lead = sentence[: parts[index + 1][0]]
    if _valid(current, bool(_CUE.search(lead))):
        runs.append(current)
    return runs


def _item(raw: str, *, first: bool) -> tuple[str | None, int]:
    """A page name from one item (its lead-in words dropped when it opens a
    list), and where in `raw` the name starts."""
    words = list(re.finditer(r"\S+", raw))
    if not words:
        return None, 0
    keep = len(words)
    if first:
        keep = 0
        for word in reversed(words):
            bare = re.sub(r"[^a-z]", "", word.group().lower())
            if not bare or (bare in PAGE_LEAD_INS and bare not in _ARTICLES):
                break
            keep += 1
    chosen = words[len(words) - keep :]
    if not chosen:
        return None, 0
    name = _page_name(raw[chosen[0].start() :])
    return name, chosen[0].start()


def _page_name(raw: str) -> str | None:
    words = [w.strip(".,!?\"'()").replace(_MASK, "&") for w in raw.split()]
    words = [w for w in words if w]
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words = words[:-1]
    if not words or len(words) > MAX_WORDS:
        return None
    if words[0].lower() in CHANGE_VERBS or words[0].lower() in PAGE_LEAD_INS:
        return None
    if not all(_WORDISH.match(w) for w in words):
        return None
    if len(words) == 1 and words[0].lower() in ("page", "pages", "section"):
        return None
    lowered = " ".join(words).lower()
    if lowered in ("home", "homepage", "home page", "main page", "landing page"):
        return "Home"
    if words[-1].lower() == "homepage":
        words[-1] = "Home"
    return " ".join(_cap(w, i) for i, w in enumerate(words))


def _cap(word: str, index: int) -> str:
    if word.isupper() and len(word) > 1:
        return word
    if index and word.lower() in SMALL_WORDS:
        return word.lower()
    return word[:1].upper() + word[1:].lower()


def _known(name: str) -> bool:
    return any(w.lower().strip("'’") in PAGE_WORDS for w in name.replace("&", " ").split())


def _valid(items: list[Item], cue: bool) -> bool:
    if len(items) < (2 if cue else 3):
        return False
    known = sum(_known(name) for name, _a, _b in items)
    return known * 3 >= len(items) * 2 and _known(items[0][0])


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out
