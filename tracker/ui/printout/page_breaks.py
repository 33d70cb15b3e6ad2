"""Where the summary's pages break, read from a laid-out ``QTextDocument``: the headings kept
with what follows them (Qt has no "keep with next"), a page break set before a block, whether
the chart fits on the page the pain scores end on, and the pictures a block holds."""

from __future__ import annotations

from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from tracker.ui.printout.summary_html import CHART_URL


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
    (a third of a page at most) right after it or after its one opening paragraph, else the
    first block after the heading."""
    for block in (following, following.next()):
        table = QTextCursor(block).currentTable() if block.isValid() else None
        if table is not None:
            rect = layout.frameBoundingRect(table)
            if rect.height() <= page_height / 3:
                return rect.bottom()
            break
        if block.blockFormat().headingLevel():
            break
    return _last_line_bottom(layout, following)


def keep_headings_with_next(document: QTextDocument, page_height: float) -> int:
    """Start a heading on a new page when what follows it (a paragraph, a short table with or
    without an opening paragraph, the first row of a long one) ends on a later page: Qt has no
    "keep with next". Returns how many headings moved."""
    return len(headings_to_move(document, page_height))


def headings_to_move(document: QTextDocument, page_height: float) -> list[int]:
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
                break_before(block)
                moved.append(block.blockNumber())
        block = block.next()
    return moved


def break_before(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def chart_on_scores_page(document: QTextDocument, page_height: float) -> bool:
    """Whether the chart, put straight after the pain scores, ends on the page they end on
    (else it starts the next page and leaves the rest of this one empty)."""
    layout = document.documentLayout()
    scores = chart = None
    block = document.begin()
    while block.isValid():
        if block.text() == "Pain" and block.blockFormat().headingLevel():
            scores = block.next()
        elif CHART_URL.toString() in image_names(block):
            chart = block
        block = block.next()
    if scores is None or chart is None:
        return True
    end = int((_last_line_bottom(layout, scores) - 0.5) // page_height)
    return int((_last_line_bottom(layout, chart) - 0.5) // page_height) == end


def image_names(block: QTextBlock) -> list[str]:
    """The pictures a block holds, by their resource names (the chart, the spine map)."""
    names = []
    fragments = block.begin()
    while not fragments.atEnd():
        fmt = fragments.fragment().charFormat()
        if fmt.isImageFormat():
            names.append(fmt.toImageFormat().name())
        fragments += 1
    return names
