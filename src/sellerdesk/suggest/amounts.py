"""Money and time in a message: the client's budget (an amount or a range,
with its currency) and the delivery time they ask for, in days."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sellerdesk.suggest.model import Fact
from sellerdesk.suggest.text import sentence_at

_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR"}
_WORDS = {
    "usd": "USD", "us dollars": "USD", "dollar": "USD", "dollars": "USD", "bucks": "USD",
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "cad": "CAD", "aud": "AUD", "inr": "INR", "rupees": "INR",
}  # fmt: skip
_NUMBER = r"\d[\d,]{0,9}(?:\.\d{1,2})?"
_BUDGET = re.compile(
    rf"(?:(?P<c1>[$£€₹])\s?)?(?P<n1>{_NUMBER})(?P<k1>\s?k\b)?"
    rf"(?:\s?(?:-|–|to)\s?(?:(?P<c2>[$£€₹])\s?)?(?P<n2>{_NUMBER})(?P<k2>\s?k\b)?)?"
    r"(?:\s?(?P<w>usd|us dollars|dollars?|bucks|eur|euros?|gbp|pounds?|cad|aud|inr|rupees)\b)?",
    re.IGNORECASE,
)
_BUDGET_CUE = re.compile(r"\b(?:budget|spend|afford|pay|around|about|max|maximum|up to)\b", re.I)
_NOT_MONEY = re.compile(
    r"^\s?(?:%|days?|weeks?|months?|years?|hours?|hrs?|pages?|stars?|am|pm|products?|people)\b",
    re.IGNORECASE,
)
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "couple of": 2,
}  # fmt: skip
_COUNT = r"\d{1,3}|a couple of|couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten"
_DELIVERY = re.compile(
    rf"\b(?:within|in|under|inside(?:\s+of)?)\s+(?P<n>{_COUNT})\s+"
    r"(?:(?:business|working)\s+)?(?P<u>days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_DELIVERY_CUE = re.compile(
    r"\b(?:deliver\w*|done|ready|finish\w*|complete\w*|launch\w*|live|deadline|turnaround"
    r"|need\s+it|have\s+it|get\s+it)\b",
    re.IGNORECASE,
)


def budget_fact(text: str) -> Fact | None:
    for match in _BUDGET.finditer(text):
        symbol = match.group("c1") or match.group("c2")
        word = (match.group("w") or "").lower()
        if not (symbol or word):
            continue  # a bare number is not money ("5 pages", "10/10")
        if not symbol and _NOT_MONEY.match(text[match.end() :]):
            continue
        low = _amount(match.group("n1"), match.group("k1"))
        high = _amount(match.group("n2"), match.group("k2")) if match.group("n2") else None
        if low is None or (match.group("n2") and high is None):
            continue
        value = {"amount": low, "currency": _WORDS.get(word) or _SYMBOLS.get(symbol or "", "USD")}
        if high is not None:
            value = {"amount": low, "max": high, "currency": value["currency"]}
        end = match.end()
        return Fact("budget", value, match.start(), end, text[match.start() : end])
    return None


def _amount(number: str | None, k: str | None) -> str | None:
    if not number:
        return None
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    if k:
        amount *= 1000
    if amount <= 0:
        return None
    if amount == amount.to_integral_value():
        return str(int(amount))
    return f"{amount.normalize():f}"


def delivery_fact(text: str) -> Fact | None:
    for match in _DELIVERY.finditer(text):
        sentence = sentence_at(text, match.start(), match.end())
        if not _DELIVERY_CUE.search(sentence):
            continue
        days = count_of(match.group("n")) * _UNITS[match.group("u").lower()]
        return Fact("delivery_days", days, match.start(), match.end(), match.group())
    return None


def count_of(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else COUNTS[word]
