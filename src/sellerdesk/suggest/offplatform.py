"""Spotting a client who asks to move the conversation or the payment off
Fiverr: an email address (even written "name (at) site dot com"), a phone
number, another messenger, payment outside Fiverr, another marketplace.

Sellers report that Fiverr holds such messages for review and that agreeing
costs the account, so this must never miss: it errs on the side of warning.
Every pattern is bounded (no nested open-ended repeats), so a long paste is
read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE
_FIVERR = r"fi+v+e?r+r?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (what, re.compile(pattern, flags))
    for what, pattern, flags in (
        ("an email address", r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}", 0),
        (
            "an email address",
            r"\b[\w.+-]{1,64}\s{0,2}[(\[{]\s{0,2}at\s{0,2}[)\]}]\s{0,2}[\w-]{1,63}\s{0,2}"
            r"(?:[(\[{]\s{0,2}dot\s{0,2}[)\]}]|\bdot\b|\.)\s{0,2}[a-z]{2,6}\b",
            _I,
        ),
        ("an email address", r"\b[\w.+-]{1,64}\s+at\s+[\w-]{1,63}\s+dot\s+[a-z]{2,6}\b", _I),
        ("email", r"\b(?:e-?mail|mail)\s+(?:me|us)\b", _I),
        ("email", r"\be-?mail\s+(?:the|it|them|you|your|my)\b", _I),
        (
            "email",
            r"\b(?:your|ur|my|our)\s+(?:e-?mail|gmail|hotmail|mail\s?id)"
            r"(?:\s+(?:address|id|addy))?\b",
            _I,
        ),
        ("email", r"\b(?:via|by|over|through|on)\s+e-?mail\b", _I),
        ("email", r"\b(?:gmail|hotmail|yahoo\s?mail|outlook\.com)\b", _I),
        (
            "a phone number",
            r"\b(?:your|ur|my)\s+(?:phone|mobile|cell|contact)?\s*(?:number|no\b|num\b)",
            _I,
        ),
        ("a phone number", r"\b(?:over|on|by)\s+the\s+phone\b|\bphone\s+call\b", _I),
        ("a phone number", r"\btext\s+me\b|\bcall\s+me\s+(?:on|at)\b|\bsms\s+me\b", _I),
        (
            "WhatsApp",
            r"\bw\s?h?\s?a?\s?t{1,2}\s?'?\s?s?\s?-?\s?a\s?p{1,2}\b|\bw/app\b|\bwapp\b|\bwa\.me\b",
            _I,
        ),
        (
            "WhatsApp",
            r"\b(?:have|on|my|your|ur|via|add|msg|message|chat)\s+WA\b|\bWA\s+(?:number|no|me"
            r"|chat)\b",
            0,
        ),
        ("Skype", r"\bskype?\b", _I),
        ("Telegram", r"\btele\s?gram+\b|\bt\.me/", _I),
        ("another messenger", r"\b(?:viber|we\s?chat|discord|snapchat|kik|imessage)\b", _I),
        ("Signal", r"\bsignal\s+(?:app|me|number|id)\b|\bon\s+signal\b", _I),
        ("LinkedIn", r"\blinked\s?in\b", _I),
        ("Facebook Messenger", r"\b(?:fb|facebook)\s+messenger\b|\bmessenger\b", _I),
        (
            "social media messages",
            r"\b(?:dm|message|text|inbox)\s+me\s+on\s+(?:instagram|insta|ig|facebook|fb|twitter)\b"
            r"|\b(?:instagram|insta|ig)\s+dm\b",
            _I,
        ),
        ("PayPal", r"\bpay[\s-]?pal+\b|\bpaypal\.me\b", _I),
        (
            "payment outside Fiverr",
            r"\b(?:venmo|zelle|cash\s?app|payoneer|western\s+union|money\s?gram|bitcoin|btc|crypto"
            r"|usdt|transfer\s?wise)\b|\b(?:via|through|with|by)\s+wise\b",
            _I,
        ),
        ("payment outside Fiverr", r"\b(?:bank|wire|direct)\s+(?:transfer|payment|deposit)\b", _I),
        (
            "payment outside Fiverr",
            r"\bpay\s+(?:you\s+)?(?:directly|direct|outside|off)\b|\bdirect(?:ly)?\s+deal\b"
            r"|\binvoice\s+me\s+directly\b",
            _I,
        ),
        (
            "leaving Fiverr",
            rf"\b(?:outside|off)\s+(?:of\s+)?(?:{_FIVERR}|the\s+platform|this\s+platform)\b",
            _I,
        ),
        (
            "Fiverr's fees",
            rf"\b(?:avoid|skip|save|without)\s+(?:the\s+)?(?:{_FIVERR}\s+)?fees?\b"
            rf"|\b{_FIVERR}\s+(?:fees?|commission|cut)\b",
            _I,
        ),
        (
            "another marketplace",
            r"\bupwork\b|\bpeople\s?per\s?hour\b|\btoptal\b|\bguru\.com\b|\bfreelancer\.com\b"
            r"|\bon\s+freelancer\b|\b99\s?designs\b",
            _I,
        ),
    )
)

_PHONE = re.compile(r"(?<![\w$£€₹.,/])[+(]?\d[\d \t().-]{5,22}\d(?![\w%])")
_PHONE_CUE = re.compile(
    r"\b(?:number|no|num|phone|call|text|whats\s?app|wa|mobile|cell|tel|contact|reach|sms)\b", _I
)
_DATE = re.compile(r"^\d{4}\s?-\s?\d{1,4}(?:\s?-\s?\d{1,2})?$")
_SPACED = re.compile(r"(?<![A-Za-z])(?:[A-Za-z][ .\-_*]{1,2}){3,}[A-Za-z](?![A-Za-z])")
_SPACED_NAMES = {
    "whatsapp": "WhatsApp",
    "skype": "Skype",
    "telegram": "Telegram",
    "paypal": "PayPal",
    "gmail": "email",
    "email": "email",
    "phone": "a phone number",
    "number": "a phone number",
}


@dataclass(frozen=True)
class Hit:
    what: str
    start: int
    end: int


def find(text: str) -> list[Hit]:
    """Every place `text` asks to move off Fiverr, in order of appearance."""
    hits = [
        Hit(what, m.start(), m.end()) for what, pattern in _PATTERNS for m in pattern.finditer(text)
    ]
    hits.extend(_phones(text))
    for match in _SPACED.finditer(text):
        joined = re.sub(r"[^a-z]", "", match.group().lower())
        for name, what in _SPACED_NAMES.items():
            if name in joined:
                hits.append(Hit(what, match.start(), match.end()))
                break
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[Hit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue  # the same words found twice
        out.append(hit)
    return out


def _phones(text: str) -> list[Hit]:
    found = []
    for match in _PHONE.finditer(text):
        number = match.group().strip()
        digits = sum(ch.isdigit() for ch in number)
        if digits < 7 or _DATE.match(number):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 12].lower()
        if re.match(r"\s?(?:k\b|usd|dollars?|eur|euros?|gbp|pounds?|\$)", after):
            continue
        if digits >= 10 or number[0] in "+(" or _PHONE_CUE.search(before):
            found.append(Hit("a phone number", match.start(), match.end()))
    return found
