"""The weekly forms already filled in, under the form on its page: a list (newest first) where a
form is opened to be corrected (Enter, or "Open to correct") or deleted (Delete, or
"Delete…", after a question that names its date).

The list only reads and deletes; correcting happens in the form above it (``EsasPage``), which
this widget asks to open a form (``open_requested``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import esas
from tracker.domain.wording import time_text
from tracker.ui.common import Confirm, MessageLine
from tracker.ui.models.esas_table_model import SCORES, EsasTableModel
from tracker.ui.widgets.record_page import NOT_OPEN, RecordTable
from tracker.ui.widgets.stretched import StretchedColumns

if TYPE_CHECKING:
    from tracker.services.esas import EsasService

TITLE = "Past forms"
EMPTY = "No form filled in yet: the forms you save are listed here."
CHOOSE_FIRST = "Choose a form in the list first (the arrow keys move in it)."
ROW_HEIGHT = 40  # a row is a target for a finger or a shaky hand, as a button is
SHOWN_ROWS = 6


def question(form: esas.EsasForm) -> str:
    return (
        f"Delete the {esas.NAME} form of {time_text(form.completed_at)}? "
        "Its scores leave the journal, its trends and its summary. This cannot be undone."
    )


class EsasHistory(QFrame):
    open_requested = Signal(object)  # the EsasForm to correct
    deleted = Signal(str)  # the id of the form deleted
    changed = Signal(object)  # the Changes a delete made

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAccessibleName(TITLE)
        self._service: EsasService | None = None
        self.model = EsasTableModel()
        self.table = RecordTable(opens=True)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Past forms, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # a long list of scores ends in "…"; the tooltip has all
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setMinimumHeight(ROW_HEIGHT * (SHOWN_ROWS + 1))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        StretchedColumns(self.table, (SCORES,))
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        self.open_button = QPushButton("&Open to correct")
        self.open_button.setAccessibleName("Open the chosen form to correct it")
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the chosen form")
        self.message = MessageLine()
        self._lay_out()
        self.table.open_requested.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.delete_requested.connect(self.delete_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)

    def _lay_out(self) -> None:
        heading = QLabel(f"&{TITLE}")  # Alt+P: to the list from anywhere on the page
        heading.setProperty("role", "heading")
        heading.setBuddy(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(self.empty)
        column.addWidget(self.table)
        column.addLayout(buttons)
        column.addWidget(self.message)

    def set_service(self, service: EsasService) -> None:
        self._service = service

    def refresh(self) -> None:
        if self._service is None:
            return
        chosen = self.selected()
        forms = self._service.list()
        self.model.set_forms(forms)
        self.empty.setVisible(not forms)
        if chosen is not None and chosen.id is not None:
            self.select(chosen.id)

    def select(self, form_id: str) -> bool:
        row = self.model.row_of(form_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def selected(self) -> esas.EsasForm | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.form_at(rows[0].row()) if rows else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Tabbing into the list makes its first row current without choosing it (Qt's
        # focusInEvent); chosen, it is what Enter and Delete act on, and it shows.
        if current.isValid() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(current.row())

    def open_selected(self) -> None:
        form = self.selected()
        if form is None:
            self._choose_first()
            return
        self.message.clear_message()
        self.open_requested.emit(form)

    def delete_selected(self) -> None:
        if self._service is None:
            self.message.show_problem(NOT_OPEN)
            return
        form = self.selected()
        if form is None or form.id is None:
            self._choose_first()
            return
        if not Confirm.ask(self, f"Delete the {esas.NAME} form", question(form)):
            return
        from tracker.services.errors import JournalError

        try:
            changes = self._service.delete(form.id)
        except JournalError as error:
            self.message.show_problem(str(error))
            return
        self.refresh()
        self.message.show_done(
            f"The {esas.NAME} form of {time_text(form.completed_at)} is deleted."
        )
        self.deleted.emit(form.id)
        self.changed.emit(changes)
        self.table.setFocus()

    def _choose_first(self) -> None:
        self.message.show_problem(CHOOSE_FIRST)
        self.table.setFocus()
