"""``report [--from DATE] [--to DATE] --out FILE.pdf``: the appointment summary as a PDF.

The default period ends today and starts on the day of the last appointment before it, or 30
days back when there is none (``SummaryService.default_period``); with only ``--to``, the same
rule counts back from that day. ``--out`` may name a folder: the file is then
``spine-journal-summary-<from>-<to>.pdf`` in it. The PDF is written with mode 0600 to a
temporary file beside it and renamed into place (``printout.write_pdf``).

Laying out and printing a ``QTextDocument`` needs a ``QGuiApplication``; without a display the
command runs Qt on its offscreen platform, so that it works on a server or over SSH.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.commands.base import EXIT_BAD_INPUT, EXIT_OK, CommandError, open_stored, output_path
from tracker.commands.dates import parse_day

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

HELP = "write the appointment summary as a PDF"
SUFFIXES = (".pdf",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="first day (YYYY-MM-DD; default: the day of the last appointment before --to, "
        "else 30 days before it)",
    )
    parser.add_argument(
        "--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD; default: today)"
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="a .pdf file, or a folder for spine-journal-summary-<from>-<to>.pdf",
    )


def gui_application() -> QCoreApplication:
    """The running Qt application, or a new ``QGuiApplication``: on the offscreen platform when
    there is no display to talk to (and no platform was chosen)."""
    from PySide6.QtGui import QGuiApplication

    running = QGuiApplication.instance()
    if running is not None:
        return running
    if needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication([sys.argv[0] if sys.argv else "spine-journal"])


def needs_offscreen() -> bool:
    """Linux without a display (a server, a terminal over ssh) and no Qt platform chosen: Qt
    would fail to connect to X11 or Wayland. Windows and macOS always have their own platform."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return sys.platform.startswith("linux") and no_display and "QT_QPA_PLATFORM" not in os.environ


def run(args: argparse.Namespace) -> int:
    start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
    if start is not None and end is not None and start > end:
        raise CommandError(f"--from {start} is after --to {end}.", EXIT_BAD_INPUT)
    out = Path(args.out)
    if not out.is_dir():
        out = output_path(args.out, SUFFIXES)

    from tracker.services.summary import SummaryService

    with open_stored(args) as db:
        service = SummaryService(db)
        last = end or date.today()
        first = start or service.default_period(last)[0]
        if first > last:
            raise CommandError(f"--from {first} is after the last day {last}.", EXIT_BAD_INPUT)
        data = service.summary_data(first, last)
    if out.is_dir():
        out = out / data.file_name

    _app = gui_application()  # kept alive until the PDF is written
    from tracker.ui.printout import write_pdf

    try:
        pages = write_pdf(data, out)
    except OSError as error:
        from tracker.commands.base import os_reason

        reason = os_reason(error)  # a full disk said as such
        raise CommandError(f"the summary could not be written to {out} ({reason}).") from None
    noun = "page" if pages == 1 else "pages"
    from tracker.commands.base import safe

    print(f"Summary of {first} to {last} written to {safe(out)} ({pages} {noun}).")
    return EXIT_OK
