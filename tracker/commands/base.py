"""What every command shares: exit codes, errors, the data folder, opening the stored journal."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from tracker.domain.model import Journal
    from tracker.storage.database import JournalDatabase

from tracker.commands.errors import EXIT_BAD_INPUT as EXIT_BAD_INPUT
from tracker.commands.errors import EXIT_FAILED as EXIT_FAILED
from tracker.commands.errors import EXIT_OK as EXIT_OK
from tracker.commands.errors import CommandError as CommandError
from tracker.commands.errors import safe as safe


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
    try:
        raw.write(text.encode("utf-8"))
        raw.flush()
    except OSError as error:  # a full disk, a closed pipe: one sentence, as for text
        if isinstance(sys.stdout, GuardedStdout):
            sys.stdout.failed(error)
        raise CommandError(f"standard output could not be written ({os_reason(error)}).") from None


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if parser.prog != "spine-journal" else None,
        help="the folder that holds the journal (default: SPINE_JOURNAL_DATA_DIR, "
        "else the system's application data folder)",
    )


def command_data_dir(args: argparse.Namespace, *, unlock: bool = True) -> Path:
    """The data folder a command works on; exit 2 when it cannot hold a journal (an empty
    name, a file, a folder named like the journal, a folder that cannot be created)."""
    from tracker.paths import data_dir, data_dir_problem

    option = getattr(args, "data_dir", None)
    if option is not None and not option.strip():
        raise CommandError("--data-dir needs the name of a folder; it was empty.", EXIT_BAD_INPUT)
    folder = data_dir(option)
    problem = data_dir_problem(folder)
    if problem is not None:
        raise CommandError(problem, EXIT_BAD_INPUT)
    if unlock:  # an encrypted journal's key, held before anything opens it
        from tracker.commands.passphrase import unlock_stored

        unlock_stored(args, folder)
    return folder


@contextmanager
def open_stored(args: argparse.Namespace, *, lock: bool = False) -> Iterator[JournalDatabase]:
    """The stored journal, checked first (a damaged one is refused with one sentence naming the
    backup to restore), then opened and upgraded if needed; ``lock`` keeps the window off it.
    Without ``lock``, a journal in a folder that cannot be written to is opened read-only."""
    from tracker.paths import AlreadyOpenError, FolderReadOnlyError, JournalLock
    from tracker.services.backups import BackupService, describe_damage
    from tracker.storage.database import open_journal, open_journal_read_only
    from tracker.storage.errors import JournalError

    folder = command_data_dir(args)
    journal_lock = JournalLock(folder, command=True)
    holding = read_only = False
    try:
        try:
            journal_lock.acquire()
            holding = True
        except AlreadyOpenError as error:
            if lock:
                raise
            read_only = isinstance(error, FolderReadOnlyError)
        # Only the sole user may move a damaged journal aside; a reading command that runs
        # beside the window checks too, and reports without moving anything.
        check = BackupService(folder).check_on_start(sole_user=holding)
        if check.damaged:
            raise CommandError(describe_damage(check))
        db = open_journal_read_only(folder) if read_only else open_journal(folder)
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


MAX_IMPORT_BYTES = 64 * 1024 * 1024  # a 10-year journal file is about 5 MB


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, asked of the file system before
    anything is read: a device (``/dev/zero``) or a FIFO, which could be read forever or block,
    is refused unopened."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise CommandError(f"{path} is not a regular file, so it was not read.", EXIT_BAD_INPUT)
    if info.st_size > limit:
        raise CommandError(
            f"{path} is larger than {limit // (1024 * 1024)} MB, the most a journal file may be, "
            "so it was not read.",
            EXIT_BAD_INPUT,
        )
    with path.open("rb") as stream:
        data = stream.read(limit + 1)  # it may have grown since
    if len(data) > limit:
        raise CommandError(f"{path} grew while it was read, so it was not used.", EXIT_BAD_INPUT)
    return data


def os_reason(error: OSError) -> str:
    """The reason of an operating-system error in plain words (a full disk said as such)."""
    from tracker.storage.errors import plain_reason

    return plain_reason(error)


class GuardedStdout:
    """Standard output for a command: when it cannot be written (a full disk, a pipe closed at
    the other end), the command stops with one sentence and exit 1, wherever it printed."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as error:
            self.failed(error)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            self.failed(error)

    def failed(self, error: OSError) -> NoReturn:
        # what is left in the buffer goes nowhere, so that Python's exit does not fail again
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)
        raise CommandError(f"standard output could not be written ({os_reason(error)}).")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def read_journal_file(path: str) -> Journal:
    """A journal file (JSON v1, or the CSV of entries when the name ends in .csv) parsed and
    validated; exit 2 with the import's message when it is not."""
    from tracker.domain import journal_format
    from tracker.domain.errors import ValidationError

    try:
        raw = read_regular_file(Path(path), MAX_IMPORT_BYTES)
        text = raw.decode("utf-8-sig")
    except OSError as error:
        raise CommandError(f"cannot read {path} ({os_reason(error)}).", EXIT_BAD_INPUT) from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not a text file in UTF-8.", EXIT_BAD_INPUT) from None
    try:
        if path.lower().endswith(".csv"):
            from tracker.domain import csv_format

            return csv_format.loads_csv(text)
        return journal_format.loads(text)
    except ValidationError as error:
        raise CommandError(f"{path} is not a valid journal: {error}", EXIT_BAD_INPUT) from None


def output_path(value: str, suffixes: tuple[str, ...] = ()) -> Path:
    """An output file whose folder exists (and whose suffix is one of ``suffixes``)."""
    if not value.strip():
        raise CommandError("--out needs the name of a file; it was empty.", EXIT_BAD_INPUT)
    out = Path(value)
    if out.is_dir():
        raise CommandError(f"{value} is a folder: --out names the file to write.", EXIT_BAD_INPUT)
    if suffixes and out.suffix.lower() not in suffixes:
        raise CommandError(f"{value} must end in {' or '.join(suffixes)}.", EXIT_BAD_INPUT)
    if not out.parent.is_dir():
        raise CommandError(f"the folder {out.parent} does not exist.", EXIT_BAD_INPUT)
    return out


def counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {name}" for name, count in counts.items())
