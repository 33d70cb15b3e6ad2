"""The ESAS-r tab of the Trends page follows the window's scheme, as the chart and the spine map
do: drawn in the dark palette when the desktop turns dark (at once when shown, when next shown
otherwise), and back in the light one (read from the figure, and from the canvas's pixels)."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_chart_view_dark import themed  # noqa: F401
from tests.gui.test_design import _switch
from tests.gui.test_esas_trends_view import to_chart_tab, to_esas_tab
from tests.gui.test_spine_view import page, to_spine_tab  # noqa: F401
from tests.unit.test_chart_dark import colours_of, expected
from tracker.charts import SCREEN, SCREEN_DARK
from tracker.charts.palette import Palette
from tracker.ui import theme
from tracker.ui.widgets.esas_trends_page import EsasTrendsView
from tracker.ui.widgets.spine_view import SpineView
from tracker.ui.widgets.trends_page import TrendsPage


def wears(esas: EsasTrendsView, palette: Palette) -> bool:
    """Whether the drawn figure is in ``palette`` (its background, panels, every text, tick
    and spine, its bands) and the canvas shows it."""
    figure = esas.canvas.figure
    pain = figure.axes[0]
    bands = tuple(to_hex(patch.get_facecolor()) for patch in pain.patches[:3])
    corner = esas.canvas.grab().toImage().pixelColor(2, 2).name()
    return (
        colours_of(figure) == expected(palette)
        and bands == tuple(shade.lower() for shade in palette.bands)
        and corner == palette.background.lower()
    )


@pytest.fixture
def trends(themed: theme.Theme, page: TrendsPage) -> TrendsPage:  # noqa: F811
    """The Trends page of the demo journal, in the app's theme (light until switched)."""
    return page


def test_the_esas_tab_follows_the_scheme_switch(
    qtbot: QtBot, qapp: QApplication, trends: TrendsPage
) -> None:
    esas = to_esas_tab(qtbot, trends)
    qtbot.waitUntil(lambda: esas.forms != [] and wears(esas, SCREEN))

    _switch(qapp, Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: wears(esas, SCREEN_DARK))
    assert esas.forms != []  # the same forms, drawn again

    _switch(qapp, Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: wears(esas, SCREEN))


def test_a_switch_while_another_tab_is_in_front_shows_on_return(
    qtbot: QtBot, qapp: QApplication, trends: TrendsPage
) -> None:
    esas = to_esas_tab(qtbot, trends)
    qtbot.waitUntil(lambda: wears(esas, SCREEN))
    to_chart_tab(qtbot, trends)
    _switch(qapp, Qt.ColorScheme.Dark)
    esas = to_esas_tab(qtbot, trends)
    qtbot.waitUntil(lambda: wears(esas, SCREEN_DARK))


def test_a_tab_first_shown_in_the_dark_scheme_is_dark(
    qtbot: QtBot, qapp: QApplication, trends: TrendsPage
) -> None:
    _switch(qapp, Qt.ColorScheme.Dark)
    esas = to_esas_tab(qtbot, trends)
    qtbot.waitUntil(lambda: esas.forms != [] and wears(esas, SCREEN_DARK))


@pytest.mark.parametrize("tab", ["ESAS-r", "spine map"])
def test_the_redraw_waits_for_the_restyling_to_end(
    qtbot: QtBot,
    qapp: QApplication,
    trends: TrendsPage,
    monkeypatch: pytest.MonkeyPatch,
    tab: str,
) -> None:
    """The theme's new palette reaches the shown tab while Qt restyles every widget: its
    drawing (the journal read, labels shown and hidden) comes after that pass, not in it."""
    if tab == "ESAS-r":
        esas = to_esas_tab(qtbot, trends)
        qtbot.waitUntil(lambda: wears(esas, SCREEN))
        view: EsasTrendsView | SpineView = esas
    else:
        spine = to_spine_tab(qtbot, trends)
        qtbot.waitUntil(lambda: spine.drawn is not None)
        view = spine
    applying: list[bool] = []
    during: list[bool] = []
    apply, redraw = theme.Theme.apply, type(view).redraw

    def watched_apply(self: theme.Theme) -> None:
        applying.append(True)
        try:
            apply(self)
        finally:
            applying.pop()

    def watched_redraw(self: EsasTrendsView | SpineView) -> None:
        during.append(bool(applying))
        redraw(self)  # type: ignore[arg-type]

    monkeypatch.setattr(theme.Theme, "apply", watched_apply)
    monkeypatch.setattr(type(view), "redraw", watched_redraw)
    _switch(qapp, Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: during != [] and view.is_dark())
    assert not any(during), during
