"""The chart's glyph cache (``tracker.charts.glyphs``) rests on private matplotlib names, so
pyproject.toml pins matplotlib's versions. These tests fail when a matplotlib drops those names
or stops calling them, instead of the chart drawing slower unseen (the pixels are checked in
``test_charts``)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from matplotlib.backends.backend_agg import RendererAgg

from tests.conftest import REPO
from tests.unit.test_charts import sample
from tracker.charts import GlyphCacheCanvas, build_trend_figure, glyphs


def test_every_text_of_the_chart_is_drawn_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    plain: list[str] = []  # texts matplotlib drew its own way
    heights: list[object] = []  # fonts whose line heights Text asked the renderer for
    draw_text = RendererAgg.draw_text
    font_heights = glyphs.GlyphCacheRenderer._get_font_height_metrics

    def drawn_plain(self: RendererAgg, *args: Any, **kwargs: Any) -> None:
        plain.append(args[3])
        draw_text(self, *args, **kwargs)

    def asked_heights(self: glyphs.GlyphCacheRenderer, prop: Any) -> tuple[Any, Any, Any]:
        heights.append(prop)
        return font_heights(self, prop)

    monkeypatch.setattr(RendererAgg, "draw_text", drawn_plain)
    monkeypatch.setattr(glyphs.GlyphCacheRenderer, "_get_font_height_metrics", asked_heights)
    for cache in (glyphs._layouts, glyphs._glyphs, glyphs._heights):
        cache.clear()  # kept between draws: emptied, so that this draw must fill them

    canvas = GlyphCacheCanvas(build_trend_figure(sample()))
    canvas.draw()

    assert plain == []
    assert heights, "matplotlib's Text no longer asks the renderer for a font's line heights"
    assert glyphs._layouts and glyphs._glyphs and glyphs._heights


@pytest.mark.parametrize(
    ("owner", "name"),
    [("matplotlib.ft2font.FT2Font", n) for n in ("_layout", "_render_glyph", "_set_transform")]
    + [("matplotlib.backends.backend_agg.RendererAgg", "_prepare_font")],
)
def test_a_matplotlib_without_a_part_used_is_refused_on_import(owner: str, name: str) -> None:
    module, cls = owner.rsplit(".", 1)
    code = f"import {module}; del {module}.{cls}.{name}; import tracker.charts.glyphs"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 1
    assert f"has no {name}: the chart's glyph cache needs a matplotlib version" in result.stderr


def test_the_canvas_draws_every_row_of_a_height_that_is_not_a_whole_number_of_inches() -> None:
    """481 pixels at 100 dpi are 4.81 inches, which come back as 480.99999999999994 pixels."""
    figure = build_trend_figure(sample())
    canvas = GlyphCacheCanvas(figure)
    figure.set_dpi(100)
    figure.set_size_inches(1248 / 100, 481 / 100)
    assert figure.bbox.height < 481
    canvas.draw()
    assert canvas.buffer_rgba().shape == (481, 1248, 4)
