"""The headless commands. None of them starts the window.

Exit codes: 0 done, 2 bad usage or bad input, 1 anything else. Errors are one plain sentence on
standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tracker import APP_NAME, __version__

if TYPE_CHECKING:
    from tracker.storage.database import JournalDatabase

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder that holds the journal (default: SPINE_JOURNAL_DATA_DIR, "
        "else the system's application data folder)",
    )


COMMANDS: dict[str, str] = {
    "demo": "fill an empty journal with a realistic synthetic history",
    "import": "import a journal file (JSON, version 1): all or nothing",
    "export": "export the whole journal",
    "check": "check the journal for damage and print the number of records",
}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spine-journal",
        description=f"{APP_NAME} {__version__}: without a command, opens the journal window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _add_data_dir(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub = {
        name: commands.add_parser(name, help=text, description=text)
        for name, text in COMMANDS.items()
    }
    for command in sub.values():
        _add_data_dir(command)
    sub["demo"].add_argument("--years", type=int, default=2, help="years of history (default 2)")
    sub["import"].add_argument("file", metavar="FILE", help="a journal file (.json)")
    sub["export"].add_argument("--format", choices=["json"], default="json")
    sub["export"].add_argument(
        "--out", required=True, metavar="FILE", help="'-' for standard output"
    )
    return parser


def is_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` asks for a command (or for help/version) rather than the window."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif arg in ("-h", "--help", "--version") or not arg.startswith("-"):
            return True
    return False


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    handler = HANDLERS.get(args.command)
    if handler is None:
        build_parser().print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return handler(args)
    except CommandError as error:
        print(f"spine-journal {args.command}: {error}", file=sys.stderr)
        return error.code
    except Exception as error:
        from tracker.storage.errors import JournalError

        code = EXIT_FAILED
        if not isinstance(error, JournalError):
            message = f"an unexpected error stopped the command ({type(error).__name__}: {error})."
        else:
            message = str(error)
        print(f"spine-journal {args.command}: {message}", file=sys.stderr)
        return code


@contextmanager
def open_stored(args: argparse.Namespace, *, lock: bool = False) -> Iterator[JournalDatabase]:
    from tracker.paths import AlreadyOpenError, JournalLock, data_dir
    from tracker.storage.database import open_journal
    from tracker.storage.errors import JournalError

    folder = data_dir(args.data_dir)
    journal_lock = JournalLock(folder) if lock else None
    try:
        if journal_lock is not None:
            journal_lock.acquire()
        db = open_journal(folder)
    except (JournalError, AlreadyOpenError) as error:
        if journal_lock is not None:
            journal_lock.release()
        raise CommandError(str(error)) from None
    try:
        yield db
    finally:
        db.close()
        if journal_lock is not None:
            journal_lock.release()


def read_journal_file(path: str) -> object:
    """A journal file parsed and validated (exit 2 with the import's message when it is not)."""
    from tracker.domain import journal_format
    from tracker.domain.errors import ValidationError

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read {path} ({error}).", EXIT_BAD_INPUT) from None
    try:
        return journal_format.loads(text)
    except ValidationError as error:
        raise CommandError(f"{path} is not a valid journal: {error}", EXIT_BAD_INPUT) from None


def cmd_demo(args: argparse.Namespace) -> int:
    from tracker.services.demo import fill_demo

    if not 1 <= args.years <= 30:
        raise CommandError("--years must be between 1 and 30.", EXIT_BAD_INPUT)
    with open_stored(args, lock=True) as db:
        counts = fill_demo(db, args.years)
    print(f"Demo journal written to {db.path}: {_counts_text(counts)}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from tracker.domain.model import Journal
    from tracker.services.exchange import ExchangeService, ImportRefused
    from tracker.storage.errors import DuplicateIdError

    journal = read_journal_file(args.file)
    assert isinstance(journal, Journal)
    with open_stored(args, lock=True) as db:
        try:
            ExchangeService(db).import_journal(journal)
        except (DuplicateIdError, ImportRefused) as error:
            raise CommandError(f"{args.file} was not imported: {error}", EXIT_BAD_INPUT) from None
    print(f"Imported {_counts_text(journal.counts())} from {args.file}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from datetime import datetime

    from tracker.services.exchange import ExchangeService, write_private_file

    with open_stored(args) as db:
        text = ExchangeService(db).export_json(datetime.now().astimezone().replace(microsecond=0))
    if args.out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandError(f"the folder {out.parent} does not exist.", EXIT_BAD_INPUT)
    try:
        write_private_file(out, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {out} ({error.strerror}).") from None
    print(f"Exported the journal to {out}.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from tracker.services.maintenance import check_journal

    with open_stored(args) as db:
        report = check_journal(db)
    print(f"Journal: {db.path}")
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    if report.problems:
        print(f"The journal is damaged: {report.problems[0]}", file=sys.stderr)
        return EXIT_FAILED
    print("Integrity check: ok")
    return EXIT_OK


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {name}" for name, count in counts.items())


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
}
