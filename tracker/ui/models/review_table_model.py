"""Care-team reviews: on which day the team assessed which symptom, at which level."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tracker.domain import vocab
from tracker.domain.model import Review
from tracker.ui.models.records_model import Index, RecordsTableModel
from tracker.ui.models.treatment_table_model import day_text

COLUMNS = ("Date", "Symptom", "Assessed at", "Note")
DATE, SYMPTOM, LEVEL, NOTE = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

# The levels of red-flags.md, "Symptom keys and levels", in the words of the entry form.
BLADDER_LEVEL_WORDS = ("normal", "changed", "cannot pass urine, or leaking")
BOWEL_LEVEL_WORDS = ("normal", "constipated", "leaking or no feeling")
YES_NO_WORDS = ("no", "yes")


def level_words(symptom_key: str) -> tuple[str, ...]:
    """The words for each level of a reviewable symptom, from 0 up to its highest level."""
    words: tuple[str, ...]
    if symptom_key.startswith("weakness."):
        words = vocab.WEAKNESS_WORDS
    elif symptom_key.startswith("numbness."):
        words = vocab.NUMBNESS_WORDS
    elif symptom_key == "walking":
        words = vocab.WALKING_WORDS
    elif symptom_key == "bladder":
        words = BLADDER_LEVEL_WORDS
    elif symptom_key == "bowel":
        words = BOWEL_LEVEL_WORDS
    else:
        words = YES_NO_WORDS
    return tuple(words[: vocab.max_level(symptom_key) + 1])


def level_text(symptom_key: str, level: int) -> str:
    words = level_words(symptom_key)
    return words[level] if 0 <= level < len(words) else str(level)


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
