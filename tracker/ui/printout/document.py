"""The summary as one ``QTextDocument``, laid out for a paged device and painted page by page
with a footer; the PDF written through a ``QPdfWriter``."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from tracker.domain.summary import (
    SummaryData,
    short_day,
)
from tracker.os_files import private_file
from tracker.ui.printout.chart_picture import CHART_HEIGHT_MM, chart_image
from tracker.ui.printout.markup import BASE_PT, STYLE
from tracker.ui.printout.page_breaks import break_before, chart_on_scores_page, headings_to_move
from tracker.ui.printout.paper import (
    APP_NAME,
    FOOTER_MM,
    MM_PER_INCH,
    PDF_DPI,
    content_size_mm,
    page_layout,
    text_dpi,
)
from tracker.ui.printout.spine_picture import SPINE_URL, image_height_mm, spine_image
from tracker.ui.printout.summary_html import CHART_URL, HEADING, summary_html

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    # What the summary is painted on: a printer (or the preview's), or a PDF writer.
    PagedDevice: TypeAlias = QPrinter | QPdfWriter


def build_document(
    data: SummaryData,
    page_size: QPageSize | None = None,
    *,
    chart: bool = True,
    chart_first: bool = True,
) -> QTextDocument:
    """The summary laid out for ``page_size`` (default: from the locale) with this module's
    margins, the chart after the pain scores (``chart_first``) or after the ESAS-r section. Its
    page size is in document pixels (``text_dpi``); ``print_document`` lays it out again for
    the printer it paints on (and chooses where the chart goes)."""
    content = content_size_mm(page_layout(page_size))
    image = chart_image(data, content.width(), CHART_HEIGHT_MM) if chart else None
    return _document(data, page_size, image, chart_first=chart_first)


def _document(
    data: SummaryData,
    page_size: QPageSize | None,
    image: QImage | None,
    *,
    entries: bool = True,
    breaks: Iterable[int] = (),
    chart_first: bool = True,
    spine: QImage | None = None,
) -> QTextDocument:
    """The summary's document with the chart picture ``image`` (none: no chart), its page size
    set last: the headings of the blocks numbered ``breaks`` start a page, set before anything
    is laid out."""
    content = content_size_mm(page_layout(page_size))
    per_mm = text_dpi() / MM_PER_INCH
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(BASE_PT)
    # No ligatures: with them "flags" is stored as "ﬂags", and a search of the PDF for
    # "flags" (or a screen reader, or pdftotext) misses it.
    font.setFeature(QFont.Tag("liga"), 0)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, data.title)
    chart_px = spine_px = None
    if image is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, image)
        chart_px = QSizeF(content.width() * per_mm, CHART_HEIGHT_MM * per_mm)
    if data.spine is not None:
        strip = spine if spine is not None else spine_image(data.spine, content.width())
        document.addResource(QTextDocument.ResourceType.ImageResource, SPINE_URL, strip)
        height = image_height_mm(strip, content.width())
        spine_px = QSizeF(content.width() * per_mm, height * per_mm)
    html = summary_html(
        data, chart_px, entries=entries, spine_size_px=spine_px, chart_first=chart_first
    )
    document.setHtml(html)
    for number in breaks:
        break_before(document.findBlockByNumber(number))
    document.setPageSize(QSizeF(content.width() * per_mm, content.height() * per_mm))
    return document


def footer_text(data: SummaryData, page: int, pages: int) -> str:
    name = f"{data.display_name}  ·  " if data.display_name else ""
    period = f"{short_day(data.start)} to {short_day(data.end)}"
    return f"{name}{HEADING}, {period}  ·  page {page} of {pages}"


def paint_area(device: PagedDevice) -> QRectF:
    """The printable area of ``device``'s page in device pixels (as ``QPrinter.pageRect`` in
    device pixels gives it; a ``QPdfWriter`` has no ``pageRect``)."""
    return QRectF(device.pageLayout().paintRectPixels(device.resolution()))


def _for_printer(document: QTextDocument, printer: PagedDevice, page_height: float) -> None:
    area = paint_area(printer)
    document.documentLayout().setPaintDevice(printer)
    document.setPageSize(QSizeF(area.width(), page_height))


def layout_for_printer(data: SummaryData, printer: PagedDevice) -> tuple[QTextDocument, float]:
    """The summary laid out in ``printer``'s device pixels on its paper, less the footer; and
    the height of one page of text.

    The headings to move to a new page are found on the pages before the entries (the entries
    start a page of their own, so nothing before them moves with them); the whole summary is
    then made with those headings starting a page and laid out once, as it is painted. Moving
    a heading in the laid-out summary laid its long table of entries out again each time."""
    page_size = printer.pageLayout().pageSize()
    area = paint_area(printer)
    page_height = area.height() - FOOTER_MM * printer.resolution() / MM_PER_INCH
    content = content_size_mm(page_layout(page_size))
    image = chart_image(data, content.width(), CHART_HEIGHT_MM)
    # drawn once for every layout tried (each drawing took about a fifth of the PDF's time)
    spine = None if data.spine is None else spine_image(data.spine, content.width())
    before_entries = _document(data, page_size, image, entries=False, spine=spine)
    _for_printer(before_entries, printer, page_height)
    first = chart_on_scores_page(before_entries, page_height)
    if not first:  # the scores that follow the chart fill the page it leaves empty
        before_entries = _document(
            data, page_size, image, entries=False, chart_first=False, spine=spine
        )
        _for_printer(before_entries, printer, page_height)
    moved = headings_to_move(before_entries, page_height)
    document = _document(data, page_size, image, breaks=moved, chart_first=first, spine=spine)
    _for_printer(document, printer, page_height)
    return document, page_height


def print_document(data: SummaryData, printer: PagedDevice) -> int:
    """Lay the summary out for ``printer`` and paint every page with its footer; return the
    number of pages. Raises ``OSError`` when the printer cannot be painted on (a PDF file that
    cannot be written)."""
    document, page_height = layout_for_printer(data, printer)
    area = paint_area(printer)
    footer = area.height() - page_height
    pages = document.pageCount()
    # Each page is clipped a hair above the next page's top edge: an image that starts exactly
    # there would otherwise leave an anti-aliased sliver at the foot of the page before.
    gap = max(1.0, printer.resolution() / 300)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer or file could not be opened for writing")
    try:
        small = QFont(document.defaultFont())
        small.setPointSizeF(8)
        for index in range(pages):
            if index:
                printer.newPage()
            top = index * page_height
            painter.save()
            painter.translate(0, -top)
            document.drawContents(painter, QRectF(0, top, area.width(), page_height - gap))
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, page_height, area.width(), footer),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                footer_text(data, index + 1, pages),
            )
    finally:
        painter.end()
    return pages


def pdf_writer(data: SummaryData, path: Path, page_size: QPageSize | None = None) -> QPdfWriter:
    """A PDF writer for ``path`` whose metadata carry only the title and the dates. It opens no
    connection (a ``QPrinter`` would ask the print service for its default printer)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(page_size))
    writer.setTitle(data.title)
    writer.setCreator(APP_NAME)
    return writer


def configure_printer(printer: QPrinter, data: SummaryData, page_size: QPageSize | None) -> None:
    """Paper and margins for a real printer or the preview (the dialogs may change them)."""
    printer.setPageLayout(page_layout(page_size))
    printer.setDocName(data.title)
    printer.setCreator(APP_NAME)


def write_pdf(data: SummaryData, path: Path, page_size: QPageSize | None = None) -> int:
    """Write the summary to ``path`` as a PDF (mode 0600): to a temporary file in the same
    folder, renamed into place, so a half-written file never replaces a good one. Returns the
    number of pages; raises ``OSError`` when the file cannot be written."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".partial", dir=path.parent
    )
    os.close(handle)
    try:
        pages = print_document(data, pdf_writer(data, Path(temporary), page_size))
        if os.path.getsize(temporary) == 0:
            raise OSError(f"nothing was written to {path}")
        private_file(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return pages
