"""The "ESAS-r trends" tab: the weekly forms' ten items over time, with the treatments on the
same time axis (``tracker.charts.esas_chart``). matplotlib is imported when the tab is first
shown, never before: the window's start does not wait for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tracker.ui.common import local_now

if TYPE_CHECKING:
    from tracker.services.registry import Services
    from tracker.ui.pages import PageHost

EMPTY = "No ESAS-r form recorded yet: the weekly form is on the “Weekly form” tab."


class EsasTrendsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self.canvas: Any = None  # matplotlib's Qt canvas, made on first show
        self.message = QLabel("Drawing the chart…")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.message)

    def as_widget(self) -> QWidget:
        return self

    def join(self, host: PageHost) -> None:
        """Nothing to tell the window: the page only reads."""

    def set_services(self, services: Services) -> None:
        self._services = services

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        if self._services is None or not self.isVisible():
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from tracker.charts.esas_chart import default_span, draw_esas

        forms = self._services.esas.list()
        treatments = self._services.treatments.list()
        if self.canvas is None:
            self.canvas = FigureCanvasQTAgg(Figure(figsize=(12, 9)))  # type: ignore[no-untyped-call]
            self.canvas.setAccessibleName("ESAS-r items over time")
            self._layout.addWidget(self.canvas, 1)
        first, last = default_span(forms, local_now().date())
        draw_esas(self.canvas.figure, forms, treatments, first, last)
        self.canvas.draw_idle()
        self.message.setText("" if forms else EMPTY)
        self.message.setVisible(not forms)
