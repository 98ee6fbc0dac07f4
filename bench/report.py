"""The targets, and the table and JSON the runner prints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from timing import Result

BIG = 100_000  # targets "at 100k" are judged at this size and above

# (key, label) in the order the table shows them.
ROWS = (
    ("bare_frame", "bare Textual app: first frame"),
    ("app_frame", "sellerdesk: first frame"),
    ("frame_ratio", "  first frame ÷ bare"),
    ("app_populated", "sellerdesk: home populated"),
    ("populated_ratio", "  home populated ÷ bare"),
    ("queue", "morning queue query"),
    ("search_worst", "search, worst keystroke"),
    ("template", "template render + lint"),
    ("copy", "in-app copy (render+lint+clipboard)"),
    ("import_baseline", "python -c 'import sqlalchemy.orm, rich.table'"),
    ("today", "sellerdesk today"),
    ("today_ratio", "  today ÷ import baseline"),
    ("import_rows", "sellerdesk import, a sheet of this many rows"),
    ("insight_screen", "insight screen: key to figures drawn"),
    ("insight", "insight figures (last 90 days)"),
    ("insight_copy", "insight figures after a new copy"),
    ("insight_first_build", "insight summaries, first build (once)"),
    ("report", "sellerdesk report --json"),
    ("app_rss", "peak memory (RSS) of the app"),
    ("bare_rss", "peak memory (RSS) of the bare app"),
)


@dataclass(frozen=True)
class Target:
    key: str
    text: str
    check: Callable[[dict[int, dict[str, Result]]], bool | None]


def _at_big(key: str, limit: float) -> Callable[[dict[int, dict[str, Result]]], bool | None]:
    def check(results: dict[int, dict[str, Result]]) -> bool | None:
        sizes = [size for size in results if size >= BIG]
        if not sizes:
            return None
        value = results[max(sizes)].get(key)
        if value is None or value.median is None:
            return None
        return value.median <= limit

    return check


def _every_size(key: str, limit: float) -> Callable[[dict[int, dict[str, Result]]], bool | None]:
    def check(results: dict[int, dict[str, Result]]) -> bool | None:
        values = [r.get(key) for r in results.values()]
        medians = [v.median for v in values if v is not None and v.median is not None]
        if not medians:
            return None
        return max(medians) <= limit

    return check


def _flat(key: str, tolerance: float) -> Callable[[dict[int, dict[str, Result]]], bool | None]:
    """Start-up must not grow with data: smallest and largest size within tolerance."""

    def check(results: dict[int, dict[str, Result]]) -> bool | None:
        if len(results) < 2:
            return None
        small, large = results[min(results)].get(key), results[max(results)].get(key)
        if not small or not large or small.median is None or large.median is None:
            return None
        return abs(large.median - small.median) <= tolerance * small.median

    return check


TARGETS = (
    Target("frame_ratio", "first frame ≤ 1.10× bare", _every_size("frame_ratio", 1.10)),
    Target("populated_ratio", "home populated ≤ 1.5× bare", _every_size("populated_ratio", 1.5)),
    Target(
        "frame_ratio",
        "first frame: largest size within 10% of smallest",
        _flat("frame_ratio", 0.10),
    ),
    Target(
        "populated_ratio",
        "home populated: largest size within 10% of smallest",
        _flat("populated_ratio", 0.10),
    ),
    Target("queue", "morning queue ≤ 10 ms at 100k", _at_big("queue", 0.010)),
    Target("search_worst", "search ≤ 20 ms per keystroke at 100k", _at_big("search_worst", 0.020)),
    Target("copy", "in-app copy ≤ 30 ms", _every_size("copy", 0.030)),
    Target(
        "today_ratio", "sellerdesk today ≤ 0.5× import baseline", _every_size("today_ratio", 0.5)
    ),
    Target("app_rss", "peak memory ≤ 150 MB at 100k", _at_big("app_rss", 150.0)),
    Target("import_rows", "import of 100k rows ≤ 30 s", _at_big("import_rows", 30.0)),
    Target(
        "insight_screen", "insight screen ≤ 200 ms at 100k", _at_big("insight_screen", 0.200)
    ),
)


def add_ratios(result: dict[str, Result]) -> None:
    def ratio(key: str, top: str, bottom: str) -> None:
        if key in result:  # measured run by run already (see startup.py)
            return
        a, b = result.get(top), result.get(bottom)
        if a and b and a.median is not None and b.median:
            result[key] = Result(a.median / b.median, [], "×")
        else:
            result[key] = Result.missing(a.note if a and a.note else "n/a")

    ratio("frame_ratio", "app_frame", "bare_frame")
    ratio("populated_ratio", "app_populated", "bare_frame")
    ratio("today_ratio", "today", "import_baseline")


def verdicts(results: dict[int, dict[str, Result]]) -> list[tuple[str, str]]:
    out = []
    for target in TARGETS:
        ok = target.check(results)
        out.append((target.text, "—" if ok is None else "PASS" if ok else "MISS"))
    return out


def fmt(result: Result | None) -> str:
    if result is None:
        return "—"
    if result.median is None:
        note = result.note or "n/a"
        return note if len(note) <= 48 else note[:47] + "…"
    if result.unit == "s":
        ms = result.median * 1000
        return f"{ms:.2f} ms" if ms < 10 else f"{ms:.0f} ms"
    if result.unit == "×":
        return f"{result.median:.2f}×"
    return f"{result.median:.0f} {result.unit}"


def table(results: dict[int, dict[str, Result]], extra: list[str]) -> str:
    sizes = sorted(results)
    keys = [key for key, _label in ROWS] + [key for key in extra if key not in dict(ROWS)]
    labels = dict(ROWS)
    header = ["measure"] + [f"{size:,} leads" for size in sizes]
    lines = [header]
    for key in keys:
        lines.append([labels.get(key, key)] + [fmt(results[size].get(key)) for size in sizes])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    ]
    text.insert(1, "  ".join("-" * width for width in widths))
    text.append("")
    width = max(len(name) for name, _ in verdicts(results))
    for name, verdict in verdicts(results):
        text.append(f"{name.ljust(width)}  {verdict}")
    return "\n".join(text)
