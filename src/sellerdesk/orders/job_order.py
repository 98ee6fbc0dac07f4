"""The job-order checklists of seed 001, one per client type, and the
after-sales checklist: pure, no database.

One definition serves the hosting script (its job-order step) and the order
screen (ticked on the order, each tick on its history), so the two never
disagree again. Items hold the seed's words; an item that is a message to the
client names the template that says it.

New clients: "Create a 15-day trial for the client to view and study our
control panel, create all the needed email accounts", then the job order:
domain registration, domain pointing, hosting creation (and the upload).

Transferred clients: secure the domain credentials, unlock the domain and
put it under public settings, back up the email and re-create the addresses
in the control panel, plus a website copy, a 15-day trial, the 24–48 hour
propagation notice, the email reminding the client of the pointing date and
time, then registration or transfer, pointing, hosting creation and website
upload.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.errors import Invalid

POINTING_REMINDER = "hosting.pointing_reminder"
PROPAGATION_NOTICE = "hosting.propagation_notice"


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    template: str | None = None
    """The message that does this item, copied from the order screen with c."""


@dataclass(frozen=True)
class Checklist:
    key: str
    title: str
    items: tuple[Item, ...]
    script_prefix: str = ""
    """How the hosting script names these items (its check ids are script-wide)."""

    def label(self, item: str) -> str:
        return next((i.label for i in self.items if i.key == item), item)

    def template(self, item: str) -> str | None:
        return next((i.template for i in self.items if i.key == item), None)

    def script_id(self, item: str) -> str:
        return f"{self.script_prefix}_{item}"


NEW_CLIENT = Checklist(
    "new_client",
    "New client job order",
    (
        Item("trial_access", "15-day trial of the control panel created"),
        Item("email_accounts", "All the needed email accounts created"),
        Item("domain_registration", "Domain registration"),
        Item("domain_pointing", "Domain pointing"),
        Item("hosting_creation", "Hosting creation"),
        Item("website_upload", "Website upload"),
    ),
    script_prefix="new",
)
TRANSFERRED_CLIENT = Checklist(
    "transferred_client",
    "Transferred client job order",
    (
        Item("credentials_secured", "Domain credentials secured (username and password)"),
        Item("domain_unlocked", "Domain unlocked and under public settings"),
        Item("email_backed_up", "Email backed up"),
        Item("email_recreated", "Email addresses re-created in the control panel"),
        Item("website_copy", "Website copy taken"),
        Item("trial_access", "15-day trial access to the control panel prepared"),
        Item("propagation_notice", "24–48 hour propagation notice sent", PROPAGATION_NOTICE),
        Item(
            "pointing_reminder",
            "Email reminding the client of the pointing date and time sent",
            POINTING_REMINDER,
        ),
        Item("domain_transfer", "Domain registration / domain transfer"),
        Item("domain_pointing", "Domain pointing"),
        Item("hosting_creation", "Hosting creation"),
        Item("website_upload", "Website upload"),
    ),
    script_prefix="transfer",
)
JOB_ORDERS = {c.key: c for c in (NEW_CLIENT, TRANSFERRED_CLIENT)}

# Seed 001, after-sales support: what the walkthrough covers. The client's
# confirmation of the walkthrough (the seed's signed "conforme") closes it.
AFTER_SALES = Checklist(
    "after_sales",
    "After-sales support",
    (
        Item("control_panel_training", "Control panel training"),
        Item("email_third_party", "Email set-up for third-party email access"),
        Item("client_meeting", "Any meeting the client needs after sales (held, or none needed)"),
    ),
)
WALKTHROUGH_TEMPLATE = "order.walkthrough"

_ALIASES = {
    "new": "new_client",
    "transferred": "transferred_client",
    "transfer": "transferred_client",
    "aftersales": "after_sales",
    "after": "after_sales",
    "walkthrough": "after_sales",
}


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def parse_checklist(text: str, *, after_sales: bool = False) -> Checklist:
    """A job order by its key, title or a short name; with `after_sales`, that list too."""
    known = dict(JOB_ORDERS)
    if after_sales:
        known[AFTER_SALES.key] = AFTER_SALES
    wanted = _norm(text)
    for key, checklist in known.items():
        if wanted in (_norm(key), _norm(checklist.title)):
            return checklist
    for alias, key in _ALIASES.items():
        if wanted == _norm(alias) and key in known:
            return known[key]
    extra = " or after-sales" if after_sales else ""
    raise Invalid(
        f"'{text}' is not a checklist; choose new (client) or transferred (client){extra}."
    )


def parse_item(checklist: Checklist, text: str) -> str:
    """An item by its key, its label, a unique start of either, or its number (1-based)."""
    value = text.strip()
    items = checklist.items
    if value.isdecimal() and 1 <= int(value) <= len(items):
        return items[int(value) - 1].key
    wanted = _norm(value)
    exact = [i.key for i in items if wanted in (_norm(i.key), _norm(i.label))]
    if exact:
        return exact[0]
    starts = [
        i.key
        for i in items
        if wanted and (_norm(i.key).startswith(wanted) or _norm(i.label).startswith(wanted))
    ]
    if len(starts) == 1:
        return starts[0]
    names = ", ".join(f"{n}. {i.label}" for n, i in enumerate(items, 1))
    raise Invalid(f"'{text}' is not an item of the {checklist.title.lower()}: {names}.")
