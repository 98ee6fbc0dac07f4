"""`sellerdesk --demo`: a throwaway database filled with sample leads."""

from __future__ import annotations

from tests.tui.conftest import SIZE, make_app, settle

from sellerdesk import leads, search
from sellerdesk.demo import SAMPLES, fill_demo
from sellerdesk.widgets.lead_list import LeadList


def test_the_demo_database_gets_filled(db):
    added = fill_demo(db)
    assert added == len(SAMPLES) == search.count_leads(db)
    assert 25 <= added <= 40
    seed = leads.get_lead(db, "inzoneagency")
    assert seed.stage == "hot_lead"
    assert seed.labels == ("Referral",)
    assert seed.notes == "Referred by: bgsone"
    rows = search.list_leads(db, limit=100)
    assert len({row.stage for row in rows}) >= 7
    assert sum(row.do_not_contact for row in rows) >= 2
    assert search.count_leads(db, label="Past Client") >= 3
    events = leads.lead_timeline(db, seed.id)
    assert any(e.kind == "note" for e in events) and any(e.kind == "stage" for e in events)
    # Entries are spread over the past days, newest first, none in the future.
    assert events[0].at > events[-1].at


async def test_the_app_opens_the_demo_on_an_empty_file(tmp_path):
    path = tmp_path / "demo.sqlite3"
    app = make_app(f"sqlite:///{path}", demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(LeadList).total == len(SAMPLES)
        assert "demo" in app.sub_title
