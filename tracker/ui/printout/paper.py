"""The summary's paper: its size by the locale, its margins and footer, the resolutions."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
)

APP_NAME = "Spine Journal"
MARGINS_MM = QMarginsF(15.0, 13.0, 15.0, 10.0)  # left, top, right, bottom
FOOTER_MM = 8.0  # reserved at the bottom of the printable area for the page footer
PDF_DPI = 1200  # as a QPrinter in high resolution writes a PDF
MM_PER_INCH = 25.4
# Territories that use US Letter paper; the rest of the world uses A4.
LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.Venezuela,
        QLocale.Country.CostaRica,
        QLocale.Country.Guatemala,
        QLocale.Country.Panama,
        QLocale.Country.PuertoRico,
        QLocale.Country.DominicanRepublic,
        QLocale.Country.ElSalvador,
        QLocale.Country.Nicaragua,
        QLocale.Country.Belize,
    }
)


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """US Letter where the territory of ``locale`` (default: the system's) uses it, else A4."""
    territory = (locale or QLocale.system()).territory()
    size = (
        QPageSize.PageSizeId.Letter if territory in LETTER_TERRITORIES else QPageSize.PageSizeId.A4
    )
    return QPageSize(size)


def page_layout(page_size: QPageSize | None = None) -> QPageLayout:
    return QPageLayout(
        page_size or page_size_for_locale(),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def content_size_mm(layout: QPageLayout) -> QSizeF:
    """The width of the text and the height of one page of it, in millimetres."""
    rect = layout.paintRect(QPageLayout.Unit.Millimeter)
    return QSizeF(rect.width(), rect.height() - FOOTER_MM)


def text_dpi() -> float:
    """The resolution the document's own pixel sizes are meant in: Qt's default (the primary
    screen's logical DPI). Qt scales images and fixed lengths by a device's DPI over this one."""
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 96.0
