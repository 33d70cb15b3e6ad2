"""The check-in page's layout: the heading and the time on top, the message line, then the page
that scrolls, one column in sections (the nerve questions, the pain scores, where it hurts and
what it is like, the rest) with today's doses under them, and the buttons at the foot. Also the
Tab order in reading order, the buttons' accessible names, and whatever takes the focus scrolled
whole into view. ``entry_form.EntryForm`` makes the controls and inherits this.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.common import buddy_label
from tracker.ui.widgets.todays_doses import TodaysDoses

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QSpinBox

    from tracker.ui.common import DateTimeField, MessageLine
    from tracker.ui.widgets.nerve_questions import NerveQuestions
    from tracker.ui.widgets.score_row import ScoreRow
    from tracker.ui.widgets.spine_picture import SpineRegions
    from tracker.ui.widgets.toggle_chip import ToggleChip

PAGE_WIDTH = 1000


class EntryLayout(QWidget):
    """Where the entry form's controls go. ``EntryForm`` makes them, then lays them out with
    ``_build_layout``, ``_set_accessible_names`` and ``_chain_tab_order``."""

    heading: QLabel
    when: DateTimeField
    message: MessageLine
    nerves: NerveQuestions
    pain_score: ScoreRow
    worst: ScoreRow
    where: SpineRegions
    regions: dict[str, ToggleChip]
    night: ToggleChip
    straining: ToggleChip
    tender: ToggleChip
    radiating: dict[str, ToggleChip]
    sexual: ToggleChip
    fatigue: QSpinBox
    note: QPlainTextEdit
    painkiller_button: QPushButton
    save_button: QPushButton
    same_button: QPushButton
    clear_button: QPushButton
    cancel_edit_button: QPushButton
    _order: list[QWidget]

    # ---- layout ------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        # Made from the outside in: each widget is then put in its place once. With the style
        # sheet, every move of a widget into another styles it, and all inside it, again.
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        outer.addLayout(top)
        top.addWidget(self.heading, 1)
        top.addWidget(buddy_label("&When:", self.when))
        top.addWidget(self.when)
        outer.addWidget(self.message)
        self.page_scroll = QScrollArea()
        self.page_scroll.setObjectName("checkInScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.page_scroll, 1)
        inner = QWidget()
        self.page_scroll.setWidget(inner)
        centred = QHBoxLayout(inner)
        column = QWidget()
        column.setObjectName("checkIn")
        column.setMaximumWidth(PAGE_WIDTH)  # lines a reader's eye can follow, on any screen
        centred.addWidget(column)
        page = QVBoxLayout(column)
        page.setSpacing(14)
        self._order.append(self.when)
        self._section("Nerves, bladder and bowel", page).addWidget(self.nerves)
        self._order.extend(self.nerves.tab_chain())
        self._scores(page)
        self._where(page)
        self._rest(page)
        self.todays_doses = TodaysDoses()  # the regular medicines' checklist (issue 19)
        self.todays_doses.rows_made.connect(self._chain_tab_order)
        page.addWidget(self.todays_doses)
        page.addStretch(1)
        buttons = QHBoxLayout()
        outer.addLayout(buttons)
        for button in (self.save_button, self.same_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addWidget(self.cancel_edit_button)
        buttons.addStretch(1)
        QApplication.instance().focusChanged.connect(self._keep_in_view)  # type: ignore[union-attr]

    @staticmethod
    def _section(title: str, page: QVBoxLayout) -> QVBoxLayout:
        box = QGroupBox(title)
        box.setObjectName("checkInSection")
        page.addWidget(box)
        layout = QVBoxLayout(box)
        layout.setSpacing(10)
        return layout

    def _scores(self, page: QVBoxLayout) -> None:
        layout = self._section("Pain", page)
        for text, row in (
            ("&Pain right now:", self.pain_score),
            ("Worst in the last 24 hou&rs:", self.worst),
        ):
            label = QLabel(text)
            label.setBuddy(row)
            layout.addWidget(label)
            layout.addWidget(row)
            self._order.append(row)

    def _where(self, page: QVBoxLayout) -> None:
        layout = self._section("Where it hurts, and what it is like", page)
        columns = QHBoxLayout()
        layout.addLayout(columns)
        columns.addWidget(self.where, 2)
        self._order.extend(self.regions.values())
        chips = QVBoxLayout()
        columns.addLayout(chips, 3)
        for chip in (self.night, self.straining, self.tender):
            chips.addWidget(chip)
            self._order.append(chip)
        chips.addWidget(QLabel("Pain shooting:"))
        grid = QGridLayout()
        chips.addLayout(grid)
        for index, chip in enumerate(self.radiating.values()):
            grid.addWidget(chip, index // 2, index % 2)
            self._order.append(chip)
        chips.addStretch(1)

    def _rest(self, page: QVBoxLayout) -> None:
        layout = self._section("The rest", page)
        layout.addWidget(self.sexual, 0, Qt.AlignmentFlag.AlignLeft)
        self._order.append(self.sexual)
        grid = QGridLayout()
        layout.addLayout(grid)
        grid.addWidget(buddy_label("&Tiredness:", self.fatigue), 0, 0)
        grid.addWidget(self.fatigue, 0, 1)
        grid.addWidget(QLabel("0 not tired · 10 exhausted"), 0, 2)
        grid.addWidget(self.painkiller_button, 1, 1)
        grid.addWidget(buddy_label("N&ote:", self.note), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.note, 2, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self._order.extend([self.fatigue, self.painkiller_button, self.note])

    def _keep_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Whatever takes the focus inside the page is scrolled whole into view, however it got
        it (Qt's own scrolling shows only a text box's cursor line)."""
        page = self.page_scroll.widget()
        if new is not None and page is not None and page.isAncestorOf(new):
            self._show_whole(new)

    def _show_whole(self, widget: QWidget) -> None:
        page = self.page_scroll.widget()
        if page is None:
            return
        # a detail just opened, or a style just changed a size, waits to be laid out: lay it
        # out now, so that the place scrolled to is where the widget will be
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        centre = widget.mapTo(page, widget.rect().center())
        self.page_scroll.ensureVisible(
            centre.x(), centre.y(), widget.width() // 2 + 16, widget.height() // 2 + 16
        )

    def _set_accessible_names(self) -> None:
        for button in (self.save_button, self.same_button, self.clear_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.painkiller_button.setAccessibleName("Painkiller taken: record a dose")
        self.cancel_edit_button.setAccessibleName("Stop editing and start a new entry")

    def _chain_tab_order(self) -> None:
        """Tab goes down the page, today's doses last, then to the buttons under it."""
        doses = self.todays_doses.tab_chain()
        chain = [*self._order, *doses, self.save_button, self.same_button, self.clear_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
