"""Prepare for appointment, as a person uses it: the period it proposes, the print preview
opening and closing headless, saving a PDF through the (replaced) file dialog, and printing
through the (replaced) print dialog."""

from __future__ import annotations

import stat
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSizeF, Qt
from PySide6.QtGui import QPageSize, QTextBlock, QTextDocument, QTextFormat
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from tests.unit.test_summary import hand_built
from tracker.domain.demo import build_demo_journal
from tracker.services.summary import SummaryService
from tracker.storage import list_rows
from tracker.ui.common import to_qdate
from tracker.ui.dialogs.appointment_summary_dialog import AppointmentSummaryDialog
from tracker.ui.printout import (
    CHART_DPI,
    CHART_HEIGHT_MM,
    CHART_URL,
    build_document,
    keep_headings_with_next,
    layout_for_printer,
    page_size_for_locale,
    paint_area,
    pdf_writer,
)
from tracker.ui.printout.page_breaks import image_names
from tracker.ui.printout.summary_html import CHART_HEADING


@dataclass(frozen=True)
class SummaryOnly:
    summary: SummaryService


@pytest.fixture
def dialog(qtbot: QtBot, db: Any) -> AppointmentSummaryDialog:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    # 20 March: the last appointment before it was on 15 March.
    widget = AppointmentSummaryDialog(
        SummaryOnly(SummaryService(db)), today=lambda: date(2026, 3, 20)
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(dialog: AppointmentSummaryDialog, start: date, end: date) -> None:
    dialog.from_edit.setDate(to_qdate(start))
    dialog.to_edit.setDate(to_qdate(end))


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_period_starts_at_the_last_appointment(dialog: AppointmentSummaryDialog) -> None:
    assert dialog.period() == (date(2026, 3, 15), date(2026, 3, 20))


def test_print_preview_opens_paints_and_closes(
    qtbot: QtBot, dialog: AppointmentSummaryDialog
) -> None:
    choose(dialog, date(2026, 3, 1), date(2026, 3, 31))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    qtbot.waitUntil(lambda: dialog.pages_painted > 0)
    assert dialog.pages_painted == 3  # the entries start on a page of their own
    shown = preview.findChild(QPrintPreviewWidget)
    assert shown is not None
    qtbot.waitUntil(lambda: shown.pageCount() == dialog.pages_painted)
    preview.close()
    qtbot.waitUntil(lambda: dialog.preview is None)


def test_saving_a_pdf_through_the_file_dialog(
    qtbot: QtBot,
    dialog: AppointmentSummaryDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose(dialog, date(2026, 3, 1), date(2026, 3, 31))
    dialog.paper.setCurrentIndex(dialog.paper.findText("US Letter"))
    folder = tmp_path / "out"
    folder.mkdir()
    suggested: list[Path] = []

    def ask(path: Path) -> Path:
        suggested.append(path)
        return folder / "for-dr-next"  # typed without the suffix

    monkeypatch.setattr(dialog, "_ask_pdf_path", ask)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    assert suggested[0].name == "spine-journal-summary-2026-03-01-2026-03-31.pdf"
    saved = folder / "for-dr-next.pdf"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["for-dr-next.pdf"]  # no temporary file left
    text = pdf_text(saved)
    assert "Spine Journal summary" in text
    assert "1 Mar 2026 to 31 Mar 2026" in text
    assert "<script>alert(1)</script> and <b>x</b>" in text
    info = subprocess.run(["pdfinfo", str(saved)], capture_output=True, text=True, check=True)
    assert "612 x 792 pts (letter)" in info.stdout
    assert dialog.message.isVisible()
    assert "saved as" in dialog.message.text()


def test_cancelling_the_file_dialog_writes_nothing(
    qtbot: QtBot,
    dialog: AppointmentSummaryDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = sorted(tmp_path.rglob("*"))
    monkeypatch.setattr(dialog, "_ask_pdf_path", lambda path: None)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert sorted(tmp_path.rglob("*")) == before
    assert not dialog.message.isVisible()


def test_printing_through_the_print_dialog(
    qtbot: QtBot,
    dialog: AppointmentSummaryDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The print dialog is replaced by one that picks a PDF 'printer' on A4."""
    out = tmp_path / "printed.pdf"
    asked: list[QPageSize.PageSizeId] = []

    def ask(printer: QPrinter) -> bool:
        asked.append(printer.pageLayout().pageSize().id())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    dialog.paper.setCurrentIndex(dialog.paper.findText("A4"))
    monkeypatch.setattr(dialog, "_ask_printer", ask)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert asked == [QPageSize.PageSizeId.A4]
    text = pdf_text(out)
    assert "15 Mar 2026 to 20 Mar 2026" in text
    assert "Red flags" in text
    assert "sent to the printer" in dialog.message.text()


def test_a_first_day_after_the_last_is_refused(
    qtbot: QtBot, dialog: AppointmentSummaryDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    monkeypatch.setattr(dialog, "_ask_pdf_path", lambda path: asked.append(path))
    choose(dialog, date(2026, 3, 31), date(2026, 3, 1))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert "is after the last day" in dialog.message.text()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is None


# ---- the document laid out for a printer ------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("en_US", QPageSize.PageSizeId.Letter),
        ("fr_CA", QPageSize.PageSizeId.Letter),
        ("es_MX", QPageSize.PageSizeId.Letter),
        ("en_GB", QPageSize.PageSizeId.A4),
        ("de_DE", QPageSize.PageSizeId.A4),
        ("en_AU", QPageSize.PageSizeId.A4),
    ],
)
def test_paper_follows_the_locale(locale: str, paper: QPageSize.PageSizeId) -> None:
    assert page_size_for_locale(QLocale(locale)).id() == paper


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def _lines(document: QTextDocument, block: QTextBlock) -> list[tuple[float, float]]:
    """(top, bottom) of each line of a block, in document coordinates."""
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    return [
        (top + layout.lineAt(i).y(), top + layout.lineAt(i).y() + layout.lineAt(i).height())
        for i in range(layout.lineCount())
    ]


def test_the_chart_is_never_split_and_headings_stay_with_what_follows(
    qtbot: QtBot, db: Any, tmp_path: Path
) -> None:
    """In March the five red flags leave too little room on page 1 for the chart: it starts
    page 2 whole, while the pain scores stay under their heading on page 1."""
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    data = SummaryService(db).summary_data(date(2026, 3, 1), date(2026, 3, 31))
    printer = pdf_writer(data, tmp_path / "unused.pdf", QPageSize(QPageSize.PageSizeId.A4))
    document, page_height = layout_for_printer(data, printer)

    def page(y: float) -> int:
        """The page of a y inside a line (Qt places a line moved to a new page at the page's
        top edge, in 1/64 pixel steps: a pixel in from either edge is clearly on the page)."""
        return int(y // page_height)

    blocks = _blocks(document)
    chart = next(b for b in blocks if image_names(b) == [CHART_URL.toString()])
    [(top, bottom)] = _lines(document, chart)
    assert page(top + 1) == page(bottom - 1) == 1
    pain = next(b for b in blocks if b.text() == "Pain" and b.blockFormat().headingLevel())
    scores = pain.next()
    assert scores.text().startswith("Latest score: 6")
    assert page(_lines(document, pain)[0][0] + 1) == page(_lines(document, scores)[-1][1] - 1) == 0
    # The picture is the chart drawn at print resolution for the width of the text.
    image = document.resource(QTextDocument.ResourceType.ImageResource, CHART_URL)
    assert image.width() == round(180 / 25.4 * CHART_DPI)
    assert image.height() == round(CHART_HEIGHT_MM / 25.4 * CHART_DPI)
    entries = next(b for b in blocks if b.text() == "Entries")
    assert page(_lines(document, entries)[0][0] + 1) == 2  # a page of its own


# (91, 1) became (100, 1): the neurological status grew a column and a line (issue 17), so a
# 91-day demo summary no longer needs a heading moved; 100 days do, as 91 did. Then the regular
# medicines (issue 19), the ESAS-r section after Pain and the spine map's words after the nerve
# signs (issue 20), with the chart shortened to keep the demo's 90 days on two pages, moved the
# page ends again. Then the chart got its readable height back under a heading of its own
# ("Trends"), after the pain scores or after the ESAS-r section, and a short table is kept with
# its heading and opening paragraph: in this journal (no red flags stored) the chart fits on
# page 1 and from 7 days on the ESAS-r section moves whole to page 2; 3 days move none.
@pytest.mark.parametrize(("days", "moved"), [(3, 0), (14, 1), (60, 1), (90, 1)])
def test_headings_moved_before_the_entries_as_in_the_laid_out_summary(
    qtbot: QtBot, db: Any, tmp_path: Path, days: int, moved: int
) -> None:
    """The headings found on the pages before the entries are the ones moving them in the
    whole laid-out summary finds, and the pages come out the same."""
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, build_demo_journal(1, end=date(2026, 11, 20)))
    end = date(2026, 11, 20)
    data = SummaryService(db).summary_data(end - timedelta(days=days - 1), end)
    printer = pdf_writer(data, tmp_path / "unused.pdf", QPageSize(QPageSize.PageSizeId.A4))
    document, page_height = layout_for_printer(data, printer)

    texts = [b.text() for b in _blocks(document)]
    first = texts.index(CHART_HEADING) < texts.index("ESAS-r")  # the order it chose
    whole = build_document(data, printer.pageLayout().pageSize(), chart_first=first)
    area = paint_area(printer)
    whole.documentLayout().setPaintDevice(printer)
    whole.setPageSize(QSizeF(area.width(), page_height))
    keep_headings_with_next(whole, page_height)

    def breaks(doc: QTextDocument) -> list[tuple[str, bool]]:
        always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        return [(b.text(), bool(b.blockFormat().pageBreakPolicy() & always)) for b in _blocks(doc)]

    assert breaks(document) == breaks(whole)
    assert sum(moves for _text, moves in breaks(document)) == moved + 1  # and the entries'
    assert document.pageCount() == whole.pageCount()


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_the_pdf_writer_lays_out_the_page_as_the_printer_did(
    qtbot: QtBot, db: Any, tmp_path: Path, paper: QPageSize.PageSizeId
) -> None:
    """The PDF is written by a QPdfWriter (no print service asked), on the same page, margins
    and resolution as the high-resolution QPrinter that wrote it before and that still prints."""
    from tracker.ui.printout import configure_printer

    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    data = SummaryService(db).summary_data(date(2026, 3, 1), date(2026, 3, 31))
    writer = pdf_writer(data, tmp_path / "unused.pdf", QPageSize(paper))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, data, QPageSize(paper))
    assert paint_area(printer) == printer.pageRect(QPrinter.Unit.DevicePixel)
    assert paint_area(writer) == paint_area(printer)
    assert writer.resolution() == printer.resolution() == 1200
    assert writer.pageLayout().pageSize().id() == paper
