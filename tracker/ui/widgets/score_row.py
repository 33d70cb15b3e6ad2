"""A 0-10 score as a row of eleven large buttons, with its anchors written under it.

One tab stop for the whole row, like a slider: the row holds the keyboard focus, the arrows move
a marked button, Space or Enter chooses it, and a digit typed sets the score at once ("1" then
"0" typed quickly gives 10; "1" alone stays 1). Delete or Backspace clears it back to "not
given" (``None``), as the Clear button does with the mouse. The buttons are for the mouse and
for screen readers, which read each one's name ("Pain now: 7 of 10").

Colours come from the style sheet: every button is ``QPushButton#scoreButton`` with a ``score``
property "0" to "10" and ``current`` "true" on the one the arrows have reached.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QPushButton, QWidget

HIGHEST = 10
PAIN_ANCHORS: tuple[tuple[int, str], ...] = (
    (0, "0 no pain"),
    (5, "5 moderate"),
    (10, "10 worst imaginable"),
)
SECOND_DIGIT_MS = 900  # how long after "1" a "0" still makes 10


class ScoreRow(QWidget):
    """Eleven exclusive buttons 0-10; ``value()`` is the chosen score or ``None``."""

    value_changed = Signal(object)  # int | None

    def __init__(
        self,
        name: str,
        anchors: Sequence[tuple[int, str]] = PAIN_ANCHORS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scoreRow")
        self._name = name
        self._value: int | None = None
        self._cursor = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._after_one = QTimer(self)
        self._after_one.setSingleShot(True)
        self._after_one.setInterval(max(SECOND_DIGIT_MS, QApplication.keyboardInputInterval()))
        self.buttons: list[QPushButton] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        for score in range(HIGHEST + 1):
            button = QPushButton(str(score))
            button.setObjectName("scoreButton")
            button.setProperty("score", str(score))
            button.setProperty("current", "false")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"{name}: {score} of {HIGHEST}")
            button.clicked.connect(lambda _checked=False, s=score: self._clicked(s))
            grid.addWidget(button, 0, score)
            grid.setColumnStretch(score, 1)
            self.buttons.append(button)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setObjectName("scoreClear")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setAccessibleName(f"Clear {name.lower()}")
        self.clear_button.setToolTip("Back to not given (Delete)")
        self.clear_button.clicked.connect(lambda: self.setValue(None))
        grid.addWidget(self.clear_button, 0, HIGHEST + 1)
        self.anchor_labels: list[QLabel] = []
        for score, words in anchors:
            label = QLabel(words)
            label.setObjectName("scoreAnchor")
            label.setWordWrap(True)
            first = min(max(score - 1, 0), HIGHEST - 2)
            if score == 0:
                align = Qt.AlignmentFlag.AlignLeft
            elif score == HIGHEST:
                align = Qt.AlignmentFlag.AlignRight
            else:
                align = Qt.AlignmentFlag.AlignHCenter
            label.setAlignment(align | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, 1, first, 1, 3)
            self.anchor_labels.append(label)
        self.setToolTip("Type a number from 0 to 10, or use the arrow keys and Space")
        self.setAccessibleDescription(
            "Type a number from 0 to 10 (1 then 0 for 10), or move with the arrow keys and "
            "choose with Space; Delete clears it"
        )
        self._show()

    # ---- value --------------------------------------------------------------------------------

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        if value is not None and not 0 <= value <= HIGHEST:
            raise ValueError(f"{value} is not from 0 to {HIGHEST}")
        if value is not None:
            self._cursor = value
        changed = value != self._value
        self._value = value
        self._show()
        if changed:
            self.value_changed.emit(value)

    def awaiting_second_digit(self) -> bool:
        """Whether a "0" typed now would make the "1" just typed into 10."""
        return self._after_one.isActive()

    def selectAll(self) -> None:
        """Kept from the spin box it replaces: nothing to select, the next digit replaces."""
        self._after_one.stop()

    def _clicked(self, score: int) -> None:
        self._after_one.stop()
        self.setValue(score)

    def _show(self) -> None:
        for score, button in enumerate(self.buttons):
            button.setChecked(score == self._value)
            current = "true" if self.hasFocus() and score == self._cursor else "false"
            if button.property("current") != current:
                button.setProperty("current", current)
                button.style().unpolish(button)
                button.style().polish(button)
        said = "not given" if self._value is None else f"{self._value} of {HIGHEST}"
        self.setAccessibleName(f"{self._name}: {said}")
        self.clear_button.setEnabled(self._value is not None)

    # ---- keyboard -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        text = event.text()
        moves = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: 1,
        }
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif len(text) == 1 and text.isdigit():
            self._digit(int(text))
        elif key in moves:
            self._move_to(self._cursor + moves[key])
        elif key == Qt.Key.Key_Home:
            self._move_to(0)
        elif key == Qt.Key.Key_End:
            self._move_to(HIGHEST)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._after_one.stop()
            self.setValue(self._cursor)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._after_one.stop()
            self.setValue(None)
        else:
            super().keyPressEvent(event)

    def _digit(self, digit: int) -> None:
        if digit == 0 and self._after_one.isActive() and self._value == 1:
            self._after_one.stop()
            self.setValue(HIGHEST)
            return
        self.setValue(digit)
        if digit == 1:
            self._after_one.start()
        else:
            self._after_one.stop()

    def _move_to(self, score: int) -> None:
        self._after_one.stop()
        self._cursor = min(max(score, 0), HIGHEST)
        self._show()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._after_one.stop()
        self._show()
