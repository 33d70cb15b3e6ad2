"""The ten lines of the ESAS-r form, each as the check-in's 0-10 button row (``ScoreRow``) with
the instrument's anchors written at both ends and its definition under the item's name. The
words are the instrument's own (``tracker.domain.esas``): the licence allows no change.

By keyboard as on the check-in: Tab goes from row to row, a digit sets a score, the arrows and
Space choose one, Delete clears it back to "not answered".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from tracker.domain import esas
from tracker.ui.widgets.score_row import ScoreRow


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class EsasItems(QWidget):
    """The rows by item key; ``scores()`` gives each score or ``None`` (not answered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, ScoreRow] = {}
        self.definitions: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(14)
        grid.setColumnStretch(1, 1)
        self.other_name = QLineEdit()
        self.other_name.setMaxLength(esas.OTHER_NAME_MAX)
        self.other_name.setPlaceholderText("Name the problem")
        self.other_name.setAccessibleName("Other Problem: its name")
        for index, item in enumerate(esas.ITEMS):
            names = QWidget()
            column = QGridLayout(names)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(_label(item.name, "esasItemName"), 0, 0)
            if item.definition:
                definition = _label(item.definition, "esasDefinition")
                column.addWidget(definition, 1, 0)
                self.definitions[item.key] = definition
            if item.key == "other":
                column.addWidget(self.other_name, 2, 0)
            column.setRowStretch(3, 1)
            row = ScoreRow(item.name, ((0, item.left), (esas.HIGHEST, item.right)))
            row.setAccessibleDescription(
                f"{item.left} is 0, {item.right} is 10. {row.accessibleDescription()}"
            )
            grid.addWidget(names, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row, index, 1)
            self.rows[item.key] = row
        self.setTabOrder(self.rows["wellbeing"], self.other_name)
        self.setTabOrder(self.other_name, self.rows["other"])

    def scores(self) -> dict[str, int | None]:
        return {key: row.value() for key, row in self.rows.items()}

    def clear(self) -> None:
        for row in self.rows.values():
            row.setValue(None)
        self.other_name.clear()
