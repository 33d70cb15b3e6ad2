"""The "ESAS-r" tab of the Trends page: the weekly forms' ten items over the days the Chart tab
shows (as the spine map follows them), with the treatments on the same time axis
(``tracker.charts.esas_chart``).

Drawn only when shown: a change of dates while another tab is in front only notes the days.
Drawn in the window's light or dark scheme, again when the desktop switches it (as the spine
map is).
Imports matplotlib (the Trends page makes it with the chart, never at start-up).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from tracker.charts.esas_chart import draw_esas
from tracker.domain.timeutil import local_day
from tracker.domain.wording import short_day
from tracker.ui.widgets.scheme_drawn import SchemeDrawn

if TYPE_CHECKING:
    from tracker.domain.esas import EsasForm
    from tracker.services.registry import Services

WAITING = "The ESAS-r chart follows the days shown on the Chart tab."
EMPTY = "No ESAS-r form recorded yet: the weekly form is on the “Weekly form” tab."
NONE_IN_DAYS = "No ESAS-r form in these days: choose other dates on the Chart tab."


class EsasTrendsView(SchemeDrawn):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self._days: tuple[date, date] | None = None
        self._drawn_for: tuple[tuple[date, date], bool] | None = None  # the days, and dark
        self.forms: list[EsasForm] = []  # the forms drawn: those of the days shown
        self.period = QLabel(WAITING)
        self.period.setWordWrap(True)
        self.message = QLabel(EMPTY)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        self.canvas = FigureCanvasQTAgg(Figure(figsize=(12, 9)))  # type: ignore[no-untyped-call]
        self.canvas.setMinimumSize(480, 360)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab
        self.canvas.setAccessibleName("ESAS-r items over time")
        self.canvas.setAccessibleDescription(
            "One small chart an item of the weekly ESAS-r form, 0 to 10, over the days shown "
            "on the Chart tab, with the treatments shaded behind. A gap is an item not answered."
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.period)
        layout.addWidget(self.message)
        layout.addWidget(self.canvas, 1)

    def set_services(self, services: Services) -> None:
        self._services = services

    def show_days(self, start: date, end: date) -> None:
        """The days to draw (the chart's); drawn now when shown, else when next shown."""
        self._days = (start, end)
        self.period.setText(
            f"{short_day(start)} to {short_day(end)}: the days shown on the Chart tab."
        )
        if self.isVisible():
            self.redraw()

    def refresh(self) -> None:
        """Read the journal again for the same days (after a change elsewhere)."""
        self._drawn_for = None
        if self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        if self._services is None or self._days is None:
            return
        dark = self.is_dark()
        if self._drawn_for == (self._days, dark):
            return
        self._drawn_for = (self._days, dark)
        first, last = self._days
        forms = self._services.esas.list()
        self.forms = [f for f in forms if first <= local_day(f.completed_at) <= last]
        treatments = self._services.treatments.list()
        draw_esas(self.canvas.figure, self.forms, treatments, first, last, dark=dark)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
        self.message.setText(EMPTY if not forms else NONE_IN_DAYS)
        self.message.setVisible(not self.forms)
