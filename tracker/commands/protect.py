"""``protect``: encrypt the stored journal and its backups with a passphrase, change it, or
remove it. A verified backup is made first; see ``tracker.storage.encryption`` for the steps.

``protect --passphrase-file FILE``; ``protect --change --passphrase-file OLD
--new-passphrase-file NEW``; ``protect --remove --passphrase-file FILE``. Without a file the
passphrase is asked twice on the terminal (once for the old one), without echo.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tracker.commands.base import EXIT_BAD_INPUT, EXIT_OK, CommandError, safe
from tracker.commands.passphrase import add_passphrase_file, passphrase

if TYPE_CHECKING:
    from tracker.services.backups import BackupService

LOST = (
    "Keep the passphrase safe: a lost passphrase means a lost journal, and nobody can recover it."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_passphrase_file(parser)
    add_passphrase_file(parser, "--new-passphrase-file")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--change", action="store_true", help="change the passphrase")
    which.add_argument("--remove", action="store_true", help="make the journal plain again")


def _new_passphrase(file_text: str | None) -> str:
    first = passphrase(file_text, "New passphrase: ")
    if file_text is None and first != passphrase(None, "The same passphrase again: "):
        raise CommandError("the two passphrases differ; nothing was changed.", EXIT_BAD_INPUT)
    return first


def _check(backups: BackupService) -> None:
    check = backups.check_on_start(sole_user=True)
    if check.damaged:
        raise CommandError(f"the journal cannot be protected: {check.reason}.")
    if not backups.journal_path.exists():
        raise CommandError("there is no journal yet to protect.", EXIT_BAD_INPUT)


def run(args: argparse.Namespace) -> int:
    from tracker.commands.backup import locked_backups
    from tracker.services.passphrase import (
        ALREADY,
        PassphraseError,
        PassphraseService,
        left_as_they_were,
        settle_interrupted,
    )
    from tracker.storage.errors import JournalError

    if args.new_passphrase_file is not None and not args.change:
        raise CommandError("--new-passphrase-file goes with --change.", EXIT_BAD_INPUT)
    with locked_backups(args, unlock=False) as backups:
        folder = backups.journal_path.parent
        service = PassphraseService(folder)
        try:
            settle_interrupted(folder)  # a change a crash left, before the journal is read
            old = ""
            if args.change or args.remove:
                old = passphrase(args.passphrase_file, "Current passphrase: ")
                service.unlock(old)  # before the check, which reads the journal
            elif service.protected:
                raise PassphraseError(ALREADY)
            _check(backups)
            if args.change:
                left = service.change(old, _new_passphrase(args.new_passphrase_file))
                done = "The passphrase was changed; the backups open with the new one."
            elif args.remove:
                left = service.remove(old)
                done = "The passphrase was removed: the journal and its backups are plain files."
            else:
                left = service.protect(_new_passphrase(args.passphrase_file))
                done = f"The journal and its backups are encrypted. {LOST}"
        except PassphraseError as error:
            raise CommandError(str(error), EXIT_BAD_INPUT) from None
        except JournalError as error:
            raise CommandError(str(error)) from None
    print(f"{done} ({safe(backups.journal_path)})")
    if left:
        print(left_as_they_were(left))
    return EXIT_OK
