"""Preparing and recording a copy of a message to a lead.

Prepare: fill the template from the lead, the settings and any extra values,
and lint the result. Commit: after the text went to a clipboard (or could
not), record it on the lead's timeline with the exact text, remember the
values typed for it, and update Last Messaged, all in one write unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellerdesk import clock
from sellerdesk.clipboard import NOWHERE
from sellerdesk.config import Settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadValueModel
from sellerdesk.errors import Invalid
from sellerdesk.leads import _load_id, _touch
from sellerdesk.records import Event, Lead
from sellerdesk.referrals.guard import check_in_unit as check_referral_copy
from sellerdesk.templates.lint import check_copy
from sellerdesk.templates.model import WARNING, Finding, Template
from sellerdesk.templates.render import Rendered, render
from sellerdesk.templates.values import SETTINGS, ValueInfo, build_values, info
from sellerdesk.timeline import record
from sellerdesk.timeline import to_record as event_record


@dataclass(frozen=True)
class PreparedCopy:
    template: Template
    lead: Lead | None
    rendered: Rendered
    findings: list[Finding] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.rendered.text

    @property
    def missing(self) -> tuple[str, ...]:
        return self.rendered.missing

    @property
    def ready(self) -> bool:
        """True only when every placeholder is filled: nothing half-done is copied."""
        return self.rendered.complete

    @property
    def warnings(self) -> list[Finding]:
        """Lint findings other than the missing values (which a form asks for)."""
        return [f for f in self.findings if f.code != "missing-value"]

    def missing_fields(self) -> list[tuple[str, ValueInfo]]:
        return [(name, info(name)) for name in self.missing]


def prepare_copy(
    template: Template,
    lead: Lead | None,
    settings: Settings,
    extra: dict[str, str] | None = None,
) -> PreparedCopy:
    values = build_values(lead, settings, extra)
    rendered = render(template.body, values)
    website = values.get("website")
    findings = check_copy(template, rendered, settings, website=website)
    if lead is not None and lead.do_not_contact:
        reason = f" ({lead.dnc_reason})" if lead.dnc_reason else ""
        findings.append(
            Finding("do-not-contact", WARNING, f"{lead.username} is marked do-not-contact{reason}.")
        )
    return PreparedCopy(template, lead, rendered, findings, values)


def lead_values_to_remember(values: dict[str, str]) -> dict[str, str]:
    """Typed values kept on the lead; the seller's own profile belongs in settings."""
    return {k: v for k, v in values.items() if v and info(k).origin != SETTINGS}


def commit_copy(
    db: Database,
    prepared: PreparedCopy,
    path: str,
    *,
    remember: dict[str, str] | None = None,
) -> Event:
    """Record a copy on the lead's timeline (text, template, clipboard path, length).

    Text that reached no clipboard (`path` is clipboard.NOWHERE) is recorded as
    shown, not copied: it is no sent message, so Last Messaged and the daily
    targets (which count `message_copied`) do not move.
    """
    if not prepared.ready:
        names = ", ".join("{" + n + "}" for n in (*prepared.missing, *prepared.rendered.bad))
        raise Invalid(f"Not copied: the text still has unfilled placeholders ({names}).")
    if prepared.lead is None:
        raise Invalid("A copy is recorded on a lead; choose a lead first.")
    text = prepared.text
    with db.write() as session:
        lead = _load_id(session, prepared.lead.id)
        # Referral texts: the gate and the forbidden language, checked again as it is recorded.
        check_referral_copy(session, prepared.template, lead.id, lead.username, prepared.findings)
        current = {value.name: value for value in lead.values}
        for name, value in lead_values_to_remember(remember or {}).items():
            if name in current:
                current[name].value = value
            else:
                lead.values.append(LeadValueModel(name=name, value=value))
        sent = path != NOWHERE
        if sent:
            lead.last_messaged_at = clock.now()
        _touch(lead)
        event = record(
            session,
            lead,
            "message_copied" if sent else "message_shown",
            text,
            author=db.author,
            data={"template": prepared.template.id, "path": path, "chars": len(text)},
        )
        session.flush()
        return event_record(event)
