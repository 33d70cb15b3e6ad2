"""The alert log: every red flag raised, and what the person did about it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.domain import vocab
from tracker.domain.model import Alert
from tracker.domain.timeutil import to_utc_naive

COLUMNS = ("Raised", "Rule", "Tier", "What was recorded", "Entry", "What was done", "Note")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TIER_ORDER = {tier: n for n, tier in enumerate(vocab.TIERS)}
Index = QModelIndex | QPersistentModelIndex


class AlertTableModel(QAbstractTableModel):
    def __init__(self, title_of: Callable[[str], str]) -> None:
        super().__init__()
        self._alerts: list[Alert] = []
        self._entry_times: dict[str, str] = {}
        self._title_of = title_of

    def set_alerts(self, alerts: list[Alert], entry_times: dict[str, str]) -> None:
        self.beginResetModel()
        self._alerts = list(alerts)
        self._entry_times = dict(entry_times)
        self.endResetModel()

    def alert_at(self, row: int) -> Alert:
        return self._alerts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._alerts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._alerts):
            return None
        alert = self._alerts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(alert, index.column())
        if role == SORT_ROLE:
            if index.column() == 0:
                return to_utc_naive(alert.raised_at).isoformat()
            if index.column() == 2:
                return TIER_ORDER[alert.tier]
            return self._text(alert, index.column())
        return None

    def _text(self, alert: Alert, column: int) -> str:
        if column == 0:
            return f"{alert.raised_at:%a %d %b %Y %H:%M}"
        if column == 1:
            return alert.rule
        if column == 2:
            return alert.tier.upper()
        if column == 3:
            return self._title_of(alert.rule)
        if column == 4:
            return self._entry_times.get(alert.entry_id or "", "")
        if column == 5:
            if alert.action is None:
                return "nothing recorded yet"
            when = f" ({alert.acknowledged_at:%d %b %H:%M})" if alert.acknowledged_at else ""
            return vocab.ACTION_WORDS[alert.action] + when
        return alert.note.replace("\n", " ")
