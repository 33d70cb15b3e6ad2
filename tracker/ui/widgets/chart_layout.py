"""The trend chart page's look: the range buttons, the first and last day to show and "Save
chart…" in a row over the chart, then the message line, the canvas and the words of the point
shown, and under them the table of what changed after each treatment with the words that say how
to read it (the page scrolls in a small window); the date fields' and the table's own look, and
the point's words a little larger than the window's. ``chart_view.ChartView`` makes the controls,
inherits this and gives them their work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.ui import theme
from tracker.ui.common import buddy_label, keep_to_journal_days

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from tracker.domain.trends import Preset
    from tracker.ui.common import MessageLine
    from tracker.ui.models.response_table_model import ResponseTableModel
    from tracker.ui.widgets.trend_canvas import TrendCanvas


class ChartLayout(QWidget):
    """Where the chart page's controls go and how they look. ``ChartView`` makes them (its date
    fields with ``_date_edit``, the table with ``_build_table``), then puts them in their places
    with ``_layout`` and sizes the point's words with ``_set_font``."""

    canvas: TrendCanvas
    preset_buttons: dict[Preset, QPushButton]
    from_edit: QDateEdit
    to_edit: QDateEdit
    dates_button: QPushButton
    save_button: QPushButton
    point_label: QLabel
    message: MessageLine
    responses: ResponseTableModel

    def _build_table(self) -> None:
        """The table of what changed after each treatment, and the words over it."""
        self.table = QTableView()
        self.table.setModel(self.responses)
        self.table.setAccessibleName("What changed after each treatment")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table_intro = QLabel(
            "What changed after each treatment: the mean pain score in the 14 days before it "
            "and after it (and, for radiotherapy, 4 to 6 weeks after, when relief usually "
            "comes), with the number of entries behind each mean. Fewer than 3 entries: "
            "too few to tell."
        )
        self.table_intro.setWordWrap(True)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        keep_to_journal_days(edit)
        edit.setDate(QDate.currentDate())
        return edit

    def _layout(self) -> None:
        # Made from the outside in, as the entry form is: each widget put in its place once,
        # so the style sheet styles it once.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # In a small window (larger text, 1280x720 with the contacts panel open) the chart
        # scrolls rather than pushing the window past the screen.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Always there: a scroll bar appearing as the chart grows for its labels would narrow
        # the chart and have it drawn twice.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout.addWidget(scroll)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        scroll.setWidget(splitter)
        top = QWidget()
        bottom = QWidget()
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        chart = QVBoxLayout(top)
        chart.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        chart.addLayout(buttons)
        for button in self.preset_buttons.values():
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(buddy_label("&From:", self.from_edit, "First day to show"))
        buttons.addWidget(self.from_edit)
        buttons.addWidget(buddy_label("T&o:", self.to_edit, "Last day to show"))
        buttons.addWidget(self.to_edit)
        buttons.addWidget(self.dates_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        chart.addWidget(self.message)
        chart.addWidget(self.canvas, 1)
        chart.addWidget(self.point_label)
        table = QVBoxLayout(bottom)
        table.setContentsMargins(0, 0, 0, 0)
        table.addWidget(self.table_intro)
        table.addWidget(self.table, 1)
        self.table.setMinimumHeight(140)

    def _set_font(self) -> None:
        """The words of the point shown, a little larger than the window's."""
        font = self.point_label.font()
        font.setPointSizeF(theme.window_points() * 1.15)
        self.point_label.setFont(font)
