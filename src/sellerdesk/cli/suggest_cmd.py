"""`sellerdesk suggest --lead USERNAME [--json]`: the client's message on
stdin in, the intent, the approved reply to copy next, the facts with the
words they came from, and the warnings out. Nothing is written."""

from __future__ import annotations

import sys

MAX_READ = 1_000_000


def register(subparsers) -> None:
    from sellerdesk.cli.common import db_option

    parser = subparsers.add_parser(
        "suggest",
        parents=[db_option()],
        help="read a client's message (stdin) and suggest the approved reply and the answers",
    )
    parser.add_argument("--lead", required=True, metavar="USERNAME")
    parser.add_argument("--json", action="store_true", help="print the suggestion as JSON")
    parser.set_defaults(handler=run)


def read_stdin() -> str:
    data = sys.stdin.buffer.read(MAX_READ + 1) if not sys.stdin.isatty() else b""
    return data.decode("utf-8", errors="replace")


def run(ctx) -> int:
    from sellerdesk.cli.common import print_json
    from sellerdesk.safe_text import one_line
    from sellerdesk.suggest.context import suggest_for

    _lead, _state, found = suggest_for(ctx.db, ctx.args.lead, read_stdin(), ctx.settings)
    if ctx.args.json:
        print_json(found.to_json())
        return 0
    for line in lines(found):
        # Each line stays one line whatever it quotes (a pasted escape could set the clipboard).
        print(one_line(line))
    return 0


def lines(found) -> list[str]:
    from sellerdesk.suggest.apply import value_text

    reading, choice = found.reading, found.choice
    also = f" (also: {', '.join(reading.also)})" if reading.also else ""
    out = [f"Intent: {reading.intent}{also}"]
    if reading.note:
        out.append(f"Note: {reading.note}")
    if choice.step is not None:
        out.append(f"Step: {choice.step.label()}")
    if choice.template:
        out.append(f"Reply: {found.template_title or choice.template}  ({choice.template})")
    else:
        out.append("Reply: none to copy")
    if choice.blocked:
        out.append(f"Held back: {choice.blocked}")
    if choice.why:
        out.append(f"Why: {choice.why}")
    if reading.facts:
        out.append("Facts:")
        for fact in reading.facts:
            out.append(f"  {fact.name}: {value_text(fact.value)}  ← “{_one_line(fact.text)}”")
    for alert in reading.alerts:
        words = f" (“{_one_line(alert.text)}”)" if alert.text else ""
        out.append(f"Warning [{alert.kind}]: {alert.message}{words}")
    return out


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"
