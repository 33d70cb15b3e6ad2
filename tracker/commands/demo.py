"""``demo [--years N] [--end DATE]``: fill an empty journal with the seeded synthetic history,
ending yesterday (so that the trends and the summary show its last weeks), or on ``--end`` for a
journal that is the same every time."""

from __future__ import annotations

import argparse

from tracker.commands.base import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    CommandError,
    counts_text,
    open_stored,
    safe,
)
from tracker.commands.dates import parse_day


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--years", type=int, default=2, help="years of history (default 2)")
    parser.add_argument(
        "--end",
        metavar="DATE",
        help="the history's last day (YYYY-MM-DD; default: yesterday); the same --end gives "
        "the same journal",
    )
    parser.add_argument(
        "--busy", action="store_true", help="three entries every day (the benchmark's heavy user)"
    )


def run(args: argparse.Namespace) -> int:
    from tracker.services.demo import fill_demo

    if not 1 <= args.years <= 30:
        raise CommandError("--years must be between 1 and 30.", EXIT_BAD_INPUT)
    end = parse_day(args.end, "--end")
    with open_stored(args, lock=True) as db:
        counts = fill_demo(db, args.years, end=end, busy=args.busy)
    print(f"Demo journal written to {safe(db.path)}: {counts_text(counts)}.")
    return EXIT_OK
