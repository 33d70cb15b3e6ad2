"""The main window: lays out and wires; each panel is its own widget."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from tracker import APP_NAME

if TYPE_CHECKING:
    from tracker.services.registry import Services


class MainWindow(QMainWindow):
    first_painted = Signal()

    def __init__(self, journal_path: Path) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} — {journal_path}")
        self.services: Services | None = None
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.location_label = QLabel(f"Journal: {journal_path}")
        self.status_label = QLabel("Opening the journal…")
        for label in (self.location_label, self.status_label):
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.resize(1100, 700)
        self._painted = False
        central.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A QTimer.singleShot(0) from the constructor would fire before the first paint; a
        # zero timer started from inside the first Paint event fires just after it.
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    def attach(self, services: Services) -> None:
        self.services = services
        counts = services.journal.counts()
        self.status_label.setText(", ".join(f"{n} {name}" for name, n in counts.items()))

    def show_journal_problem(self, message: str) -> None:
        self.status_label.setText(message)
