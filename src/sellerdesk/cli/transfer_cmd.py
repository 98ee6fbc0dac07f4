"""`sellerdesk import FILE` and `sellerdesk export`."""

from __future__ import annotations

import sys
from pathlib import Path

from sellerdesk.cli.common import db_option, file_path
from sellerdesk.paths import user_path
from sellerdesk.transfer.fields import FIELD_NAMES

IMPORT_FLAGS = (
    ("--dry-run", "say what would happen, row by row; change nothing"),
    ("--update", "update leads already in the book (otherwise they are refused)"),
    ("--skip-bad", "import the good rows; write the refused ones beside FILE"),
    ("--day-first", "dates like 03/04/2026 are 3 April (default: March 4)"),
    ("--new-labels", "create labels the book does not use yet"),
)


def register(subparsers) -> None:
    common = db_option()
    imp = subparsers.add_parser(
        "import",
        parents=[common],
        help="import leads from a spreadsheet (CSV), Twenty or a sellerdesk export",
        description="Import leads from FILE. Recognises a lead card like seed 002's "
        "(Category, Username, Website, Last Messaged, Next Follow-up, Labels, Notes), "
        "Twenty's People export and sellerdesk's own export by their headers. Nothing is "
        "written unless every row can be (see --skip-bad).",
    )
    imp.add_argument(
        "file", type=file_path, help="CSV (UTF-8, UTF-16 or Windows-1252; , ; or tab) or JSON"
    )
    for flag, text in IMPORT_FLAGS:
        imp.add_argument(flag, action="store_true", help=text)
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="say what a column holds (repeatable); FIELD is one of: "
        + ", ".join(FIELD_NAMES),
    )
    imp.set_defaults(handler=run_import)

    exp = subparsers.add_parser(
        "export",
        parents=[common],
        help="export leads (or timeline, follow-ups, orders, referrals): CSV, JSON, Twenty",
    )
    exp.add_argument("--format", default="csv", choices=("csv", "json", "twenty"), dest="fmt")
    exp.add_argument(
        "--what", default="leads", choices=("leads", "timeline", "followups", "orders", "referrals")
    )
    exp.add_argument("--since", metavar="DATE", help="only what changed since DATE (or 7d, 2w)")
    exp.add_argument(
        "-o", "--output", metavar="PATH", type=file_path, help="the file (default: in this folder)"
    )
    exp.add_argument("--force", action="store_true", help="replace a file that exists")
    exp.set_defaults(handler=run_export)


# ---------------------------------------------------------------- import


def run_import(ctx) -> int:
    from sellerdesk.cli.progress import progress_bar
    from sellerdesk.transfer.csv_read import read_table
    from sellerdesk.transfer.layouts import detect, parse_maps
    from sellerdesk.transfer.plan import Options, make_plan

    a = ctx.args
    table = read_table(user_path(a.file))
    mapping = detect(table.header, parse_maps(a.map))
    options = Options(update=a.update, day_first=a.day_first, new_labels=a.new_labels)
    with progress_bar("Checking", len(table.rows)) as tick:
        plan = make_plan(ctx.db, table, mapping, options, tick)
    if a.dry_run:
        return _dry_run(plan)
    refused = plan.refused
    if refused and not a.skip_bad:
        for step in refused:
            _print_refusal(plan, step, sys.stderr)
        print(
            f"sellerdesk: nothing was imported: {_rows(len(refused))} refused (above); fix "
            f"{'it' if len(refused) == 1 else 'them'}, or import with --skip-bad to import "
            "the rest.",
            file=sys.stderr,
        )
        return 1
    return _apply(ctx, plan)


def _apply(ctx, plan) -> int:
    from sellerdesk.cli.progress import progress_bar
    from sellerdesk.transfer.apply import apply_plan
    from sellerdesk.transfer.refused import write_refused

    unchanged = plan.count("same")
    if plan.writes == 0:
        why = f"{_rows(unchanged)} already as the file says" if unchanged else "no rows to import"
        print(f"Nothing to import: {why}.")
        refused_file = write_refused(plan)
        if refused_file:
            print(f"{_rows(len(plan.refused))} refused, written to {refused_file}.")
        return 1 if plan.refused else 0
    with progress_bar("Importing", plan.writes) as tick:
        outcome = apply_plan(ctx.db, plan, settings=ctx.settings, progress=tick)
    parts = [f"Imported {outcome.added:,} new lead{'s' if outcome.added != 1 else ''}"]
    if outcome.updated:
        parts.append(f"updated {outcome.updated:,}")
    if unchanged:
        parts.append(f"{unchanged:,} unchanged")
    text = ", ".join(parts)
    if outcome.referrals:
        text += f" ({outcome.referrals:,} referral{'s' if outcome.referrals != 1 else ''} recorded)"
    print(text + ".")
    refused_file = write_refused(plan)
    if refused_file:
        print(f"{_rows(len(plan.refused))} refused, written to {refused_file}.")
    return 0


def _rows(count: int) -> str:
    return f"{count:,} row{'s' if count != 1 else ''}"


def _dry_run(plan) -> int:
    from sellerdesk.safe_text import one_line as visible
    from sellerdesk.transfer.layouts import OWN
    from sellerdesk.transfer.text import shown

    table = plan.table
    about = [plan.mapping.layout, table.encoding, *table.notes]
    print(f"{visible(table.path.name)}: {_rows(len(table.rows))} ({', '.join(about)})")
    used = [
        f"{shown(header, 30)} → {field}"
        for header, field in plan.mapping.describe()
        if field != "ignore" and header
    ]
    if plan.mapping.layout == OWN:
        used = ["every field of a sellerdesk export, restored as it was"]
    print("Columns: " + "; ".join(used))
    if plan.mapping.ignored:
        print("Ignored: " + ", ".join(shown(name, 30) for name in plan.mapping.ignored))
    for step in plan.steps:
        where = plan.where(step)
        if step.action == "refuse":
            _print_refusal(plan, step, sys.stdout)
        elif step.action == "add":
            print(f"{where}: add {step.username}{_details(step)}")
        elif step.action == "update":
            changes = visible("; ".join(step.changes))
            print(f"{where}: update {step.username}: {changes}")
        else:
            print(f"{where}: unchanged {step.username}")
    refused = len(plan.refused)
    print(
        f"Would add {plan.count('add'):,}, update {plan.count('update'):,}, "
        f"leave {plan.count('same'):,} unchanged; {_rows(refused)} refused. Nothing was changed."
    )
    return 1 if refused else 0


def _details(step) -> str:
    from sellerdesk.transfer.text import shown
    from sellerdesk.vocab import STAGES

    lead = step.lead
    bits = [STAGES.label(lead.stage or "new")]
    if lead.labels:
        bits.append("labels " + ", ".join(shown(label, 30) for label in lead.labels))
    if lead.referred_by:
        bits.append(f"referred by {lead.referred_by}")
    if lead.followup:
        from sellerdesk.followups.when import describe

        bits.append(f"follow-up {describe(lead.followup.at, lead.followup.has_time)}")
    if lead.dnc_reason:
        bits.append("do not contact")
    return f" ({'; '.join(bits)})"


def _print_refusal(plan, step, stream) -> None:
    from sellerdesk.safe_text import one_line as visible
    from sellerdesk.transfer.text import shown

    where = plan.where(step)
    for problem in step.problems:
        column = f", column {shown(problem.column, 30)}" if problem.column else ""
        print(f"{where}{column}: {visible(problem.why)[:400]}", file=stream)


# ---------------------------------------------------------------- export


def run_export(ctx) -> int:
    from sellerdesk import clock
    from sellerdesk.cli.progress import progress_bar
    from sellerdesk.transfer.export import count_rows, default_name, export
    from sellerdesk.transfer.twenty import CUSTOM_FIELDS

    a = ctx.args
    since = _since(a.since) if a.since else None
    today = clock.local_now().strftime("%Y%m%d")
    target = user_path(a.output) if a.output else Path(default_name(a.what, a.fmt, today))
    with progress_bar("Exporting", count_rows(ctx.db, a.what, since)) as tick:
        done = export(ctx.db, target, what=a.what, fmt=a.fmt, since=since, force=a.force,
                      progress=tick)  # fmt: skip
    noun = "lead" if a.what == "leads" else "row"
    print(f"Exported {done.rows:,} {noun}{'s' if done.rows != 1 else ''} to "
          + ", ".join(str(path) for path in done.files) + ".")  # fmt: skip
    if a.fmt == "twenty":
        fields = ", ".join(f"{name} ({kind})" for name, kind in CUSTOM_FIELDS)
        print(
            "In Twenty, add these custom fields to People first (Settings → Data Model), "
            f"then import the people files, then the tasks files: {fields}."
        )
    return 0


def _since(text: str):
    import re
    from datetime import timedelta

    from sellerdesk import clock
    from sellerdesk.followups.when import start_of_day
    from sellerdesk.transfer.dates import parse_moment

    ago = re.fullmatch(r"\s*(\d{1,4})\s*([dw])\s*", text.lower())
    if ago:
        days = int(ago.group(1)) * (7 if ago.group(2) == "w" else 1)
        return start_of_day(clock.local_now().date() - timedelta(days=days))
    return parse_moment(text).at
