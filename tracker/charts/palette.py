"""The chart's colours, lane fills and hatches, red-flag markers, and how its text is made.

Every text is drawn as written (``LITERAL``): matplotlib would read a text between dollar signs
as TeX mathematics, so a treatment site typed as ``$\\frac{T}{8}$`` would come out a fraction,
and ``$$`` or an unknown command would stop the drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tracker.domain.model import Treatment

TIER_MARKERS = {"emergency": ("X", 11), "urgent": ("^", 10), "watch": ("p", 10)}
# Each course kind keeps its row order, fill and hatch in every range (a hatch tells them apart
# in greyscale; radiotherapy shows its session ticks instead).
LANE_ORDER = (
    "radiotherapy",
    "steroids",
    "chemotherapy",
    "targeted_therapy",
    "immunotherapy",
    "hormone_therapy",
    "physiotherapy",
    "other",
)
LITERAL: dict[str, Any] = {"parse_math": False}  # for every Text the charts make
LANE_HATCHES = dict(zip(LANE_ORDER, ("", "\\\\", "xx", "++", "oo", "..", "//", "--"), strict=True))


@dataclass(frozen=True)
class Palette:
    pain: str
    mean: str
    worst: str
    doses: str
    weakness: str
    numbness: str
    walking: str
    shade: str
    ink: str  # words, ticks, spines, procedure lines, lane edges, red-flag markers
    lanes: tuple[str, ...]  # one fill a LANE_ORDER kind
    background: str = "#FFFFFF"  # the figure, behind the title, the legend and the dates
    face: str = "#FFFFFF"  # the panels
    grid: str = "#C0C0C0"  # dotted grid lines (decoration, not read)
    hollow: str = "#FFFFFF"  # inside a hollow marker, behind a procedure's words
    dose_edge: str = "#808080"  # the dose bars' edges and hatching
    # The ESAS-r chart (charts.esas_chart): its mild, moderate and severe bands (neutral shades,
    # labels only), the treatments' hatching on its panels and in its legend.
    bands: tuple[str, str, str] = ("#F7F7F7", "#EEEEEE", "#E4E4E4")
    hatch: str = "#666666"
    key_hatch: str = "#888888"


# Okabe-Ito colours (safe for colour-blind readers), chosen to differ in lightness too.
SCREEN = Palette(
    pain="#0072B2",
    mean="#000000",
    worst="#D55E00",
    doses="#BBBBBB",
    weakness="#009E73",
    numbness="#CC79A7",
    walking="#8C5A00",
    shade="#E3E3E3",
    ink="#000000",
    lanes=("#D8D8D8", "#A6CEE3", "#B2DF8A", "#FFFF99", "#FB9A99", "#FDBF6F", "#CAB2D6", "#E0E0E0"),
)
# The window's dark scheme (tracker/ui/palettes.py DARK): the same Okabe-Ito hues, lighter where the
# light palette darkens them, so that every line and marker reads at 3:1 or more on the panels,
# the radiotherapy shading and the dose bars, and the words at 4.5:1 (tests/unit/
# test_chart_dark.py). Hollow markers stay hollow: filled with the panels' colour.
SCREEN_DARK = Palette(
    pain="#56B4E9",
    mean="#FFFFFF",
    worst="#E69F00",
    doses="#4A525D",
    weakness="#009E73",
    numbness="#CC79A7",
    walking="#F0E442",
    shade="#333A44",
    ink="#E6E9EE",
    lanes=("#4B5563", "#2F5D7C", "#3D6B33", "#6B6424", "#7A3B3B", "#7A5424", "#574673", "#454B54"),
    background="#1B1F24",
    face="#22272E",
    grid="#4A525D",
    hollow="#22272E",
    dose_edge="#A3ACB8",
    bands=("#272D35", "#2D343D", "#343C46"),
    hatch="#C4CBD4",
    key_hatch="#A3ACB8",
)
# The printed summary: black and greys. (Files, from "Save chart…" or the ``chart`` command, are
# drawn with SCREEN: light whatever the window's scheme.)
PRINT = Palette(
    pain="#555555",
    mean="#000000",
    worst="#333333",
    doses="#CCCCCC",
    weakness="#000000",
    numbness="#444444",
    walking="#222222",
    shade="#E6E6E6",
    ink="#000000",
    lanes=("#DDDDDD", "#C8C8C8", "#EEEEEE", "#D4D4D4", "#FFFFFF", "#BBBBBB", "#E8E8E8", "#F4F4F4"),
)


def lane_kind(treatment: Treatment) -> str:
    """The lane a course is drawn in (a kind the chart does not know goes to "other")."""
    return treatment.kind if treatment.kind in LANE_ORDER else "other"
