"""The trend chart in the window: range buttons, the chart (its canvas, drawn at the window's
text size and as high as its labels need: ``trend_canvas``), the entry pointed at, and the table
of what changed after each treatment. This module makes them and gives them their work; where
they go and how they look is ``chart_layout``'s.

Importing this module imports matplotlib (about 0.7 s): the window embeds it only after its
first paint, so nothing imports this module at start-up.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QButtonGroup, QFileDialog, QLabel, QPushButton, QWidget

from tracker.charts import DrawnChart, save_trend_chart
from tracker.domain.trends import (
    FIRST_PRESET,
    PRESET_WORDS,
    Preset,
    TrendData,
    point_text,
    preset_range,
)
from tracker.ui import theme
from tracker.ui.common import MessageLine, from_qdate, to_qdate
from tracker.ui.models.response_table_model import ResponseTableModel
from tracker.ui.widgets.chart_layout import ChartLayout
from tracker.ui.widgets.trend_canvas import TrendCanvas, chart_text_size

if TYPE_CHECKING:
    from tracker.services.trends import TrendsService

POINT_HINT = "Point at a dot in the pain chart, or click it, to see that entry here."
SHORTCUTS = {Preset.DAYS_30: "&30 days", Preset.DAYS_90: "&90 days", Preset.YEAR: "1 &year"}


def _checked_look(button: QPushButton) -> None:
    """A width that fits the text when it turns bold: the range shown is told by a strong
    border, bold text and a tick, not by colour alone (resources/style.qss, :checked)."""
    bold = QFont(button.font())
    bold.setBold(True)
    text = button.text().replace("&", "")
    button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 36)


class ChartView(ChartLayout):
    range_shown = Signal(object, object)  # the first and last day drawn (datetime.date)
    point_shown = Signal(str)  # the words shown for the point pointed at or clicked
    chart_saved = Signal(str)  # the path of a chart written by "Save chart…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: TrendsService | None = None
        self._data: TrendData | None = None
        self._drawn: DrawnChart | None = None
        self._preset: Preset | None = FIRST_PRESET
        # The chart is drawn in the window's scheme and again when the desktop switches it.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._follow_scheme)

        self.canvas = TrendCanvas()
        self.figure = self.canvas.figure
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_pointed)
        self.canvas.mpl_connect("button_press_event", self._on_canvas_pointed)
        self._chart_painted = False
        self._responses_due = False
        self.canvas.installEventFilter(self)

        self.preset_buttons: dict[Preset, QPushButton] = {}
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        for preset, words in PRESET_WORDS.items():
            button = QPushButton(SHORTCUTS.get(preset, "&All"))
            button.setCheckable(True)
            _checked_look(button)
            button.setAccessibleName(f"Show {words}" if preset is not Preset.ALL else "Show all")
            button.clicked.connect(lambda _=False, p=preset: self.show_preset(p))
            self.range_group.addButton(button)
            self.preset_buttons[preset] = button
        self.from_edit = self._date_edit()
        self.to_edit = self._date_edit()
        self.dates_button = QPushButton("Show &these dates")
        self.dates_button.setCheckable(True)
        _checked_look(self.dates_button)
        self.dates_button.setAccessibleName("Show the chosen dates")
        self.range_group.addButton(self.dates_button)
        self.dates_button.clicked.connect(self._on_dates_clicked)
        self.save_button = QPushButton("&Save chart…")
        self.save_button.setAccessibleName("Save chart as a picture")
        self.save_button.clicked.connect(self.save_chart)

        self.point_label = QLabel(POINT_HINT)
        self.point_label.setWordWrap(True)
        self.point_label.setAccessibleName("Entry pointed at")
        self.point_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = MessageLine()

        self.responses = ResponseTableModel()
        self._build_table()
        self._layout()
        self._set_font()

    # ---- public --------------------------------------------------------------------------

    def set_service(self, service: TrendsService) -> None:
        self._service = service

    @property
    def data(self) -> TrendData | None:
        """What the chart shows now."""
        return self._data

    @property
    def drawn(self) -> DrawnChart | None:
        return self._drawn

    def refresh(self) -> None:
        """Read the journal again and redraw the range shown (after a change elsewhere)."""
        if self._service is None:
            return
        if self._chart_painted:
            self.responses.set_responses(self._service.responses())
        else:  # the chart first: the table under it is filled just after its first paint
            self._responses_due = True
        if self._preset is not None:
            self.show_preset(self._preset)
        else:
            self.show_dates(from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date()))

    def show_preset(self, preset: Preset) -> None:
        """The last 30 or 90 days or year of the journal (ending on its last recorded day), or
        all of it."""
        self._preset = preset
        self.preset_buttons[preset].setChecked(True)
        if self._service is None:
            return
        span = self._service.span()
        if span is None:
            self._show(None, None)
            return
        self._show(*preset_range(preset, *span))

    def show_dates(self, start: date, end: date) -> None:
        """The days ``start`` to ``end``, both included."""
        self._preset = None
        self.dates_button.setChecked(True)
        if start > end:
            self.message.show_problem(
                "The first day to show is after the last day. Choose the dates again."
            )
            return
        self._show(start, end)

    def save_chart(self) -> None:
        """Ask where to save the chart shown, then write it as a PNG or SVG picture."""
        if self._data is None:
            self.message.show_problem("There is no chart to save yet.")
            return
        chosen = self.ask_save_path()
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + ".png")
        try:
            save_trend_chart(self._data, path)
        except OSError as error:
            self.message.show_problem(
                f"The chart could not be saved to {path} ({error.strerror or error})."
            )
            return
        self.message.show_done(f"Chart saved to {path}.")
        self.chart_saved.emit(str(path))

    def ask_save_path(self) -> str | None:
        """The file dialog (tests replace this method)."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            "Save chart",
            str(Path.home() / "spine-journal-chart.png"),
            "PNG picture (*.png);;SVG drawing (*.svg)",
        )
        return name or None

    # ---- drawing -------------------------------------------------------------------------

    def _show(self, start: date | None, end: date | None) -> None:
        assert self._service is not None
        self.message.clear_message()
        data = self._service.trend_data(start, end)
        self._data = data
        self.from_edit.setDate(to_qdate(data.start))
        self.to_edit.setDate(to_qdate(data.end))
        self._drawn = self.canvas.draw_chart(data)
        self.point_label.setText(POINT_HINT)
        self.range_shown.emit(data.start, data.end)

    def changeEvent(self, event: QEvent) -> None:
        """View > Larger text (the window's font changed): the chart drawn again in it, once
        the change has reached every widget."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # also sent as the style sheet is applied
            QTimer.singleShot(0, self, self._follow_font)

    def _follow_font(self) -> None:
        if chart_text_size() == self.canvas.drawn_size:
            return
        self._set_font()
        for button in (*self.preset_buttons.values(), self.dates_button):
            _checked_look(button)
        if self._data is not None:
            self._drawn = self.canvas.draw_chart(self._data)

    def _follow_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: the chart is drawn again in it."""
        self.canvas.dark = theme.shows_dark(scheme)
        if self._data is not None:
            self._drawn = self.canvas.draw_chart(self._data)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.canvas and event.type() == QEvent.Type.Paint and not self._chart_painted:
            self._chart_painted = True
            QTimer.singleShot(0, self._fill_responses)
        return False

    def _fill_responses(self) -> None:
        """The table of what changed after each treatment, when the chart's first paint put it
        off."""
        if self._responses_due and self._service is not None:
            self._responses_due = False
            self.responses.set_responses(self._service.responses())

    def _on_dates_clicked(self) -> None:
        self.show_dates(from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date()))

    def _on_canvas_pointed(self, event: MouseEvent) -> None:
        if self._drawn is None or event.x is None or event.y is None:
            return
        point = self._drawn.point_near(event.x, event.y)
        if point is None:
            self.canvas.setToolTip("")
            return
        text = point_text(point)
        self.canvas.setToolTip(text)
        if text != self.point_label.text():
            self.point_label.setText(text)
            self.point_shown.emit(text)
