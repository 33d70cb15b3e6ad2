"""``chart [--kind trend|spine] [--from DATE] [--to DATE] [--size WIDTHxHEIGHT] --out FILE``.

Draws the trend chart of the stored journal (default: all of it, 1200x600 pixels), or with
``--kind spine`` the spine map (600x800 pixels; an SVG keeps its words as text). The file is
written beside its destination under a temporary name with mode 0600 and renamed into place
(``charts.saving``), so a half-written chart never replaces a good one.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.commands.base import EXIT_BAD_INPUT, EXIT_OK, CommandError, open_stored, output_path
from tracker.commands.dates import parse_day

if TYPE_CHECKING:
    from tracker.domain.spine_map import SpineMapData
    from tracker.domain.trends import TrendData

HELP = "draw the trend chart (or the spine map) to a PNG or SVG file"
KINDS = ("trend", "spine")
DEFAULT_SIZES = {"trend": "1200x600", "spine": "600x800"}
SUFFIXES = (".png", ".svg")
DPI = 100
MIN_SIZE = (400, 300)
MAX_SIZE = (10000, 10000)
_SIZE = re.compile(r"^(\d{1,5})[xX×](\d{1,5})$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="trend",
        help="trend: the trend chart (the default); spine: the spine map",
    )
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    parser.add_argument(
        "--size",
        metavar="WIDTHxHEIGHT",
        help="picture size in pixels (default 1200x600, the spine map 600x800)",
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
    width, height = parse_size(args.size or DEFAULT_SIZES[args.kind])
    start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
    if start is not None and end is not None and start > end:
        raise CommandError(f"--from {start} is after --to {end}.", EXIT_BAD_INPUT)

    if args.kind == "spine":
        return _run_spine(args, out, (start, end), (width, height))
    from tracker.services.trends import TrendsService

    with open_stored(args) as db:
        data = TrendsService(db).trend_data(start, end)
    write_chart(data, out, width, height)
    from tracker.commands.base import safe

    print(f"Chart of {data.start} to {data.end} written to {safe(out)} ({width}x{height} pixels).")
    return EXIT_OK


def _run_spine(
    args: argparse.Namespace,
    out: Path,
    days: tuple[date | None, date | None],
    size: tuple[int, int],
) -> int:
    from tracker.services.spine import SpineService

    with open_stored(args) as db:
        data = SpineService(db).spine_map(*days)
    write_chart(data, out, *size)
    from tracker.commands.base import safe

    print(
        f"Spine map of {data.start} to {data.end} written to {safe(out)} "
        f"({size[0]}x{size[1]} pixels)."
    )
    return EXIT_OK


def write_chart(data: TrendData | SpineMapData, out: Path, width: int, height: int) -> None:
    from tracker.charts import save_spine_chart, save_trend_chart
    from tracker.domain.spine_map import SpineMapData

    try:
        if isinstance(data, SpineMapData):
            save_spine_chart(data, out, width_px=width, height_px=height, dpi=DPI)
        else:
            save_trend_chart(data, out, width_px=width, height_px=height, dpi=DPI)
    except OSError as error:
        from tracker.commands.base import os_reason

        reason = os_reason(error)  # a full disk said as such
        raise CommandError(f"the chart could not be written to {out} ({reason}).") from None
