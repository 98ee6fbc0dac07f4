"""Websites in a message: the client's own site, the competitors they like
or compete with, and the one whose design they like most.

A site is told apart by the words just before it ("our site is", "sites I
like:", "competitors:") or, failing those, just after it ("... looks the
best"); a site with no cue of its own after "and" or "," takes the role of
the one before it, and a lone site with no cue at all is the client's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sellerdesk.suggest.model import Fact
from sellerdesk.suggest.text import sentence_at
from sellerdesk.suggest.vocabulary import NOT_SITES

_TLDS = frozenset(
    """com net org io co me biz info us uk ca au de in pk app dev site online store shop
    xyz nz ie fr es it nl eu ch at be se no dk fi pl pt br mx ae sa za ng ke sg my ph
    tech agency studio design digital media life live world today club cafe restaurant
    law health fitness travel events photography art blog church school academy""".split()  # noqa: SIM905
)
_CHUNK = re.compile(r"[^\s<>\"'()\[\]{}|,;!?]+")
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}[a-z]{2,13}")
_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)

_OWN = re.compile(
    r"\b(?:(?:my|our|the|current|existing|old|own)\s+(?:current\s+|existing\s+|old\s+|own\s+)?"
    r"(?:site|website|web\s?site|url|link|domain|store|shop|one)"
    r"|here\s+is\s+the\s+link|heres\s+the\s+link|here\s+you\s+go|link|url|site|website"
    r"|it[’']?s|it\s+is)\b[^.?!\n]{0,24}$",
    re.IGNORECASE,
)
_RIVAL = re.compile(
    r"\b(?:compet\w*|like|likes|love|loves|liked|inspir\w*|similar|reference|example\w*"
    r"|check\s+out|style|beat|favou?rite|prefer|go\s+with|going\s+with|most|best|closest)\b",
    re.IGNORECASE,
)
_RIVAL_AFTER = re.compile(
    r"^[^.?!\n]{0,40}\b(?:looks?\s+the\s+best|is\s+the\s+(?:one|best)|closest|most|best"
    r"|favou?rite|is\s+(?:my|our)\s+favou?rite)\b",
    re.IGNORECASE,
)
_PRIMARY = re.compile(
    r"\b(?:most|best|favou?rite|fav|prefer|go\s+with|going\s+with|main\s+inspiration"
    r"|primary|closest|the\s+one)\b",
    re.IGNORECASE,
)
_JOINER = re.compile(r"^[\s,&/+)-]*(?:and|or|also|and\s+also|plus|\d[.)])?[\s,&/+(-]*$", re.I)

# A design named without a link: "we like Alo Moves best", "go with Apollo
# Clinic's style", "the second one - peakattorneys".
_NAME = r"[A-Z][\w&.-]{1,30}(?:\s[A-Z][\w&.-]{1,30}){0,3}"
_NAMED_PRIMARY = (
    re.compile(rf"\b(?:like|love|prefer)\s+(?P<name>{_NAME})\s+(?:the\s+)?(?:most|best|more)\b"),
    re.compile(rf"\b(?:[Gg]o|[Gg]oing)\s+with\s+(?P<name>{_NAME})(?:'s|’s)?\s"),
    re.compile(
        r"\b(?:first|second|third"
        r"|last)\s+one\b[^.()\n]{0,12}[(\-–:]\s{0,2}(?P<name>[A-Za-z][\w.-]{2,40})",
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class Site:
    host: str
    """Lower case, no scheme, no www., no trailing slash; the path kept."""
    start: int
    end: int


def find_sites(text: str) -> list[Site]:
    found = []
    for chunk in _CHUNK.finditer(text):
        raw = chunk.group()
        if "." not in raw or "@" in raw or len(raw) > 200:
            continue
        start = chunk.start()
        stripped = raw.rstrip(".:-")
        bare = _SCHEME.sub("", stripped)
        host, _slash, path = bare.partition("/")
        host = host.lower()
        if not _HOST.fullmatch(host) or host.rsplit(".", 1)[-1] not in _TLDS:
            continue
        if host in NOT_SITES or host.endswith(".fiverr.com"):
            continue
        path = path.rstrip("/")
        name = f"{host}/{path}" if path else host
        found.append(Site(name, start, start + len(stripped)))
    return found


def site_facts(text: str) -> list[Fact]:
    """The website, the competitors and (when named) the primary inspiration."""
    sites = find_sites(text)
    facts: list[Fact] = []
    roles: list[str] = []
    website: Site | None = None
    previous_end = 0
    for index, site in enumerate(sites):
        window = text[max(previous_end, site.start - 80) : site.start]
        before = re.split(r"[.?!]\s", window)[-1]
        after = text[site.end : site.end + 60]
        if _RIVAL.search(before):
            role = "rival"
        elif _OWN.search(before) and website is None:
            role = "own"
        elif roles and _JOINER.match(text[previous_end : site.start]):
            role = roles[-1]
        elif _RIVAL_AFTER.match(after):
            role = "rival"
        elif website is None and index == 0:
            role = "own"
        else:
            role = "rival"
        if role == "own" and website is not None:
            role = "rival"
        roles.append(role)
        if role == "own":
            website = site
            facts.append(
                Fact("website", site.host, site.start, site.end, text[site.start : site.end])
            )
        previous_end = site.end
    rivals = [s for s, role in zip(sites, roles, strict=True) if role == "rival"]
    unique: list[Site] = []
    for site in rivals:
        if site.host not in {u.host for u in unique} and (
            website is None or site.host != website.host
        ):
            unique.append(site)
    if unique:
        first, last = unique[0], unique[-1]
        facts.append(
            Fact(
                "competitors",
                [s.host for s in unique],
                first.start,
                last.end,
                text[first.start : last.end],
            )
        )
    primary = _primary_site(text, unique) or _primary_name(text)
    if primary is not None:
        facts.append(primary)
    return facts


def _primary_site(text: str, rivals: list[Site]) -> Fact | None:
    for site in rivals:
        if _PRIMARY.search(sentence_at(text, site.start, site.end)):
            return Fact(
                "primary_inspiration", site.host, site.start, site.end, text[site.start : site.end]
            )
    return None


def _primary_name(text: str) -> Fact | None:
    for pattern in _NAMED_PRIMARY:
        match = pattern.search(text)
        if match:
            name = match.group("name").strip().rstrip(".")
            if name.lower() in ("it", "this", "that", "them", "the", "one", "i"):
                continue
            start = match.start("name")
            return Fact("primary_inspiration", name, start, start + len(name), name)
    return None
