"""The spine map as the summary prints it: a strip in one row with the same marks at the same
levels and legible labels, its words with the regions' shares, and the sites not placed in
words."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize

from tracker.charts import mark_spans
from tracker.charts.spine_geometry import LEVEL_Y
from tracker.charts.spine_strip import build_spine_strip
from tracker.domain.demo import build_demo_journal
from tracker.domain.model import Treatment
from tracker.domain.spine_levels import LEVELS
from tracker.domain.spine_map import build_spine_map
from tracker.ui.printout.paper import content_size_mm, page_layout
from tracker.ui.printout.spine_picture import spine_figure, spine_picture_html, spine_words_html

START, END = date(2026, 8, 23), date(2026, 11, 20)


def test_the_demo_strip_has_the_t8_field_and_the_l2_kyphoplasty_where_they_are() -> None:
    journal = build_demo_journal(years=1, end=END)
    data = build_spine_map(START, END, journal.treatments, 10, {"thoracic": 10, "lumbar": 3})
    figure = build_spine_strip(data, width_in=7.0)
    assert sorted(mark_spans(figure).items()) == [
        ("cement L2-L2 2026-06-29", ("L2",)),
        ("radiotherapy T8-T8 2026-01-14", ("T8",)),
    ]
    strip = figure.axes[0]
    labels = {t.get_text(): t.get_position()[0] for t in strip.texts}
    assert all(labels[level] == LEVEL_Y[level] for level in LEVELS)  # each level labelled
    assert "T8: Radiotherapy, 14 Jan 2026" in labels
    # Flatter than wide: a strip across the page, not a map down it.
    width, height = figure.get_size_inches()
    assert height < width / 4


def test_words_that_would_overlap_go_to_another_row() -> None:
    treatments = [
        Treatment(kind="radiotherapy", started_on=date(2026, 9, 1), site="T8"),
        Treatment(kind="kyphoplasty", started_on=date(2026, 9, 2), site="T9"),
    ]
    one = build_spine_strip(build_spine_map(START, END, treatments[:1], 0, {}), width_in=7.0)
    two = build_spine_strip(build_spine_map(START, END, treatments, 0, {}), width_in=7.0)
    words = [t for t in two.axes[0].texts if ":" in t.get_text()]
    (x1, y1), (x2, y2) = (w.get_position() for w in words)
    assert abs(x1 - x2) > 3 or y1 != y2  # moved apart, along or up
    assert two.get_size_inches()[1] >= one.get_size_inches()[1]


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_on_paper_every_label_is_legible_and_apart(paper: QPageSize.PageSizeId) -> None:
    """The strip as the summary prints it (the text's width, printed at its own size): each
    level labelled once, every word of it at 7 points or more, and no two labels touching."""
    journal = build_demo_journal(years=1, end=END)
    data = build_spine_map(START, END, journal.treatments, 10, {"thoracic": 10})
    width_mm = content_size_mm(page_layout(QPageSize(paper))).width()
    figure = spine_figure(data, width_mm)
    assert figure.get_figwidth() * 25.4 == pytest.approx(width_mm)
    [strip] = [axes for axes in figure.axes if axes.get_label() == "spine strip"]
    labels = [t for t in strip.texts if t.get_text() in LEVELS]
    assert [t.get_text() for t in labels] == list(LEVELS)  # C1 to the coccyx, each once
    words = [t for axes in figure.axes for t in axes.texts]
    assert min(float(t.get_fontsize()) for t in labels) >= 7.5  # the levels' labels
    assert min(float(t.get_fontsize()) for t in words) >= 7  # and the marks' words and the key
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    boxes = [t.get_window_extent(renderer) for t in labels]
    gap_px = 0.5 / 25.4 * figure.dpi  # half a millimetre at least between two labels
    for left, right in itertools.pairwise(boxes):
        assert right.x0 - left.x1 >= gap_px
    assert set(mark_spans(figure).values()) == {("T8",), ("L2",)}


def test_the_caption_gives_the_shares_and_the_sites_not_placed() -> None:
    treatments = [
        Treatment(kind="radiotherapy", started_on=date(2026, 9, 1), site="<b>lower back</b>"),
        Treatment(kind="kyphoplasty", started_on=date(2026, 9, 2), site="L2"),
    ]
    data = build_spine_map(
        START, END, treatments, 4, {"cervical": 0, "thoracic": 1, "lumbar": 3, "sacral": 0}
    )
    html = spine_words_html(data)
    assert "treatments started by 20 Nov 2026 at their levels" in html
    assert "neck 0%, upper or middle back 25%, lower back 75%, tailbone 0% of entries" in html
    assert (
        "Not placed on the spine map: Radiotherapy, 1 Sep 2026: “&lt;b&gt;lower back&lt;/b&gt;”"
        in html
    )
    picture = spine_picture_html(QSizeF(600, 90))
    assert picture.startswith('<p class="picture"><img ')  # a paragraph of its own
    assert 'width="600" height="90"' in picture


def test_no_entries_no_shares_in_the_caption() -> None:
    html = spine_words_html(build_spine_map(START, END, [], 0, {}))
    assert "pain recorded" not in html
    assert "Not placed" not in html
