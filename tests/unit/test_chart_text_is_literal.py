"""Every text a person typed is drawn as written: a treatment site of ``$$``,
``$\\undefinedcmd$`` or ``$\\frac{T}{8}$`` is not read as TeX mathematics (which would stop the
drawing, or draw a fraction)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from tests.unit.test_charts import sample
from tracker.charts import GlyphCacheCanvas, build_trend_figure
from tracker.domain.model import Treatment
from tracker.domain.trends import TrendData

SITES = ("$$", "$\\undefinedcmd$", "$\\frac{T}{8}$")


def with_sites() -> TrendData:
    """The sample chart with a procedure and two courses whose sites look like TeX."""
    data = sample()
    typed = (
        Treatment(kind="kyphoplasty", started_on=date(2026, 3, 18), site=SITES[0]),
        Treatment(kind="steroids", started_on=date(2026, 3, 2), ended_on=date(2026, 3, 6),
                  site=SITES[1]),
        Treatment(kind="physiotherapy", started_on=date(2026, 3, 3), ended_on=date(2026, 3, 9),
                  site=SITES[2]),
    )  # fmt: skip
    return replace(data, treatments=(*data.treatments, *typed))


def every_text(figure: Figure) -> list[Text]:
    return [t for t in figure.findobj(Text) if t.get_text()]


@pytest.mark.parametrize("for_print", [False, True])
def test_typed_sites_are_drawn_as_written(for_print: bool) -> None:
    figure = build_trend_figure(with_sites(), width_in=12, height_in=6, for_print=for_print)
    GlyphCacheCanvas(figure).draw()  # a ParseException here before
    texts = every_text(figure)
    shown = {t.get_text() for t in texts}
    assert {"Kyphoplasty $$", SITES[1], SITES[2]} <= shown
    # no text of the figure is drawn as mathematics: the renderer is handed each one as it is,
    # not marked as mathtext (a text with a dollar sign would be, without parse_math=False)
    for text in texts:
        assert text._preprocess_math(text.get_text()) == (text.get_text(), False), text
    typed = [t for t in texts if "$" in t.get_text()]
    assert len(typed) == 3 and not any(t.get_parse_math() for t in typed)
