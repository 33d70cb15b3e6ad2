"""What changed after each treatment: mean pain before and after, with the entries behind it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from tracker.domain.trends import TreatmentResponse, WindowMean
from tracker.ui.models.records_model import Index, RecordsTableModel

TREATMENT, DATES, BEFORE, AFTER, CHANGE, LATER = range(6)
COLUMNS = (
    "Treatment",
    "Dates",
    "Mean pain, 14 days before",
    "Mean pain, 14 days after",
    "Change",
    "Mean pain, days 28-42 after (radiotherapy)",
)
HELP = {
    BEFORE: "The 14 days before the treatment started (days -14 to -1).",
    AFTER: "Days 1 to 14 after the procedure, the course's last day or the last radiotherapy "
    "session.",
    CHANGE: "The mean after minus the mean before: below zero means less pain.",
    LATER: "Days 28 to 42 after the last radiotherapy session: relief usually comes around "
    "four weeks after radiotherapy.",
}


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def dates_text(response: TreatmentResponse) -> str:
    treatment = response.treatment
    if treatment.ended_on is None or treatment.ended_on == treatment.started_on:
        return _day(treatment.started_on)
    return f"{_day(treatment.started_on)} to {_day(treatment.ended_on)}"


def change_text(change: float | None) -> str:
    if change is None:
        return "cannot tell"
    if abs(change) < 0.05:
        return "no change"
    return f"{abs(change):.1f} {'less' if change < 0 else 'more'}"


def window_words(mean: WindowMean) -> str:
    return f"{_day(mean.window.first_day)} to {_day(mean.window.last_day)}"


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
        if column == TREATMENT:
            return response.label
        if column == DATES:
            return dates_text(response)
        if column == BEFORE:
            return response.before.text()
        if column == AFTER:
            return response.after.text()
        if column == CHANGE:
            return change_text(response.change_after)
        if response.later is None:
            return "not radiotherapy"
        change = response.change_later
        later = response.later.text()
        return later if change is None else f"{later}, {change_text(change)}"

    @staticmethod
    def _tooltip(response: TreatmentResponse, column: int) -> str | None:
        mean = {BEFORE: response.before, AFTER: response.after, LATER: response.later}.get(column)
        if mean is None:
            return HELP.get(column)
        return f"{HELP[column]} Here: {window_words(mean)}."
