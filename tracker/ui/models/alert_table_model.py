"""The Red flags page's list: each episode one row (its repeats on consecutive days with the
answer given at its first entry, as the printed summary groups them), its single alerts the
row's children, reachable by expanding it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.domain import vocab
from tracker.domain.model import Alert
from tracker.domain.red_flag_rows import alert_episodes, days_text
from tracker.domain.timeutil import to_utc_naive
from tracker.domain.wording import short_time, time_text
from tracker.ui.theme import tier_colour

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Raised", "Rule", "Tier", "What was recorded", "Entry", "What was done", "Note")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TIER_ORDER = {tier: n for n, tier in enumerate(vocab.TIERS)}
TIER_ROLES: dict[int, str] = {
    Qt.ItemDataRole.BackgroundRole: "bg",
    Qt.ItemDataRole.ForegroundRole: "text",
}
TOP = 0  # the internal id of an episode's row; a single alert's is its episode's row + 1


class AlertTableModel(QAbstractItemModel):
    columns = COLUMNS

    def __init__(self, title_of: Callable[[str], str]) -> None:
        super().__init__()
        self._episodes: list[tuple[Alert, ...]] = []
        self._repeats: set[int] = set()  # id() of each alert after its episode's first
        self._entry_times: dict[str, str] = {}
        self._title_of = title_of

    def set_alerts(self, alerts: list[Alert], entry_times: dict[str, str]) -> None:
        self.beginResetModel()
        self._episodes = alert_episodes(alerts)
        self._repeats = {id(alert) for episode in self._episodes for alert in episode[1:]}
        self._entry_times = dict(entry_times)
        self.endResetModel()

    def alerts_at(self, index: Index) -> tuple[Alert, ...]:
        """The alerts a row stands for: an episode's, or one alert; the answered one first."""
        if not index.isValid():
            return ()
        if index.internalId() == TOP:
            return self._episodes[index.row()]
        return (self._episodes[index.internalId() - 1][index.row()],)

    # the tree Qt asks for

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._episodes)
        if parent.internalId() != TOP or parent.column() != 0:
            return 0
        episode = self._episodes[parent.row()]
        return len(episode) if len(episode) > 1 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        alerts = self.alerts_at(index)
        if not alerts:
            return None
        first, column = alerts[0], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(alerts, column)
        if column == 2 and role in TIER_ROLES:  # the tier's colours, beside its word
            return tier_colour(first.tier, TIER_ROLES[role])
        if role == SORT_ROLE:
            if column == 0:  # an episode by its latest alert: newest first puts it at the top
                return to_utc_naive(alerts[-1].raised_at).isoformat()
            if column == 2:
                return TIER_ORDER[first.tier]
            return self._text(alerts, column)
        return None

    def _text(self, alerts: tuple[Alert, ...], column: int) -> str:
        alert = alerts[0]
        if len(alerts) > 1:  # an episode's own words where they differ from one alert's
            if column == 0:
                return days_text(alert.raised_at, alerts[-1].raised_at)
            if column == 4:
                return f"{len(alerts)} entries"
        if column == 0:
            return time_text(alert.raised_at)
        if column == 5 and alert.action is None and id(alert) in self._repeats:
            # the person is asked at an episode's first entry only
            return "not asked again: see the episode's first alert"
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
            at = alert.acknowledged_at
            when = f" ({short_time(at)})" if at else ""
            return vocab.ACTION_WORDS[alert.action] + when
        return alert.note.replace("\n", " ")
