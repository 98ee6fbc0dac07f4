"""A teammate's app, in a process of its own: opens a lead's form, types a new
website and saves it, headless, the way the tests drive the app.

    python -m tests.team.teammate_app DB_URL USERNAME WEBSITE

Prints what the screen said after saving (its error line, if any)."""

from __future__ import annotations

import asyncio
import sys

from tests.tui.conftest import SIZE, fill, make_app, settle

from sellerdesk import leads
from sellerdesk.db.open import open_database


async def edit_website(db_url: str, username: str, website: str) -> str:
    db = open_database(db_url)
    lead_id = leads.get_lead(db, username).id
    db.close()
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead_id)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        field = app.screen.query_one("#f-website")
        field.value = ""
        await fill(pilot, field, website)
        await pilot.press("f2")
        await settle(pilot)
        errors = app.screen.query("#form-error")
        return str(errors.first().render()) if errors else "saved"


if __name__ == "__main__":
    print(asyncio.run(edit_website(*sys.argv[1:4])))
