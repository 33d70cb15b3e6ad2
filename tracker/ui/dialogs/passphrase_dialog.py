"""The journal's passphrase in the window: asked at start (``UnlockDialog``) and, from the
Journal menu, set, changed or removed (``PassphraseDialog``), with a recovery sheet to save or
print (``tracker.ui.dialogs.recovery_sheet``).

The dialogs hold the passphrase only in their fields; what checks or applies it is the
window's (a callable that returns one sentence when it is refused, or ``None``). A recovery
sheet holds the hint the person writes, where the journal is and the date: never the
passphrase.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.alert_text import escape
from tracker.ui.common import MessageLine, buddy_label
from tracker.ui.dialogs.recovery_sheet import RecoverySheetButtons, sheet_text

# Returns the sentence that refuses it, or None when it was done.
Attempt = Callable[[str], "str | None"]
Change = Callable[[str, str], "str | None"]

LOST = (
    "If the passphrase is lost, the journal is lost: nobody can recover it, not even the "
    "makers of Spine Journal. Write it down and keep it somewhere safe."
)
TITLES = {
    "protect": "Protect with a passphrase",
    "change": "Change passphrase",
    "remove": "Remove the passphrase",
}


def secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(1024)
    return field


def primary_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setDefault(True)
    button.setObjectName("primary")
    return button


def button_row(dialog: QDialog, primary: QPushButton) -> QHBoxLayout:
    """The dialog's own button on the left, Cancel on the right."""
    cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel.rejected.connect(dialog.reject)
    row = QHBoxLayout()
    row.addWidget(primary)
    row.addStretch(1)
    row.addWidget(cancel)
    return row


class UnlockDialog(QDialog):
    """Before anything of the journal is shown: its passphrase, tried until it opens it."""

    def __init__(self, attempt: Attempt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Spine Journal")
        self._attempt = attempt
        intro = QLabel("<h2>Your journal is protected</h2><p>Type its passphrase to open it.</p>")
        intro.setWordWrap(True)
        self.passphrase = secret_field()
        self.open_button = primary_button("&Open the journal")
        self.message = MessageLine()
        actions = button_row(self, self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(buddy_label("&Passphrase:", self.passphrase))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.setMinimumWidth(480)
        self.open_button.clicked.connect(self._on_open)
        self.passphrase.setFocus()

    def _on_open(self) -> None:
        refused = self._attempt(self.passphrase.text())
        self.passphrase.clear()
        if refused is None:
            self.accept()
            return
        self.refuse(refused)

    def refuse(self, sentence: str) -> None:
        """Not opened: one sentence, and the field empty for another try."""
        self.message.setText(f"<b>Not opened:</b> {escape(sentence)}")
        self.message.show()
        self.passphrase.setFocus()


class PassphraseDialog(QDialog):
    """``mode``: ``protect``, ``change`` or ``remove``. ``apply(old, new)``: ``old`` is empty
    when protecting, ``new`` when removing."""

    def __init__(
        self, mode: str, journal_path: Path, apply: Change, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLES[mode])
        self.mode = mode
        self._journal_path = journal_path
        self._apply = apply
        self.current = secret_field()
        self.new = secret_field()
        self.again = secret_field()
        self.hint = QLineEdit()
        self.hint.setMaxLength(200)
        self.apply_button = primary_button(f"&{TITLES[mode]}")
        self.message = MessageLine()
        self.sheet = RecoverySheetButtons(self.recovery_sheet, self.message)
        self.warning = QLabel()
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = {
            "protect": "Spine Journal will encrypt your journal and its backups with a "
            "passphrase, after a verified backup. It is then asked each time the journal opens.",
            "change": "The journal and its backups will open with the new passphrase only.",
            "remove": "The journal and its backups will be plain files again, readable by "
            "anyone who can open them on this computer.",
        }[self.mode]
        text = QLabel(f"<h2>{TITLES[self.mode]}</h2><p>{escape(intro)}</p>")
        text.setWordWrap(True)
        layout.addWidget(text)
        if self.mode != "protect":
            layout.addWidget(buddy_label("&Current passphrase:", self.current))
            layout.addWidget(self.current)
        if self.mode != "remove":
            self.warning.setText(f"<p><b>Important:</b> {escape(LOST)}</p>")
            self.warning.setWordWrap(True)
            layout.addWidget(self.warning)
            layout.addWidget(buddy_label("&New passphrase:", self.new))
            layout.addWidget(self.new)
            layout.addWidget(buddy_label("New passphrase &again:", self.again))
            layout.addWidget(self.again)
            layout.addWidget(
                buddy_label(
                    "A &hint for the recovery sheet (never the passphrase itself):", self.hint
                )
            )
            layout.addWidget(self.hint)
            layout.addWidget(self.sheet)
        actions = button_row(self, self.apply_button)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.setMinimumWidth(560)
        self.apply_button.clicked.connect(self._on_apply)
        (self.new if self.mode == "protect" else self.current).setFocus()

    def recovery_sheet(self) -> str:
        """The hint, where the journal is and the date: never the passphrase."""
        return sheet_text(self.hint.text(), self._journal_path, date.today())

    def write_sheet(self, path: Path) -> None:
        self.sheet.write_sheet(path)

    def _on_apply(self) -> None:
        if self.mode != "remove":
            if not self.new.text():
                self._refuse("Type the new passphrase.")
                return
            if self.new.text() != self.again.text():
                self.again.clear()
                self._refuse("The two new passphrases differ; type it again.")
                return
        refused = self._apply(self.current.text(), self.new.text())
        if refused is not None:
            self.current.clear()
            self._refuse(refused)
            return
        self.accept()

    def _refuse(self, sentence: str) -> None:
        self.message.setText(f"<b>Nothing changed:</b> {escape(sentence)}")
        self.message.show()
