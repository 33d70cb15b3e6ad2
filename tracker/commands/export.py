"""``export --format json --out FILE`` (``--out -`` for standard output)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from tracker.commands.base import EXIT_OK, CommandError, open_stored, output_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["json"], default="json")
    parser.add_argument("--out", required=True, metavar="FILE", help="'-' for standard output")


def run(args: argparse.Namespace) -> int:
    from tracker.services.exchange import ExchangeService, write_private_file

    out = None if args.out == "-" else output_path(args.out)
    with open_stored(args) as db:
        text = ExchangeService(db).export_json(datetime.now().astimezone().replace(microsecond=0))
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK
    try:
        write_private_file(out, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {out} ({error.strerror}).") from None
    print(f"Exported the journal to {out}.")
    return EXIT_OK
