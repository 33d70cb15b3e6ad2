"""The doses of one day: time, medicine, dose, and whether it was taken as needed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.domain.model import MedicationDose

COLUMNS = ("Time", "Medicine", "Dose", "Taken")
TIME, MEDICINE, DOSE, TAKEN = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
AS_NEEDED = "as needed"
REGULAR = "regular dose"
Index = QModelIndex | QPersistentModelIndex


def choice_text(name: str, dose: str) -> str:
    """ "Oxycodone liquid 5 mg": the medicine as people say it."""
    return f"{name} {dose}".strip()


def taken_text(as_needed: bool) -> str:
    return AS_NEEDED if as_needed else REGULAR


class DoseTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._doses: list[MedicationDose] = []

    def set_doses(self, doses: list[MedicationDose]) -> None:
        self.beginResetModel()
        self._doses = list(doses)
        self.endResetModel()

    def dose_at(self, row: int) -> MedicationDose:
        return self._doses[row]

    def row_of(self, dose_id: str) -> int:
        for row, dose in enumerate(self._doses):
            if dose.id == dose_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._doses)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._doses):
            return None
        dose = self._doses[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(dose, column)
        if role == SORT_ROLE:
            if column == TIME:
                # The instant, not the shown clock: two offsets on one day still sort right.
                return dose.taken_at.timestamp()
            return self._text(dose, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and dose.note:
            return dose.note
        return None

    def _text(self, dose: MedicationDose, column: int) -> str:
        if column == TIME:
            return f"{dose.taken_at:%H:%M}"
        if column == MEDICINE:
            return dose.name
        if column == DOSE:
            return dose.dose
        return taken_text(dose.as_needed)
