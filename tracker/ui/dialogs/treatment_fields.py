"""The treatment dialog's own fields: the dose in gray, the sessions table, the date and count
fields, and a refused value in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QDoubleSpinBox, QHeaderView, QSpinBox, QTableView

from tracker.domain.errors import ValidationError
from tracker.domain.model import dose_text
from tracker.ui.common import DateTimeField
from tracker.ui.models.session_table_model import SessionTableModel

NOT_RECORDED = "not recorded"
DATE_FORMAT = "d MMM yyyy (ddd)"
FIELD_WORDS = {
    "kind": "Treatment",
    "started_on": "Started on",
    "ended_on": "Ended on",
    "site": "Site",
    "technique": "Technique",
    "dose_gy": "Total dose",
    "fractions": "Fractions",
    "sessions": "Sessions",
    "note": "Note",
}


class DoseSpinBox(QDoubleSpinBox):
    """A dose in gray: "not recorded" at 0, and no trailing zeros ("20 Gy", "7.5 Gy")."""

    def __init__(self) -> None:
        super().__init__()
        self.setRange(0, 1000)
        self.setDecimals(2)
        self.setSuffix(" Gy")
        self.setSpecialValueText(NOT_RECORDED)

    def textFromValue(self, value: float) -> str:
        text = dose_text(value)
        return text.replace(".", self.locale().decimalPoint())


class SessionTable(QTableView):
    """Space marks the chosen session done or planned, whichever column has the focus;
    Delete removes it. Tab leaves the table (Qt's default walks from cell to cell)."""

    remove_requested = Signal()

    def __init__(self, model: SessionTableModel) -> None:
        super().__init__()
        self.setModel(model)
        self._sessions = model
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if plain and row >= 0 and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            self._sessions.toggle_done(row)
            return
        if plain and row >= 0 and event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


def date_edit() -> DateTimeField:
    # The weekday last: typing starts with the day of the month, as people say dates.
    return DateTimeField(DATE_FORMAT)


def optional_count() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 999)
    spin.setSpecialValueText(NOT_RECORDED)
    return spin


def plain_problem(error: ValidationError) -> str:
    """ "Ended on: Sun 1 Mar 2026 is before the start date, Thu 5 Mar 2026." """
    field = error.field
    if field.startswith("sessions["):
        number = int(field[len("sessions[") : field.index("]")]) + 1
        words = f"Session {number}"
    else:
        words = FIELD_WORDS.get(field, field.replace("_", " "))
    problem = error.problem.replace("started_on", "the start date")
    return f"{words}: {problem}."
