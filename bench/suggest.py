"""How well the reply suggester reads client messages, and how fast.

    .venv/bin/python bench/suggest.py                 # the held-back half
    .venv/bin/python bench/suggest.py --set tuning --errors

Prints per-intent precision and recall of the top intent, fact accuracy
(each fact, and every fact of a message exactly right), warning recall
(off_platform must be 100 %), and the time to read a message of up to
2,000 characters (95th percentile, target 50 ms). The clock is frozen on
Monday 2026-11-23, the day the labels' follow-up dates count from.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = {"heldback": "suggest_heldback.jsonl", "tuning": "suggest_tuning.jsonl"}
TODAY = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
SCORED_FACTS = (
    "website", "competitors", "pages", "primary_inspiration", "budget", "delivery_days",
    "consent_words", "referrer", "followup_when", "hosting_scenario",
)  # fmt: skip
SCORED_WARNINGS = ("off_platform", "free_mockup", "complaint", "do_not_contact")
TARGETS = {"intent": 0.90, "facts": 0.85, "off_platform": 1.0, "p95_ms": 50.0}


def load(name: str) -> list[dict]:
    path = DATA / SETS[name]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def facts_of(reading) -> dict:
    return {f.name: f.value for f in reading.facts if f.name in SCORED_FACTS}


def evaluate(rows: list[dict]) -> dict:
    from sellerdesk.suggest.reading import read

    confusion: Counter = Counter()
    fact_right = fact_total = 0
    fact_stats: dict[str, Counter] = {}
    exact = 0
    warn_stats: dict[str, Counter] = {k: Counter() for k in SCORED_WARNINGS}
    errors = []
    for row in rows:
        reading = read(row["text"])
        confusion[(row["intent"], reading.intent)] += 1
        got, want = facts_of(reading), row["facts"]
        for name in set(got) | set(want):
            stats = fact_stats.setdefault(name, Counter())
            if name in want:
                stats["labelled"] += 1
            if name in got:
                stats["found"] += 1
            if name in want and got.get(name) == want[name]:
                stats["right"] += 1
        fact_total += len(set(got) | set(want))
        fact_right += sum(1 for n in set(got) | set(want) if got.get(n) == want.get(n))
        exact += got == want
        kinds = {a.kind for a in reading.alerts}
        for kind in SCORED_WARNINGS:
            stats = warn_stats[kind]
            stats["labelled"] += kind in row["warnings"]
            stats["raised"] += kind in kinds
            stats["right"] += kind in kinds and kind in row["warnings"]
        wrong_warnings = {k for k in SCORED_WARNINGS if (k in kinds) != (k in row["warnings"])}
        if reading.intent != row["intent"] or got != want or wrong_warnings:
            errors.append((row, reading, got, wrong_warnings))
    return {
        "confusion": confusion,
        "n": len(rows),
        "intent_right": sum(v for (a, b), v in confusion.items() if a == b),
        "fact_stats": fact_stats,
        "fact_right": fact_right,
        "fact_total": fact_total,
        "exact": exact,
        "warnings": warn_stats,
        "errors": errors,
    }


def timing(rows: list[dict], repeats: int) -> list[float]:
    """Milliseconds per read: every labelled message, messages built from
    several of them up to 2,000 characters, and shapes that make careless
    regular expressions backtrack."""
    from sellerdesk.suggest.reading import read

    texts = [row["text"] for row in rows]
    joined, current = [], ""
    for text in texts * 3:
        if len(current) + len(text) + 1 > 2000:
            joined.append(current)
            current = ""
        current += text + "\n"
    hostile = [
        "a." * 1000, "1 " * 1000, "www." * 500, "@" * 2000, "a " * 1000, "-" * 2000,
        "Home, " * 330, "$1" * 1000, "9" * 2000, "a.b" * 666, "x@y." * 500, "in 2 " * 400,
        ("Hi! " + "page, " * 300)[:2000], "(at) " * 400, "<p>" * 600,
    ]  # fmt: skip
    samples = []
    for text in texts + joined + hostile:
        for _ in range(repeats):
            start = time.perf_counter()
            read(text[:2000])
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f} %" if b else "    —"


def report(name: str, result: dict, samples: list[float], show_errors: bool) -> bool:
    from sellerdesk.suggest.model import INTENTS

    confusion, n = result["confusion"], result["n"]
    print(f"Reply suggester on the {name} half: {n} messages\n")
    print(f"{'intent':<18} {'labelled':>8} {'precision':>10} {'recall':>8}")
    for intent in INTENTS:
        labelled = sum(v for (a, _b), v in confusion.items() if a == intent)
        chosen = sum(v for (_a, b), v in confusion.items() if b == intent)
        right = confusion[(intent, intent)]
        print(f"{intent:<18} {labelled:>8} {pct(right, chosen):>10} {pct(right, labelled):>8}")
    print(f"\n{'fact':<20} {'labelled':>8} {'found':>6} {'exactly right':>14}")
    for fact in SCORED_FACTS:
        stats = result["fact_stats"].get(fact, Counter())
        print(
            f"{fact:<20} {stats['labelled']:>8} {stats['found']:>6} "
            f"{pct(stats['right'], stats['labelled']):>14}"
        )
    print(f"\n{'warning':<20} {'labelled':>8} {'raised':>6} {'recall':>8} {'precision':>10}")
    for kind, stats in result["warnings"].items():
        print(
            f"{kind:<20} {stats['labelled']:>8} {stats['raised']:>6} "
            f"{pct(stats['right'], stats['labelled']):>8} "
            f"{pct(stats['right'], stats['raised']):>10}"
        )
    intent_rate = result["intent_right"] / n
    exact_rate = result["exact"] / n
    off = result["warnings"]["off_platform"]
    off_recall = off["right"] / off["labelled"] if off["labelled"] else 1.0
    p95 = statistics.quantiles(samples, n=20)[18] if len(samples) > 1 else samples[0]
    checks = [
        (
            "top intent right",
            intent_rate, f"{100 * intent_rate:.1f} %", TARGETS["intent"] <= intent_rate, "≥ 90 %",
        ),
        (
            "every fact exactly right",
            exact_rate, f"{100 * exact_rate:.1f} %", TARGETS["facts"] <= exact_rate, "≥ 85 %",
        ),
        (
            "off_platform recall",
            off_recall, f"{100 * off_recall:.1f} %", off_recall >= 1.0, "100 %",
        ),
        (
            "read time p95",
            p95, f"{p95:.2f} ms (max {max(samples):.2f})", p95 <= TARGETS["p95_ms"], "≤ 50 ms",
        ),
    ]  # fmt: skip
    print(f"\nfacts right one by one: {pct(result['fact_right'], result['fact_total']).strip()}")
    print(f"timed reads: {len(samples)}, up to 2,000 characters each\n")
    for label, _value, shown, ok, target in checks:
        print(f"{label:<26} {shown:<28} target {target:<8} {'PASS' if ok else 'MISS'}")
    if show_errors:
        print("\nMisread messages:")
        for row, reading, got, wrong in result["errors"]:
            print(f"- {row['id']}: {row['text']!r}")
            if reading.intent != row["intent"]:
                print(
                    f"    intent {reading.intent} (want {row['intent']}); scores {reading.scores}"
                )
            if got != row["facts"]:
                print(f"    facts {got}\n     want {row['facts']}")
            if wrong:
                print(f"    warnings wrong: {sorted(wrong)}")
    return all(ok for *_rest, ok, _t in checks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), default="heldback")
    parser.add_argument("--errors", action="store_true", help="list every misread message")
    parser.add_argument("--repeats", type=int, default=5, help="timed reads per message")
    args = parser.parse_args(argv)
    from sellerdesk import clock

    clock.freeze(TODAY)
    clock.set_local_zone(UTC)
    rows = load(args.set)
    result = evaluate(rows)
    samples = timing(rows, args.repeats)
    ok = report(args.set, result, samples, args.errors)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
