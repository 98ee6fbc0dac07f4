"""The message offered right after another is copied (seed 002): pure.

- The referral ask: "Always include a ready-to-forward message" — copying
  the ask offers the ready-to-forward text next, one key away, and the
  morning queue's referral item stands for both.
- A new inquiry from the Referral source whose referrer is not recorded:
  "Ask clearly: 'Who referred you to us?' Do not assume or guess." It is
  offered with the first reply, and right after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.records import Lead

ASK = "referral.ask"
FORWARD = "referral.forward"
WHO_REFERRED = "referral_tracking.who_referred"


@dataclass(frozen=True)
class NextMessage:
    template: str
    why: str


FORWARD_NEXT = NextMessage(
    FORWARD, "Seed 002: always include the ready-to-forward message with the referral ask."
)
SOURCE_NEXT = NextMessage(
    WHO_REFERRED,
    "This client came by referral and no referrer is recorded: ask who referred them "
    "(seed 002: do not assume or guess).",
)


def needs_referrer(lead: Lead) -> bool:
    """From the Referral source, and nobody recorded as the referrer yet."""
    return lead.source == "referral" and not (lead.referred_by or "").strip()


def after_copy(template_id: str, lead: Lead | None) -> NextMessage | None:
    """What to offer once `template_id` was copied to `lead` (as the lead was before)."""
    if template_id == ASK:
        return FORWARD_NEXT
    if lead is None or template_id == WHO_REFERRED:
        return None
    first_reply = lead.last_messaged_at is None
    if first_reply and needs_referrer(lead):
        return SOURCE_NEXT
    return None


def paired(template_id: str | None) -> tuple[str, ...]:
    """The templates a queue item stands for: the ask and its forward text go together."""
    if not template_id:
        return ()
    return (template_id, FORWARD) if template_id == ASK else (template_id,)


def cli_hint(template_id: str, lead: Lead) -> str | None:
    """The next command to run, for `sellerdesk copy`."""
    found = after_copy(template_id, lead)
    if found is None:
        return None
    return f"Next: {found.why} sellerdesk copy {found.template} --lead {lead.username}"
