"""Entry point: `sellerdesk` launches the app; `sellerdesk COMMAND` runs a command."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys

from sellerdesk import __version__
from sellerdesk.cli.visible_output import visible_output
from sellerdesk.errors import SellerdeskError
from sellerdesk.safe_text import one_line

DEBUG_ENV = "SELLERDESK_DEBUG"

# Each module adds its subcommands with `register(subparsers)`.
COMMAND_MODULES = (
    "sellerdesk.cli.leads_cmd",
    "sellerdesk.cli.paths_cmd",
    "sellerdesk.cli.templates_cmd",
    "sellerdesk.cli.copy_cmd",
    "sellerdesk.cli.today_cmd",
    "sellerdesk.cli.week_cmd",
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


def build_parser() -> argparse.ArgumentParser:
    from sellerdesk.cli.common import Parser

    parser = Parser(
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
    argv = sys.argv[1:] if argv is None else argv
    refused = _not_text(argv)
    if refused:
        print(f"sellerdesk: {refused}", file=sys.stderr)
        return 2
    _tolerant_output()
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
        code = args.handler(context) or 0
        sys.stdout.flush()  # a full disk under redirected output is reported here, once
        return code
    except SellerdeskError as exc:
        print(f"sellerdesk: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `sellerdesk today | head`: the reader left; say nothing more.
        _silence_stdout()
        return 0
    except OSError as exc:
        from sellerdesk.paths import os_problem

        _silence_stdout()
        print(f"sellerdesk: {one_line(os_problem(exc))}; stopped there.", file=sys.stderr)
        return 1
    except Exception as exc:
        # A bug, not the user's doing: one line still, and the details on request.
        if os.environ.get(DEBUG_ENV):
            raise
        first = one_line((str(exc).splitlines() or [""])[0])
        print(
            f"sellerdesk: unexpected error ({type(exc).__name__}: {first}); the command "
            f"stopped there. Set {DEBUG_ENV}=1 to see where.",
            file=sys.stderr,
        )
        return 1
    finally:
        context.close()


def _not_text(argv: list[str]) -> str | None:
    """Arguments are decoded with surrogate escapes: any such escape is a byte that
    was not UTF-8, which no database column or terminal can take as text."""
    for position, arg in enumerate(argv, 1):
        if any("\udc80" <= ch <= "\udcff" for ch in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            return (
                f"argument {position} ({shown!r}) is not valid UTF-8 text; nothing was done. "
                "Check the terminal's or the script's character encoding."
            )
    return None


def _tolerant_output() -> None:
    # A terminal that cannot show a character gets an escape, not a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    # Output that could not be written must not fail again when Python exits.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _launch(args: argparse.Namespace) -> int:
    from sellerdesk.launch import run_app

    try:
        return run_app(db=args.db, demo=args.demo)
    except SellerdeskError as exc:
        print(f"sellerdesk: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C while starting, before the app reads keys itself
        return 130
