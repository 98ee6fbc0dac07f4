"""The script screen's panels, drawn by calling the view's functions on runs
walked through the real database: no app, no Pilot."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console, Group
from rich.text import Text
from tests.scripts.conftest import walk_to

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.copying import prepare_with
from sellerdesk.rulebook import LeadFacts
from sellerdesk.screens import script_view as view
from sellerdesk.scripts import runs
from sellerdesk.scripts.registry import get_script
from sellerdesk.templates.loading import library
from sellerdesk.ui.theme import DARK, load_themes, rich_theme

# The tones of the app's own theme, for printing a panel without the app.
_OWN = next(each for each in load_themes() if each.name == DARK)
TONES = rich_theme(_OWN.to_color_system().generate() | _OWN.variables)


def _plain(renderable) -> str:
    """What a panel says, as a person would read it on an 120-column screen."""
    if isinstance(renderable, Text):
        return renderable.plain
    console = Console(width=120, record=True, color_system=None, theme=TONES)
    console.print(renderable)
    return console.export_text()


def _count(counter: Text) -> int:
    """The characters the live counter says the description has."""
    said = counter.plain.removeprefix("Offer description: ").split("/", 1)[0]
    return int(said.replace(",", ""))


def test_a_long_first_line_is_cut_at_a_word():
    assert view.preview("Hello there\nsecond line") == "Hello there"
    cut = view.preview("word " * 30, width=22)
    assert cut == "word word word word …"
    assert view.preview("   ") == ""


def test_progress_ticks_passed_steps_and_points_at_the_current_one(db, lead):
    run = walk_to(db, lead.username, "pages")
    script = run.definition
    text = view.progress(run, script)
    lines = text.plain.splitlines()
    assert lines[0].startswith("✓ 1. ")
    current = next(line for line in lines if line.startswith("▶"))
    assert current == f"▶ {run.index + 1}. {run.current.title}"
    assert f"{run.index} of {len(script.steps)} steps passed" in text.plain


def test_the_head_says_which_step_of_how_many_and_what_to_ask(db, lead):
    run = runs.start(db, lead.username, "redesign")
    text = view.head(run, run.definition)
    step = run.current
    assert text.plain.startswith(f"Step 1 of {len(run.definition.steps)}: {step.title}")
    assert step.purpose in text.plain
    for item in step.asks:
        assert f"  • {item}" in text.plain
    assert "(script finished)" not in text.plain


def test_guard_rails_end_with_the_scripts_hard_rule(db, lead):
    run = runs.start(db, lead.username, "redesign")
    script = run.definition
    text = view.rules(script, run.current.rules)
    assert text.plain.startswith("Guard rails\n")
    assert text.plain.endswith(f"  {script.hard_rule}")


def test_the_gate_says_blocked_finished_or_free(db, lead):
    run = runs.start(db, lead.username, "redesign")
    assert view.gate(run, "Capture the website first.").plain == (
        "Blocked. Capture the website first."
    )
    assert view.gate(run, None).plain == "n passes this step."
    finished = replace(run, status=runs.FINISHED)
    assert view.gate(finished, None).plain == "Finished. b goes back a step."
    assert "(script finished)" in view.head(finished, run.definition).plain


def test_messages_are_numbered_previewed_for_the_lead_and_missing_ones_named(db, lead):
    run = runs.start(db, lead.username, "redesign")
    templates = library()
    ids = run.definition.messages_at(run.index, run.answers, lead.industry)
    assert ids, "the first step has messages to copy"
    facts = LeadFacts(leads.get_lead(db, lead.username), (run,))
    text = view.messages(run, run.definition, ids, templates, facts, Settings())
    first = templates.templates[ids[0]]
    # Titles, not ids: the seller reads what the message is for.
    assert f"  1. {first.title}\n" in text.plain and ids[0] not in text.plain
    # The preview is the message as it would be copied: filled in for Nora.
    copied = prepare_with(first, facts, Settings()).text
    assert "{" not in view.preview(copied)
    assert f"\n     {view.preview(copied)}\n" in text.plain
    no_facts = view.messages(run, run.definition, ids, templates, None, Settings())
    assert len(no_facts.plain.splitlines()) < len(text.plain.splitlines())
    missing = view.messages(run, run.definition, ("nowhere.step",), templates, None, Settings())
    assert "  1. nowhere.step (not installed)" in missing.plain
    empty = view.messages(run, run.definition, (), templates, None, Settings())
    assert "None at this step." in empty.plain


def test_the_answers_panel_shows_what_is_captured_and_a_dash_for_the_rest(db, lead):
    run = walk_to(db, lead.username, "site_competitors")
    panel = view.fields(run)
    assert isinstance(panel, Group)
    said = _plain(panel)
    assert said.startswith("Answers (f to fill in)")
    assert "—" in said  # nothing captured yet
    runs.set_answers(db, lead.username, {"website": "oldsite.example"}, script="redesign")
    filled = _plain(view.fields(runs.get_run(db, lead.username, "redesign")))
    assert "oldsite.example" in filled
    assert view.fields(None) == ""


def test_the_offer_panel_counts_the_description_or_says_what_is_missing(db, lead):
    run = walk_to(db, lead.username, "custom_offer")
    record = leads.get_lead(db, lead.username)
    missing = view.offer_panel(run, record, Settings())
    assert isinstance(missing, Text)
    assert missing.plain.startswith("Custom offer (o shows the whole form)\n")
    assert "Description:" not in missing.plain
    runs.set_answers(
        db, lead.username, {"delivery_days": "10", "price": "650"}, script="redesign"
    )
    run = runs.get_run(db, lead.username, "redesign")
    panel = view.offer_panel(run, record, Settings())
    assert isinstance(panel, Text)
    assert "/1,500 characters" in panel.plain
    assert "Delivery 10 days" in panel.plain and "price $650" in panel.plain
    assert view.offer_panel(None, record, Settings()) == ""


def test_the_live_counter_follows_what_is_typed_and_skips_what_does_not_parse(db, lead):
    run = walk_to(db, lead.username, "custom_offer")
    runs.set_answers(
        db, lead.username, {"delivery_days": "10", "price": "650"}, script="redesign"
    )
    run = runs.get_run(db, lead.username, "redesign")
    record = leads.get_lead(db, lead.username)
    script = run.definition
    typed = view.offer_preview(run, script, record, {"price": "700"}, Settings())
    assert typed.plain.startswith("Offer description: ")
    assert "Fixed price: $700" not in typed.plain  # the counter, not the text
    saved = view.offer_preview(run, script, record, {}, Settings())
    longer = view.offer_preview(run, script, record, {"price": "1,250"}, Settings())
    assert _count(longer) == _count(saved) + 1  # "$1250" is one character longer than "$650"
    unparsed = view.offer_preview(run, script, record, {"price": "not a price"}, Settings())
    assert _count(unparsed) == _count(saved)  # what does not parse is left out
    cleared = view.offer_preview(run, script, record, {"price": ""}, Settings())
    assert "Offer description" not in cleared.plain  # no price: it says what is missing


def test_the_lead_screens_panel_says_where_the_lead_stands(db, lead):
    script = get_script("redesign")
    none_yet = view.standing(None, script)
    assert none_yet.plain == f"\nScript: none yet. g starts the {script.title}."
    assert view.standing(None, None).plain == "\nScript: none yet. g picks one."
    run = runs.start(db, lead.username, "redesign")
    standing = view.standing(run, None)
    assert f"\nStep 1/{len(script.steps)}: {run.current.title}" in standing.plain
    assert standing.plain.endswith("\ng opens it")
