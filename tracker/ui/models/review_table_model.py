"""Care-team reviews: on which day the team assessed which symptom, at which level."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tracker.domain import vocab
from tracker.domain.model import Review
from tracker.domain.wording import day_text
from tracker.domain.wording import level_text as level_text  # the reviews page reads them here
from tracker.domain.wording import level_words as level_words
from tracker.ui.models.records_model import Index, RecordsTableModel

COLUMNS = ("Date", "Symptom", "Assessed at", "Note")
DATE, SYMPTOM, LEVEL, NOTE = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewTableModel(RecordsTableModel[Review]):
    columns = COLUMNS

    def set_reviews(self, reviews: list[Review]) -> None:
        self._reset(reviews)

    def review_at(self, row: int) -> Review:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        review = self._row(index)
        if review is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(review, column)
        if role == SORT_ROLE:
            if column == DATE:
                return review.reviewed_on.toordinal()
            if column == LEVEL:
                return review.level
            return self._text(review, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE and review.note:
            return review.note
        return None

    def _text(self, review: Review, column: int) -> str:
        if column == DATE:
            return day_text(review.reviewed_on)
        if column == SYMPTOM:
            words = vocab.SYMPTOM_WORDS[review.symptom]
            return words[:1].upper() + words[1:]
        if column == LEVEL:
            return level_text(review.symptom, review.level)
        return review.note.replace("\n", " ")[:120]
