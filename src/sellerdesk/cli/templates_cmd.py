"""`sellerdesk templates list|show|check|path`."""

from __future__ import annotations

import sys

from sellerdesk import paths
from sellerdesk.cli.common import print_json
from sellerdesk.safe_text import one_line


def register(subparsers) -> None:
    parser = subparsers.add_parser("templates", help="list, show and check message templates")
    sub = parser.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    lst = sub.add_parser("list", help="every template, by script and step")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=run_list)
    show = sub.add_parser("show", help="one template's header and text")
    show.add_argument("template_id", metavar="ID")
    show.set_defaults(handler=run_show)
    check = sub.add_parser("check", help="lint every template (exit 1 on any error)")
    check.set_defaults(handler=run_check)
    path = sub.add_parser("path", help="where your own templates go (they override shipped ones)")
    path.set_defaults(handler=run_path)


def _library():
    from sellerdesk.templates.loading import library

    found = library()
    for problem in found.problems:
        print(f"sellerdesk: template skipped: {one_line(problem)}", file=sys.stderr)
    return found


def run_list(ctx) -> int:
    templates = _library().ordered()
    if ctx.args.json:
        print_json(
            [
                {
                    "id": t.id,
                    "title": t.title,
                    "script": t.script,
                    "step": t.step,
                    "field": t.field,
                    "editable": t.editable,
                    "origin": t.origin,
                    "path": str(t.path) if t.path else None,
                }
                for t in templates
            ]
        )
        return 0
    width = max((len(t.id) for t in templates), default=0)
    for t in templates:
        mark = "  (yours)" if t.origin == "user" else ""
        print(f"{t.id:<{width}}  {t.title}{mark}")
    return 0


def run_show(ctx) -> int:
    t = _library().get(ctx.args.template_id)
    print(f"id:      {t.id}")
    print(f"title:   {t.title}")
    print(f"script:  {t.script}, step {t.step}")
    print(f"field:   {t.field.replace('_', ' ')}")
    if t.source:
        print(f"source:  {t.source}")
    print(f"file:    {t.path} ({t.origin})")
    if t.editable:
        print("note:    a starting point written from the seed; edit it to your voice")
    print("---")
    print(t.body)
    return 0


def run_check(ctx) -> int:
    from sellerdesk.templates.lint import check_template

    library = _library()
    errors = len(library.problems)
    warnings = 0
    for template in library.ordered():
        for finding in check_template(template, ctx.settings):
            print(f"{template.id}: {finding}")
            if finding.is_error:
                errors += 1
            else:
                warnings += 1
    from sellerdesk.referrals.reward import setting_findings, text_findings

    for finding in setting_findings(ctx.settings):
        print(f"settings: {finding}")
        errors += 1
    for template in library.ordered():
        for finding in text_findings(template, ctx.settings):
            print(f"{template.id}: {finding}")
            errors += 1
    count = len(library.templates)
    print(f"{count} templates checked: {errors} errors, {warnings} warnings.")
    return 1 if errors else 0


def run_path(ctx) -> int:
    print(paths.user_templates_dir())
    print(
        f"Put .txt files there to override a shipped template with the same id or add your own; "
        f"the shipped ones are in {paths.shipped_templates_dir()}.",
        file=sys.stderr,
    )
    return 0
