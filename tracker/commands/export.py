"""``export --format json|csv|esas-csv|fhir|ics --out FILE`` (``--out -`` for standard output).

The file is written to a temporary file beside FILE and renamed into place, mode 0600.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from tracker.commands.base import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    CommandError,
    open_stored,
    os_reason,
    output_path,
    safe,
    write_stdout,
)

FORMATS = ("json", "csv", "csv-doses", "esas-csv", "fhir", "ics")
DETAILS_WARNING = (
    "The calendar file names who each appointment is with and each medicine: phone calendars "
    "are often copied to cloud services, where others may read them."
)

if TYPE_CHECKING:
    from tracker.storage.database import JournalDatabase


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: the journal file (v2); csv: one row per entry; csv-doses: one row per dose "
        "of a regular medicine; esas-csv: one row per ESAS-r form; fhir: a FHIR R4 Bundle; ics: "
        "a calendar of the appointments, sessions to come and reminders",
    )
    parser.add_argument(
        "--include-details",
        action="store_true",
        help="ics only: add who each appointment is with and the medicine names (phone "
        "calendars are copied to cloud services, so the words are neutral without it)",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="'-' for standard output")


def run(args: argparse.Namespace) -> int:
    from tracker.services.exchange import ExchangeService, write_private_file

    if args.include_details and args.format != "ics":
        raise CommandError("--include-details is for --format ics only.", EXIT_BAD_INPUT)
    out = None if args.out == "-" else output_path(args.out)
    exported_at = datetime.now().astimezone().replace(microsecond=0)
    with open_stored(args) as db:
        if args.format == "ics":
            text = _calendar(db, exported_at, args.include_details)
        else:
            text = ExchangeService(db).export_text(args.format, exported_at)
    if out is None:
        write_stdout(text)
        return EXIT_OK
    try:
        write_private_file(out, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {out} ({os_reason(error)}).") from None
    print(f"Exported the journal ({args.format}) to {safe(out)}.")
    from tracker.services.passphrase import journal_is_protected

    if journal_is_protected(db.path):
        print("The journal is encrypted, but this export is a plain file: keep it private.")
    return EXIT_OK


def _calendar(db: JournalDatabase, now: datetime, details: bool) -> str:
    from tracker.local_zone import local_zone
    from tracker.services.reminders import ReminderService

    if details:
        print(f"Warning: {DETAILS_WARNING}", file=sys.stderr)
    return ReminderService(db).calendar(local_zone(), now, details=details)
