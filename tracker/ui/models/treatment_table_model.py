"""The treatments table: one row per course or procedure, in plain words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tracker.domain import vocab
from tracker.domain.model import Treatment
from tracker.domain.treatment_text import treatment_details
from tracker.domain.wording import day_text as day_text  # the window's dialogs read it here
from tracker.domain.wording import dose_text as dose_text
from tracker.ui.models.records_model import Index, RecordsTableModel

COLUMNS = ("Treatment", "Started", "Ended", "Site", "Details", "Note")
TREATMENT, STARTED, ENDED, SITE, DETAILS, NOTE = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NO_END = "no end date"
SAME_DAY = "same day"


def details_text(treatment: Treatment) -> str:
    """Dose, fractions, technique and sessions, worded as on the printed summary: "20 Gy in 5
    fractions; conventional; 2 of 5 sessions done" (the site has a column of its own)."""
    return treatment_details(treatment, with_site=False)


class TreatmentTableModel(RecordsTableModel[Treatment]):
    columns = COLUMNS

    def set_treatments(self, treatments: list[Treatment]) -> None:
        self._reset(treatments)

    def treatment_at(self, row: int) -> Treatment:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        treatment = self._row(index)
        if treatment is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(treatment, column)
        if role == SORT_ROLE:
            return self._sort_key(treatment, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE and treatment.note:
            return treatment.note
        return None

    def _text(self, treatment: Treatment, column: int) -> str:
        if column == TREATMENT:
            return vocab.TREATMENT_WORDS[treatment.kind]
        if column == STARTED:
            return day_text(treatment.started_on)
        if column == ENDED:
            if treatment.ended_on is not None:
                return day_text(treatment.ended_on)
            # A procedure without an end date took one day; a course without one may go on.
            return SAME_DAY if treatment.kind in vocab.PROCEDURE_KINDS else NO_END
        if column == SITE:
            return treatment.site or ""
        if column == DETAILS:
            return details_text(treatment)
        return treatment.note.replace("\n", " ")[:80]

    def _sort_key(self, treatment: Treatment, column: int) -> Any:
        # Day numbers, not the shown text: "Fri 6 Mar" must not sort before "Thu 5 Mar".
        if column == STARTED:
            return treatment.started_on.toordinal()
        if column == ENDED:
            return -1 if treatment.ended_on is None else treatment.ended_on.toordinal()
        return self._text(treatment, column).casefold()
