"""Entry point: `sellerdesk` launches the app; `sellerdesk COMMAND` runs a command."""

from __future__ import annotations

import argparse
import importlib
import sys

from sellerdesk import __version__
from sellerdesk.errors import SellerdeskError

# Each module adds its subcommands with `register(subparsers)`.
COMMAND_MODULES = (
    "sellerdesk.cli.leads_cmd",
    "sellerdesk.cli.paths_cmd",
    "sellerdesk.cli.templates_cmd",
    "sellerdesk.cli.copy_cmd",
    "sellerdesk.cli.today_cmd",
    "sellerdesk.cli.followup_cmd",
    "sellerdesk.cli.order_cmd",
    "sellerdesk.cli.referral_cmd",
    "sellerdesk.cli.script_cmd",
    "sellerdesk.cli.report_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sellerdesk",
        description="A keyboard-driven desk for sellers who sell in chat. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"sellerdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $SELLERDESK_DB, else the data dir)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a throwaway database of sample leads (your own is not touched)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _launch(args)
    from sellerdesk.cli.common import Context

    context = Context(args)
    try:
        return args.handler(context) or 0
    except SellerdeskError as exc:
        print(f"sellerdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `sellerdesk today | head`: the reader left; say nothing more.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        context.close()


def _launch(args: argparse.Namespace) -> int:
    from sellerdesk.launch import run_app

    try:
        return run_app(db=args.db, demo=args.demo)
    except SellerdeskError as exc:
        print(f"sellerdesk: {exc}", file=sys.stderr)
        return 1
