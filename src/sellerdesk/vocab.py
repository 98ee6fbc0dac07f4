"""The fixed vocabularies of a lead record: stages, sources, project types, industries.

Each value has a stored key and a label people read and type. Parsing accepts
either, in any case, with spaces, dashes or underscores, and the names a label
had before (a stage shown as "Ordered" is now "Order under review", as seed
000 writes it; "ordered" still works wherever a stage is typed).
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.errors import Invalid


@dataclass(frozen=True)
class Vocabulary:
    name: str
    items: tuple[tuple[str, str], ...]  # (key, label)
    former: tuple[tuple[str, str], ...] = ()
    """(old name, key): names still accepted when typed, never shown."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.items)

    def label(self, key: str | None) -> str:
        if key is None:
            return ""
        return dict(self.items).get(key, key)

    def parse(self, text: str) -> str:
        wanted = _norm(text)
        for key, label in self.items:
            if wanted in (_norm(key), _norm(label)):
                return key
        for old, key in self.former:
            if wanted == _norm(old):
                return key
        choices = ", ".join(label for _, label in self.items)
        raise Invalid(f"'{text}' is not a {self.name}; choose one of: {choices}.")


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


# Labels as seed 000 writes them: "Qualified", "Hot Lead", "Offer Sent",
# "order under review". The stored keys never change.
STAGES = Vocabulary(
    "stage",
    (
        ("new", "New"),
        ("qualified", "Qualified"),
        ("hot_lead", "Hot Lead"),
        ("offer_sent", "Offer Sent"),
        ("ordered", "Order under review"),
        ("in_progress", "In Progress"),
        ("delivered", "Delivered"),
        ("completed", "Completed"),
        ("lost", "Lost"),
    ),
    former=(("Ordered", "ordered"), ("Under review", "ordered")),
)

# Stages in which a conversation is still open and needs a next step.
OPEN_STAGES = ("new", "qualified", "hot_lead", "offer_sent")

SOURCES = Vocabulary(
    "source",
    (
        ("fiverr_inbox", "Fiverr inbox"),
        ("fiverr_order", "Fiverr direct order"),
        ("off_platform", "Off-platform"),
        ("referral", "Referral"),
        # An imported row that did not say where the lead came from: a backlog
        # lead, never a new inquiry waiting for its first reply.
        ("imported", "Imported file"),
    ),
)
IMPORTED_SOURCE = "imported"

PROJECT_TYPES = Vocabulary(
    "project type",
    (
        ("redesign", "Website redesign"),
        ("new_website", "New website from scratch"),
        ("past_client_changes", "Past client changes"),
        ("new_client_changes", "New client changes"),
    ),
)

INDUSTRIES = Vocabulary(
    "industry",
    (
        ("business", "Business (cleaning, consulting, roofing...)"),
        ("ecommerce", "E-commerce"),
        ("courses", "Courses"),
        ("real_estate", "Real estate"),
        ("membership", "Membership"),
        ("other", "Other"),
    ),
)

# Labels the seeds use; any other label may be typed too.
COMMON_LABELS = ("Hot Lead", "Referral", "Past Client")
