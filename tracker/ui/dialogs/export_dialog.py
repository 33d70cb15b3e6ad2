"""Export the whole journal to a file: the journal file (JSON), a spreadsheet (CSV), or FHIR R4
for the care team.

The file name is typed into a field (tests set it there); "Browse…" opens Qt's own file
dialog, never the desktop's native one. The default name carries the date only, never symptom
text. The file is written by ``ExchangeService.export_file``, the same temporary-file-and-rename
path, mode 0600, that the ``export`` command uses. Before the first export ever, the person is
told that the exported file is no longer protected by the app; the journal remembers that this
was said (``JournalService.remember_export_warning``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.alert_text import escape
from tracker.ui.common import Confirm, MessageLine, buddy_label, local_now
from tracker.ui.data_safety import entries_words

if TYPE_CHECKING:
    from tracker.services.exchange import ExchangeService
    from tracker.services.journal import JournalService

# format, words on screen, file name ending, file dialog filter
FORMATS = (
    (
        "json",
        "&Journal file (JSON): everything, and Spine Journal can import it again",
        ".json",
        "Journal file (*.json)",
    ),
    (
        "csv",
        "&Spreadsheet (CSV): one row per entry, opens in Excel or LibreOffice",
        ".csv",
        "Spreadsheet (*.csv)",
    ),
    (
        "fhir",
        "For your &care team (FHIR R4): for hospital and clinic systems that read FHIR",
        "-fhir.json",
        "FHIR R4 (*.json)",
    ),
    (
        "esas-csv",
        "&Weekly forms (ESAS-r, CSV): one row per form, opens in a spreadsheet",
        "-esas-r.csv",
        "Spreadsheet (*.csv)",
    ),
    (
        "csv-doses",
        "&Doses of regular medicines (CSV): one row per dose due, taken, skipped or not recorded",
        "-doses.csv",
        "Spreadsheet (*.csv)",
    ),
)
NAME_STEM = "spine-journal-export-"
WARNING = (
    "The exported file is no longer protected by the app: anyone who can open the file can "
    "read it. Keep it somewhere private, and delete it when you no longer need it."
)

# said at every export of an encrypted journal (issue 18)
ENCRYPTED_WARNING = (
    "Your journal is encrypted with a passphrase, but an export is a plain file: the "
    "passphrase does not protect it."
)


def default_name(format_name: str, day: date) -> str:
    """``spine-journal-export-2026-11-22.json``: the date only, never symptom text."""
    ending = next(f[2] for f in FORMATS if f[0] == format_name)
    return f"{NAME_STEM}{day.isoformat()}{ending}"


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


class ExportDialog(QDialog):
    """``exported`` carries the Path written."""

    exported = Signal(object)

    def __init__(
        self,
        exchange: ExchangeService,
        journal: JournalService,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export the journal")
        self._exchange = exchange
        self._journal = journal
        self._today = today or date.today()
        self.format_buttons: dict[str, QRadioButton] = {}
        self._group = QButtonGroup(self)
        for name, words, _ending, _filter in FORMATS:
            button = QRadioButton(words)
            button.setAccessibleName(words.replace("&", ""))
            self.format_buttons[name] = button
            self._group.addButton(button)
        self.format_buttons["json"].setChecked(True)
        self.path = QLineEdit(str(default_folder() / default_name("json", self._today)))
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAccessibleName("Choose the folder and file name")
        self.export_button = QPushButton("&Export")
        self.export_button.setObjectName("primary")
        self.export_button.setDefault(True)
        self.message = MessageLine()
        self._lay_out()
        self._group.buttonToggled.connect(self._on_format_toggled)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.export_button.clicked.connect(self.export)

    def _lay_out(self) -> None:
        intro = QLabel(
            "Save a copy of your whole journal as a file, for yourself or for your care team."
        )
        intro.setWordWrap(True)
        kinds = QGroupBox("What kind of file")
        kinds_layout = QVBoxLayout(kinds)
        for button in self.format_buttons.values():
            kinds_layout.addWidget(button)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(kinds)
        layout.addWidget(buddy_label("&File name:", self.path, "File name to export to"))
        layout.addLayout(path_row)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumWidth(640)

    # ---- choices -----------------------------------------------------------------------------

    def format_name(self) -> str:
        return next(name for name, button in self.format_buttons.items() if button.isChecked())

    def choose_format(self, format_name: str) -> None:
        self.format_buttons[format_name].setChecked(True)

    def _on_format_toggled(self, _button: QRadioButton, checked: bool) -> None:
        """A default name follows the format; a name the person typed is left alone."""
        if not checked:
            return
        current = Path(self.path.text().strip())
        defaults = {default_name(name, self._today) for name, *_rest in FORMATS}
        if current.name in defaults:
            self.path.setText(str(current.with_name(default_name(self.format_name(), self._today))))

    def _on_browse_clicked(self) -> None:
        file_filter = next(f[3] for f in FORMATS if f[0] == self.format_name())
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Export to",
            self.path.text(),
            file_filter,
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen:
            self.path.setText(chosen)

    # ---- export ------------------------------------------------------------------------------

    def export(self) -> None:
        from tracker.services.errors import JournalError

        self.message.clear_message()
        text = self.path.text().strip()
        if not text:
            self._problem("Type a file name to export to, or press Browse.")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self._problem(f"{path} is a folder: add a file name at the end.")
            return
        if not path.parent.is_dir():
            self._problem(f"The folder {path.parent} does not exist.")
            return
        if path.exists() and not Confirm.ask(
            self, "Replace the file?", f"{path.name} already exists. Replace it with this export?"
        ):
            return
        try:
            from tracker.services.passphrase import journal_is_protected

            encrypted = journal_is_protected(Path(self._journal.location))
            if encrypted or not self._journal.export_warning_shown():
                warning = f"{WARNING} {ENCRYPTED_WARNING}" if encrypted else WARNING
                if not Confirm.ask(self, "Before you export", f"{warning}\n\nExport now?"):
                    return
                self._journal.remember_export_warning()
            self._exchange.export_file(self.format_name(), path, local_now())
            count = self._journal.counts().get("entries", 0)
        except JournalError as error:
            self._problem(str(error))
            return
        self.message.show_done(f"Exported the journal ({entries_words(count)}) to {path}.")
        self.exported.emit(path)

    def _problem(self, sentence: str) -> None:
        self.message.setText(f"<b>Not exported:</b> {escape(sentence)}")
        self.message.show()
