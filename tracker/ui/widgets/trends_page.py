"""The Trends tab: the trend chart and, in tabs of their own, the spine map and the weekly
ESAS-r forms following the chart's days; made the first time the tab is shown.

matplotlib takes longer to import than the rest of the window to start, so it is imported only
when a person opens this tab (the window never waits for it, and a day's entry never needs it).
The tab says what it is doing meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from tracker.services.registry import Services
    from tracker.ui.pages import PageHost
    from tracker.ui.widgets.chart_view import ChartView
    from tracker.ui.widgets.esas_trends_page import EsasTrendsView
    from tracker.ui.widgets.spine_view import SpineView


class _FirstPaint(QObject):
    """Calls ``then`` once, just after the watched widget's first paint."""

    def __init__(self, widget: QWidget, then: SignalInstance) -> None:
        super().__init__(widget)
        self._then = then
        self._done = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._then.emit)
        return False


class TrendsPage(QWidget):
    chart_painted = Signal()  # the chart's first paint
    services_wanted = Signal()  # shown before the journal is open: the chart waits for it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self.view: ChartView | None = None
        self.spine: SpineView | None = None
        self.esas: EsasTrendsView | None = None
        self.tabs: QTabWidget | None = None
        self.placeholder = QLabel("Drawing the chart of your journal…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)

    def as_widget(self) -> QWidget:
        return self

    def join(self, host: PageHost) -> None:
        self.chart_painted.connect(host.chart_painted_once)
        self.services_wanted.connect(host.wait_for_journal)

    def set_services(self, services: Services) -> None:
        """The registry: its trends service (and the trends modules) only when the chart is
        made."""
        self._services = services
        if self.view is not None:
            self.view.set_service(services.trends)
        if self.spine is not None:
            self.spine.set_service(services.spine)
        if self.esas is not None:
            self.esas.set_services(services)

    def refresh(self) -> None:
        if self.view is not None:
            if self.spine is not None:
                self.spine.refresh()
            if self.esas is not None:
                self.esas.refresh()
            self.view.refresh()
        elif self.isVisible():
            self.build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is None:
            QTimer.singleShot(0, self.build)  # the placeholder paints first

    def build(self) -> None:
        """Make the chart view (importing matplotlib) and draw it. Shown while the journal is
        still opening, the tab imports matplotlib at once and makes the chart when the
        services come (``set_services``, then ``refresh``)."""
        if self.view is not None:
            return
        if self._services is None:  # asked first: the start reads the chart's series meanwhile
            self.services_wanted.emit()
        from tracker.ui.widgets.chart_view import ChartView  # matplotlib's Qt backend

        if self._services is None:
            return

        from tracker.ui.common import enter_presses
        from tracker.ui.widgets.esas_trends_page import EsasTrendsView
        from tracker.ui.widgets.spine_view import SpineView

        view = ChartView()
        view.set_service(self._services.trends)
        view.canvas.installEventFilter(_FirstPaint(view.canvas, self.chart_painted))
        spine = SpineView()
        spine.set_service(self._services.spine)
        view.range_shown.connect(spine.show_days)
        esas = EsasTrendsView()
        esas.set_services(self._services)
        view.range_shown.connect(esas.show_days)
        tabs = QTabWidget()
        tabs.setAccessibleName("Trends views")
        tabs.addTab(view, "Chart")
        tabs.addTab(spine, "Spine map")
        tabs.addTab(esas, "ESAS-r")
        self._layout.replaceWidget(self.placeholder, tabs)
        self.placeholder.hide()
        self.view, self.spine, self.esas, self.tabs = view, spine, esas, tabs
        enter_presses(tabs)
        if self.isVisible():  # laid out now: the chart is measured at the width it is shown
            tabs.show()
            self._layout.activate()
        view.refresh()
