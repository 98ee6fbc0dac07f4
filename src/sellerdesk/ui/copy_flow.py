"""The one copy flow, used by every screen and widget that copies a message:
ask the rule book (a refusal that may be passed asks for a reason), fill in,
ask for missing values, put the text on a clipboard, record it on the lead,
then offer the message that goes with it, if one does (`offer_next`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.notifications import SeverityLevel
from textual.screen import Screen

from sellerdesk import clipboard
from sellerdesk.copying import PreparedCopy, prepare_copy, prepare_with
from sellerdesk.errors import SellerdeskError
from sellerdesk.records import Event, Lead
from sellerdesk.templates.model import Template
from sellerdesk.ui.desk import DeskApp, desk
from sellerdesk.ui.tasks import run_db


def copy_message(
    screen: Screen,
    template: Template,
    lead: Lead | None,
    on_done: Callable[[], Any] | None = None,
    *,
    extra: dict[str, str] | None = None,
) -> None:
    """Copy `template` filled in for `lead` (and `extra` values, e.g. the order
    number on the order screen): the rule book first (on the lead's stored state,
    the same rules as every other path), then any value still needed."""
    from sellerdesk.ui.show_text import ShowTextScreen

    app = desk(screen)
    if lead is None:
        prepared = prepare_with(template, None, app.settings, extra)
        if not _malformed(app, prepared):
            note = "Open a lead to copy and record this."
            app.push_screen(ShowTextScreen(template.title, prepared.text, note))
        return
    _prepare(screen, template, lead, on_done, {}, None, extra or {})


def _prepare(
    screen: Screen,
    template: Template,
    lead: Lead,
    on_done: Callable[[], Any] | None,
    typed: dict[str, str],
    override: str | None,
    extra: dict[str, str],
) -> None:
    """`typed`: values the seller typed for this copy (remembered on the lead);
    `extra`: values the calling screen knows (used for this copy only)."""
    settings = desk(screen).settings
    run_db(
        screen,
        lambda db: prepare_copy(
            db, template, lead, settings, {**extra, **typed}, override=override
        ),
        lambda prepared: _checked(screen, prepared, typed, on_done, extra),
        group="copy",
    )


def _malformed(app: Any, prepared: PreparedCopy) -> bool:
    if not prepared.rendered.bad:
        return False
    template = prepared.template
    app.notify(
        f"Not copied: {template.id} has malformed placeholders "
        f"({', '.join(prepared.rendered.bad)}); fix {template.path}.",
        severity="error",
        timeout=10,
        markup=False,
    )
    return True


def _checked(
    screen: Screen,
    prepared: PreparedCopy,
    typed: dict[str, str],
    on_done: Callable[[], Any] | None,
    extra: dict[str, str],
) -> None:
    """The rule book has answered: refuse (or ask why to pass it), ask for what is
    missing, or copy."""
    from sellerdesk.ui.fill_values import FillValuesScreen
    from sellerdesk.ui.override import ask_override

    app = desk(screen)
    template, lead = prepared.template, prepared.lead
    assert lead is not None
    if _malformed(app, prepared):
        return
    refusal = prepared.blocked
    if refusal is not None:
        if refusal.can_override and prepared.override is None:
            ask_override(
                screen,
                refusal.title,
                refusal.sentence,
                lambda reason: _prepare(screen, template, lead, on_done, typed, reason, extra),
            )
        else:
            sentence = f"Not copied. {refusal.sentence}"
            app.notify(sentence, severity="error", timeout=12, markup=False)
        return
    if prepared.missing:
        if typed:
            missing = ", ".join("{" + n + "}" for n in prepared.missing)
            app.notify(f"Not copied: still missing {missing}.", severity="error", markup=False)
            return

        def filled(values: dict[str, str] | None) -> None:
            if values is None:
                app.notify("Not copied: the missing values were not filled in.", severity="warning")
                return
            _save_profile_values(app, values)
            _prepare(screen, template, lead, on_done, values, prepared.override, extra)

        app.push_screen(FillValuesScreen(template.title, prepared.missing_fields()), filled)
        return
    _copy_and_record(screen, prepared, typed, on_done)


def _save_profile_values(app: Any, values: dict[str, str]) -> None:
    from sellerdesk.config import save_settings
    from sellerdesk.templates.values import apply_to_settings

    if apply_to_settings(app.settings, values):
        try:
            save_settings(app.settings)
        except OSError as exc:
            app.notify(f"Your profile could not be saved: {exc}", severity="warning")


def _copy_and_record(
    screen: Screen, prepared: PreparedCopy, typed: dict[str, str], on_done: Callable[[], Any] | None
) -> None:
    from sellerdesk.copying import commit_copy
    from sellerdesk.ui.show_text import ShowTextScreen

    app = desk(screen)
    text = prepared.text
    # The app owns a terminal, so OSC 52 is always there to fall back on.
    copied = clipboard.copy(text, app.copy_to_clipboard)
    app.remember_copied_text(prepared.template.title, text)  # `v` shows it wherever
    path = copied.way

    def done(event: Any) -> None:
        hint = " If nothing pastes, press v to see the text." if path == clipboard.TERMINAL else ""
        severity: SeverityLevel = "warning" if copied.failed else "information"
        seconds = 10 if copied.failed else 5
        # Plain text: the line may quote a clipboard program's error message.
        line = clipboard.summary(copied, len(text)) + hint + copied_hint(app, event)
        app.notify(line, severity=severity, timeout=seconds, markup=False)
        if prepared.warnings:
            app.notify("\n".join(str(f) for f in prepared.warnings), severity="warning", timeout=10)
        if on_done is not None:
            on_done()
        offer_next(screen, prepared.template.id, prepared.lead, on_done)

    def failed(exc: SellerdeskError) -> None:
        app.notify(f"Copied to the {path}, but not recorded: {exc}", severity="error", timeout=10)
        app.push_screen(ShowTextScreen(prepared.template.title, text, "Not on the timeline yet."))

    run_db(
        screen,
        lambda db: commit_copy(db, prepared, path, remember=typed),
        done,
        failed,
        group="copy",
    )


def copied_hint(app: DeskApp, event: Event) -> str:
    """Remember the copy for the take-back key, and say what it moved and that key."""
    from sellerdesk.vocab import STAGES

    app.remember_copy(event)
    stage = ((event.data or {}).get("moved") or {}).get("stage")
    moved = f" The lead is at {STAGES.label(stage['to'])}." if stage else ""
    return f"{moved} Not sent after all? u takes it back."


def offer_next(
    screen: Screen, template_id: str, before: Lead | None, on_done: Callable[[], Any] | None
) -> None:
    """Offer the message that goes with `template_id`, if one does."""
    from sellerdesk.referrals.next_message import after_copy
    from sellerdesk.templates.loading import library
    from sellerdesk.ui.next_message import NextMessageScreen

    found = after_copy(template_id, before)
    template = library().templates.get(found.template) if found else None
    if found is None or template is None or before is None:
        return
    app = desk(screen)
    lead_id = before.id

    def chosen(go: bool | None) -> None:
        if not go:
            return

        def job(db):
            from sellerdesk.leads import get_lead_by_id

            return get_lead_by_id(db, lead_id)

        def loaded(lead: Lead) -> None:
            copy_message(screen, template, lead, on_done)

        run_db(screen, job, loaded, group="copy-next")

    app.push_screen(NextMessageScreen(template.title, found.why), chosen)
