"""Agg text drawn from kept shaping and glyphs: FreeType's work done once, not on every draw.

This uses six private names of matplotlib (``FT2Font._layout``, ``_render_glyph``,
``_set_transform``, ``RendererAgg._prepare_font``, ``_renderer`` and
``fontManager._find_fonts_by_props``): pyproject.toml pins the matplotlib versions it is known
to work with, and ``GLYPH_PARTS`` is checked by a test, so that a matplotlib without them fails
a test instead of slowing down unseen.
"""

from __future__ import annotations

import math
from typing import Any

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import FT2Font, RenderMode

# matplotlib's Agg renderer shapes each text and asks FreeType to hint and rasterise each of its
# glyphs on every draw: about half of a redraw of this chart (sixty texts, eight hundred glyphs).
# Both results depend only on the text, the font, its size and the glyph's position within a
# pixel, so they are kept. The glyphs are then drawn exactly as matplotlib draws them (the same
# bitmaps at the same pixels). Only mathematical text (the charts write none) is drawn the usual
# way; a matplotlib without the parts used fails here, on import, not quietly slower.
PRIVATE_PARTS: tuple[tuple[object, tuple[str, ...]], ...] = (
    (FT2Font, ("_layout", "_render_glyph", "_set_transform")),
    (RendererAgg, ("_prepare_font",)),
    (fontManager, ("_find_fonts_by_props",)),
)
_MISSING = [name for owner, names in PRIVATE_PARTS for name in names if not hasattr(owner, name)]
if _MISSING:
    raise ImportError(
        f"matplotlib {matplotlib.__version__} has no {', '.join(_MISSING)}: the chart's glyph "
        "cache needs a matplotlib version pyproject.toml allows"
    )
_CACHE_LIMIT = 20_000  # entries a cache (glyphs: a few megabytes at most)
_layouts: dict[tuple[Any, ...], list[tuple[Any, int, float, float]]] = {}
_glyphs: dict[tuple[Any, ...], tuple[Any, int, int]] = {}
_heights: dict[tuple[Any, ...], tuple[Any, Any, Any]] = {}


class GlyphCacheRenderer(RendererAgg):
    """An Agg renderer that keeps each text's shaping and each glyph's bitmap."""

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        if ismath:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        flags = get_hinting_flag()  # type: ignore[no-untyped-call]
        features = _hashable(mtext.get_fontfeatures()) if mtext is not None else None
        language = _hashable(mtext.get_language()) if mtext is not None else None
        size = prop.get_size_in_points()
        key = (_font_key(prop), self.dpi, s, flags, features, language)
        items = _layouts.get(key)
        if items is None:
            font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
            shaped = font._layout(s, flags=flags, features=features, language=language)
            items = [(i.ft_object, i.glyph_index, i.x, i.y) for i in shaped]
            _keep(_layouts, key, items)
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        turn = tuple(matrix.ravel().tolist())
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        sized: set[int] = set()  # the faces given this text's size (each once, not a glyph)
        for face, index, dx, dy in items:
            # Where the glyph goes, in 1/64 pixels (FreeType's y is upwards), as matplotlib puts it.
            px = round(0x40 * (x + dx * cos - dy * sin))
            py = round(0x40 * (self.height - y + dx * sin + dy * cos))
            glyph_key = (face.fname, size, self.dpi, index, turn, px & 63, py & 63, flags, mode)
            glyph = _glyphs.get(glyph_key)
            if glyph is None:
                if id(face) not in sized:
                    face.set_size(size, self.dpi)
                    sized.add(id(face))
                face._set_transform(matrix, [px, py])
                bitmap = face._render_glyph(index, flags, mode)
                buffer = np.array(bitmap.buffer)
                if mode is RenderMode.MONO:
                    buffer *= 0xFF
                # The bitmap's corner in whole pixels, from the glyph's whole-pixel origin.
                glyph = (buffer, bitmap.left - (px >> 6), bitmap.top - (py >> 6))
                _keep(_glyphs, glyph_key, glyph)
            buffer, left, top = glyph
            self._renderer.draw_text_image(
                buffer,
                left + (px >> 6),
                int(self.height) - (top + (py >> 6)) + buffer.shape[0],
                0,
                gc,
            )
        return None

    def _get_font_height_metrics(self, prop: Any) -> tuple[Any, Any, Any]:
        """The font's ascent, descent and line gap at its size, which ``Text`` asks FreeType's
        tables for each time it lays a text out (some two hundred times a draw): the same sums,
        kept. (``Text._get_layout`` asks a renderer that has this method, a seventh private
        name; ``None`` is its own way.)"""
        key = (_font_key(prop), self.dpi)
        metrics = _heights.get(key)
        if metrics is None:
            metrics = (None, None, None)
            font = get_font(fontManager._find_fonts_by_props(prop))
            for table_name, gap, ascent, descent in (
                ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                ("hhea", "lineGap", "ascent", "descent"),
            ):
                table: Any = font.get_sfnt_table(table_name)  # type: ignore[call-overload]
                head = font.get_sfnt_table("head")
                if table is None or head is None:
                    continue
                units_per_em = head["unitsPerEm"]
                scale = 1 / units_per_em * prop.get_size_in_points() * self.dpi / 72
                metrics = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                break
            _keep(_heights, key, metrics)
        return metrics


def _font_key(prop: Any) -> tuple[Any, ...]:
    """Everything that chooses a font and its size (as ``FontProperties`` hashes itself)."""
    return (
        tuple(prop.get_family()),
        prop.get_slant(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
        prop.get_math_fontfamily(),
    )


def _hashable(value: Any) -> Any:
    """Font features or languages as a key: lists (of pairs) as tuples."""
    if isinstance(value, list | tuple):
        return tuple(_hashable(item) for item in value)
    return value


def _keep(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


class GlyphCacheCanvas(FigureCanvasAgg):
    """A canvas (mixed into the Qt one, or alone for files) drawing with ``GlyphCacheRenderer``."""

    _glyph_key: tuple[float, float, float] | None = None

    def get_renderer(self) -> RendererAgg:
        """Rounded to whole pixels: a canvas 481 pixels high has a figure of 4.81 inches at 100
        dpi, whose height comes back as 480.99999999999994 (Agg's buffer would be a row short,
        and Qt would show the row left over from the last paint above the chart)."""
        width, height = (round(size) for size in self.figure.bbox.size)
        key = (width, height, self.figure.dpi)
        if self._glyph_key != key:
            self.renderer = GlyphCacheRenderer(width, height, self.figure.dpi)  # type: ignore[no-untyped-call]
            self._glyph_key = key
        renderer: RendererAgg = self.renderer
        return renderer
