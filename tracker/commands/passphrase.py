"""The passphrase of an encrypted journal on the command line: read from ``--passphrase-file``
(never from the command line or the environment), else asked on the terminal without echo,
else the command stops with exit 2 and one sentence."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.commands.errors import EXIT_BAD_INPUT, CommandError, safe
from tracker.storage.errors import plain_reason

MAX_PASSPHRASE_BYTES = 4096


def add_passphrase_file(parser: argparse.ArgumentParser, name: str = "--passphrase-file") -> None:
    parser.add_argument(
        name,
        metavar="FILE",
        help="a file holding the journal's passphrase (its one trailing newline removed); "
        "without it the passphrase of an encrypted journal is asked on the terminal",
    )


def read_passphrase_file(text: str) -> str:
    """The passphrase in the file ``text`` names, its one trailing newline removed."""
    path = Path(text).expanduser()
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_PASSPHRASE_BYTES + 1)
    except OSError as error:
        raise CommandError(
            f"the passphrase file {safe(path)} cannot be read ({plain_reason(error)}).",
            EXIT_BAD_INPUT,
        ) from None
    if len(data) > MAX_PASSPHRASE_BYTES:
        raise CommandError(f"the passphrase file {safe(path)} is too long.", EXIT_BAD_INPUT)
    try:
        passphrase = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError(
            f"the passphrase file {safe(path)} is not UTF-8 text.", EXIT_BAD_INPUT
        ) from None
    for ending in ("\r\n", "\n"):
        if passphrase.endswith(ending):
            return passphrase[: -len(ending)]
    return passphrase


def passphrase(file_text: str | None, prompt: str) -> str:
    """From the file when given, else asked without echo on a terminal, else exit 2."""
    if file_text is not None:
        return read_passphrase_file(file_text)
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise CommandError(
            "the journal is encrypted: give its passphrase with --passphrase-file FILE "
            "(there is no terminal to ask on).",
            EXIT_BAD_INPUT,
        )
    import getpass

    return getpass.getpass(prompt)


def settle_interrupted(folder: Path) -> None:
    """A change of passphrase a crash interrupted, finished or undone before anything reads the
    journal, with the journal's lock held meanwhile (its holder, if another, settles it)."""
    from tracker.services.passphrase import settle_interrupted as settle
    from tracker.storage.conversion import interrupted
    from tracker.storage.errors import JournalError

    if not interrupted(folder):
        return
    from tracker.paths import AlreadyOpenError, JournalLock

    lock = JournalLock(folder, command=True)
    try:
        lock.acquire()
    except AlreadyOpenError:
        return
    try:
        settle(folder)
    except JournalError:
        pass  # the record stays for the next open; the journal opens as the files are
    finally:
        lock.release()


def unlock_stored(args: argparse.Namespace, folder: Path) -> None:
    """Hold the key of the journal in ``folder`` when it is encrypted; exit 2 with one sentence
    on a wrong, empty or missing passphrase, or a passphrase given for a plain journal."""
    from tracker.services.passphrase import PassphraseError, PassphraseService

    settle_interrupted(folder)
    service = PassphraseService(folder)
    given = getattr(args, "passphrase_file", None)
    try:
        if service.protected:
            if not service.unlocked:
                service.unlock(passphrase(given, "Passphrase of the journal: "))
        elif given is not None:
            if service.journal.exists() or not service.salted:
                raise PassphraseError(
                    "This journal has no passphrase, so --passphrase-file is not wanted; "
                    "nothing was changed."
                )
            service.hold_for_backups(read_passphrase_file(given))
    except PassphraseError as error:
        raise CommandError(str(error), EXIT_BAD_INPUT) from None
