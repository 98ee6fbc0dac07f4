"""`sellerdesk script ...`: a lead's sales script from the shell (show, start,
set an answer, tick, next, back, the custom offer).

The offer is the rule book's, as on every path: refused with the same
sentence, `--override "reason"` passes its gate on purpose, and `--sent`
records it as a copy that moves the lead (taken back with `take-back`)."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    from sellerdesk.cli.common import db_option
    from sellerdesk.cli.copy_cmd import add_override

    parser = subparsers.add_parser("script", help="walk a lead through a sales script")
    sub = parser.add_subparsers(dest="script_command", metavar="ACTION", required=True)

    def add(name: str, help_text: str, handler, *, script_arg: str = "option"):
        cmd = sub.add_parser(name, parents=[db_option()], help=help_text)
        if name != "list":
            cmd.add_argument("username")
        if script_arg == "positional":
            cmd.add_argument("script", nargs="?", help="script id (default: the current run)")
        elif script_arg == "option":
            cmd.add_argument("--script", help="script id (default: the lead's current run)")
        cmd.set_defaults(handler=handler)
        return cmd

    add("list", "the scripts there are", run_list, script_arg="none")
    add("show", "where the lead stands in its script", run_show, script_arg="positional")
    add("start", "start (or resume) a script for the lead", run_start, script_arg="positional")
    set_cmd = add("set", "capture an answer (an empty VALUE clears it)", run_set)
    set_cmd.add_argument("field")
    set_cmd.add_argument("value")
    tick_cmd = add("tick", "tick a checklist item", run_tick)
    tick_cmd.add_argument("item")
    tick_cmd.add_argument("--off", action="store_true", help="untick it instead")
    add_override(add("next", "pass the current step (through its gates)", run_next))
    add("back", "go back one step", run_back)
    offer = add("offer", "print the custom offer composed from the answers", run_offer)
    offer.add_argument(
        "--sent", action="store_true", help="record it as sent: the lead moves to Offer Sent"
    )
    add_override(offer)


def _show(ctx, run) -> None:
    from sellerdesk.leads import get_lead_by_id
    from sellerdesk.scripts.show import step_lines
    from sellerdesk.templates.loading import library

    lead = get_lead_by_id(ctx.db, run.lead_id)
    print("\n".join(step_lines(run, lead.industry, library())))


def run_list(ctx) -> int:
    from sellerdesk.scripts.registry import all_scripts

    for script in all_scripts().values():
        kind = f" (project type {script.project_type})" if script.project_type else ""
        print(f"{script.id}: {script.title}, {len(script.steps)} steps{kind}")
    return 0


def run_show(ctx) -> int:
    from sellerdesk.errors import NotFound
    from sellerdesk.scripts import runs

    run = runs.get_run(ctx.db, ctx.args.username, ctx.args.script)
    if run is None:
        raise NotFound(f"{ctx.args.username} has no script run yet; `sellerdesk script start`.")
    _show(ctx, run)
    return 0


def run_start(ctx) -> int:
    from sellerdesk.scripts import runs

    _show(ctx, runs.start(ctx.db, ctx.args.username, ctx.args.script))
    return 0


def run_set(ctx) -> int:
    from sellerdesk.scripts import runs

    a = ctx.args
    run, warnings = runs.set_answers(
        ctx.db, a.username, {a.field: a.value}, script=a.script, limits=ctx.settings.limits
    )
    for warning in warnings:
        print(f"sellerdesk: warning: {warning}", file=sys.stderr)
    from sellerdesk.scripts.fields import display

    item = run.definition.field(a.field)
    value = display(item, run.answers.get(a.field)) if item else ""
    print(f"{a.field}: {value or '(cleared)'}")
    return 0


def run_tick(ctx) -> int:
    from sellerdesk.scripts import runs

    a = ctx.args
    run = runs.tick(ctx.db, a.username, a.item, not a.off, script=a.script)
    print(f"{a.item}: {'ticked' if a.item in run.ticks else 'not ticked'}")
    return 0


def run_next(ctx) -> int:
    from sellerdesk.errors import Invalid
    from sellerdesk.scripts import runs

    a = ctx.args
    try:
        run = runs.next_step(ctx.db, a.username, script=a.script, override=a.override)
    except runs.Blocked as exc:
        hint = ' (To pass it on purpose: --override "reason".)' if exc.can_override else ""
        raise Invalid(f"{exc}{hint}") from None
    _show(ctx, run)
    return 0


def run_back(ctx) -> int:
    from sellerdesk.scripts import runs

    _show(ctx, runs.back_step(ctx.db, ctx.args.username, script=ctx.args.script))
    return 0


def run_offer(ctx) -> int:
    from sellerdesk.cli.copy_cmd import refused_line, say_moved
    from sellerdesk.copying import commit_copy
    from sellerdesk.errors import Invalid
    from sellerdesk.rulebook import Refused
    from sellerdesk.scripts.offer import offer_for

    a = ctx.args
    try:
        offer = offer_for(ctx.db, a.username, ctx.settings, script=a.script, override=a.override)
    except Refused as exc:
        raise Invalid(refused_line(exc)) from None
    print(offer.form_text())
    for warning in offer.warnings:
        print(f"sellerdesk: warning: {warning}", file=sys.stderr)
    if a.sent:
        event = commit_copy(ctx.db, offer.prepared, "printed")
        print(f"Recorded as sent on {a.username}'s timeline.", file=sys.stderr)
        say_moved(event, a.username)
    return 0
