"""How long `templates check` takes on large and hostile template bodies.

    .venv/bin/python bench/lint_scaling.py                # 250 KB and 1 MB
    .venv/bin/python bench/lint_scaling.py --sizes 1000000

Prints CPU seconds per body (the processor time of this process, so a busy
machine inflates it less than wall time) and the ratio between sizes, which
stays near the ratio of the sizes when lint is linear. Target: a 1 MB
template checks in under a second.
"""

from __future__ import annotations

import argparse
import random
import time

from sellerdesk.config import Settings
from sellerdesk.templates.lint import check_template
from sellerdesk.templates.model import Template

PROSE = "the quick brown fox jumps over a lazy dog website pages design {client_name} {{ }}"
WORDS = [*PROSE.split(), "12", "$450", "10%", "call", "acme.com", "review"]


def bodies(size: int) -> dict[str, str]:
    rng = random.Random(1)
    prose = " ".join(rng.choice(WORDS) for _ in range(size // 4))[:size]
    return {
        "prose": prose,
        "open braces": "{" * size,
        "brace, letter": "{a" * (size // 2),
        "brace mix": ("{x}{{a}}{a.b}{" * (size // 14 + 1))[:size],
        "close braces": "}" * size,
        "digits": "1" * size,
        "dotted": "a." * (size // 2),
        "percent": "1%" * (size // 2),
        "dollars": "$1" * (size // 2),
        "spaces": " " * size,
        "review words": ("review free " * (size // 12 + 1))[:size],
    }


def cpu_seconds(body: str, settings: Settings) -> float:
    template = Template(id="bench.lint", title="bench", script="referral", step=1, body=body)
    start = time.process_time()
    check_template(template, settings)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250000,1000000", help="body sizes in characters")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    settings = Settings()
    table: dict[str, list[float]] = {}
    for size in sizes:
        for name, body in bodies(size).items():
            table.setdefault(name, []).append(cpu_seconds(body, settings))
    print(f"{'body':<14}" + "".join(f"{size:>12,}" for size in sizes) + "   ratio")
    for name, seconds in table.items():
        ratio = seconds[-1] / seconds[0] if seconds[0] else float("nan")
        cells = "".join(f"{s:>11.3f}s" for s in seconds)
        print(f"{name:<14}{cells}   {ratio:5.1f}")
    worst = max(s[-1] for s in table.values())
    verdict = "PASS" if worst < 1.0 else "MISS"
    print(f"worst at {sizes[-1]:,} characters: {worst:.3f} s CPU ({verdict}: target under 1 s)")


if __name__ == "__main__":
    main()
