"""The alert log: every red flag raised, and what the person did about it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from tracker.domain import vocab
from tracker.domain.model import Alert
from tracker.domain.timeutil import to_utc_naive
from tracker.ui.models.records_model import Index, RecordsTableModel
from tracker.ui.theme import tier_colour

COLUMNS = ("Raised", "Rule", "Tier", "What was recorded", "Entry", "What was done", "Note")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TIER_ORDER = {tier: n for n, tier in enumerate(vocab.TIERS)}
TIER_ROLES: dict[int, str] = {
    Qt.ItemDataRole.BackgroundRole: "bg",
    Qt.ItemDataRole.ForegroundRole: "text",
}


class AlertTableModel(RecordsTableModel[Alert]):
    columns = COLUMNS

    def __init__(self, title_of: Callable[[str], str]) -> None:
        super().__init__()
        self._entry_times: dict[str, str] = {}
        self._title_of = title_of

    def set_alerts(self, alerts: list[Alert], entry_times: dict[str, str]) -> None:
        self._entry_times = dict(entry_times)
        self._reset(alerts)

    def alert_at(self, row: int) -> Alert:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        alert = self._row(index)
        if alert is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(alert, index.column())
        if index.column() == 2 and role in TIER_ROLES:  # the tier's colours, beside its word
            return tier_colour(alert.tier, TIER_ROLES[role])
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
