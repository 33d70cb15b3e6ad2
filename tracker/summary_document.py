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

Page 1 is what a clinician reads in a minute: the period and helpline, the red flags, the nerve
signs at the start and the end, the pain scores and, when it fits, the chart. The chart is the
trends view's own figure (``charts.build_trend_figure``, in greys) drawn at print resolution
into a greyscale picture (an image resource), placed alone in its block: Qt never splits a line,
so the chart is never split; when it does not fit it starts the next page whole. Headings are
kept with what follows them (``keep_headings_with_next``). The entries start on a new page.

Greyscale-safe: meaning is carried by words, bold, italic and borders, never by colour alone.
Every text the person wrote is escaped (``html.escape``): a note that holds HTML prints as typed.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from tracker.domain.summary import (
    NO_SIGNS,
    NONE_RECORDED,
    RESPONSE_COLUMNS,
    WEEK_DAYS,
    SummaryData,
    period_text,
    short_day,
    time_text,
)
from tracker.os_files import private_file

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    # What the summary is painted on: a printer (or the preview's), or a PDF writer.
    PagedDevice: TypeAlias = QPrinter | QPdfWriter

APP_NAME = "Spine Journal"
HEADING = "Spine Journal summary"
MARGINS_MM = QMarginsF(15.0, 13.0, 15.0, 10.0)  # left, top, right, bottom
FOOTER_MM = 8.0  # reserved at the bottom of the printable area for the page footer
CHART_HEIGHT_MM = 100.0
CHART_DPI = 200  # the chart picture's resolution on paper
PDF_DPI = 1200  # as a QPrinter in high resolution writes a PDF
CHART_FONT_PT = 8.0
WEEKS_PER_TABLE = 13
MEDICINE_COLUMN, WEEK_COLUMN = 27.0, 5.6  # percent of the text width
CHART_URL = QUrl("spine-journal:chart.png")
BASE_PT = 10
MM_PER_INCH = 25.4
# Territories that use US Letter paper; the rest of the world uses A4.
LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.Venezuela,
        QLocale.Country.CostaRica,
        QLocale.Country.Guatemala,
        QLocale.Country.Panama,
        QLocale.Country.PuertoRico,
        QLocale.Country.DominicanRepublic,
        QLocale.Country.ElSalvador,
        QLocale.Country.Nicaragua,
        QLocale.Country.Belize,
    }
)

STYLE = f"""
body {{ font-size: {BASE_PT}pt; }}
h1 {{ font-size: 17pt; font-weight: bold; margin-top: 0px; margin-bottom: 2px; }}
h2 {{ font-size: 13pt; font-weight: bold; margin-top: 12px; margin-bottom: 4px; }}
h3 {{ font-size: 11pt; font-weight: bold; margin-top: 8px; margin-bottom: 3px; }}
p {{ margin-top: 0px; margin-bottom: 3px; }}
p.note {{ font-size: 8.5pt; font-style: italic; }}
p.none {{ font-style: italic; }}
table {{ border-collapse: collapse; border-color: #000000; border-style: solid; }}
table.data {{ font-size: 9pt; margin-bottom: 4px; }}
table.entries {{ font-size: 8.5pt; }}
th {{ font-weight: bold; text-align: left; background-color: #e8e8e8; }}
"""


# ---- paper -------------------------------------------------------------------------------------


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """US Letter where the territory of ``locale`` (default: the system's) uses it, else A4."""
    territory = (locale or QLocale.system()).territory()
    size = (
        QPageSize.PageSizeId.Letter if territory in LETTER_TERRITORIES else QPageSize.PageSizeId.A4
    )
    return QPageSize(size)


def page_layout(page_size: QPageSize | None = None) -> QPageLayout:
    return QPageLayout(
        page_size or page_size_for_locale(),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def content_size_mm(layout: QPageLayout) -> QSizeF:
    """The width of the text and the height of one page of it, in millimetres."""
    rect = layout.paintRect(QPageLayout.Unit.Millimeter)
    return QSizeF(rect.width(), rect.height() - FOOTER_MM)


def text_dpi() -> float:
    """The resolution the document's own pixel sizes are meant in: Qt's default (the primary
    screen's logical DPI). Qt scales images and fixed lengths by a device's DPI over this one."""
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 96.0


# ---- HTML --------------------------------------------------------------------------------------


def esc(text: str) -> str:
    """User text for HTML: escaped, with its line breaks kept."""
    return html.escape(text, quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    css: str = "data",
    widths: Sequence[float] = (),
    *,
    repeat_header: bool = False,
    width: float = 100,
) -> str:
    """A bordered table; cells are HTML already (escape before). ``widths`` in percent.
    ``repeat_header``: the header row is repeated on each page the table runs onto (only for
    long tables: Qt repeats it even when just a table's bottom border crosses the page end,
    over the text that follows)."""
    head = "".join(
        f'<th width="{widths[i]:.4g}%">{h}</th>' if i < len(widths) else f"<th>{h}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    head = f"<thead><tr>{head}</tr></thead>" if repeat_header else f"<tr>{head}</tr>"
    return (
        f'<table class="{css}" width="{width:g}%" border="1" cellspacing="0" cellpadding="3">'
        f"{head}{body}</table>"
    )


def _none(text: str = NONE_RECORDED) -> str:
    return f'<p class="none">{esc(text)}.</p>'


def _title(data: SummaryData) -> str:
    parts = [f"<h1>{HEADING}</h1>", f"<p><b>Period:</b> {esc(period_text(data.start, data.end))}"]
    if data.display_name:
        parts.append(f" &nbsp;&nbsp; <b>Name:</b> {esc(data.display_name)}")
    parts.append("</p>")
    helpline = esc(data.helpline) if data.helpline else "<i>none recorded</i>"
    parts.append(f"<p><b>24-hour helpline:</b> {helpline}</p>")
    flags = "red flag" if data.alert_count == 1 else "red flags"
    entries = "entry" if len(data.entries) == 1 else "entries"
    parts.append(
        f"<p>{len(data.entries)} {entries} and {data.alert_count} {flags} recorded in this "
        "period.</p>"
    )
    parts.append(
        '<p class="note">Written by the person in their own journal. It lists only what was '
        "recorded: an empty section means nothing was recorded, not that all is well. A red "
        "flag is advice to contact the care team, never a diagnosis.</p>"
    )
    return "".join(parts)


def _red_flags(data: SummaryData) -> str:
    html_parts = ["<h2>Red flags</h2>"]
    if not data.red_flags:
        return html_parts[0] + _none()
    rows = []
    for row in data.red_flags:
        tier = f"<b>{row.tier_words}</b>" if row.tier != "watch" else f"<i>{row.tier_words}</i>"
        done = esc(row.action)
        if row.note:
            done += f": <i>“{esc(row.note)}”</i>"
        rows.append((esc(row.when), tier, f"<b>{esc(row.rule)}</b> {esc(row.wording)}", done))
    html_parts.append(
        _table(
            ("When", "Tier", "Rule and what was recorded", "What was done"),
            rows,
            widths=(24, 15, 40, 21),
        )
    )
    return "".join(html_parts)


def _neuro(data: SummaryData) -> str:
    neuro = data.neuro
    parts = ["<h2>Neurological status</h2>"]
    if neuro.first_at is None or neuro.last_at is None:
        return parts[0] + _none("No entries recorded in this period")
    if len(data.entries) == 1:
        parts.append("<p>Only one entry in this period: the start and the end are the same.</p>")
    first = f"First entry<br>{esc(time_text(neuro.first_at))}"
    last = f"Last entry<br>{esc(time_text(neuro.last_at))}"
    rows = []
    for row in neuro.rows:
        change = esc(row.change)
        end = esc(row.end)
        if row.change != "no change":
            change, end = f"<b>{change}</b>", f"<b>{end}</b>"
        rows.append((f"<b>{esc(row.sign)}</b>", esc(row.start), end, change, esc(row.worst)))
    heads = ("Sign", first, last, "Level at the end", "Worst in the period")
    parts.append(_table(heads, rows, widths=(16, 24, 24, 12, 24)))
    parts.append(f"<p>Nerve questions {esc(neuro.answered_text)}.</p>")
    return "".join(parts)


def _pain(data: SummaryData, chart_size_px: QSizeF | None) -> str:
    """The scores, then the chart in a paragraph of its own: the heading is kept with the
    scores, and the chart (titled) may start the next page."""
    pain = data.pain
    lines = []
    if pain.latest_at is None or pain.latest_score is None:
        lines.append(f"<i>{esc('No pain scores recorded in this period')}.</i>")
    else:
        worst = (
            "" if pain.latest_worst is None else f", worst in 24 hours <b>{pain.latest_worst}</b>"
        )
        lines += [
            f"<b>Latest score: {pain.latest_score}</b> out of 10{worst} "
            f"({esc(time_text(pain.latest_at))})",
            f"<b>Mean score, first 7 days:</b> {esc(pain.first_week.text())}",
            f"<b>Mean score, last 7 days:</b> {esc(pain.last_week.text())}",
        ]
    chart = ""
    if chart_size_px is not None:
        chart = (
            f'<p><img src="{CHART_URL.toString()}" width="{round(chart_size_px.width())}" '
            f'height="{round(chart_size_px.height())}"></p>'
        )
    return "<h2>Pain</h2><p>" + "<br>".join(lines) + "</p>" + chart


def _treatments(data: SummaryData) -> str:
    parts = ["<h2>Treatments</h2>"]
    if data.treatments:
        lines = [(f"<b>{esc(t.label)}</b>", esc(t.dates), esc(t.details)) for t in data.treatments]
        parts.append(_table(("Treatment", "Dates", "Details"), lines, widths=(22, 30, 48)))
    else:
        parts.append(_none())
    parts.append("<h3>What changed after each treatment</h3>")
    if not data.responses:
        parts.append(_none("No treatment in or shortly before this period"))
        return "".join(parts)
    rows = [
        (
            esc(r.treatment),
            esc(r.dates),
            esc(r.before),
            esc(r.after),
            f"<b>{esc(r.change)}</b>",
            esc(r.later),
        )
        for r in data.responses
    ]
    parts.append(_table(RESPONSE_COLUMNS, rows, widths=(15, 17, 17, 17, 12, 22)))
    parts.append(
        '<p class="note">Mean pain score (0-10) over the entries of each window: before is days '
        "-14 to -1; after is days 1 to 14 after the procedure, the course's end or the last "
        "radiotherapy session; change is after minus before.</p>"
    )
    return "".join(parts)


def _doses(data: SummaryData) -> str:
    """Weeks across, medicines down: a row of numbers reads as a trend, and 13 weeks take three
    lines instead of a column of thirteen."""
    doses = data.doses
    parts = ["<h2>Painkillers</h2>"]
    if not doses.medicines:
        parts.append(_none("No as-needed doses recorded in this period"))
    else:
        first = doses.weeks[0]
        short = "" if first.days == WEEK_DAYS else f"; the first has {first.days} days"
        parts.append(
            f"<p>As-needed doses per week, {doses.total} in all (weeks of 7 days counted back "
            f"from {esc(short_day(data.end))}{short}; each column shows the day its week "
            "starts).</p>"
        )
        for index in range(0, len(doses.weeks), WEEKS_PER_TABLE):
            weeks = doses.weeks[index : index + WEEKS_PER_TABLE]
            headers = ["Medicine", *(f"{w.first_day.day}<br>{w.first_day:%b}" for w in weeks)]
            rows = [
                [f"<b>{esc(name)}</b>", *(str(w.counts[column]) for w in weeks)]
                for column, name in enumerate(doses.medicines)
            ]
            if len(doses.medicines) > 1:
                rows.append(["<b>All</b>", *(f"<b>{w.total}</b>" for w in weeks)])
            width = MEDICINE_COLUMN + WEEK_COLUMN * len(weeks)
            widths = (100 * MEDICINE_COLUMN / width, *(100 * WEEK_COLUMN / width,) * len(weeks))
            parts.append(_table(headers, rows, widths=widths, width=width))
    if doses.regular:
        names = ", ".join(esc(n) for n in doses.regular)
        parts.append(f"<p>Also recorded as regular (not as-needed) doses: {names}.</p>")
    return "".join(parts)


def _questions(data: SummaryData) -> str:
    parts = ["<h2>Questions for this appointment</h2>"]
    appointment = data.appointment
    if appointment is None:
        return parts[0] + _none("No appointment recorded in or after this period")
    who = f" with {esc(appointment.with_whom)}" if appointment.with_whom else ""
    parts.append(f"<p><b>Appointment: {esc(time_text(appointment.at))}</b>{who}</p>")
    if appointment.questions:
        parts.append(f"<p>{esc(appointment.questions)}</p>")
    else:
        parts.append(_none("No questions written for this appointment"))
    return "".join(parts)


def _entries(data: SummaryData) -> str:
    parts = ['<h2 style="page-break-before: always;">Entries</h2>']
    if not data.entries:
        return parts[0] + _none("No entries recorded in this period")
    parts.append(
        '<p class="note">Pain 0 (none) to 10 (worst imaginable). Nerve signs show only what '
        "was above 0, at levels 1 to 3: weakness 1 slight, 2 struggles with everyday tasks, "
        "3 can barely move it; numbness 1 now and then, 2 constant, 3 no feeling; walking "
        "1 unsteady, 2 needs a stick, frame or help, 3 cannot walk.</p>"
    )
    rows = [
        (
            esc(time_text(e.recorded_at)),
            f"<b>{e.pain}</b>",
            "" if e.worst is None else str(e.worst),
            f"<i>{esc(e.neuro)}</i>" if e.neuro == NO_SIGNS else f"<b>{esc(e.neuro)}</b>",
            esc(e.note),
        )
        for e in data.entries
    ]
    parts.append(
        _table(
            ("Date and time", "Pain", "Worst 24 h", "Nerve signs", "Note"),
            rows,
            css="entries",
            widths=(24, 6, 7, 24, 39),
            repeat_header=True,
        )
    )
    return "".join(parts)


def summary_html(
    data: SummaryData, chart_size_px: QSizeF | None = None, *, entries: bool = True
) -> str:
    """The whole summary as HTML; the chart is an ``<img>`` of ``chart_size_px`` (document
    pixels) when given. ``entries=False``: all but the entries (the pages before them)."""
    body = "".join(
        (
            _title(data),
            _red_flags(data),
            _neuro(data),
            _pain(data, chart_size_px),
            _treatments(data),
            _doses(data),
            _questions(data),
            _entries(data) if entries else "",
        )
    )
    return f"<html><head><title>{esc(data.title)}</title></head><body>{body}</body></html>"


# ---- the chart ---------------------------------------------------------------------------------


def chart_image(data: SummaryData, width_mm: float, height_mm: float) -> QImage:
    """The trends view's chart of the period, in greys, as a greyscale picture at
    ``CHART_DPI``. Drawn straight into Agg's pixel buffer: encoding a PNG first would only be
    decoded again (and, with constrained layout, ``savefig`` draws the figure twice)."""
    from tracker.charts import GlyphCacheCanvas, build_trend_figure

    figure = build_trend_figure(
        data.trend,
        width_in=width_mm / MM_PER_INCH,
        height_in=height_mm / MM_PER_INCH,
        dpi=CHART_DPI,
        for_print=True,
        font_size=CHART_FONT_PT,
    )
    canvas = GlyphCacheCanvas(figure)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    pixels = bytes(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    image = QImage(pixels, width, height, 4 * width, QImage.Format.Format_RGBA8888)
    # A grey picture for a greyscale page: one channel, no alpha (a smaller, faster PDF).
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


# ---- the document ------------------------------------------------------------------------------


def build_document(
    data: SummaryData, page_size: QPageSize | None = None, *, chart: bool = True
) -> QTextDocument:
    """The summary laid out for ``page_size`` (default: from the locale) with this module's
    margins. Its page size is in document pixels (``text_dpi``); ``print_document`` lays it out
    again for the printer it paints on."""
    content = content_size_mm(page_layout(page_size))
    image = chart_image(data, content.width(), CHART_HEIGHT_MM) if chart else None
    return _document(data, page_size, image)


def _document(
    data: SummaryData,
    page_size: QPageSize | None,
    image: QImage | None,
    *,
    entries: bool = True,
    breaks: Iterable[int] = (),
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
    chart_px = None
    if image is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, image)
        chart_px = QSizeF(content.width() * per_mm, CHART_HEIGHT_MM * per_mm)
    document.setHtml(summary_html(data, chart_px, entries=entries))
    for number in breaks:
        _break_before(document.findBlockByNumber(number))
    document.setPageSize(QSizeF(content.width() * per_mm, content.height() * per_mm))
    return document


def footer_text(data: SummaryData, page: int, pages: int) -> str:
    name = f"{data.display_name}  ·  " if data.display_name else ""
    period = f"{short_day(data.start)} to {short_day(data.end)}"
    return f"{name}{HEADING}, {period}  ·  page {page} of {pages}"


def _first_line_top(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    lines = block.layout()
    top = layout.blockBoundingRect(block).top()
    return top + (lines.lineAt(0).y() if lines.lineCount() else 0.0)


def _last_line_bottom(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    lines = block.layout()
    rect = layout.blockBoundingRect(block)
    if not lines.lineCount():
        return rect.bottom()
    last = lines.lineAt(lines.lineCount() - 1)
    return rect.top() + last.y() + last.height()


def _kept_bottom(
    layout: QAbstractTextDocumentLayout, following: QTextBlock, page_height: float
) -> float:
    """Where what follows a heading must end on the heading's page: the whole of a short table
    (a third of a page at most), else the first block after the heading."""
    table = QTextCursor(following).currentTable()
    if table is not None:
        rect = layout.frameBoundingRect(table)
        if rect.height() <= page_height / 3:
            return rect.bottom()
    return _last_line_bottom(layout, following)


def keep_headings_with_next(document: QTextDocument, page_height: float) -> int:
    """Start a heading on a new page when what follows it (a paragraph, a short table, the
    first row of a long one) ends on a later page: Qt has no "keep with next". Returns how many
    headings moved."""
    return len(_headings_to_move(document, page_height))


def _headings_to_move(document: QTextDocument, page_height: float) -> list[int]:
    """``keep_headings_with_next``: the block numbers of the headings it moved."""
    layout = document.documentLayout()
    moved: list[int] = []
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            # Qt puts a line moved to a new page on its top edge in 1/64 pixel steps, so a
            # hair above it: half a pixel in decides the page.
            top = _first_line_top(layout, block) + 0.5
            page = int(top // page_height)
            at_page_top = top - page * page_height < 1.0
            # A tiny epsilon: a line that ends exactly on the page's bottom edge is still on it.
            end_page = int((_kept_bottom(layout, following, page_height) - 0.5) // page_height)
            if end_page > page and not at_page_top:
                _break_before(block)
                moved.append(block.blockNumber())
        block = block.next()
    return moved


def _break_before(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


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
    before_entries = _document(data, page_size, image, entries=False)
    _for_printer(before_entries, printer, page_height)
    moved = _headings_to_move(before_entries, page_height)
    document = _document(data, page_size, image, breaks=moved)
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
