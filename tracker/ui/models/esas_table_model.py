"""The weekly forms filled in, newest first: when, who completed it, how many items were
answered, and the scores given (an item not answered is left out, never shown as 0)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tracker.domain import esas
from tracker.domain.wording import time_text
from tracker.ui.models.records_model import Index, RecordsTableModel

COLUMNS = ("Date and time", "Completed by", "Answered", "Scores")
WHEN, WHO, ANSWERED, SCORES = range(len(COLUMNS))


def answered_text(form: esas.EsasForm) -> str:
    given = sum(1 for score in form.scores().values() if score is not None)
    return f"{given} of {len(esas.ITEMS)}"


def scores_text(form: esas.EsasForm) -> str:
    """``Pain 3, Tiredness 5, Other Problem: constipation 2``: the answered items in the
    form's order."""
    return ", ".join(
        f"{esas.item_name(item, form.other_name)} {score}"
        for item, score in zip(esas.ITEMS, form.scores().values(), strict=True)
        if score is not None
    )


class EsasTableModel(RecordsTableModel[esas.EsasForm]):
    columns = COLUMNS

    def set_forms(self, forms: list[esas.EsasForm]) -> None:
        """The forms, shown newest first."""
        self._reset(sorted(forms, key=lambda f: f.completed_at, reverse=True))

    def form_at(self, row: int) -> esas.EsasForm:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        form = self._row(index)
        if form is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(form, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == SCORES:
            return scores_text(form)
        return None

    def _text(self, form: esas.EsasForm, column: int) -> str:
        if column == WHEN:
            return time_text(form.completed_at)
        if column == WHO:
            return esas.COMPLETED_BY[form.completed_by]
        if column == ANSWERED:
            return answered_text(form)
        return scores_text(form)
