"""The spine map on paper: a strip in two rows (``charts.spine_strip``, in greys) drawn at print
resolution, floated right of the title's lines at the top of the first page, where the lines
leave the page's right side empty: so it adds no height, and the pages before the entries of
the 90-day demo (whose first page the red flags and nerve signs fill) stay two. Its words (the
regions' shares and the sites it could not place) follow the nerve signs."""

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
SPINE_FONT_PT = 6.0
SPINE_WIDTH_MM = 50.0  # beside the title's lines, which end about 120 mm in


def spine_image(spine: SpineMapData, width_mm: float) -> QImage:
    """The strip in two rows, ``width_mm`` wide, as a greyscale picture at the chart's
    resolution (its height follows its width: ``image_height_mm``)."""
    from tracker.charts.spine_strip import build_spine_strip

    figure = build_spine_strip(
        spine,
        width_in=width_mm / MM_PER_INCH,
        dpi=CHART_DPI,
        font_size=SPINE_FONT_PT,
        two_rows=True,
    )
    return grey_image(figure)


def image_height_mm(image: QImage, width_mm: float) -> float:
    return width_mm * image.height() / image.width()


def spine_picture_html(size_px: QSizeF) -> str:
    """The strip, floated right of the title's lines (their right side is empty)."""
    return (
        f'<img src="{SPINE_URL.toString()}" style="float: right" '
        f'width="{round(size_px.width())}" height="{round(size_px.height())}">'
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
        f'<p class="note"><b>Spine map</b> (page 1): treatments started by '
        f"{short_day(spine.end)} at their levels{pain}."
    )
    if spine.unplaced:
        sites = "; ".join(html.escape(site.words, quote=True) for site in spine.unplaced)
        words += f" Not placed on the spine map: {sites}."
    return words + "</p>"
