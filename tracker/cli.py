"""The headless commands. None of them starts the window.

Each command is a module of ``tracker.commands`` with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; it is imported only when it runs, so ``--help`` stays fast.
Exit codes: 0 done, 2 bad usage or bad input, 1 anything else. Errors are one plain sentence on
standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from tracker import APP_NAME, __version__
from tracker.commands.base import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    CommandError,
    GuardedStdout,
    add_data_dir,
    safe,
    tolerant_output,
)
from tracker.commands.passphrase import add_passphrase_file
from tracker.domain.errors import cut

# name -> (module in tracker.commands, one line of help)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "fill an empty journal with a realistic synthetic history"),
    "import": ("import_file", "import a journal file (JSON v1 or v2, or CSV): all or nothing"),
    "export": ("export", "export the whole journal (JSON, CSV or FHIR R4)"),
    "flags": ("flags", "evaluate the red-flag rules on the latest entry; prints JSON"),
    "report": ("report", "write the appointment summary as a PDF"),
    "chart": ("chart", "draw the trend chart (or the spine map) to a PNG or SVG file"),
    "check": ("check", "check the journal for damage and print the number of records"),
    "backup": ("backup", "make a verified backup of the journal now"),
    "restore": ("restore", "restore the journal from a backup"),
    "protect": ("protect", "encrypt the journal with a passphrase, change it or remove it"),
}
# the commands that open the stored journal (``flags`` only without FILE) take its passphrase
NO_PASSPHRASE_OPTION = frozenset({"protect"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _available() -> dict[str, tuple[str, str]]:
    """The commands whose module exists in this version."""
    from importlib.util import find_spec

    return {
        name: spec
        for name, spec in COMMANDS.items()
        if find_spec(f"tracker.commands.{spec[0]}") is not None
    }


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spine-journal",
        description=f"{APP_NAME} {__version__}: without a command, opens the journal window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    add_data_dir(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, text) in _available().items():
        sub = commands.add_parser(name, help=text, description=text)
        add_data_dir(sub)
        if name not in NO_PASSPHRASE_OPTION:
            add_passphrase_file(sub)
        module = importlib.import_module(f"tracker.commands.{module_name}")
        module.add_arguments(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    tolerant_output()
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    if sys.stdout is None:  # started with its standard output closed
        _say(args.command, "standard output is closed, so the command did not run.")
        return EXIT_FAILED
    module = importlib.import_module(f"tracker.commands.{COMMANDS[args.command][0]}")
    stdout, sys.stdout = sys.stdout, GuardedStdout(sys.stdout)
    try:
        code: int = module.run(args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except CommandError as error:
        _say(args.command, str(error), error.details)
        return error.code
    except Exception as error:  # the last line of defence: one sentence, never a traceback
        from tracker.storage.errors import JournalError

        if isinstance(error, JournalError):
            message = str(error)
        else:
            message = f"an unexpected error stopped the command ({type(error).__name__}: {error})."
        _say(args.command, cut(message, 400))
        return EXIT_FAILED
    finally:
        sys.stdout = stdout


def _say(command: str, message: str, details: Sequence[str] = ()) -> None:
    """One sentence (and its detail lines) on standard error, control characters escaped."""
    for line in (f"spine-journal {command}: {message}", *details):
        print(safe(line), file=sys.stderr)
