"""``check``: integrity check and the counts of each list; exit 1 when the journal is damaged."""

from __future__ import annotations

import argparse
import sys

from tracker.commands.base import EXIT_FAILED, EXIT_OK, open_stored, safe


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options beyond --data-dir


def run(args: argparse.Namespace) -> int:
    from tracker.services.maintenance import check_journal

    with open_stored(args) as db:
        report = check_journal(db)
    print(f"Journal: {safe(db.path)}")
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    if report.problems:
        print(f"The journal is damaged: {report.problems[0]}", file=sys.stderr)
        return EXIT_FAILED
    print("Integrity check: ok")
    return EXIT_OK
