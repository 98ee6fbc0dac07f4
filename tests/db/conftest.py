"""Fixtures of the database tests."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert, update

from sellerdesk import leads
from sellerdesk.db import models
from sellerdesk.db.open import open_database
from sellerdesk.followups import store


@pytest.fixture
def pg_db(pg_server, request):
    """A migrated book on a database of its own on the test run's PostgreSQL server."""
    name = pg_server.new_database()
    request.addfinalizer(lambda: pg_server.drop(name))
    db = open_database(pg_server.url_for(name), author="tester")
    yield db
    db.close()


@pytest.fixture
def every_statement_book(db, frozen_now):
    """Leads, labels, follow-ups and a timeline giving every statement rows,
    and every column of their rows a value somewhere (and NULL somewhere)."""
    leads.add_lead(db, "ann", stage="qualified", labels=["Hot Lead"], website="annbakes.com")
    leads.add_lead(db, "ben", display_name="Ben Roofing", labels=["Past Client"])
    leads.add_lead(db, "cat", stage="qualified")
    leads.set_stage(db, "cat", "offer_sent")  # the offer's follow-ups, with templates
    leads.add_lead(db, "dan", stage="qualified")
    leads.add_lead(db, "eve", display_name="Eve Studio", stage="hot_lead")  # no next step
    # a first reply still due
    leads.add_lead(db, "fay", display_name="Fay Ó'Brien", project_type="new_website")
    leads.add_lead(db, "gus", source="referral", referred_by="ann")  # one by referral
    store.add(db, "ann", "today 15:30", reason="send the mockup")
    store.add(db, "ben", "today 18:00", reason="evening call", template="followup.offer_day3")
    store.add(db, "ann", "fri", reason="check in")
    store.add(db, "ben", "fri", reason="check in", template="redesign.pages")
    store.add(db, "dan", "today", reason="afternoon call")
    leads.set_do_not_contact(db, "dan", True, "asked us to stop")
    later = store.add(db, "ben", "tomorrow", reason="pages list")
    store.snooze_days(db, later.id, 2)
    followups, leads_table = models.FollowUpModel.__table__, models.LeadModel.__table__
    with db.write() as session:
        overdue = frozen_now - timedelta(days=3)
        session.execute(
            update(followups).where(followups.c.reason == "check in").values(due_at=overdue)
        )
        messaged = frozen_now - timedelta(hours=2)
        session.execute(
            update(leads_table)
            .where(leads_table.c.username == "ann")
            .values(last_messaged_at=messaged)
        )
        # Another tool left a waiting follow-up on a do-not-contact lead.
        session.execute(
            update(followups).where(followups.c.reason == "afternoon call").values(status="open")
        )
        session.execute(
            update(leads_table)
            .where(leads_table.c.username == "dan")
            .values(next_followup_at=frozen_now)
        )
    with db.write() as session:
        for template, key in (("followup.offer_day1", "template"), ("referral.forward", "id")):
            data = f'{{"{key}": "{template}", "template_id": "{template}"}}'
            row = {"lead_id": 1, "at": frozen_now, "author": "tester", "body": "hello"}
            session.execute(
                insert(models.EventModel.__table__).values(
                    **row, kind="message_copied", data=data
                )
            )
    return db
