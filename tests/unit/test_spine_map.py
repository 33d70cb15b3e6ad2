"""The spine map: what it holds for a period (treatments at their levels, sites not placed,
the regions' shares) and where the figure draws each of them, read back from its artists."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle

from tracker.charts import SPINE_DARK, SPINE_PRINT, build_spine_figure, mark_spans
from tracker.charts.spine_geometry import LEVEL_Y, SPANS
from tracker.domain import vocab
from tracker.domain.demo import build_demo_journal
from tracker.domain.model import Treatment
from tracker.domain.spine_levels import LEVELS
from tracker.domain.spine_map import build_spine_map, region_counts_of
from tracker.domain.summary import in_period
from tracker.services.spine import SpineService
from tracker.storage import list_rows

START, END = date(2026, 3, 1), date(2026, 7, 31)


def _treatments() -> list[Treatment]:
    return [
        Treatment(kind="radiotherapy", started_on=date(2026, 3, 2), site="T8"),
        Treatment(kind="kyphoplasty", started_on=date(2026, 5, 2), site="L2"),
        Treatment(kind="stabilisation_surgery", started_on=date(2026, 6, 2), site="T9-T11"),
        Treatment(kind="nerve_block", started_on=date(2026, 6, 3), site="C5/C6"),
        Treatment(kind="radiotherapy", started_on=date(2026, 7, 2), site="lower back"),
        Treatment(kind="vertebroplasty", started_on=date(2026, 7, 9)),
        Treatment(kind="chemotherapy", started_on=date(2026, 3, 9)),  # no place on the spine
        Treatment(kind="radiotherapy", started_on=date(2026, 8, 1), site="T4"),  # after END
    ]


COUNTS = {"cervical": 2, "thoracic": 30, "lumbar": 10, "sacral": 0}


def test_each_treatment_at_its_levels_and_the_rest_in_words() -> None:
    data = build_spine_map(START, END, _treatments(), 40, COUNTS)
    assert [(m.mark, m.levels) for m in data.marks] == [
        ("radiotherapy", ("T8",)),
        ("cement", ("L2",)),
        ("surgery", ("T9", "T10", "T11")),
        ("other", ("C5", "C6")),
    ]
    assert [u.words for u in data.unplaced] == [
        "Radiotherapy, 2 Jul 2026: “lower back”",
        "Vertebroplasty, 9 Jul 2026: no site recorded",
    ]
    assert data.share("thoracic") == 0.75
    assert data.share("sacral") == 0.0
    lines = data.text_lines()
    assert "Radiotherapy T8, 2 Mar 2026: T8" in lines
    assert "Upper or middle back pain: 30 of 40 entries (75%)." in lines
    assert not any("T4" in line for line in lines)  # started after the period


def test_a_period_without_entries_has_no_shares() -> None:
    data = build_spine_map(START, END, [], 0, dict.fromkeys(vocab.REGIONS, 0))
    assert data.share("lumbar") is None
    assert "No treatment at a level of the spine by the last of these days." in data.text_lines()
    figure = build_spine_figure(data)
    assert not [p for p in figure.axes[0].patches if str(p.get_gid()).startswith("region")]


def test_the_vertebrae_run_downwards_and_each_is_labelled() -> None:
    assert [LEVEL_Y[level] for level in LEVELS] == sorted(LEVEL_Y.values())
    for upper, lower in pairwise(LEVELS):
        assert SPANS[upper][1] < SPANS[lower][0]  # no two overlap
    figure = build_spine_figure(build_spine_map(START, END, _treatments(), 40, COUNTS))
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert all(level in texts for level in LEVELS)
    vertebrae = [p.get_gid() for p in figure.axes[0].patches if "vertebra" in str(p.get_gid())]
    assert vertebrae == [f"vertebra {level}" for level in LEVELS]


def test_the_marks_are_drawn_at_their_levels_only() -> None:
    figure = build_spine_figure(build_spine_map(START, END, _treatments(), 40, COUNTS))
    assert mark_spans(figure) == {
        "radiotherapy T8-T8 2026-03-02": ("T8",),
        "cement L2-L2 2026-05-02": ("L2",),
        "surgery T9-T11 2026-06-02": ("T9", "T10", "T11"),
        "other C5-C6 2026-06-03": ("C5", "C6"),
    }
    words = " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))
    assert "T8: Radiotherapy, 2 Mar 2026" in words
    assert "Not placed on the map" in words and "“lower back”" in words


def test_the_regions_are_shaded_by_their_share() -> None:
    figure = build_spine_figure(build_spine_map(START, END, _treatments(), 40, COUNTS))
    bands = {
        str(p.get_gid()).split()[1]: p
        for p in figure.axes[0].patches
        if str(p.get_gid()).startswith("region")
    }
    assert set(bands) == set(vocab.REGIONS)
    alphas = {region: band.get_alpha() or 0.0 for region, band in bands.items()}
    assert alphas["thoracic"] > alphas["lumbar"] > alphas["cervical"] > alphas["sacral"] == 0.0
    thoracic = bands["thoracic"]
    assert isinstance(thoracic, Rectangle)
    top, bottom = thoracic.get_y(), thoracic.get_y() + thoracic.get_height()
    inside = [level for level, y in LEVEL_Y.items() if top <= y <= bottom]
    assert inside == [f"T{n}" for n in range(1, 13)]


def test_dark_and_print_palettes_draw_the_same_marks() -> None:
    data = build_spine_map(START, END, _treatments(), 40, COUNTS)
    light = build_spine_figure(data)
    dark = build_spine_figure(data, palette=SPINE_DARK)
    paper = build_spine_figure(data, palette=SPINE_PRINT)
    assert mark_spans(dark) == mark_spans(paper) == mark_spans(light)
    assert dark.get_facecolor() == to_rgba(SPINE_DARK.background)
    colours = [
        colour
        for axes in paper.axes
        for colour in [
            *(p.get_edgecolor() for p in axes.patches),
            *(line.get_color() for line in axes.lines),
        ]
    ]
    greys = [to_rgba(c) for c in colours if to_rgba(c)[3] > 0]
    assert greys and all(r == g == b for r, g, b, _a in greys)


def test_the_demo_has_its_t8_field_and_l2_kyphoplasty_where_they_are() -> None:
    journal = build_demo_journal(years=1, end=date(2026, 11, 20))
    start, end = date(2026, 8, 23), date(2026, 11, 20)  # the summary's 90 days
    data = build_spine_map(start, end, journal.treatments, 0, {})
    spans = mark_spans(build_spine_figure(data))
    fields = {gid: levels for gid, levels in spans.items() if gid.startswith("radiotherapy")}
    cement = {gid: levels for gid, levels in spans.items() if gid.startswith("cement")}
    assert list(fields.values()) == [("T8",)]
    assert list(cement.values()) == [("L2",)]
    kyphoplasty = next(m for m in data.marks if m.mark == "cement")
    assert kyphoplasty.kind == "kyphoplasty"


def test_the_counts_from_sql_are_the_counts_of_the_entries(db: Any) -> None:
    """The window's map counts in SQL, the summary's from the entries it read: the same."""
    journal = build_demo_journal(years=1, end=date(2026, 11, 20))
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, journal)
    start, end = date(2026, 6, 1), date(2026, 8, 31)
    data = SpineService(db).spine_map(start, end)
    entries = in_period(journal.entries, start, end)
    assert (data.entries, dict(data.region_counts or {})) == region_counts_of(entries)
    assert 0 < data.entries == len(entries)
    assert data.region_counts and data.region_counts["thoracic"] > 0
    # Without dates: the journal's whole span, as the trend chart takes it.
    whole = SpineService(db).spine_map()
    assert (whole.start, whole.end) == (date(2025, 11, 21), date(2026, 11, 20))
