"""The sessions of one treatment, inside its dialog: when, done or planned, and a note.

The list is kept in time order, as the journal format stores it. Changes stay here until the
dialog's OK builds the Treatment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.domain.errors import ValidationError
from tracker.domain.model import NOTE_MAX, Session
from tracker.domain.wording import time_text

COLUMNS = ("When", "Done", "Note")
WHEN, DONE, NOTE = range(len(COLUMNS))
DONE_WORDS = {True: "done", False: "planned"}
Index = QModelIndex | QPersistentModelIndex


def when_text(session: Session) -> str:
    return time_text(session.at)


class SessionTableModel(QAbstractTableModel):
    def __init__(self, sessions: Iterable[Session] = ()) -> None:
        super().__init__()
        self._sessions: list[Session] = sorted(sessions, key=lambda s: s.at)

    # ---- the list as a whole -----------------------------------------------------------------

    def sessions(self) -> tuple[Session, ...]:
        return tuple(self._sessions)

    def set_sessions(self, sessions: Iterable[Session]) -> None:
        self.beginResetModel()
        self._sessions = sorted(sessions, key=lambda s: s.at)
        self.endResetModel()

    def session_at(self, row: int) -> Session:
        return self._sessions[row]

    def done_count(self) -> int:
        return sum(1 for s in self._sessions if s.done)

    def add_session(self, session: Session) -> int:
        """Insert in time order (after any session at the same moment); returns its row."""
        row = sum(1 for s in self._sessions if s.at <= session.at)
        self.beginInsertRows(QModelIndex(), row, row)
        self._sessions.insert(row, session)
        self.endInsertRows()
        return row

    def remove_session(self, row: int) -> Session:
        self.beginRemoveRows(QModelIndex(), row, row)
        session = self._sessions.pop(row)
        self.endRemoveRows()
        return session

    def replace_session(self, row: int, session: Session) -> int:
        """Put ``session`` in place of the one at ``row``; returns its (time-ordered) row."""
        if session.at == self._sessions[row].at:
            self._sessions[row] = session
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        self.remove_session(row)
        return self.add_session(session)

    def set_done(self, row: int, done: bool) -> None:
        self.replace_session(row, replace(self._sessions[row], done=done))

    def toggle_done(self, row: int) -> None:
        self.set_done(row, not self._sessions[row].done)

    # ---- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._sessions):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() == NOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        session = self._sessions[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == WHEN:
                return when_text(session)
            if column == DONE:
                # The word as well as the tick: the state is never shown by the box alone.
                return DONE_WORDS[session.done]
            return session.note.replace("\n", " ")
        if role == Qt.ItemDataRole.EditRole and column == NOTE:
            return session.note
        if role == Qt.ItemDataRole.CheckStateRole and column == DONE:
            return Qt.CheckState.Checked if session.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE and session.note:
            return session.note
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return False
        session = self._sessions[index.row()]
        if index.column() == DONE and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            self.set_done(index.row(), done)
            return True
        if index.column() == NOTE and role == Qt.ItemDataRole.EditRole:
            note = str(value)
            if len(note) > NOTE_MAX:
                return False
            try:
                changed = replace(session, note=note)
            except ValidationError:
                return False
            self.replace_session(index.row(), changed)
            return True
        return False
