"""Where placeholder values come from, and what each one is called on a form.

Priority, lowest first: settings, the lead's record, values remembered on the
lead, then `extra` (script answers, values typed for this copy).
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.config import Settings
from sellerdesk.records import Lead

LEAD = "lead"
SETTINGS = "settings"
ANSWER = "answer"


@dataclass(frozen=True)
class ValueInfo:
    label: str
    origin: str
    hint: str = ""


# Every placeholder name a template may use without declaring it.
KNOWN: dict[str, ValueInfo] = {
    "client_name": ValueInfo("Client name", LEAD, "display name, else the username"),
    "username": ValueInfo("Fiverr username", LEAD),
    "website": ValueInfo("Client website", LEAD, "e.g. example.com"),
    "seller_name": ValueInfo("Your name", SETTINGS, "as clients know you, e.g. Jehan"),
    "profile_url": ValueInfo("Your Fiverr profile link", SETTINGS),
    "seller_level": ValueInfo("Your seller level", SETTINGS, "e.g. Top Rated Seller"),
    "years_experience": ValueInfo("Years of experience", SETTINGS, "e.g. 6+"),
    "projects_completed": ValueInfo("Projects completed", SETTINGS, "e.g. 2500+"),
    "referral_reward": ValueInfo("Referral reward", SETTINGS, "e.g. a 10% discount"),
    "pages": ValueInfo("Pages", ANSWER, "e.g. Home, About, Services, Contact"),
    "design_direction": ValueInfo("Design direction", ANSWER, "the one competitor to follow"),
    "focus": ValueInfo("Focus", ANSWER, "events or services"),
    "delivery_days": ValueInfo("Delivery time (days)", ANSWER, "e.g. 7"),
    "price": ValueInfo("Fixed price (USD)", ANSWER, "a number, e.g. 450"),
    "competitors": ValueInfo("Competitors", ANSWER),
    "missing_items": ValueInfo("What is still missing", ANSWER, "e.g. logo, page texts"),
    "call_time": ValueInfo("Call time", ANSWER, "e.g. tomorrow at 3 pm your time"),
    "order_number": ValueInfo("Order number", ANSWER, "e.g. FO81A2B3C4D5"),
    "pointing_date": ValueInfo("Pointing date", ANSWER, "e.g. Friday 12 December"),
    "pointing_time": ValueInfo("Pointing time", ANSWER, "e.g. 10 pm your time"),
}

# Answers that hold sites the client named as references (seed 000 step 4: "Which
# competitor do you like most in terms of design?"); `references` is the rest of
# the design direction (see `scripts.fields.template_values`).
CLIENT_REFERENCES = ("design_direction", "references", "competitors")

SETTINGS_FIELDS = {
    "seller_name": "name",
    "profile_url": "profile_url",
    "seller_level": "level",
    "years_experience": "years_experience",
    "projects_completed": "projects_completed",
}


def info(name: str) -> ValueInfo:
    return KNOWN.get(name) or ValueInfo(name.replace("_", " ").capitalize(), ANSWER)


def reward_text(settings: Settings) -> str:
    """The one referral reward, as a message says it ("a 10% discount", "$50 off")."""
    kind = settings.referral.kind
    value = str(settings.referral.value).strip()
    if not value:
        return ""
    if kind == "percent":
        return f"a {value.rstrip('%')}% discount"
    if kind == "amount":
        return f"${value.lstrip('$')} off"
    return value


def from_settings(settings: Settings) -> dict[str, str]:
    seller = settings.seller
    out = {name: str(getattr(seller, attr)).strip() for name, attr in SETTINGS_FIELDS.items()}
    out["referral_reward"] = reward_text(settings)
    return out


def build_values(
    lead: Lead | None, settings: Settings, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """All values known for a copy; empty strings mean "not known"."""
    values = from_settings(settings)
    if lead is not None:
        values["client_name"] = lead.display_name or lead.username
        values["username"] = lead.username
        values["website"] = lead.website or ""
        values.update({k: v for k, v in lead.values.items() if v})
    values.update({k: v for k, v in (extra or {}).items() if v is not None and v != ""})
    return {k: v for k, v in values.items() if v}


def apply_to_settings(settings: Settings, values: dict[str, str]) -> bool:
    """Store seller-profile values typed on a form in the settings; True if any changed."""
    changed = False
    for name, value in values.items():
        attr = SETTINGS_FIELDS.get(name)
        if attr and getattr(settings.seller, attr) != value:
            setattr(settings.seller, attr, value)
            changed = True
    return changed
