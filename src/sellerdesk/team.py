"""People on the lead book: who owns a lead, and whose its next steps are.

A lead's owner answers for it; each follow-up names the person responsible
(seed 003: "next steps, and responsible person"). Handing a lead to someone
else hands them its waiting follow-ups too: those that were the old owner's
or nobody's. One someone else was named for stays theirs.
"""

from __future__ import annotations

from sellerdesk.db.engine import Database
from sellerdesk.errors import Invalid
from sellerdesk.records import Lead


def assign(db: Database, username: str, person: str, *, seen: Lead | None = None) -> Lead:
    """Make `person` the lead's owner, with its waiting follow-ups (logged)."""
    from sellerdesk.followups.store import clean_person, owner_changed
    from sellerdesk.leads import check_version, load, to_record, touch
    from sellerdesk.timeline import record

    new = clean_person(person)
    if new is None:
        raise Invalid("Say who the lead goes to (a name, as they sign their entries).")
    with db.write() as session:
        lead = load(session, username)
        check_version(lead, None, seen, writes=("owner",))
        old = lead.owner
        if old == new:
            return to_record(lead)
        lead.owner = new
        moved = owner_changed(session, lead, old, new)
        touch(lead)
        body = f"Assigned to {new}" + (f" (was {old})" if old else "")
        if moved:
            body += f", with {moved} waiting follow-up{'s' if moved != 1 else ''}"
        data = {"from": old, "to": new, "followups": moved}
        record(session, lead, "assigned", body, author=db.author, data=data)
        session.flush()
        return to_record(lead)
