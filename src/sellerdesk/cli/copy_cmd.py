"""`sellerdesk copy ID --lead USERNAME`: the filled-in message to the clipboard;
`sellerdesk take-back USERNAME`: that copy was not sent after all.

Meant for hotkeys as much as for typing: the clipboard path and character
count go to stderr with `--print` so that stdout is exactly the text. The
values come from the lead, its script answers and the settings, as on the
script screen; the rule book is asked before anything is printed or copied,
and `--override "reason"` passes a gate on purpose (on the timeline).
"""

from __future__ import annotations

import sys

from sellerdesk.errors import Invalid
from sellerdesk.templates.render import NAME_RE


def register(subparsers) -> None:
    from sellerdesk.cli.common import db_option

    parser = subparsers.add_parser(
        "copy",
        parents=[db_option()],
        help="copy a template, filled in for a lead, to the clipboard (recorded on its timeline)",
    )
    parser.add_argument("template_id", metavar="ID")
    parser.add_argument("--lead", required=True, metavar="USERNAME")
    parser.add_argument(
        "--set",
        dest="values",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a placeholder value (repeatable; remembered on the lead)",
    )
    parser.add_argument(
        "--print", action="store_true", help="write the text to stdout instead of the clipboard"
    )
    add_override(parser)
    parser.set_defaults(handler=run)
    back = subparsers.add_parser(
        "take-back",
        parents=[db_option()],
        help="the lead's last copy was not sent: undo what it moved (stage, follow-ups)",
    )
    back.add_argument("username")
    back.set_defaults(handler=run_take_back)


def add_override(parser) -> None:
    parser.add_argument(
        "--override",
        metavar="REASON",
        help="pass a gate that refuses, on purpose (the reason and the rule go on the timeline)",
    )


def refused_line(exc) -> str:
    """A refusal as the CLI says it: the rule book's sentence, and how to pass it."""
    refusal = getattr(exc, "refusal", None)
    if refusal is not None and refusal.can_override:
        return f'{exc} (To pass it on purpose: --override "reason".)'
    return str(exc)


def parse_values(items: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not NAME_RE.match(name):
            raise Invalid(
                f"--set '{item}' should be name=value with a lowercase name, e.g. price=450."
            )
        values[name] = value.strip()
    return values


def _record(ctx, prepared, path: str, extra: dict[str, str], done: str):
    """Record the copy; if the database cannot take it (a full disk, a busy or
    read-only file), say that the text went out all the same."""
    from sellerdesk.copying import commit_copy
    from sellerdesk.errors import DatabaseError, StorageError

    try:
        return commit_copy(ctx.db, prepared, path, remember=extra)
    except (DatabaseError, StorageError) as exc:
        raise type(exc)(f"The text was {done}, but it is not on the timeline: {exc}") from exc


def run(ctx) -> int:
    from sellerdesk import clipboard, leads
    from sellerdesk.copying import prepare_copy
    from sellerdesk.rulebook import Refused
    from sellerdesk.templates.loading import library

    a = ctx.args
    extra = parse_values(a.values)
    templates = library()
    template = templates.get(a.template_id)
    lead = leads.get_lead(ctx.db, a.lead)
    prepared = prepare_copy(ctx.db, template, lead, ctx.settings, extra, override=a.override)
    if prepared.blocked is not None:
        raise Invalid(refused_line(Refused(prepared.blocked)))
    if prepared.missing:
        wanted = ", ".join(f"{name} ({info.label})" for name, info in prepared.missing_fields())
        raise Invalid(
            f"Not copied: {template.id} needs values for {wanted}; give them with --set NAME=VALUE."
        )
    if not prepared.ready:
        raise Invalid(
            f"Not copied: {template.id} has malformed placeholders "
            f"({', '.join(prepared.rendered.bad)}); fix the template file {template.path}."
        )
    for finding in prepared.warnings:
        print(f"sellerdesk: {finding}", file=sys.stderr)
    text = prepared.text
    if a.print:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        event = _record(ctx, prepared, "printed", extra, "printed")
        print(
            f"Printed {len(text)} characters; recorded on {lead.username}'s timeline.",
            file=sys.stderr,
        )
        say_moved(event, lead.username)
        _hint_next(template.id, lead)
        return 0
    copied = clipboard.copy_from_cli(text)
    path = copied.way
    if path == clipboard.NOWHERE:
        sys.stdout.write(text + "\n")  # first: whatever happens next, the text is not lost
        _record(ctx, prepared, path, extra, "printed above")
        for reason in copied.reasons:
            print(f"sellerdesk: {reason}", file=sys.stderr)
        print(
            f"sellerdesk: not copied, no clipboard reachable; the text is above and on "
            f"{lead.username}'s timeline as shown, not sent.",
            file=sys.stderr,
        )
        return 1
    event = _record(ctx, prepared, path, extra, f"copied to the {path}")
    say_moved(event, lead.username)
    if copied.failed:
        print(f"sellerdesk: the system clipboard failed: {copied.failed}", file=sys.stderr)
    print(f"Copied {len(text)} characters to the {path}; recorded on {lead.username}'s timeline.")
    _hint_next(template.id, lead)
    return 0


def say_moved(event, username: str) -> None:
    """What the copy moved and how to take it back (stderr: stdout may be the text)."""
    from sellerdesk.vocab import STAGES

    stage = ((event.data or {}).get("moved") or {}).get("stage")
    if stage:
        print(
            f"{username} is now at {STAGES.label(stage['to'])}; if it was not sent after all: "
            f"sellerdesk take-back {username}",
            file=sys.stderr,
        )


def run_take_back(ctx) -> int:
    from sellerdesk.takeback import take_back

    print(take_back(ctx.db, ctx.args.username).sentence())
    return 0


def _hint_next(template_id: str, lead) -> None:
    """The message that goes with this one (the referral ask's forward text), on stderr."""
    from sellerdesk.referrals.next_message import cli_hint

    hint = cli_hint(template_id, lead)
    if hint:
        print(hint, file=sys.stderr)
