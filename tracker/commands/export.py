"""``export --format json|csv|esas-csv|fhir --out FILE`` (``--out -`` for standard output).

The file is written to a temporary file beside FILE and renamed into place, mode 0600.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from tracker.commands.base import (
    EXIT_OK,
    CommandError,
    open_stored,
    os_reason,
    output_path,
    safe,
    write_stdout,
)

FORMATS = ("json", "csv", "esas-csv", "fhir")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help=(
            "json: the journal file (v2); csv: one row per entry; esas-csv: one row per "
            "ESAS-r form; fhir: a FHIR R4 Bundle"
        ),
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="'-' for standard output")


def run(args: argparse.Namespace) -> int:
    from tracker.services.exchange import ExchangeService, write_private_file

    out = None if args.out == "-" else output_path(args.out)
    exported_at = datetime.now().astimezone().replace(microsecond=0)
    with open_stored(args) as db:
        text = ExchangeService(db).export_text(args.format, exported_at)
    if out is None:
        write_stdout(text)
        return EXIT_OK
    try:
        write_private_file(out, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {out} ({os_reason(error)}).") from None
    print(f"Exported the journal ({args.format}) to {safe(out)}.")
    return EXIT_OK
