"""Prepare for appointment: choose the period, then preview, print or save the summary as PDF.

All three go through ``printout.print_document``, so the preview is the paper and the
PDF. Print and its preview paint on a ``QPrinter``, which talks to the system's print service;
"Save as PDF" writes through ``printout.write_pdf`` (a ``QPdfWriter``), which opens no
connection of any kind. The period starts on the day of the last appointment before today, or 30
days back (``SummaryService.default_period``). The print dialog and the file dialog sit behind
``_ask_printer`` and ``_ask_pdf_path``, which tests replace; the preview is opened without
blocking (``open``), so a test can watch it and close it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import short_day
from tracker.ui.common import DateTimeField, MessageLine, buddy_label, from_qdate, to_qdate
from tracker.ui.printout import configure_printer, page_size_for_locale

if TYPE_CHECKING:
    from tracker.domain.summary import SummaryData
    from tracker.services.summary import SummaryService

DATE_FORMAT = "d MMM yyyy"
PAPERS = (("A4", QPageSize.PageSizeId.A4), ("US Letter", QPageSize.PageSizeId.Letter))
INTRO = (
    "A summary of your journal to take to your appointment: red flags, nerve signs, pain, "
    "treatments, painkillers and your questions, then every entry. It shows what you "
    "recorded; it is not a diagnosis."
)


class HasSummary(Protocol):
    """What the dialog needs of the services: the summary use case."""

    @property
    def summary(self) -> SummaryService: ...


class AppointmentSummaryDialog(QDialog):
    def __init__(
        self,
        services: HasSummary,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Prepare for appointment")
        self._service = services.summary
        self.preview: QPrintPreviewDialog | None = None
        self.pages_painted = 0  # pages of the last preview, print or PDF (for the status line)
        self._printer: QPrinter | None = None  # the preview's printer lives as long as it does

        start, end = self._service.default_period(today())
        self.from_edit = DateTimeField(DATE_FORMAT)
        self.to_edit = DateTimeField(DATE_FORMAT)
        self.from_edit.setDate(to_qdate(start))
        self.to_edit.setDate(to_qdate(end))
        self.paper = QComboBox()
        for words, size in PAPERS:
            self.paper.addItem(words, size)
        local = page_size_for_locale().id()
        self.paper.setCurrentIndex(next(i for i, p in enumerate(PAPERS) if p[1] == local))

        self.preview_button = QPushButton("Print pre&view…")
        self.print_button = QPushButton("&Print…")
        self.pdf_button = QPushButton("Save as P&DF…")
        self.message = MessageLine()
        self._lay_out()
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)

    def _lay_out(self) -> None:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(buddy_label("&From:", self.from_edit, "First day"), 0, 0)
        grid.addWidget(self.from_edit, 0, 1)
        grid.addWidget(buddy_label("&To:", self.to_edit, "Last day"), 1, 0)
        grid.addWidget(self.to_edit, 1, 1)
        grid.addWidget(buddy_label("P&aper:", self.paper, "Paper size"), 2, 0)
        grid.addWidget(self.paper, 2, 1)
        grid.setColumnStretch(2, 1)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)

    # ---- choices ---------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())

    def page_size(self) -> QPageSize:
        return QPageSize(self.paper.currentData())

    def suggested_path(self, data: SummaryData) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or Path.home()) / data.file_name

    def _data(self) -> SummaryData | None:
        start, end = self.period()
        if start > end:
            self.message.show_important(
                f"The first day ({short_day(start)}) is after the last day ({short_day(end)})."
            )
            return None
        self.message.clear_message()
        return self._service.summary_data(start, end)

    def _printer_for(self, data: SummaryData) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, data, self.page_size())
        return printer

    # ---- what tests replace ----------------------------------------------------------------

    def _show_preview(self, preview: QPrintPreviewDialog) -> None:
        preview.open()

    def _ask_printer(self, printer: QPrinter) -> bool:
        return QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted

    def _ask_pdf_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the summary as PDF", str(suggested), "PDF files (*.pdf)"
        )
        return Path(name) if name else None

    # ---- actions ---------------------------------------------------------------------------

    def _paint(self, data: SummaryData, printer: QPrinter) -> None:
        from tracker.ui.printout import print_document

        self.pages_painted = print_document(data, printer)

    def _on_preview_clicked(self) -> None:
        data = self._data()
        if data is None:
            return
        self._printer = self._printer_for(data)
        preview = QPrintPreviewDialog(self._printer, self)
        preview.setWindowTitle(f"Print preview: {data.title}")
        preview.paintRequested.connect(lambda printer: self._paint(data, printer))
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.finished.connect(self._on_preview_finished)
        self.preview = preview
        self._show_preview(preview)

    def _on_preview_finished(self) -> None:
        self.preview = None

    def _on_print_clicked(self) -> None:
        data = self._data()
        if data is None:
            return
        printer = self._printer_for(data)
        if not self._ask_printer(printer):
            return
        try:
            self._paint(data, printer)
        except OSError as error:
            self.message.show_important(f"The summary could not be printed ({error}).")
            return
        self.message.show_done(f"The summary was sent to the printer ({self._pages()}).")

    def _on_pdf_clicked(self) -> None:
        data = self._data()
        if data is None:
            return
        path = self._ask_pdf_path(self.suggested_path(data))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from tracker.ui.printout import write_pdf

        try:
            self.pages_painted = write_pdf(data, path, self.page_size())
        except OSError as error:
            reason = error.strerror or str(error)
            self.message.show_problem(f"the summary could not be written to {path} ({reason}).")
            return
        self.message.show_done(f"The summary was saved as {path} ({self._pages()}).")

    def _pages(self) -> str:
        return f"{self.pages_painted} page{'' if self.pages_painted == 1 else 's'}"


def prepare_for_appointment(
    services: HasSummary, parent: QWidget | None = None
) -> AppointmentSummaryDialog:
    """Open the dialog without blocking the window (for the "Prepare for appointment…" menu
    item); it deletes itself when closed."""
    dialog = AppointmentSummaryDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
