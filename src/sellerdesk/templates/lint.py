"""Checks on a message before it is sent: each finding has a code, a severity
and one plain sentence.

Errors: unknown or malformed placeholders, seed 002's forbidden phrases, text
over the Fiverr field limit, a referral text that contradicts the reward
setting. Warnings: what sellers report gets a Fiverr message held for review
(Fiverr publishes no list): email addresses, phone-like numbers, other
messengers, payment outside Fiverr, other marketplaces, outside links.
"""

from __future__ import annotations

import re

from sellerdesk.config import Settings
from sellerdesk.templates.model import ERROR, WARNING, Finding, Template
from sellerdesk.templates.render import Rendered, bad_findings, scan
from sellerdesk.templates.values import KNOWN, reward_text

FORBIDDEN_PHRASES = (
    "Please help me",
    "It would mean a lot",
    "I'm struggling for clients",
    "Can you do me a favor",
)

# (code, explanation, words) matched as whole words, any case.
FLAGGED_WORDS = (
    ("messenger", "mentions another messenger", ("Skype", "WhatsApp", "Discord", "Telegram")),
    (
        "outside-payment",
        "mentions payment outside Fiverr",
        ("PayPal", "pay outside", "outside of Fiverr"),
    ),
    ("marketplace", "mentions another marketplace", ("Upwork", "Freelancer", "Guru")),
)

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<![\w$])\+?\d[\d \t().\-]{5,}\d(?!\w)")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|me|biz|info|us|uk|ca|au|de|in|pk|app|dev"
    r"|site|online|store|shop|xyz)\b(?:/[^\s<>\"')\]]*)?",
    re.IGNORECASE,
)
REWARD_RE = re.compile(
    r"\d+(?:\.\d+)?\s*%(?:\s*(?:discount|off))?"
    r"|\$\s?\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\$?\s?\d+)?(?:\s*off)?",
    re.IGNORECASE,
)
APOSTROPHES = str.maketrans("", "", "'’‘`´")


def _normal(text: str) -> str:
    return " ".join(text.lower().translate(APOSTROPHES).split())


def _word_re(word: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in word.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


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


def lint_text(
    text: str, settings: Settings, *, field: str = "message", website: str | None = None
) -> list[Finding]:
    """Findings on text as it would be sent (placeholders already filled or removed)."""
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
    emails = EMAIL_RE.findall(text)
    for email in emails:
        found.append(
            Finding(
                "email",
                WARNING,
                f"{email} looks like an email address; Fiverr may hold the message.",
            )
        )
    rest = EMAIL_RE.sub(" ", text)
    for match in PHONE_RE.finditer(DATE_RE.sub(" ", rest)):
        if sum(ch.isdigit() for ch in match.group()) >= 7:
            found.append(
                Finding("phone", WARNING, f"{match.group().strip()} looks like a phone number.")
            )
    for code, why, words in FLAGGED_WORDS:
        for word in words:
            if _word_re(word).search(text):
                found.append(
                    Finding(code, WARNING, f'"{word}" {why}; Fiverr may hold the message.')
                )
    for word in settings.lint.extra_flagged_words:
        if word.strip() and _word_re(word.strip()).search(text):
            found.append(Finding("flagged-word", WARNING, f'"{word}" is on your flagged list.'))
    allowed = [d.lower().removeprefix("www.") for d in settings.lint.allowed_domains]
    if website:
        allowed.append(host_of(website))
    for match in URL_RE.finditer(rest):
        link = match.group().rstrip(".,;:!?")
        if not _allowed(host_of(link), allowed):
            found.append(
                Finding("link", WARNING, f"{link} links outside Fiverr and the client's website.")
            )
    limit = limit_for(field, settings)
    if len(text) > limit:
        found.append(
            Finding(
                "too-long",
                ERROR,
                f"{len(text)} characters; the Fiverr {field.replace('_', ' ')} field "
                f"takes {limit}.",
            )
        )
    return found


def placeholder_findings(template: Template) -> list[Finding]:
    found: list[Finding] = []
    bad: list[str] = []
    unknown: dict[str, None] = {}
    for token in scan(template.body):
        if token.kind == "bad":
            bad.append(token.text)
        elif token.kind == "name" and token.text not in KNOWN and token.text not in template.asks:
            unknown.setdefault(token.text, None)
    for name in unknown:
        found.append(
            Finding(
                "unknown-placeholder",
                ERROR,
                f"{{{name}}} is not a known value; fix the name or declare it with 'asks: {name}'.",
            )
        )
    found.extend(bad_findings(bad))
    return found


def literal_text(body: str) -> str:
    """The body with placeholders taken out: what the template itself says."""
    return "".join(t.text for t in scan(body) if t.kind == "text")


def reward_findings(template: Template, settings: Settings) -> list[Finding]:
    if template.script != "referral" and not template.id.startswith("referral."):
        return []
    reward = reward_text(settings)
    found = []
    for match in REWARD_RE.finditer(literal_text(template.body)):
        stated = match.group().strip()
        if stated.lower() not in reward.lower():
            found.append(
                Finding(
                    "reward-mismatch",
                    ERROR,
                    f'states "{stated}" but the referral reward setting is "{reward or "unset"}"; '
                    "use {referral_reward}.",
                )
            )
    return found


def check_template(template: Template, settings: Settings) -> list[Finding]:
    """What `sellerdesk templates check` reports for one template."""
    return [
        *placeholder_findings(template),
        *lint_text(literal_text(template.body), settings, field=template.field),
        *reward_findings(template, settings),
    ]


def check_copy(
    template: Template, rendered: Rendered, settings: Settings, website: str | None = None
) -> list[Finding]:
    """Findings on a filled-in text about to be copied."""
    return [
        *rendered.findings(),
        *lint_text(rendered.text, settings, field=template.field, website=website),
    ]
