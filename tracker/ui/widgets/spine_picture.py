"""Where it hurts: a drawing of the spine (``resources/icons/spine-regions.svg``, one element id
per region) beside a toggle for each region with its words.

The toggles are the controls: Tab and the arrows reach them, Space turns one on or off, and a
screen reader reads their names. The picture shows which are on and passes a click on a region
to that region's toggle, so mouse and keyboard change the same state.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from tracker import resource
from tracker.ui.widgets.toggle_chip import ToggleChip

PICTURE = "icons/spine-regions.svg"
MARGIN = 5.0  # around a region's outline when it is shown as chosen


class SpineDrawing(QWidget):
    """The picture: regions on are shaded, a click on a region clicks its toggle."""

    def __init__(self, toggles: Mapping[str, ToggleChip], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spineDrawing")
        self._toggles = dict(toggles)
        self.renderer = QSvgRenderer(str(resource(PICTURE)), self)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        for toggle in self._toggles.values():
            toggle.toggled.connect(self.update)
        self.setAccessibleName("Picture of the spine: click a region to choose it")

    def sizeHint(self) -> QSize:
        box = self.renderer.viewBoxF()
        return QSize(int(box.width() * 0.8) + 12, int(box.height() * 0.8))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), 180)

    def _drawn_in(self) -> QRectF:
        """Where the whole drawing goes in the widget, its proportions kept."""
        box = self.renderer.viewBoxF()
        scale = min(self.width() / box.width(), self.height() / box.height())
        width, height = box.width() * scale, box.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def region_rect(self, region: str) -> QRectF:
        """A region's outline in widget coordinates."""
        box = self.renderer.viewBoxF()
        target = self._drawn_in()
        scale = target.width() / box.width()
        bounds = self.renderer.transformForElement(region).mapRect(
            self.renderer.boundsOnElement(region)
        )
        return QRectF(
            target.left() + (bounds.left() - box.left()) * scale,
            target.top() + (bounds.top() - box.top()) * scale,
            bounds.width() * scale,
            bounds.height() * scale,
        )

    def region_at(self, point: QPointF) -> str | None:
        for region in self._toggles:
            if self.region_rect(region).adjusted(-MARGIN, -2, MARGIN, 2).contains(point):
                return region
        return None

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shade = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        shade.setAlpha(110)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shade)
        for region, toggle in self._toggles.items():
            if toggle.isChecked():
                rect = self.region_rect(region).adjusted(-MARGIN, -3, MARGIN, 3)
                painter.drawRoundedRect(rect, 8, 8)
        self.renderer.render(painter, self._drawn_in())
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position())
        if region is not None and event.button() == Qt.MouseButton.LeftButton:
            self._toggles[region].click()
        else:
            super().mouseReleaseEvent(event)


class SpineRegions(QWidget):
    """The picture and, beside it, one toggle per region (``regions``), top to bottom."""

    def __init__(self, labels: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.regions: dict[str, ToggleChip] = {
            key: ToggleChip(text, f"Pain in the {text.replace('&', '').lower()}")
            for key, text in labels.items()
        }
        self.drawing = SpineDrawing(self.regions)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drawing)
        column = QVBoxLayout()
        layout.addLayout(column, 1)
        for index, toggle in enumerate(self.regions.values()):
            if index:
                column.addStretch(1)
            column.addWidget(toggle)
        for toggle in self.regions.values():
            toggle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
