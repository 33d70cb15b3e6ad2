"""The spine map's colours: light and dark for the window, greys for paper.

The marks differ by shape and hatch as well as colour (a radiotherapy field is hatched, cement a
filled dot, surgery a rod with screws), so they read in greyscale and for colour-blind readers
(Okabe-Ito colours)."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.charts.palette import SCREEN_DARK


@dataclass(frozen=True)
class SpinePalette:
    background: str
    ink: str  # words, outlines
    muted: str  # the level labels' lighter words
    bone: str
    bone_edge: str
    region: str  # the pain regions' shading (its strength is the share)
    radiotherapy: str
    cement: str
    surgery: str
    other: str


SPINE_LIGHT = SpinePalette(
    background="#FFFFFF",
    ink="#000000",
    muted="#4A5564",
    bone="#F2EEE4",
    bone_edge="#5F5A50",
    region="#D55E00",
    radiotherapy="#0072B2",
    cement="#000000",
    surgery="#009E73",
    other="#CC79A7",
)
SPINE_DARK = SpinePalette(  # on the window's dark background, in its words' colour, as the chart
    background=SCREEN_DARK.background,
    ink=SCREEN_DARK.ink,
    muted="#AAB3BF",
    bone="#3A3F46",
    bone_edge="#C9C2B4",
    region="#F0A050",
    radiotherapy="#56B4E9",
    cement="#FFFFFF",
    surgery="#5ED1A8",
    other="#E8A6CB",
)
SPINE_PRINT = SpinePalette(
    background="#FFFFFF",
    ink="#000000",
    muted="#333333",
    bone="#F4F4F4",
    bone_edge="#444444",
    region="#808080",
    radiotherapy="#222222",
    cement="#000000",
    surgery="#333333",
    other="#555555",
)
SPINE_PALETTES = {"light": SPINE_LIGHT, "dark": SPINE_DARK, "print": SPINE_PRINT}
