"""Every fact a message states, each with the words it came from: the site
and competitors, pages, design, budget and delivery time (their own
modules), and here the business the site is for, the client's yes to the
order, who referred them, when to follow up, their hosting, and the signals
that steer the reply (do not contact, everything on the homepage,
requirements still to come).
"""

from __future__ import annotations

import re

from sellerdesk.errors import SellerdeskError
from sellerdesk.suggest.amounts import budget_fact, count_of, delivery_fact
from sellerdesk.suggest.model import Fact
from sellerdesk.suggest.pages import page_count_fact, page_fact
from sellerdesk.suggest.sites import site_facts
from sellerdesk.suggest.text import sentence_at

_I = re.IGNORECASE
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*", re.UNICODE)

CONSENT = re.compile(
    r"\b(?:place|placing|create|creating|make|making|proceed\s+with|go\s+ahead\s+with|start)\s+"
    r"(?:the\s+|my\s+|our\s+|an\s+|this\s+)?order\b"
    r"|\baccept(?:ed)?\s+(?:the|your)\s+offer\b"
    r"|\b(?:i['’]?ll|i\s+will|we['’]?ll|we\s+will)\s+(?:place|accept)\s+(?:the"
    r"|your)\s+(?:order|offer)\b",
    _I,
)
CONSENT_ALONE = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|yes|sure|alright|yep|great|perfect)[\s,!.]*)?"
    r"(?:go\s+ahead|proceed|let['’]?s\s+do\s+it|let['’]?s\s+go)(?:\s+please)?[\s.!]*$",
    _I,
)
NOT_YET = re.compile(
    r"\b(?:before|if|once|when|after)\s+(?:i|we)\s+(?:place|order|create|make|accept|pay|commit)"
    r"|\b(?:don['’]?t|do\s+not|not|never)\s+(?:place|create|proceed|make)",
    _I,
)

_USER = r"@?(?P<u>[A-Za-z0-9_][A-Za-z0-9_.-]{2,29})"
_REFERRER = (
    re.compile(
        rf"\b(?:referred|refered|recommended|sent)\s+(?:me\s+)?(?:to\s+you\s+)?by\s+{_USER}", _I
    ),
    re.compile(rf"\b(?:a\s+)?(?:referral|referred)\s+from\s+{_USER}", _I),
    re.compile(
        rf"\b(?:got|have|had|found)\s+your\s+(?:name|profile|link|contact|details|gig)\s+"
        rf"(?:from|through|via)\s+{_USER}",
        _I,
    ),
    re.compile(
        rf"(?<![\w@]){_USER}\s+(?:referred|refered|recommended|sent|told|pointed|suggested)\s+"
        r"(?:me|you|your|us)\b",
        _I,
    ),
)
_NOT_USERNAMES = frozenset(
    """friend friends partner colleague client someone somebody he she they who that which
    this it boss brother sister mom mum dad wife husband cousin neighbour neighbor
    coworker manager team agency company business designer developer you your everyone
    people customer customers clients guy lady mentor teacher member person contact mate
    buddy pal also just and but then one owner founder she's he's""".split()  # noqa: SIM905
)

_WHEN = (
    (
        re.compile(
            r"\b(?:in|after)\s+(?:about\s+|around\s+)?(?P<n>\d{1,3}|a\s+couple\s+of"
            r"|couple\s+of|an?|"
            r"one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>days?|weeks?|months?)\b",
            _I,
        ),
        "relative",
    ),
    (
        re.compile(
            r"\bnext\s+(?P<x>week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b",
            _I,
        ),
        "next",
    ),
    (re.compile(r"\btomorrow\b", _I), "tomorrow"),
    (
        re.compile(
            r"\b(?:on\s+|this\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday"
            r"|sunday)\b",
            _I,
        ),
        "day",
    ),
)
_BACK = re.compile(
    r"\b(?:call|contact|message|msg|text|ping|email|get|come|circle|check|reach|follow|touch|talk"
    r"|speak|revisit|reconnect|remind|write)\b[^.?!\n]{0,20}\b(?:back|again|out|up|base|later)\b"
    r"|\b(?:revisit|reconnect)\b|\b(?:ping|contact|message|call|text|remind)\s+(?:me|us)\b"
    r"|\bnot\s+(?:right\s+)?now\b|\bnot\s+ready\b|\bmaybe\b",
    _I,
)

_HAS_HOSTING = re.compile(
    r"\b(?:have|got|with|using|is\s+on|are\s+on)\s+(?:a\s+|an\s+|our\s+|my\s+)?(?:hosting|host)\b"
    r"|\bhosting\s+(?:is|with|at|account)\b|\bhosted\s+(?:on|with|at|by)\b"
    r"|\b(?:bluehost|hostinger|siteground|hostgator|dreamhost|cpanel)\b",
    _I,
)
_NO_BOTH = re.compile(
    r"\b(?:no|don['’]?t\s+have|do\s+not\s+have|without)\s+(?:a\s+|any\s+)?(?:hosting|domain)\s+"
    r"(?:or|and|nor)\s+(?:a\s+|any\s+)?(?:hosting|domain)\b|\bneither\b",
    _I,
)
_NO_HOSTING = re.compile(
    r"\b(?:no|don['’]?t\s+have(?:\s+any)?|do\s+not\s+have(?:\s+any)?|without)\s+(?:hosting|host)\b"
    r"|\bhosting\b[^.?!]{0,20}\b(?:yet|don['’]?t\s+have)\b|\bprovide\s+hosting\b",
    _I,
)
_HAS_DOMAIN = re.compile(
    r"\b(?:have|got|bought|own|registered|purchased)\s+(?:the\s+|a\s+|my\s+|our\s+)?domain\b"
    r"|\bdomain\s+(?:is\s+(?:with|on|at|registered)|registered|with)\b"
    r"|\bonly\s+have\s+(?:the\s+|a\s+)?domain\b",
    _I,
)

_BUSINESS = re.compile(
    r"\b(?:web\s?site|site|web\s?shop|online\s+store|store|shop|page)\s+for\s+(?:my|our)\s+"
    r"(?P<b>[^\W\d_][\w'’&-]*(?:[ \t]+[^\W\d_][\w'’&-]*){0,3}?)"
    r"(?=[ \t]*(?:[,.!?;:\n()]|$|\b(?:in|which|that|and|with|who|where|called|named|business"
    r"|company)\b))",
    _I,
)
_NOT_A_BUSINESS = frozenset("own new old current existing first".split())  # noqa: SIM905

_DO_NOT_CONTACT = re.compile(
    r"\b(?:don['’]?t|dont|do\s+not|never)\s+(?:contact|message|text|e-?mail|call|bother"
    r"|write\s+to)\s+"
    r"(?:me|us)\b|\bstop\s+(?:messaging|contacting|texting|emailing|spamming|writing)\b"
    r"|\bremove\s+(?:me|us)\s+from\b|\bunsubscribe\b|\bleave\s+(?:me|us)\s+alone\b",
    _I,
)
_ONE_PAGE = re.compile(
    r"\b(?:everything|all(?:\s+the)?(?:\s+\w+)?|it\s+all)\s+(?:\w+\s+){0,2}(?:on|in)\s+"
    r"(?:one\s+page|a\s+single\s+page|the\s+home\s?page|one\s+single\s+page)\b"
    r"|\bone[-\s]page(?:r|\s+(?:site|website))?\b|\bsingle[-\s]page\b|\blanding\s+page\b",
    _I,
)
_PENDING = re.compile(
    r"\b(?:will|i['’]?ll|we['’]?ll)\s+(?:send|follow|share|upload|add|do)\b[^.?!]{0,30}"
    r"\b(?:later|tomorrow|tonight|soon|next\s+week|this\s+week)\b|\b(?:will|to)\s+follow\b"
    r"|\bnot\s+(?:ready|done)\s+yet\b|\bcouldn['’]?t\s+fill\b|\bstill\s+(?:missing|need\s+to)\b",
    _I,
)


def collect(text: str) -> list[Fact]:
    """Every fact found in `text` (already cleaned), in a stable order."""
    facts = site_facts(text)
    pages = page_fact(text)
    for found in (
        pages,
        page_count_fact(text) if pages is None else None,
        business_fact(text),
        budget_fact(text),
        delivery_fact(text),
        consent_fact(text),
        referrer_fact(text),
        followup_fact(text),
        hosting_fact(text),
        _flag(text, _DO_NOT_CONTACT, "do_not_contact", sentence=True),
        _flag(text, _ONE_PAGE, "everything_on_homepage"),
        _flag(text, _PENDING, "requirements_pending"),
    ):
        if found is not None:
            facts.append(found)
    when = next((f for f in facts if f.name == "followup_when"), None)
    if when is not None:
        # "Not ready yet, call me back in 2 weeks": the days are when to come back,
        # not how long the delivery may take.
        facts = [
            f
            for f in facts
            if not (f.name == "delivery_days" and f.start < when.end and when.start < f.end)
        ]
    return facts


def sentences(text: str):
    """(start, end) of each sentence or line, surrounding spaces left out."""
    for match in _SENTENCE.finditer(text):
        raw = match.group()
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        if right > left:
            yield match.start() + left, match.start() + right


def business_fact(text: str) -> Fact | None:
    """What the site is for, in the client's words ("a website for my bakery")."""
    match = _BUSINESS.search(text)
    if match is None:
        return None
    words = match.group("b").strip()
    if words.lower().split()[0] in _NOT_A_BUSINESS:
        return None
    start = match.start("b")
    return Fact("business", words, start, start + len(words), words)


def consent_fact(text: str) -> Fact | None:
    """The client's sentence saying yes to placing the order (seed 004's
    "Yes, please place the order"), as long as the order gate would take it."""
    from sellerdesk.orders.gate import consent_problem

    if CONSENT_ALONE.match(text) and consent_problem(text.strip()) is None:
        start = len(text) - len(text.lstrip())
        words = text.strip()
        return Fact("consent_words", words, start, start + len(words), words)
    for start, end in sentences(text):
        said = text[start:end]
        if end < len(text) and not re.match(r"[.!?]", text[end - 1]):
            # A sentence cut at a line end keeps what follows it on the line (an emoji).
            end = min(len(text), end + len(text[end:].split("\n", 1)[0]))
            said = text[start:end].rstrip()
        if CONSENT.search(said) and not NOT_YET.search(said) and consent_problem(said) is None:
            return Fact("consent_words", said, start, start + len(said), said)
    return None


def referrer_fact(text: str) -> Fact | None:
    for pattern in _REFERRER:
        for match in pattern.finditer(text):
            name = match.group("u").rstrip(".-")
            at = match.start("u") > 0 and text[match.start("u") - 1] == "@"
            if not at and (name != name.lower() or name.lower() in _NOT_USERNAMES):
                continue
            start = match.start("u") - (1 if at else 0)
            end = match.start("u") + len(name)
            return Fact("referrer", name, start, end, text[start:end])
    return None


def followup_fact(text: str) -> Fact | None:
    """When the client asks to be contacted again ("call me back in 2 weeks"),
    as the date the app's own date words give for it."""
    from sellerdesk.followups import when as when_

    for pattern, kind in _WHEN:
        for match in pattern.finditer(text):
            if not _BACK.search(sentence_at(text, match.start(), match.end())):
                continue
            words = _when_words(kind, match)
            try:
                due = when_.parse(words)
            except SellerdeskError:
                continue
            value = due.local.date().isoformat()
            return Fact("followup_when", value, match.start(), match.end(), match.group(), words)
    return None


def _when_words(kind: str, match: re.Match[str]) -> str:
    if kind == "relative":
        count = count_of(match.group("n"))
        unit = match.group("u").lower().rstrip("s")
        if unit == "month":
            return f"{30 * count}d"
        return f"{count}{unit[0]}"
    if kind == "next":
        which = match.group("x").lower()
        if which == "week":
            return "next monday"
        if which == "month":
            return "30d"
        return f"next {which}"
    if kind == "tomorrow":
        return "tomorrow"
    return match.group("d").lower()


def hosting_fact(text: str) -> Fact | None:
    """Which of the hosting SOP's scenarios the client is in, when they say."""
    both = _NO_BOTH.search(text)
    if both:
        return Fact("hosting_scenario", "nothing", both.start(), both.end(), both.group())
    has = _HAS_HOSTING.search(text)
    if has:
        return Fact("hosting_scenario", "has_hosting", has.start(), has.end(), has.group())
    domain, lacking = _HAS_DOMAIN.search(text), _NO_HOSTING.search(text)
    if domain and (lacking or "only" in domain.group().lower()):
        return Fact("hosting_scenario", "domain_only", domain.start(), domain.end(), domain.group())
    return None


def _flag(text: str, pattern: re.Pattern[str], name: str, *, sentence: bool = False) -> Fact | None:
    match = pattern.search(text)
    if match is None:
        return None
    if sentence:
        said = sentence_at(text, match.start(), match.end()).strip()
        start = text.find(said)
        return Fact(name, said, start, start + len(said), said)
    return Fact(name, True, match.start(), match.end(), match.group())
