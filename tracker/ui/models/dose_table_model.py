"""The doses of one day: time, medicine, dose, and whether it was taken as needed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tracker.domain.model import MedicationDose
from tracker.ui.models.records_model import Index, RecordsTableModel

COLUMNS = ("Time", "Medicine", "Dose", "Taken")
TIME, MEDICINE, DOSE, TAKEN = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
AS_NEEDED = "as needed"
REGULAR = "regular dose"


def choice_text(name: str, dose: str) -> str:
    """ "Oxycodone liquid 5 mg": the medicine as people say it."""
    return f"{name} {dose}".strip()


def taken_text(as_needed: bool) -> str:
    return AS_NEEDED if as_needed else REGULAR


class DoseTableModel(RecordsTableModel[MedicationDose]):
    columns = COLUMNS

    def set_doses(self, doses: list[MedicationDose]) -> None:
        self._reset(doses)

    def dose_at(self, row: int) -> MedicationDose:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        dose = self._row(index)
        if dose is None:
            return None
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
