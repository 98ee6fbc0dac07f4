"""Every rule on every path a message leaves by: the script screen, the library
on the lead screen and the queue's copy key (the real app, keys in), and
`sellerdesk copy` and `sellerdesk script offer` (real processes).

Refused: the same sentence on every path, nothing on the clipboard, nothing
recorded as sent, the stage as it was. Then passed on purpose with a reason:
the text goes out and the timeline says which rule was passed, why and by
whom; a rule nothing passes (Fiverr's length limit) stays refused.
"""

from __future__ import annotations

import pytest
from tests.conftest import seller_settings
from tests.rules.conftest import (
    COPY_CLI,
    LIBRARY,
    OFFER_CLI,
    PAIRS,
    QUEUE,
    REASON,
    SCRIPT_SCREEN,
    Row,
    sellerdesk_cli,
)
from tests.tui.conftest import fill, settle
from textual.widgets import Input

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import save_settings
from sellerdesk.followups import store
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.screens.templates import TemplateLibraryScreen
from sellerdesk.ui.override import OverrideScreen
from sellerdesk.widgets.queue_panel import QueuePanel

pytestmark = pytest.mark.usefixtures("no_display")


def _ids(pair) -> str:
    row, path = pair
    return f"{row.name} via {path}"


def events(db, username: str, kind: str) -> list:
    lead = leads.get_lead(db, username)
    return [e for e in leads.lead_timeline(db, lead.id) if e.kind == kind]


def assert_nothing_sent(db, row: Row, stage: str) -> None:
    assert events(db, row.username, "message_copied") == []
    assert events(db, row.username, "rule_override") == []
    assert leads.get_lead(db, row.username).stage == stage


def assert_passed_on_purpose(db, row: Row, text: str) -> None:
    [copied] = events(db, row.username, "message_copied")
    assert copied.body == text and copied.data["override"] == REASON
    overrides = events(db, row.username, "rule_override")
    assert overrides, "the override is on the timeline"
    assert {e.author for e in overrides} == {"tester"}
    assert row.sentence() in [e.data["refused"] for e in overrides]
    assert all(e.data["reason"] == REASON for e in overrides)
    assert all(e.data["template"] == row.template for e in overrides)


# ------------------------------------------------------------ the real app


async def _trigger(app, pilot, row: Row, path: str, lead_id: int) -> None:
    """Press what the seller presses on this path to copy the row's template."""
    if path == SCRIPT_SCREEN:
        if not isinstance(app.screen, ScriptScreen):
            app.push_screen(ScriptScreen(lead_id))
            await settle(pilot)
        await pilot.press(row.script_key)
    elif path == LIBRARY:
        if not isinstance(app.screen, TemplateLibraryScreen):
            app.push_screen(TemplateLibraryScreen(lead_id, template_id=row.template))
            await settle(pilot)
        await pilot.press("enter")
    else:
        panel = app.screen_stack[0].query_one(QueuePanel)
        options = panel.query_one("#queue-list")
        wanted = next(
            key
            for key, item in panel.entries.items()
            if getattr(item, "template", None) == row.template
        )
        options.focus()
        options.highlighted = options.get_option_index(wanted)
        await pilot.pause()
        await pilot.press("c")
    await settle(pilot)


def _refusal_shown(app) -> str:
    if isinstance(app.screen, OverrideScreen):
        return app.screen.sentence
    return "\n".join(n.message for n in app._notifications)


PILOT_PAIRS = [pair for pair in PAIRS if pair[1] in (SCRIPT_SCREEN, LIBRARY, QUEUE)]


@pytest.mark.parametrize(("row", "path"), PILOT_PAIRS, ids=[_ids(p) for p in PILOT_PAIRS])
async def test_refused_then_passed_on_purpose_in_the_app(db, db_url, row, path):
    row.prepare(db)
    lead = leads.get_lead(db, row.username)
    if path == QUEUE:
        store.add(db, row.username, "today", template=row.template, reason="as planned")
    stage = leads.get_lead(db, row.username).stage
    app = SellerdeskApp(db_url, seller_settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        if path == SCRIPT_SCREEN:
            app.push_screen(ScriptScreen(lead.id))
            await settle(pilot)
        row.spoil(db)  # after the screen was drawn: it is the stored state that counts
        stage = leads.get_lead(db, row.username).stage
        await _trigger(app, pilot, row, path, lead.id)
        assert row.sentence() in _refusal_shown(app)
        assert isinstance(app.screen, OverrideScreen) == row.can_override
        if row.can_override:
            await pilot.press("escape")  # no reason: the rule stands
            await settle(pilot)
        assert app.clipboard == ""
        assert_nothing_sent(db, row, stage)

        await _trigger(app, pilot, row, path, lead.id)
        if not row.can_override:
            assert not isinstance(app.screen, OverrideScreen)
            if path == LIBRARY:  # the counter says how much to cut
                heading = str(app.screen.query_one("#template-heading").render())
                assert row.sentence().split("characters")[0].split()[-1] in heading
                assert f": cut {row.sentence().rsplit('cut ', 1)[1].rstrip('.')}" in heading
            assert app.clipboard == ""
            assert_nothing_sent(db, row, stage)
            return
        await fill(pilot, app.screen.query_one(Input), REASON)
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard
        assert_passed_on_purpose(db, row, app.clipboard)


# ------------------------------------------------------------ real processes


def _command(row: Row, path: str) -> tuple[str, ...]:
    if path == COPY_CLI:
        return ("copy", row.template, "--lead", row.username, "--print")
    return ("script", "offer", row.username)


CLI_PAIRS = [pair for pair in PAIRS if pair[1] in (COPY_CLI, OFFER_CLI)]


@pytest.mark.parametrize(("row", "path"), CLI_PAIRS, ids=[_ids(p) for p in CLI_PAIRS])
def test_refused_then_passed_on_purpose_from_the_shell(db, db_url, row, path):
    save_settings(seller_settings())  # the forward text quotes the seller's profile
    row.prepare(db)
    row.spoil(db)
    stage = leads.get_lead(db, row.username).stage
    command = _command(row, path)

    refused = sellerdesk_cli(db_url, *command)
    assert refused.returncode == 1 and refused.stdout == ""
    hint = ' (To pass it on purpose: --override "reason".)' if row.can_override else ""
    assert refused.stderr == f"sellerdesk: {row.sentence()}{hint}\n"
    assert_nothing_sent(db, row, stage)

    sent = () if path == COPY_CLI else ("--sent",)
    passed = sellerdesk_cli(db_url, *command, *sent, "--override", REASON)
    if not row.can_override:
        assert passed.returncode == 1 and passed.stdout == ""
        assert passed.stderr == f"sellerdesk: {row.sentence()}\n"
        assert_nothing_sent(db, row, stage)
        return
    assert passed.returncode == 0, passed.stderr
    [copied] = events(db, row.username, "message_copied")
    assert copied.body in passed.stdout
    assert_passed_on_purpose(db, row, copied.body)
