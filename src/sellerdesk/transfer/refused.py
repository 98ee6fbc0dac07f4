"""The rows an import refused, written beside the file they came from
(`--skip-bad`), with the reason in a last column, so they can be fixed and
imported again: that column is ignored on the way back in."""

from __future__ import annotations

import csv
from pathlib import Path

from sellerdesk.transfer.files import free_name, private_text
from sellerdesk.transfer.layouts import REFUSAL_COLUMN
from sellerdesk.transfer.plan import Plan


def reasons(plan: Plan, step) -> str:
    return "; ".join(
        f"{problem.column}: {problem.why}" if problem.column else problem.why
        for problem in step.problems
    )


def write_refused(plan: Plan) -> Path | None:
    refused = plan.refused
    if not refused:
        return None
    source = plan.table.path
    target = free_name(source.with_name(f"{source.stem}.refused.csv"))
    cells_by_line = {row.line: row.cells for row in plan.table.rows}
    header = [name for name in plan.table.header if name != REFUSAL_COLUMN]
    keep = [i for i, name in enumerate(plan.table.header) if name != REFUSAL_COLUMN]
    with private_text(target, encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([*header, REFUSAL_COLUMN])
        for step in refused:
            cells = cells_by_line[step.line]
            kept = [cells[i] if i < len(cells) else "" for i in keep]
            writer.writerow([*kept, reasons(plan, step)])
    return target
