"""What changed after each treatment: mean pain before and after, with the entries behind it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tracker.domain.treatment_text import RESPONSE_COLUMNS, response_line
from tracker.domain.trends import TreatmentResponse, WindowMean
from tracker.domain.wording import short_day
from tracker.ui.models.records_model import Index, RecordsTableModel

TREATMENT, DATES, BEFORE, AFTER, CHANGE, LATER = range(6)
COLUMNS = RESPONSE_COLUMNS
HELP = {
    BEFORE: "The 14 days before the treatment started (days -14 to -1).",
    AFTER: "Days 1 to 14 after the procedure, the course's last day or the last radiotherapy "
    "session.",
    CHANGE: "The mean after minus the mean before: below zero means less pain.",
    LATER: "Days 28 to 42 after the last radiotherapy session: relief usually comes around "
    "four weeks after radiotherapy.",
}


def window_words(mean: WindowMean) -> str:
    return f"{short_day(mean.window.first_day)} to {short_day(mean.window.last_day)}"


class ResponseTableModel(RecordsTableModel[TreatmentResponse]):
    columns = COLUMNS

    def set_responses(self, responses: list[TreatmentResponse]) -> None:
        self._reset(responses)

    def response_at(self, row: int) -> TreatmentResponse:
        return self._rows[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return HELP.get(section)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        response = self._row(index)
        if response is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(response, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(response, index.column())
        return None

    @staticmethod
    def _text(response: TreatmentResponse, column: int) -> str:
        """The row in the printed summary's words (tracker.domain.treatment_text)."""
        line = response_line(response)
        texts = (line.treatment, line.dates, line.before, line.after, line.change, line.later)
        return texts[column]

    @staticmethod
    def _tooltip(response: TreatmentResponse, column: int) -> str | None:
        mean = {BEFORE: response.before, AFTER: response.after, LATER: response.later}.get(column)
        if mean is None:
            return HELP.get(column)
        return f"{HELP[column]} Here: {window_words(mean)}."
