"""``restore [BACKUP]``: put a verified backup in place of the journal, after saving the journal.

Without BACKUP, the newest verified backup. BACKUP is a backup's file name (``--list`` shows
them) or the path of a backup file. Exit 2 when BACKUP is unknown or is not a usable backup.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tracker.commands.backup import locked_backups
from tracker.commands.base import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, CommandError, safe

if TYPE_CHECKING:
    from tracker.services.backups import BackupInfo, BackupService


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "backup",
        nargs="?",
        metavar="BACKUP",
        help="a backup's file name or path (default: the newest verified backup)",
    )
    parser.add_argument(
        "--list", action="store_true", help="list the backups, newest first, and change nothing"
    )
    parser.add_argument(
        "--start-empty",
        action="store_true",
        help="start a new, empty journal in place of a damaged one (which is kept aside)",
    )


def listing(backups: list[BackupInfo]) -> str:
    from tracker.services.backups import describe_backup

    if not backups:
        return "There are no backups."
    lines = ["The backups, newest first:"]
    for info in backups:
        state = "" if info.verified else f" - does not verify: {info.problem}"
        lines.append(f"  {describe_backup(info)}{state}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from tracker.services.backups import BackupError

    if args.start_empty and args.backup:
        raise CommandError("--start-empty takes no BACKUP.", EXIT_BAD_INPUT)
    with locked_backups(args) as service:
        if args.list:
            print(listing(service.backups()))
            return EXIT_OK
        if args.start_empty:
            return _start_empty(service)
        try:
            chosen = _chosen(service, args.backup)
            result = service.restore(chosen)
        except BackupError as error:
            raise CommandError(str(error), EXIT_BAD_INPUT if args.backup else EXIT_FAILED) from None
    from tracker.services.backups import describe_backup

    print(f"Restored {describe_backup(result.restored)} into {safe(result.journal)}.")
    if result.previous is None:
        print("There was no journal before it to save.")
    elif result.previous_was_damaged:
        print(f"The damaged journal it replaces is kept as {safe(result.previous)}.")
    else:
        print(f"The previous journal was saved as {safe(result.previous)}.")
    return EXIT_OK


def _chosen(service: BackupService, name: str | None) -> BackupInfo | None:
    from tracker.services.backups import UnknownBackupError

    if name is None:
        return None
    try:
        return service.find(name)
    except UnknownBackupError as error:
        details = listing(error.available).splitlines()
        raise CommandError(str(error), EXIT_BAD_INPUT, details) from None


def _start_empty(service: BackupService) -> int:
    from tracker.storage.errors import JournalError

    try:
        path = service.start_empty()
    except JournalError as error:
        raise CommandError(str(error), EXIT_BAD_INPUT) from None
    print(f"A new, empty journal was started at {safe(path)}.")
    return EXIT_OK
