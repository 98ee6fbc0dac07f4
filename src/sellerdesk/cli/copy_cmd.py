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


def run(ctx) -> int:
    from sellerdesk import clipboard, leads
    from sellerdesk.copying import commit_copy, prepare_copy
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
        commit_copy(ctx.db, prepared, "printed", remember=extra)
        print(
            f"Printed {len(text)} characters; recorded on {lead.username}'s timeline.",
            file=sys.stderr,
        )
        _hint_next(template.id, lead)
        return 0
    copied = clipboard.copy_from_cli(text)
    path = copied.way
    commit_copy(ctx.db, prepared, path, remember=extra)
    if path == clipboard.NOWHERE:
        for reason in copied.reasons:
            print(f"sellerdesk: {reason}", file=sys.stderr)
        sys.stdout.write(text + "\n")
        print(
            f"sellerdesk: not copied, no clipboard reachable; the text is above and on "
            f"{lead.username}'s timeline as shown, not sent.",
            file=sys.stderr,
        )
        return 1
    if copied.failed:
        print(f"sellerdesk: the system clipboard failed: {copied.failed}", file=sys.stderr)
    print(f"Copied {len(text)} characters to the {path}; recorded on {lead.username}'s timeline.")
    _hint_next(template.id, lead)
    return 0


def _hint_next(template_id: str, lead) -> None:
    """The message that goes with this one (the referral ask's forward text), on stderr."""
    from sellerdesk.referrals.next_message import cli_hint

    hint = cli_hint(template_id, lead)
    if hint:
        print(hint, file=sys.stderr)
