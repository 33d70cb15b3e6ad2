"""``chart [--from DATE] [--to DATE] [--size WIDTHxHEIGHT] --out FILE.png|FILE.svg``.

Draws the trend chart of the stored journal (default: all of it, 1200x600 pixels). The file is
written beside its destination under a temporary name with mode 0600 and renamed into place
(``charts.save_trend_chart``), so a half-written chart never replaces a good one.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.commands.base import EXIT_BAD_INPUT, EXIT_OK, CommandError, open_stored, output_path
from tracker.commands.dates import parse_day

if TYPE_CHECKING:
    from tracker.domain.trends import TrendData

HELP = "draw the trend chart to a PNG or SVG file"
SUFFIXES = (".png", ".svg")
DPI = 100
MIN_SIZE = (400, 300)
MAX_SIZE = (10000, 10000)
_SIZE = re.compile(r"^(\d{1,5})[xX×](\d{1,5})$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    parser.add_argument(
        "--size",
        default="1200x600",
        metavar="WIDTHxHEIGHT",
        help="picture size in pixels (default 1200x600)",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="a .png or .svg file")


def parse_size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text.strip())
    if match is None:
        raise CommandError(
            f"--size {text!r} is not a size in pixels like 1200x600.", EXIT_BAD_INPUT
        )
    width, height = int(match.group(1)), int(match.group(2))
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise CommandError(
            f"--size {text} is out of range: the width must be {MIN_SIZE[0]} to {MAX_SIZE[0]} "
            f"pixels and the height {MIN_SIZE[1]} to {MAX_SIZE[1]}.",
            EXIT_BAD_INPUT,
        )
    return width, height


def run(args: argparse.Namespace) -> int:
    out = output_path(args.out, SUFFIXES)
    width, height = parse_size(args.size)
    start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
    if start is not None and end is not None and start > end:
        raise CommandError(f"--from {start} is after --to {end}.", EXIT_BAD_INPUT)

    from tracker.services.trends import TrendsService

    with open_stored(args) as db:
        data = TrendsService(db).trend_data(start, end)
    write_chart(data, out, width, height)
    from tracker.commands.base import safe

    print(f"Chart of {data.start} to {data.end} written to {safe(out)} ({width}x{height} pixels).")
    return EXIT_OK


def write_chart(data: TrendData, out: Path, width: int, height: int) -> None:
    from tracker.charts import save_trend_chart

    try:
        save_trend_chart(data, out, width_px=width, height_px=height, dpi=DPI)
    except OSError as error:
        from tracker.commands.base import os_reason

        reason = os_reason(error)  # a full disk said as such
        raise CommandError(f"the chart could not be written to {out} ({reason}).") from None
