"""The one referral reward (seed 002: "use one clear reward only"), in words and checked.

The setting is a discount (percent or amount off the next Fiverr order) or a
free add-on on it. The seed offers "$50-$100 OFF ... OR a free add-on" but its
message says "10% discount": one setting decides, and every referral message
renders it through {referral_reward}. Cash is refused unless
`referral.cash_approved` records that it was approved.
"""

from __future__ import annotations

import re

from sellerdesk.config import Settings
from sellerdesk.errors import Invalid
from sellerdesk.templates.model import ERROR, Finding, Template
from sellerdesk.templates.values import reward_text

KINDS = ("percent", "amount", "addon")
_NUMBER = re.compile(r"^\d+(?:\.\d{1,2})?$")
_RANGE = re.compile(r"\d\s*(?:-|–|to)\s*\$?\s*\d")
_CASH = re.compile(
    r"\b(?:cash|pay\s*out|payouts?|paypal|bank\s+transfer|wire|money|gift\s*card|venmo|"
    r"payoneer)\b",
    re.IGNORECASE,
)
_EITHER = re.compile(r"\s(?:or|and/or)\s|/", re.IGNORECASE)


def problems(settings: Settings) -> list[str]:
    """Every reason the reward setting cannot be promised; empty when it can."""
    ref = settings.referral
    kind = str(ref.kind)
    value = str(ref.value).strip()
    if kind not in KINDS:
        return [
            f'referral.kind is "{ref.kind}"; use percent, amount (off the next order) or addon.'
        ]
    if not value:
        return ["No referral reward is set (referral.value is empty)."]
    found: list[str] = []
    if _RANGE.search(value):
        found.append(
            f'referral.value "{value}" is a range; one clear reward only: pick one figure.'
        )
    elif kind == "percent":
        bare = value.rstrip("%").strip()
        if not _NUMBER.match(bare) or not 0 < float(bare) <= 100:
            found.append(f'referral.value "{value}" is not a percentage between 1 and 100.')
    elif kind == "amount":
        bare = value.lstrip("$").strip()
        if not _NUMBER.match(bare) or float(bare) <= 0:
            found.append(f'referral.value "{value}" is not an amount in dollars, e.g. 50.')
    else:
        if _NUMBER.match(value.lstrip("$").rstrip("%")):
            found.append(
                f'referral.value "{value}" is a number; an add-on is named, '
                'e.g. "a free speed optimisation".'
            )
        if _EITHER.search(value):
            found.append(f'referral.value "{value}" offers a choice; one clear reward only.')
    if _CASH.search(value) and not ref.cash_approved:
        found.append(
            f'referral.value "{value}" is a cash reward; rewards are a discount or an add-on '
            "on the next order unless referral.cash_approved is set."
        )
    return found


def describe(settings: Settings) -> str:
    """The reward as messages say it ("a 10% discount", "$50 off", "a free SEO setup")."""
    found = problems(settings)
    if found:
        raise Invalid("The referral reward cannot be promised: " + " ".join(found))
    return reward_text(settings)


def in_full(settings: Settings) -> str:
    """The reward with where it applies, for reports and the referral record."""
    return f"{describe(settings)} on the next Fiverr order"


def setting_findings(settings: Settings) -> list[Finding]:
    """What `sellerdesk templates check` reports about the reward setting itself."""
    return [Finding("reward-setting", ERROR, problem) for problem in problems(settings)]


def text_findings(template: Template, settings: Settings) -> list[Finding]:
    """A referral text that promises cash while cash is not approved."""
    if not (template.id.startswith("referral.") or template.script == "referral"):
        return []
    if settings.referral.cash_approved:
        return []
    found = sorted({m.group().lower() for m in _CASH.finditer(template.body)})
    if not found:
        return []
    words = ", ".join(f'"{w}"' for w in found)
    return [
        Finding(
            "cash-reward",
            ERROR,
            f"promises a cash reward ({words}); the reward is a discount or add-on on the "
            "next Fiverr order unless referral.cash_approved is set.",
        )
    ]
