"""``check``: integrity check, the counts of each list, and the records that cannot be read;
exit 1 when the journal is damaged or a record cannot be read. ``--set-aside`` puts such
records aside (a verified backup first) so that the rest of the journal can be used."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.commands.base import EXIT_FAILED, EXIT_OK, CommandError, open_stored, safe

PROGRAM = "spine-journal"

WHAT_TO_DO = (
    "To use the rest of the journal, run `{program} check --set-aside` (a verified backup is "
    "made first, and the record is kept in a private file in the journal folder's set-aside "
    "folder), or `{program} restore --list` to go back to a backup."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set-aside",
        action="store_true",
        help="after a verified backup, move records that cannot be read out of the journal into "
        "private files in its set-aside folder, so that the rest can be used",
    )


def run(args: argparse.Namespace) -> int:
    from tracker.services.maintenance import check_journal

    with open_stored(args, lock=args.set_aside) as db:
        report = check_journal(db)
        if args.set_aside and report.unreadable and not report.problems:
            _set_aside(db.path.parent)
            report = check_journal(db)
    print(f"Journal: {safe(db.path)}")
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    if report.problems:
        print(f"The journal is damaged: {report.problems[0]}", file=sys.stderr)
        return EXIT_FAILED
    print("Integrity check: ok")
    if report.unreadable:
        from tracker.services.unreadable import describe

        for sentence in describe(report.unreadable):
            print(f"{PROGRAM} check: {sentence}", file=sys.stderr)
        print(WHAT_TO_DO.format(program=PROGRAM), file=sys.stderr)
        return EXIT_FAILED
    print("Every record can be read.")
    return EXIT_OK


def _set_aside(folder: Path) -> None:
    from tracker.services.unreadable import UnreadableService
    from tracker.storage.errors import JournalError

    try:
        done = UnreadableService(folder).set_aside()
    except JournalError as error:
        raise CommandError(str(error)) from None
    for row in done.rows:
        print(f"Set aside: {row.words()}.")
    print(f"Backup made first: {done.backup.name}.")
    for path in done.files:
        print(f"Kept in: {safe(path)}")
