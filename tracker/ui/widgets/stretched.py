"""Columns of a list that take the room the others leave, but never less than their heading.

Qt's own ``Stretch`` mode shares out whatever room is left, down to nothing: on a small
laptop's screen, or with View > Larger text, a heading such as "Questions" was cut to "uestions
to asl" while the list still fitted. These columns keep their heading whole; when the room
runs out, the list scrolls sideways instead, as it does for the columns sized to their text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class StretchedColumns(QObject):
    """Sizes ``columns`` of ``table`` (logical indexes) whenever its list or another column
    changes width: each gets an even share of the room left, or its heading's width if more."""

    def __init__(self, table: QTableView, columns: Sequence[int]) -> None:
        super().__init__(table)
        self._table = table
        self.columns = tuple(dict.fromkeys(columns))
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in self.columns:  # sized here only: dragging their edge would be undone
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._resized)
        header.sectionCountChanged.connect(lambda _old, _new: self.fit())
        table.viewport().installEventFilter(self)
        header.installEventFilter(self)  # its words' size (View > Larger text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self.columns:  # a column sized to its text: the room left changed
            self.fit()

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        count = header.count()
        shown = [c for c in self.columns if c < count and not header.isSectionHidden(c)]
        if not shown:
            return
        others = sum(
            header.sectionSize(c)
            for c in range(count)
            if c not in shown and not header.isSectionHidden(c)
        )
        room = max(self._table.viewport().width() - others, 0)
        share, spare = divmod(room, len(shown))
        for place, column in enumerate(shown):
            width = max(header.sectionSizeHint(column), share + (1 if place < spare else 0))
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
