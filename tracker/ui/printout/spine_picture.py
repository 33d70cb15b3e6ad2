"""The spine map on paper: a strip across the page (``charts.spine_strip``, in greys) drawn at
print resolution, after the nerve signs (on the first page when they leave room for it), with
its caption and the sites it could not place in words. A strip under two centimetres high keeps
the pages before the entries to two for the 90-day demo, whose first page the red flags and
the nerve signs fill."""

from __future__ import annotations

import html

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QImage

from tracker.domain import vocab
from tracker.domain.spine_map import SpineMapData
from tracker.domain.wording import short_day
from tracker.ui.printout.chart_picture import CHART_DPI, grey_image
from tracker.ui.printout.paper import MM_PER_INCH

SPINE_URL = QUrl("spine-journal:spine.png")
SPINE_FONT_PT = 6.5


def spine_image(spine: SpineMapData, width_mm: float) -> QImage:
    """The strip, ``width_mm`` wide, as a greyscale picture at the chart's resolution (its
    height follows its width: ``image_height_mm``)."""
    from tracker.charts.spine_strip import build_spine_strip

    figure = build_spine_strip(
        spine, width_in=width_mm / MM_PER_INCH, dpi=CHART_DPI, font_size=SPINE_FONT_PT
    )
    return grey_image(figure)


def image_height_mm(image: QImage, width_mm: float) -> float:
    return width_mm * image.height() / image.width()


def spine_html(spine: SpineMapData, size_px: QSizeF) -> str:
    """The strip's caption, its picture of ``size_px`` (document pixels) and the sites not
    placed, in words (the person's own text, escaped)."""
    shares = ", ".join(
        f"{vocab.REGION_WORDS[region]} {share:.0%}"
        for region in vocab.REGIONS
        if (share := spine.share(region)) is not None
    )
    pain = f"; pain recorded in {shares} of entries" if shares else ""
    caption = (
        f'<p class="note"><b>Spine map:</b> treatments started by {short_day(spine.end)} at '
        f"their levels{pain}.</p>"
    )
    picture = (
        f'<p><img src="{SPINE_URL.toString()}" width="{round(size_px.width())}" '
        f'height="{round(size_px.height())}"></p>'
    )
    unplaced = ""
    if spine.unplaced:
        words = "; ".join(html.escape(site.words, quote=True) for site in spine.unplaced)
        unplaced = f'<p class="note">Not placed on the spine map: {words}.</p>'
    return caption + picture + unplaced
