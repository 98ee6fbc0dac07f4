"""Checks on a message before it is sent: each finding has a code, a severity,
one plain sentence and, where there is safer wording, what to say instead.

Errors: unknown or malformed placeholders, seed 002's forbidden phrases, text
over the Fiverr field limit, control characters, a rating or review tied to
a reward (Fiverr forbids review incentives; referral texts never mention
ratings at all), a referral text that contradicts the reward setting.
Warnings: what sellers report gets a Fiverr message held for review (Fiverr
publishes no list, see `fiverr_words`): email addresses, phone-like numbers,
other messengers, voicemail, working or paying outside Fiverr, zip files,
other marketplaces and portfolio sites, outside links.

Linear in the text's length whatever it holds: every pattern runs through
`scanning.matches` (see there).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator, Mapping
from functools import lru_cache

from sellerdesk.config import Settings
from sellerdesk.safe_text import CONTROL_RE  # a message holds lines and tabs only
from sellerdesk.templates import fiverr_words as words
from sellerdesk.templates.model import ERROR, WARNING, Finding, Template
from sellerdesk.templates.render import Rendered, bad_findings, brace_parts, literal_text
from sellerdesk.templates.scanning import matches, sub
from sellerdesk.templates.values import CLIENT_REFERENCES, KNOWN, reward_text

FORBIDDEN_PHRASES = (
    "Please help me",
    "It would mean a lot",
    "I'm struggling for clients",
    "Can you do me a favor",
)

# Patterns on letters run on the text lowered once (`_lower`), without IGNORECASE:
# the engine then skips ahead by the first letters, an order of magnitude faster.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
# A run of digits and the separators phone numbers are written with, taken whole;
# `_phone_length` decides what of it reads as a number.
PHONE_RUN_RE = re.compile(r"(?<![\w$])\+?\d[\d \t().\-]{6,}+")
PHONE_SEPARATORS = " \t().-"
TLD_NAMES = "com net org io co me biz info us uk ca au de in pk app dev site online store shop xyz"
TLDS = frozenset(TLD_NAMES.split())
# A link with a scheme (or www.) taken to the next space; else a dotted name taken
# whole from where it begins, whose known top-level domain `_domain_link` looks for.
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]++"
    r"|(?<![\w.-])[a-z0-9-]++(?:\.[a-z0-9-]++)++(?:/[^\s<>\"')\]]*+)?"
)
REWARD_RE = re.compile(
    r"(?<!\d)\d++(?:\.\d++)?+\s*+%(?:\s*+(?:discount|off))?"
    r"|\$\s?\d++(?:[.,]\d++)?+(?:\s*+(?:-|–|to)\s*+\$?\s?\d++)?(?:\s*+off)?"
)
CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 11: "VT", 12: "FF", 13: "CR", 27: "ESC", 127: "DEL"}
REVIEW_RE = re.compile("|".join(words.REVIEW_WORDS))
INCENTIVE_RE = re.compile("|".join(words.INCENTIVE_WORDS))
SENTENCE_END_RE = re.compile(r"[.!?\n]++")
APOSTROPHES = str.maketrans("", "", "'’‘`´")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
MAX_PER_CODE = 5


def _normal(text: str) -> str:
    return " ".join(text.lower().translate(APOSTROPHES).split())


def _lower(text: str) -> str:
    """Lower case, character for character (positions stay those of `text`)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(ASCII_LOWER)


def _words_pattern(listed: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for words and phrases (any spacing) on lowered text. It starts
    with their letters, so the engine skips to candidates; `_whole_words` then
    keeps the hits that are whole words."""
    parts = [
        r"\s++".join(re.escape(p) for p in word.lower().split())
        for word in sorted(listed, key=len, reverse=True)
    ]
    return re.compile("|".join(parts))


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _whole_words(pattern: re.Pattern[str], low: str) -> Iterator[re.Match]:
    """Hits of `pattern` in `low` not glued to a letter or digit on either side
    (a side that is itself not a letter, like ".zip", needs no gap)."""
    for match in matches(pattern, low):
        start, end = match.start(), match.end()
        hit = match.group()
        if start and _is_word_char(hit[0]) and _is_word_char(low[start - 1]):
            continue
        if end < len(low) and _is_word_char(hit[-1]) and _is_word_char(low[end]):
            continue
        yield match


@lru_cache(maxsize=8)
def _flagged(extra: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple]]:
    """The flagged words of `fiverr_words` and the user's own, as one pattern, and
    for each (lowered, single-spaced) what to say about it."""
    meaning: dict[str, tuple] = {}
    for code, why, listed, suggestion in words.FLAGGED_WORDS:
        for word in listed:
            meaning.setdefault(" ".join(word.lower().split()), (code, why, word, suggestion))
    for word in extra:
        key = " ".join(word.lower().split())
        if key:
            meaning.setdefault(key, ("flagged-word", "is on your flagged list", word.strip(), ""))
    return _words_pattern(tuple(meaning)), meaning


def host_of(link: str) -> str:
    host = re.sub(r"^[a-z]+://", "", link.strip().lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return host.removeprefix("www.")


def _allowed(host: str, allowed: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in allowed if d)


def limit_for(field: str, settings: Settings) -> int:
    if field == "offer_description":
        return settings.limits.offer_description
    return settings.limits.message


def is_referral_template(template: Template) -> bool:
    return template.script == "referral" or template.id.startswith("referral.")


def lint_text(
    text: str,
    settings: Settings,
    *,
    field: str = "message",
    website: str | None = None,
    referral: bool = False,
    client_sites: Collection[str] = (),
) -> list[Finding]:
    """Findings on text as it would be sent (placeholders already filled or removed).
    `referral`: the text asks for referrals, so ratings may not come up at all.
    `client_sites`: hosts the client named as references (see `reference_sites`):
    written bare, as the client named them, they are no link warning; written
    as a link, the finding suggests the bare name. A marketplace or portfolio
    site is flagged whoever named it."""
    found: list[Finding] = []
    normal = _normal(text)
    for phrase in (*FORBIDDEN_PHRASES, *settings.lint.extra_forbidden_phrases):
        if phrase.strip() and _normal(phrase) in normal:
            found.append(
                Finding(
                    "forbidden-phrase",
                    ERROR,
                    f'"{phrase}" is forbidden (it lowers perceived value).',
                )
            )
    found.extend(control_findings(text))
    rest = text
    if "@" in text:
        for match in matches(EMAIL_RE, text):
            found.append(
                Finding(
                    "email",
                    WARNING,
                    f"{match.group()} looks like an email address; Fiverr may hold the message.",
                    words.CONTACT_SUGGESTION,
                )
            )
        rest = sub(EMAIL_RE, " ", text)
    for number in _phones(sub(DATE_RE, " ", rest)):
        found.append(
            Finding(
                "phone",
                WARNING,
                f"{number} looks like a phone number; Fiverr may hold the message.",
                words.CONTACT_SUGGESTION,
            )
        )
    low = _lower(text)
    pattern, meaning = _flagged(tuple(w for w in settings.lint.extra_flagged_words if w.strip()))
    for match in _whole_words(pattern, low):
        code, why, word, suggestion = meaning[" ".join(match.group().split())]
        if code == "flagged-word":
            found.append(Finding(code, WARNING, f'"{word}" {why}.'))
        else:
            found.append(
                Finding(code, WARNING, f'"{word}" {why}; Fiverr may hold the message.', suggestion)
            )
    found.extend(review_findings(low, referral=referral))
    allowed = [d.lower().removeprefix("www.") for d in settings.lint.allowed_domains]
    if website:
        allowed.append(host_of(website))
    named = {host for host in client_sites if host and not _marketplace(host)}
    for link in _links(rest, _lower(rest)):
        host = host_of(link)
        if _allowed(host, allowed):
            continue
        bare = not link.lower().startswith(("http://", "https://", "www."))
        if host in named and bare:
            continue  # the client's own reference, as they named it
        found.append(
            Finding(
                "link",
                WARNING,
                f"{link} links outside Fiverr and the client's website.",
                host if host in named else "",
            )
        )
    limit = limit_for(field, settings)
    if len(text) > limit:
        found.append(
            Finding(
                "too-long",
                ERROR,
                f"{len(text):,} characters; the Fiverr {field.replace('_', ' ')} field "
                f"takes {limit:,} (cut {len(text) - limit:,}).",
            )
        )
    return capped(found)


def capped(found: list[Finding]) -> list[Finding]:
    """Each finding once, and at most MAX_PER_CODE of a kind (then how many more):
    a text that repeats a number ten thousand times gets one line about it, not
    ten thousand."""
    out: list[Finding] = []
    seen: set[Finding] = set()
    per_code: dict[str, int] = {}
    for finding in found:
        if finding in seen:
            continue
        seen.add(finding)
        count = per_code[finding.code] = per_code.get(finding.code, 0) + 1
        if count <= MAX_PER_CODE:
            out.append(finding)
    for code, count in per_code.items():
        if count > MAX_PER_CODE:
            first = next(f for f in out if f.code == code)
            more = count - MAX_PER_CODE
            out.append(Finding(code, first.severity, f"… and {more:,} more like these."))
    return out


def control_findings(text: str, subject: str = "The text") -> list[Finding]:
    """One finding naming the control characters in `text` (they would reach a
    terminal or the client's chat as they are)."""
    seen: dict[str, int] = {}
    first_line = 0
    for match in matches(CONTROL_RE, text):
        code = ord(match.group())
        name = CONTROL_NAMES.get(code) or f"U+{code:04X}"
        if not seen:
            first_line = text.count("\n", 0, match.start()) + 1
        seen[name] = seen.get(name, 0) + 1
    if not seen:
        return []
    names = ", ".join(f"{name} ×{count}" if count > 1 else name for name, count in seen.items())
    return [
        Finding(
            "control-character",
            ERROR,
            f"{subject} holds control characters ({names}), the first on line {first_line}; "
            "a message may hold only text, line breaks and tabs.",
        )
    ]


def review_findings(low: str, *, referral: bool = False) -> list[Finding]:
    """A rating or review mentioned in the same sentence as something given in
    return; in a referral text, any rating or review at all. `low`: lowered text."""
    reviews = [m.start() for m in _whole_words(REVIEW_RE, low) if not _review_verb(low, m)]
    if not reviews:
        return []
    if referral:
        return [
            Finding(
                "referral-rating",
                ERROR,
                "mentions ratings or reviews; a referral text never touches them (seed 002).",
                words.REFERRAL_RATING_SUGGESTION,
            )
        ]
    ends = [m.start() for m in matches(SENTENCE_END_RE, low)]
    with_review = {bisect_right(ends, at) for at in reviews}
    for match in _whole_words(INCENTIVE_RE, low):
        if match.group() == "free" and _feel_free(low, match):
            continue
        if bisect_right(ends, match.start()) in with_review:
            return [
                Finding(
                    "review-incentive",
                    ERROR,
                    f'ties a rating or review to "{match.group().strip()}"; Fiverr forbids '
                    "incentives for reviews.",
                    words.REVIEW_INCENTIVE_SUGGESTION,
                )
            ]
    return []


def _word_before(low: str, at: int) -> str:
    """The word just before position `at` (apostrophes count as breaks: "i'll" → "ll")."""
    head = low[max(0, at - 12) : at].rstrip()
    if len(head) == len(low[max(0, at - 12) : at]):
        return ""  # glued to what comes before
    tail = re.split(r"[^a-z0-9]", head)
    return tail[-1] if tail else ""


def _review_verb(low: str, match: re.Match) -> bool:
    return match.group().startswith("review") and (
        _word_before(low, match.start()) in words.REVIEW_VERB_BEFORE
    )


def _feel_free(low: str, match: re.Match) -> bool:
    after = low[match.end() : match.end() + 4]
    return _word_before(low, match.start()) == "feel" or after.startswith((" to ", " to\n"))


def _phones(text: str) -> list[str]:
    """Digit runs that read as phone numbers: seven digits or more, ending on a digit
    that no letter follows."""
    found = []
    for match in matches(PHONE_RUN_RE, text):
        run = match.group()
        after = text[match.end() : match.end() + 1]
        length = _phone_length(run, bool(after) and (after.isalnum() or after == "_"))
        number = run[:length]
        if sum(ch.isdigit() for ch in number) >= 7:
            found.append(number.strip())
    return found


def _phone_length(run: str, word_follows: bool) -> int:
    trimmed = len(run.rstrip(PHONE_SEPARATORS))
    if trimmed < len(run) or not word_follows:
        return trimmed
    # The run's last digit touches a word: end at the last digit a separator follows.
    cut = max(run.rfind(sep, 0, trimmed) for sep in PHONE_SEPARATORS)
    return len(run[:cut].rstrip(PHONE_SEPARATORS)) if cut > 0 else 0


def _links(text: str, low: str) -> list[str]:
    """Links in `text`, found in its lowered copy `low`."""
    found = []
    for match in matches(URL_RE, low):
        link = text[match.start() : match.end()]
        if not match.group().startswith(("http://", "https://", "www.")):
            after = text[match.end() : match.end() + 1]
            link = _domain_link(link, bool(after) and (after.isalnum() or after == "_"))
        link = link.rstrip(".,;:!?")
        if link:
            found.append(link)
    return found


def _domain_link(run: str, word_follows: bool) -> str:
    """The longest leading part of a dotted name that ends in a known top-level
    domain, with its path when the name is whole; empty when there is none."""
    name, slash, path = run.partition("/")
    labels = name.split(".")
    for last in range(len(labels) - 1, 0, -1):
        whole = last == len(labels) - 1
        if labels[last].lower() in TLDS and (not whole or slash or not word_follows):
            host = ".".join(labels[: last + 1])
            return host + slash + path if whole else host
    return ""


def placeholder_findings(template: Template) -> list[Finding]:
    names, bad = brace_parts(template.body)
    found = [
        Finding(
            "unknown-placeholder",
            ERROR,
            f"{{{name}}} is not a known value; fix the name or declare it with 'asks: {name}'.",
        )
        for name in names
        if name not in KNOWN and name not in template.asks
    ]
    found.extend(bad_findings(bad))
    return found


def reward_findings(template: Template, settings: Settings) -> list[Finding]:
    if not is_referral_template(template):
        return []
    reward = reward_text(settings)
    stated = dict.fromkeys(
        m.group().strip() for m in matches(REWARD_RE, _lower(literal_text(template.body)))
    )
    return [
        Finding(
            "reward-mismatch",
            ERROR,
            f'states "{said}" but the referral reward setting is "{reward or "unset"}"; '
            "use {referral_reward}.",
        )
        for said in stated
        if said.lower() not in reward.lower()
    ]


def check_template(template: Template, settings: Settings) -> list[Finding]:
    """What `sellerdesk templates check` reports for one template."""
    return capped(
        [
            *placeholder_findings(template),
            *control_findings(template.title, "The title"),
            *lint_text(
                literal_text(template.body),
                settings,
                field=template.field,
                referral=is_referral_template(template),
            ),
            *reward_findings(template, settings),
        ]
    )


def _marketplace(host: str) -> bool:
    names = next(listed for code, _why, listed, _s in words.FLAGGED_WORDS if code == "marketplace")
    labels = set(host.split("."))
    return any(name.lower().split(".")[0] in labels for name in names)


def reference_sites(template: Template, values: Mapping[str, str]) -> list[str]:
    """Hosts of the sites the client named as references (design direction,
    competitors) that fill this template's placeholders."""
    used = set(brace_parts(template.body)[0])
    return [
        host_of(item)
        for name in CLIENT_REFERENCES
        if name in used
        for item in re.split(r"[,\s]+", values.get(name, ""))
        if item
    ]


def check_copy(
    template: Template,
    rendered: Rendered,
    settings: Settings,
    website: str | None = None,
    client_sites: Collection[str] = (),
) -> list[Finding]:
    """Findings on a filled-in text about to be copied."""
    return capped(
        [
            *rendered.findings(),
            *lint_text(
                rendered.text,
                settings,
                field=template.field,
                website=website,
                referral=is_referral_template(template),
                client_sites=client_sites,
            ),
        ]
    )
