"""``flags [FILE]``: evaluate the red-flag rules on the latest entry; print JSON.

With FILE, only that journal file is read: the stored journal is neither opened nor changed.
Only the JSON goes to standard output. Exit 0 whatever the tier; 2 for a file that is not a
valid journal (with the import's message).
"""

from __future__ import annotations

import argparse
import json

from tracker.commands.base import EXIT_OK, open_stored, read_journal_file, write_stdout


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", nargs="?", help="a journal file (default: the stored journal)"
    )


def run(args: argparse.Namespace) -> int:
    from tracker.domain import flag_results

    if args.file is not None:
        journal = read_journal_file(args.file)
        evaluation = flag_results.evaluate_latest(journal)
    else:
        from tracker.services.alerts import AlertService

        with open_stored(args) as db:
            evaluation = AlertService(db).evaluate_latest()
    write_stdout(
        json.dumps(flag_results.flags_document(evaluation), indent=2, ensure_ascii=False) + "\n"
    )
    return EXIT_OK
