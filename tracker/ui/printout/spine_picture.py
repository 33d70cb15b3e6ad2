"""The spine map on paper: a strip in one row (``charts.spine_strip``, in greys) across the text's
width, drawn at print resolution under the title's lines, so that it is always on the first
page. The whole width gives each vertebra room for its label at ``SPINE_FONT_PT`` (legible on
paper, as the chart's words are); its words (the regions' shares and the sites it could not
place) follow it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QImage

from tracker.domain import vocab
from tracker.domain.spine_map import SpineMapData
from tracker.domain.wording import short_day
from tracker.ui.printout.chart_picture import CHART_DPI, grey_image
from tracker.ui.printout.paper import MM_PER_INCH

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SPINE_URL = QUrl("spine-journal:spine.png")
SPINE_FONT_PT = 8.0  # the levels' labels and the marks' words (the key half a point less)


def spine_figure(spine: SpineMapData, width_mm: float) -> Figure:
    """The strip in one row, ``width_mm`` wide, at its size on paper (its height follows its
    width)."""
    from tracker.charts.spine_strip import build_spine_strip

    return build_spine_strip(
        spine, width_in=width_mm / MM_PER_INCH, dpi=CHART_DPI, font_size=SPINE_FONT_PT
    )


def spine_image(spine: SpineMapData, width_mm: float) -> QImage:
    """``spine_figure`` as a greyscale picture at the chart's resolution (printed ``width_mm``
    wide, so its words are their own size: ``image_height_mm``)."""
    return grey_image(spine_figure(spine, width_mm))


def image_height_mm(image: QImage, width_mm: float) -> float:
    return width_mm * image.height() / image.width()


def spine_picture_html(size_px: QSizeF) -> str:
    """The strip in a paragraph of its own (Qt never splits a line: the strip is never split)."""
    return (
        f'<p class="picture"><img src="{SPINE_URL.toString()}" '
        f'width="{round(size_px.width())}" height="{round(size_px.height())}"></p>'
    )


def spine_words_html(spine: SpineMapData) -> str:
    """The map's caption: what it shows, the regions' shares, and the sites not placed on it
    (the person's own text, escaped)."""
    shares = ", ".join(
        f"{vocab.REGION_WORDS[region]} {share:.0%}"
        for region in vocab.REGIONS
        if (share := spine.share(region)) is not None
    )
    pain = f"; pain recorded in {shares} of entries" if shares else ""
    words = (
        f'<p class="note"><b>Spine map</b> above: treatments started by '
        f"{short_day(spine.end)} at their levels{pain}."
    )
    if spine.unplaced:
        sites = "; ".join(html.escape(site.words, quote=True) for site in spine.unplaced)
        words += f" Not placed on the spine map: {sites}."
    return words + "</p>"
