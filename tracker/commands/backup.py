"""``backup``: make a verified backup now; print its name and how many entries it holds."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tracker.commands.base import EXIT_OK, CommandError, safe

if TYPE_CHECKING:
    from tracker.services.backups import BackupService


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options beyond --data-dir


@contextmanager
def locked_backups(args: argparse.Namespace, *, unlock: bool = True) -> Iterator[BackupService]:
    """The backup service of the data folder, with the window (and other commands) kept off."""
    from tracker.commands.base import command_data_dir
    from tracker.paths import AlreadyOpenError, JournalLock
    from tracker.services.backups import BackupService

    folder = command_data_dir(args, unlock=unlock)
    lock = JournalLock(folder, command=True)
    try:
        lock.acquire()
    except AlreadyOpenError as error:
        raise CommandError(str(error)) from None
    try:
        yield BackupService(folder)
    finally:
        lock.release()


def run(args: argparse.Namespace) -> int:
    from tracker.services.backups import StartState, describe_backup, describe_damage

    with locked_backups(args) as service:
        check = service.check_on_start()
        if check.damaged:
            raise CommandError(describe_damage(check))
        if check.state is StartState.NEW:
            raise CommandError(
                f"There is no journal in {service.journal_path.parent} yet: nothing to back up."
            )
        info = service.backup_now()
    print(f"Verified backup {describe_backup(info)} written to {safe(info.path.parent)}.")
    return EXIT_OK
