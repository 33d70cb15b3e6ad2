"""The printed summary's pages before the entries, laid out as they are painted: the chart keeps
its readable height whatever the journal holds (no shorter chart to make room), and it follows
the pain scores when it fits on their page, else the ESAS-r scores fill that page first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPageSize, QTextBlock, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from tests.gui.test_summary_dialog import _blocks as blocks
from tests.unit.test_summary import hand_built
from tracker.domain.red_flag_groups import red_flag_groups
from tracker.services.demo import fill_demo
from tracker.services.summary import SummaryService
from tracker.storage import list_rows
from tracker.ui.printout import CHART_DPI, CHART_URL, layout_for_printer, pdf_writer
from tracker.ui.printout.page_breaks import image_names
from tracker.ui.printout.summary_html import CHART_HEADING

READABLE_CHART_MM = 88.0  # the lanes and the legend crowd below this (it was once 52 mm)
END = date(2026, 11, 20)
A4, LETTER = QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter


def has_chart(block: QTextBlock) -> bool:
    return CHART_URL.toString() in image_names(block)


def line_span(document: QTextDocument, block: QTextBlock) -> tuple[float, float]:
    """The top of a block's first line and the bottom of its last, in device pixels."""
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    last = layout.lineAt(layout.lineCount() - 1)
    return top + layout.lineAt(0).y(), top + last.y() + last.height()


def heading(document: QTextDocument, text: str) -> QTextBlock:
    return next(b for b in blocks(document) if b.text() == text and b.blockFormat().headingLevel())


def demo_data(db: Any, days: int) -> Any:
    """The demo journal with its red flags, as ``demo`` stores it, over the last ``days``."""
    fill_demo(db, 1, end=END)
    return SummaryService(db).summary_data(END - timedelta(days=days - 1), END)


def march_data(db: Any) -> Any:
    """A hand-built journal: no regular medicines, no weekly forms, five red flags."""
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    return SummaryService(db).summary_data(date(2026, 3, 1), date(2026, 3, 31))


@pytest.mark.parametrize(
    ("journal", "days", "paper"),
    [
        ("march", 0, A4),
        ("demo", 1, A4),  # one day: a few entries
        ("demo", 14, A4),
        ("demo", 90, A4),  # regular medicines, ESAS-r forms, the spine map, 28 red flags
        ("demo", 90, LETTER),
        ("demo", 365, A4),
    ],
)
def test_the_chart_keeps_its_readable_height_whatever_the_journal_holds(
    qtbot: QtBot, db: Any, tmp_path: Path, journal: str, days: int, paper: QPageSize.PageSizeId
) -> None:
    data = march_data(db) if journal == "march" else demo_data(db, days)
    printer = pdf_writer(data, tmp_path / "unused.pdf", QPageSize(paper))
    document, page_height = layout_for_printer(data, printer)
    [chart] = [b for b in blocks(document) if has_chart(b)]
    top, bottom = line_span(document, chart)
    assert (bottom - top) / printer.resolution() * 25.4 >= READABLE_CHART_MM  # as printed
    image = document.resource(QTextDocument.ResourceType.ImageResource, CHART_URL)
    assert image.height() / CHART_DPI * 25.4 >= READABLE_CHART_MM  # and as drawn
    # Never split; its heading on its page, straight above it. (Qt puts a line moved to a new
    # page a hair above the page's top edge: half a pixel in decides the page.)
    page = int((top + 0.5) // page_height)
    assert int((bottom - 0.5) // page_height) == page
    title = heading(document, CHART_HEADING)
    assert title.next() == chart
    assert int((line_span(document, title)[0] + 0.5) // page_height) == page


def test_the_chart_follows_the_pain_scores_when_it_fits_on_their_page(
    qtbot: QtBot, db: Any, tmp_path: Path
) -> None:
    """Fourteen days of the demo: one red flag, so the chart fits on page 1 under the scores,
    and the ESAS-r section follows it."""
    data = demo_data(db, 14)
    printer = pdf_writer(data, tmp_path / "unused.pdf", QPageSize(A4))
    document, page_height = layout_for_printer(data, printer)
    texts = [b.text() for b in blocks(document)]
    assert texts.index("Pain") < texts.index(CHART_HEADING) < texts.index("ESAS-r")
    [chart] = [b for b in blocks(document) if has_chart(b)]
    assert line_span(document, chart)[1] < page_height  # on page 1


def test_else_the_esas_r_scores_fill_the_page_and_the_chart_starts_the_next(
    qtbot: QtBot, db: Any, tmp_path: Path
) -> None:
    """The demo's 90 days: the red flags leave no room for the chart under the pain scores; the
    ESAS-r section fills page 1 instead of leaving it half empty, the chart starts page 2."""
    data = demo_data(db, 90)
    printer = pdf_writer(data, tmp_path / "unused.pdf", QPageSize(A4))
    document, page_height = layout_for_printer(data, printer)
    texts = [b.text() for b in blocks(document)]
    assert texts.index("Pain") < texts.index("ESAS-r") < texts.index(CHART_HEADING)
    table = QTextCursor(heading(document, "ESAS-r").next().next()).currentTable()
    assert table is not None
    assert document.documentLayout().frameBoundingRect(table).bottom() < page_height  # page 1
    [chart] = [b for b in blocks(document) if has_chart(b)]
    assert int((line_span(document, chart)[0] + 0.5) // page_height) == 1


@pytest.mark.parametrize("paper", [A4, LETTER])  # Letter is 18 mm shorter (issue 20)
def test_the_90_demo_days_take_two_pages_before_the_entries_on_a4_and_letter(
    qtbot: QtBot, db: Any, tmp_path: Path, paper: QPageSize.PageSizeId
) -> None:
    data = demo_data(db, 90)
    printer = pdf_writer(data, tmp_path / "unused.pdf", QPageSize(paper))
    document, page_height = layout_for_printer(data, printer)
    questions = heading(document, "Questions for this appointment")
    last = questions
    while last.next().isValid() and last.next().text() != "Entries":
        last = last.next()
    assert line_span(document, last)[1] <= 2 * page_height  # its last line on page 2
    entries = heading(document, "Entries")
    assert int((line_span(document, entries)[0] + 0.5) // page_height) == 2  # page 3 starts
    # Every red flag of the period printed, in the rows that group them.
    assert sum(group.count for group in red_flag_groups(data.red_flags)) == data.alert_count
