"""The printed appointment summary: one ``QTextDocument`` for the preview, paper and PDF.

``build_document`` writes the summary as HTML with a small style sheet; ``print_document`` lays
it out for a paged device (its paper, margins and resolution) and paints it page by page with a
footer ("page 2 of 5"); the print preview, the print dialog and ``write_pdf`` all go through
``print_document``. Needs a ``QGuiApplication`` (fonts); no widgets.

A PDF is written by a ``QPdfWriter``, never a ``QPrinter``: a ``QPrinter`` asks the system's
print service for its default printer as it is made (on Linux and macOS, CUPS: a connection to
127.0.0.1:631, [::1]:631 or ``CUPS_SERVER``), even to write a file. Only printing to a printer
(the window's Print and its preview) uses a ``QPrinter``. This module does not import
``QtPrintSupport`` at all.

Page 1 is what a clinician reads in a minute: the period and helpline, the spine map's strip,
the red flags, the nerve signs at the start and the end, the pain scores and, when it fits, the
chart; when it does not, the ESAS-r scores fill the page and the chart starts the next one. The
chart is the trends view's own figure (``charts.build_trend_figure``, in greys) drawn at print
resolution into a greyscale picture (an image resource), always ``CHART_HEIGHT_MM`` tall, placed
alone in its block under a heading: Qt never splits a line, so the chart is never split. Headings
are kept with what follows them (``keep_headings_with_next``). The entries start on a new page.

Greyscale-safe: meaning is carried by words, bold, italic and borders, never by colour alone.
Every text the person wrote is escaped (``html.escape``): a note that holds HTML prints as typed.
"""

from tracker.ui.printout.chart_picture import CHART_DPI, CHART_HEIGHT_MM, chart_image
from tracker.ui.printout.document import (
    build_document,
    configure_printer,
    footer_text,
    layout_for_printer,
    paint_area,
    pdf_writer,
    print_document,
    write_pdf,
)
from tracker.ui.printout.page_breaks import keep_headings_with_next
from tracker.ui.printout.paper import page_layout, page_size_for_locale
from tracker.ui.printout.summary_html import CHART_URL, summary_html

__all__ = [
    "CHART_DPI",
    "CHART_HEIGHT_MM",
    "CHART_URL",
    "build_document",
    "chart_image",
    "configure_printer",
    "footer_text",
    "keep_headings_with_next",
    "layout_for_printer",
    "page_layout",
    "page_size_for_locale",
    "paint_area",
    "pdf_writer",
    "print_document",
    "summary_html",
    "write_pdf",
]
