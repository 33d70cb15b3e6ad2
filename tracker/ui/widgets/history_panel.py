"""History: every entry in a sortable table, filtered by dates; open one to edit, delete one."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QTimer, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.model import Entry
from tracker.ui.common import (
    buddy_label,
    from_qdate,
    keep_to_journal_days,
    records_table,
    to_qdate,
)
from tracker.ui.models.entry_table_model import SORT_ROLE, EntryTableModel
from tracker.ui.widgets.record_page import RecordTable

if TYPE_CHECKING:
    from tracker.services.journal import Changes
    from tracker.services.registry import Services


class _EntryTable(RecordTable):
    """Enter opens the entry, Delete asks to delete it; a new font or style sheet fits the
    columns again."""

    font_changed = Signal()

    def __init__(self) -> None:
        super().__init__(opens=True)
        # once the event loop is back, and once for a font and a style sheet changed together:
        # a new style sheet reaches the header (its bold headings' widths) after the table
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.font_changed.emit)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit.start()


class HistoryPanel(QWidget):
    edit_requested = Signal(object)  # Entry
    delete_requested = Signal(object)  # Entry
    range_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EntryTableModel()
        self.table = _EntryTable()
        self.proxy = records_table(self.table, self.model, SORT_ROLE, self)
        self.table.setAlternatingRowColors(True)
        # Columns fit their texts when the list is read (``set_entries``) and widen for rows put
        # in later. Not ResizeToContents: that measures again after every inserted row, 40 to
        # 60 ms after each of a session's first saves on a month of entries.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Entries")
        self.table.doubleClicked.connect(lambda _index: self._open_selected())
        self.table.open_requested.connect(self._open_selected)
        self.table.delete_requested.connect(self._delete_selected)
        self.table.font_changed.connect(
            lambda: self._fit_columns(range(self.model.rowCount()), widen_only=False)
        )

        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            keep_to_journal_days(edit)
        self.all_button = QPushButton("&All dates")
        self.month_button = QPushButton("Last &30 days")
        self.open_button = QPushButton("&Open to edit")
        self.delete_button = QPushButton("&Delete…")
        self.count_label = QLabel()
        self.all_button.clicked.connect(self.show_all)
        self.month_button.clicked.connect(self.show_last_30_days)
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.date_from.dateChanged.connect(lambda _d: self.range_changed.emit())
        self.date_to.dateChanged.connect(lambda _d: self.range_changed.emit())

        filters = QHBoxLayout()
        filters.addWidget(buddy_label("&From:", self.date_from, "Show entries from"))
        filters.addWidget(self.date_from)
        filters.addWidget(buddy_label("&To:", self.date_to, "Show entries up to"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.month_button)
        filters.addWidget(self.all_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.show_last_30_days()

    def show_last_30_days(self) -> None:
        today = date.today()
        self._set_range(today - timedelta(days=30), today)

    def show_all(self) -> None:
        self._set_range(date(1970, 1, 1), date.today() + timedelta(days=366))

    def _set_range(self, start: date, end: date) -> None:
        self.date_from.blockSignals(True)
        self.date_from.setDate(to_qdate(start))
        self.date_from.blockSignals(False)
        self.date_to.setDate(to_qdate(end))
        self.range_changed.emit()

    def range(self) -> tuple[datetime, datetime]:
        """The chosen days as instants wide enough for every UTC offset; rows are then
        kept by their own calendar day."""
        start = datetime.combine(from_qdate(self.date_from.date()), time(0)).astimezone()
        end = datetime.combine(from_qdate(self.date_to.date()), time(23, 59, 59)).astimezone()
        return start - timedelta(hours=14), end + timedelta(hours=14)

    def read(self, services: Services) -> None:
        """List the chosen dates' entries afresh, with their alerts."""
        entries = services.journal.entries(*self.range())
        # the shown entries' alerts (all alerts when many are shown: one query either way)
        ids = [str(e.id) for e in entries] if len(entries) <= 500 else None
        self.set_entries(entries, services.alerts.rules_by_entry(ids))

    def put_changes(self, services: Services, changes: Changes) -> None:
        """Only the rows of the entries just written, and of those given new alerts: a save
        does not read the listed weeks again."""
        ids = {str(e.id) for e in changes.saved} | changes.alerted
        flags = services.alerts.rules_by_entry(sorted(ids))
        self.put_entries(list(changes.saved), {i: flags.get(i, []) for i in ids})

    def set_entries(self, entries: list[Entry], flags: dict[str, list[str]] | None = None) -> None:
        """``flags``: the red-flag rules logged for each entry id (watch flags show only here)."""
        shown, _hidden = self._by_dates(entries)
        self.model.set_entries(shown, flags or {})
        self._fit_columns(range(self.model.rowCount()), widen_only=False)
        self.count_label.setText(f"{len(shown)} entries")

    def put_entries(self, entries: list[Entry], flags: dict[str, list[str]]) -> None:
        """Entries just written: shown if their day is in the chosen dates, else taken out;
        ``flags``: the red-flag rules of every entry whose alerts changed."""
        shown, hidden = self._by_dates(entries)
        for entry in hidden:
            self.model.remove_entry(str(entry.id))
        self.model.put_entries(shown, flags)
        self._widen_for([str(e.id) for e in shown] + list(flags))
        self.count_label.setText(f"{self.model.rowCount()} entries")

    def _by_dates(self, entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
        """The entries whose own calendar day is among the chosen dates, and the others."""
        first, last = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        shown: list[Entry] = []
        hidden: list[Entry] = []
        for entry in entries:
            (shown if first <= entry.recorded_at.date() <= last else hidden).append(entry)
        return shown, hidden

    def _widen_for(self, entry_ids: list[str]) -> None:
        rows = [self.model.row_of(entry_id) for entry_id in entry_ids]
        self._fit_columns([row for row in rows if row >= 0], widen_only=True)

    def _fit_columns(self, rows: Sequence[int], widen_only: bool) -> None:
        """Each column as wide as its widest text in ``rows`` and its heading (or wider, if
        ``widen_only``). The texts are measured with the table's font plus the padding of one
        cell as Qt sizes it: asking Qt for every cell (ResizeToContents) costs about 35 ms for
        a month of entries under the style sheet, and 10 times that for all dates."""
        header = self.table.horizontalHeader()
        if not rows:
            if not widen_only:
                for column in range(self.model.columnCount()):
                    self.table.setColumnWidth(column, header.sectionSizeHint(column))
            return
        metrics = QFontMetricsF(self.table.font())

        def width(text: str) -> int:
            return math.ceil(metrics.horizontalAdvance(text))

        sample = self.model.index(rows[0], 0)
        # the cell's margins, and a pixel for the grid line
        cell = self.table.sizeHintForIndex(self.proxy.mapFromSource(sample)).width()
        padding = cell + 1 - width(self.model.text(rows[0], 0))
        for column in range(self.model.columnCount()):
            texts = {self.model.text(row, column) for row in rows}
            needed = max(width(text) for text in texts) + padding
            needed = max(needed, header.sectionSizeHint(column))
            if not widen_only or needed > self.table.columnWidth(column):
                self.table.setColumnWidth(column, needed)

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())

    def selected_entry(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            current = self.table.currentIndex()
            if not current.isValid():
                return None
            rows = [current]
        source: QModelIndex = self.proxy.mapToSource(rows[0])
        return self.model.entry_at(source.row())

    def _open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.edit_requested.emit(entry)

    def _delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.delete_requested.emit(entry)
