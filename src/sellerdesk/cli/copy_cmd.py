"""`sellerdesk copy ID --lead USERNAME`: the filled-in message to the clipboard.

Meant for hotkeys as much as for typing: the clipboard path and character
count go to stderr with `--print` so that stdout is exactly the text.
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
    parser.set_defaults(handler=run)


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


def _record(ctx, prepared, path: str, extra: dict[str, str], done: str) -> None:
    """Record the copy; if the database cannot take it (a full disk, a busy or
    read-only file), say that the text went out all the same."""
    from sellerdesk.copying import commit_copy
    from sellerdesk.errors import DatabaseError, StorageError

    try:
        commit_copy(ctx.db, prepared, path, remember=extra)
    except (DatabaseError, StorageError) as exc:
        raise type(exc)(f"The text was {done}, but it is not on the timeline: {exc}") from exc


def run(ctx) -> int:
    from sellerdesk import clipboard, leads
    from sellerdesk.copying import prepare_copy
    from sellerdesk.templates.loading import library

    a = ctx.args
    extra = parse_values(a.values)
    templates = library()
    template = templates.get(a.template_id)
    lead = leads.get_lead(ctx.db, a.lead)
    prepared = prepare_copy(template, lead, ctx.settings, extra)
    from sellerdesk.referrals.guard import check_copy as check_referral_copy

    check_referral_copy(ctx.db, template, lead.id, lead.username, prepared.text, ctx.settings)
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
        _record(ctx, prepared, "printed", extra, "printed")
        print(
            f"Printed {len(text)} characters; recorded on {lead.username}'s timeline.",
            file=sys.stderr,
        )
        return 0
    path, reasons = clipboard.copy_from_cli(text)
    if path == clipboard.NOWHERE:
        sys.stdout.write(text + "\n")  # first: whatever happens next, the text is not lost
        _record(ctx, prepared, path, extra, "printed above")
        for reason in reasons:
            print(f"sellerdesk: {reason}", file=sys.stderr)
        print(
            f"sellerdesk: no clipboard reachable; the text is above and on "
            f"{lead.username}'s timeline.",
            file=sys.stderr,
        )
        return 1
    _record(ctx, prepared, path, extra, f"copied to the {path}")
    print(f"Copied {len(text)} characters to the {path}; recorded on {lead.username}'s timeline.")
    return 0
