"""What every command shares: exit codes, errors, the data folder, opening the stored journal."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.domain.model import Journal
    from tracker.storage.database import JournalDatabase

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    """One plain sentence for standard error, and the exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def tolerant_output() -> None:
    """Messages that never stop a command: Windows writes a redirected standard output in its
    code page, and a name outside it (``C:\\Users\\Łucja``) would otherwise fail the command
    after its work was done. Such a character is written as ``\\u0141`` instead."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def write_stdout(text: str) -> None:
    """``text`` on standard output as UTF-8 bytes, unchanged. Through the text stream, Windows
    would encode it in the console's code page (failing on a character outside it) and turn
    each line end into CRLF (a CSV's CRLF into CR CR LF)."""
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # standard output replaced by a plain text stream
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()  # anything printed before comes first
    raw.write(text.encode("utf-8"))
    raw.flush()


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if parser.prog != "spine-journal" else None,
        help="the folder that holds the journal (default: SPINE_JOURNAL_DATA_DIR, "
        "else the system's application data folder)",
    )


@contextmanager
def open_stored(args: argparse.Namespace, *, lock: bool = False) -> Iterator[JournalDatabase]:
    """The stored journal, checked first (a damaged one is refused with one sentence naming the
    backup to restore), then opened and upgraded if needed; ``lock`` keeps the window off it."""
    from tracker.paths import AlreadyOpenError, JournalLock, data_dir
    from tracker.services.backups import BackupService, describe_damage
    from tracker.storage.database import open_journal
    from tracker.storage.errors import JournalError

    folder = data_dir(getattr(args, "data_dir", None))
    journal_lock = JournalLock(folder)
    holding = False
    try:
        try:
            journal_lock.acquire()
            holding = True
        except AlreadyOpenError:
            if lock:
                raise
        # Only the sole user may move a damaged journal aside; a reading command that runs
        # beside the window checks too, and reports without moving anything.
        check = BackupService(folder).check_on_start(sole_user=holding)
        if check.damaged:
            raise CommandError(describe_damage(check))
        db = open_journal(folder)
    except BaseException as error:
        if holding:
            journal_lock.release()
        if isinstance(error, JournalError | AlreadyOpenError):
            raise CommandError(str(error)) from None
        raise
    if holding and not lock:
        journal_lock.release()
        holding = False
    try:
        yield db
    finally:
        db.close()
        if holding:
            journal_lock.release()


def read_journal_file(path: str) -> Journal:
    """A journal file (JSON v1, or the CSV of entries when the name ends in .csv) parsed and
    validated; exit 2 with the import's message when it is not."""
    from tracker.domain import journal_format
    from tracker.domain.errors import ValidationError

    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read {path} ({error}).", EXIT_BAD_INPUT) from None
    try:
        if path.lower().endswith(".csv"):
            from tracker.domain import csv_format

            return csv_format.loads_csv(text)
        return journal_format.loads(text)
    except ValidationError as error:
        raise CommandError(f"{path} is not a valid journal: {error}", EXIT_BAD_INPUT) from None


def output_path(value: str, suffixes: tuple[str, ...] = ()) -> Path:
    """An output file whose folder exists (and whose suffix is one of ``suffixes``)."""
    out = Path(value)
    if suffixes and out.suffix.lower() not in suffixes:
        raise CommandError(f"{value} must end in {' or '.join(suffixes)}.", EXIT_BAD_INPUT)
    if not out.parent.is_dir():
        raise CommandError(f"the folder {out.parent} does not exist.", EXIT_BAD_INPUT)
    return out


def counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {name}" for name, count in counts.items())
