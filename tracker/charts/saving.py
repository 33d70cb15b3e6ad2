"""A chart figure written to a PNG or SVG file, safely: to a 0600 temporary file in the
destination's folder, renamed into place (a half-written chart never replaces a good one, and
no other user of the machine can read it)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from tracker.charts.glyphs import GlyphCacheCanvas
from tracker.os_files import private_file


def chart_format(out: Path) -> str:
    """``png`` or ``svg`` from the file's suffix; ``ValueError`` for another."""
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{out.name} must end in .png or .svg")
    return fmt


def write_figure(figure: Figure, out: Path, *, dpi: float, svg_text: bool = False) -> None:
    """Write ``figure`` to ``out`` (``.png`` or ``.svg``). ``svg_text``: an SVG keeps its words
    as text (searchable, read by a screen reader) rather than drawn outlines; set for this
    drawing only, never for the process. Raises ``OSError`` when the file cannot be written
    and ``ValueError`` for another suffix."""
    fmt = chart_format(out)
    GlyphCacheCanvas(figure)
    # No creation date in the file: the same journal draws the same file.
    metadata = {"Date": None} if fmt == "svg" else {"Software": "Spine Journal"}
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    try:
        with (
            os.fdopen(handle, "wb") as stream,
            matplotlib.rc_context({"svg.fonttype": "none"} if svg_text else None),
        ):
            figure.savefig(stream, format=fmt, dpi=dpi, metadata=metadata)
        private_file(temporary)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
