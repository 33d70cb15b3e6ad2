"""Lines and shapes added as single artists where the axes' limits are already set."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath


def add_line(axes: Axes, xs: Sequence[float], ys: Sequence[float], **style: Any) -> Line2D:
    """A line added as it is, where the limits are set already (``plot`` works out its data
    limits and parses its arguments on every call). Unlabelled, it stays out of the legend."""
    style.setdefault("label", "_line")
    line = Line2D(xs, ys, **style)
    axes.add_artist(line)
    return line


def patch_of(corners: Sequence[Sequence[tuple[float, float]]], **style: Any) -> PathPatch:
    """Rectangles drawn as one patch, to be added with ``add_artist`` where the limits are set
    already: a patch each (``bar``, ``axvspan``, ``broken_barh``) costs a millisecond to add
    and to draw, and Agg draws a hatch's pattern again for every one."""
    return PathPatch(MplPath.make_compound_path_from_polys(np.array(corners, dtype=float)), **style)
