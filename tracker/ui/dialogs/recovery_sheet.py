"""The recovery sheet of a passphrase: the hint the person writes, where the journal is and the
date, never the passphrase. Saved as a text file or printed (issue 18: "offers to print or
save a recovery sheet").

The print dialog is opened with ``open()``, not ``exec()``: a modal loop of its own would keep
the lock (``tracker.ui.lock``) from hiding it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QPushButton, QWidget

from tracker.ui.common import MessageLine

TITLE = "Spine Journal: recovery sheet"


def sheet_text(hint: str, journal_path: Path, today: date) -> str:
    """The sheet's lines: the hint, where the journal is and the date."""
    return (
        f"{TITLE}\n\n"
        f"Passphrase hint: {hint.strip() or '(no hint written)'}\n"
        f"Journal: {journal_path}\n"
        f"Protected on: {today.isoformat()}\n\n"
        "The passphrase itself is not on this sheet. Without it nobody can open the "
        "journal or its backups.\n"
    )


def print_text(text: str, printer: QPrinter) -> None:
    """``text`` printed as plain text, one line a paragraph, on ``printer``."""
    document = QTextDocument()
    document.setPlainText(text)
    document.print_(printer)


class RecoverySheetButtons(QWidget):
    """Save and Print for the sheet ``text()`` gives; what came of it in ``message``."""

    def __init__(
        self, text: Callable[[], str], message: MessageLine, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._message = message
        self.save_button = QPushButton("Save a &recovery sheet…")
        self.print_button = QPushButton("Print a recovery &sheet…")
        self.printer: QPrinter | None = None  # lives as long as its dialog
        self.print_dialog: QPrintDialog | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        self.save_button.clicked.connect(self._ask_where)
        self.print_button.clicked.connect(self._ask_printer)

    def _ask_where(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save the recovery sheet", "spine-journal-recovery-sheet.txt", "Text (*.txt)"
        )
        if name:
            self.write_sheet(Path(name))

    def write_sheet(self, path: Path) -> None:
        from tracker.services.exchange import write_private_file

        try:
            write_private_file(path, self._text().encode("utf-8"))
        except OSError as error:
            self._message.show_problem(f"The recovery sheet could not be saved ({error}).")
            return
        self._message.show_done(f"The recovery sheet was saved to {path}.")

    def _ask_printer(self) -> None:
        self.printer = QPrinter()
        self.printer.setDocName(TITLE)
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle("Print the recovery sheet")
        dialog.accepted.connect(self._print)
        self.print_dialog = dialog
        QDialog.open(dialog)  # QPrintDialog's own open() wants a slot to call when accepted

    def _print(self) -> None:
        if self.printer is None:
            return
        print_text(self._text(), self.printer)
        self._message.show_done("The recovery sheet was sent to the printer.")
