"""The history table: one row per entry, newest first by default."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from tracker.domain import vocab
from tracker.domain.model import Entry
from tracker.domain.screening import NOT_ASKED
from tracker.domain.timeutil import to_utc_naive
from tracker.domain.wording import time_text
from tracker.ui.models.records_model import Index, RecordsTableModel

COLUMNS = (
    "When",
    "Pain",
    "Worst 24 h",
    "Weakness",
    "Numbness",
    "Walking",
    "Bladder",
    "Bowel",
    "Tiredness",
    "Red flags",
    "Note",
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _highest_text(record: object, places: tuple[str, ...], words: tuple[str, ...]) -> str:
    """The highest level in words with where (``slight: left leg``); "none" when every place
    was answered 0; "not asked" for places not asked, never "none"."""
    levels = [(getattr(record, place), place) for place in places]
    asked = [(level, place) for level, place in levels if level is not None]
    level, place = max(asked, default=(0, ""))
    if level:
        return f"{words[level]}: {place.replace('_', ' ')}"
    unasked = [place.replace("_", " ") for level, place in levels if level is None]
    if not asked:
        return NOT_ASKED
    return f"{NOT_ASKED}: {', '.join(unasked)}" if unasked else "none"


def _highest_key(record: object, places: tuple[str, ...]) -> int:
    """The highest level for sorting; a record not asked at all sorts below 0."""
    asked = [level for place in places if (level := getattr(record, place)) is not None]
    return max(asked, default=-1)


def neuro_summary(entry: Entry) -> tuple[str, str]:
    """The highest weakness and numbness in words, with where (``slight: left leg``)."""
    return (
        _highest_text(entry.weakness, vocab.LIMBS, vocab.WEAKNESS_WORDS),
        _highest_text(entry.numbness, vocab.NUMB_AREAS, vocab.NUMBNESS_WORDS),
    )


def _words(words: Mapping[Any, str] | tuple[str, ...], value: Any) -> str:
    return NOT_ASKED if value is None else words[value]


class EntryTableModel(RecordsTableModel[Entry]):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self._flags: dict[str, list[str]] = {}
        # each row's texts and sort keys, worked out once: the sorting proxy asks for them
        # thousands of times after each save
        self._texts: list[tuple[str, ...]] = []
        self._keys: list[tuple[Any, ...]] = []

    def set_entries(self, entries: list[Entry], flags: dict[str, list[str]] | None = None) -> None:
        self._flags = dict(flags or {})
        self._texts = [self._row_texts(entry) for entry in entries]
        self._keys = [
            self._row_keys(entry, texts) for entry, texts in zip(entries, self._texts, strict=True)
        ]
        self._reset(entries)

    def put_entries(self, entries: list[Entry], flags: dict[str, list[str]]) -> None:
        """Show each of ``entries`` (new rows, or new versions of shown ones) and the flags of
        the entries named in ``flags``, changing only those rows (the sorting proxy places
        them)."""
        self._flags.update(flags)
        changed = {str(entry_id) for entry_id in flags}
        for entry in entries:
            row = self.row_of(str(entry.id))
            if row >= 0:
                self._rows[row] = entry
                changed.add(str(entry.id))
                continue
            row = len(self._rows)
            texts = self._row_texts(entry)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(entry)
            self._texts.append(texts)
            self._keys.append(self._row_keys(entry, texts))
            self.endInsertRows()
            changed.discard(str(entry.id))
        for entry_id in changed:
            row = self.row_of(entry_id)
            if row < 0:
                continue
            entry = self._rows[row]
            self._texts[row] = self._row_texts(entry)
            self._keys[row] = self._row_keys(entry, self._texts[row])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove_entry(self, entry_id: str) -> None:
        row = self.row_of(entry_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row], self._texts[row], self._keys[row]
            self.endRemoveRows()

    def text(self, row: int, column: int) -> str:
        return self._texts[row][column]

    def entry_at(self, row: int) -> Entry:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self._row(index)
        if entry is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts[index.row()][column]
        if role == SORT_ROLE:
            return self._keys[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == len(COLUMNS) - 1 and entry.note:
            return entry.note
        return None

    def _row_texts(self, entry: Entry) -> tuple[str, ...]:
        weak, numb = neuro_summary(entry)
        return (
            time_text(entry.recorded_at),
            str(entry.pain.score),
            "" if entry.pain.worst_24h is None else str(entry.pain.worst_24h),
            weak,
            numb,
            _words(vocab.WALKING_WORDS, entry.walking),
            _words(vocab.BLADDER_WORDS, entry.bladder),
            _words(vocab.BOWEL_WORDS, entry.bowel),
            "" if entry.fatigue is None else str(entry.fatigue),
            " ".join(self._flags.get(str(entry.id), [])),
            entry.note.replace("\n", " ")[:80],
        )

    @classmethod
    def _row_keys(cls, entry: Entry, texts: tuple[str, ...]) -> tuple[Any, ...]:
        return tuple(cls._sort_key(entry, texts, column) for column in range(len(COLUMNS)))

    @staticmethod
    def _sort_key(entry: Entry, texts: tuple[str, ...], column: int) -> Any:
        if column == 0:
            return to_utc_naive(entry.recorded_at).isoformat()
        if column == 1:
            return entry.pain.score
        if column == 2:
            return -1 if entry.pain.worst_24h is None else entry.pain.worst_24h
        if column == 3:
            return _highest_key(entry.weakness, vocab.LIMBS)
        if column == 4:
            return _highest_key(entry.numbness, vocab.NUMB_AREAS)
        if column == 5:
            return -1 if entry.walking is None else entry.walking
        if column == COLUMNS.index("Tiredness"):
            return -1 if entry.fatigue is None else entry.fatigue
        return texts[column]
