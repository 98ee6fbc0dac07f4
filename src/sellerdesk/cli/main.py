"""Entry point: `sellerdesk` launches the app; `sellerdesk COMMAND` runs a command."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

from sellerdesk import __version__
from sellerdesk.cli.visible_output import visible_output
from sellerdesk.errors import SellerdeskError
from sellerdesk.safe_text import one_line

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
    "sellerdesk.cli.transfer_cmd",
    "sellerdesk.cli.backup_cmd",
    "sellerdesk.cli.suggest_cmd",
    "sellerdesk.cli.report_cmd",
    "sellerdesk.cli.db_cmd",
)


class _Parser(argparse.ArgumentParser):
    """argparse, with its error (which may quote what was typed) kept on one line."""

    def error(self, message: str) -> NoReturn:
        super().error(one_line(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    with visible_output():
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is not None:
            return _run(args)
    return _launch(args)


def _run(args: argparse.Namespace) -> int:
    from sellerdesk.cli.common import Context

    context = Context(args)
    try:
        return args.handler(context) or 0
    except SellerdeskError as exc:
        print(f"sellerdesk: {one_line(str(exc))}", file=sys.stderr)
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
        print(f"sellerdesk: {one_line(str(exc))}", file=sys.stderr)
        return 1
