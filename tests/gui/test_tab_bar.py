"""Every page's name is seen at once in a 1280 px wide window, at the usual and the larger text
size, in light and dark, the weekly form's "(due)" day included: no tab cut, no scroll arrows.
Ctrl+1 ... Ctrl+9 (the Go menu) still go to the pages their tabs name."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.test_check_in_stories import Keyboard
from tests.gui.test_record_pages_window import window  # noqa: F401
from tracker.ui import theme
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.esas_page import DUE_TITLE, EsasPage

CTRL = Qt.KeyboardModifier.ControlModifier
WIDTH, HEIGHT = 1280, 800
# The pages Ctrl+1 ... Ctrl+9 go to, in the tabs' order (the weekly form, tenth, has none).
PAGES = (
    "entry",
    "history",
    "treatments",
    "medications",
    "medicines",
    "reviews",
    "appointments",
    "alerts",
    "trends",
)


def _make_weekly_form_due(shown: MainWindow) -> None:
    """The person chooses today as the form's day: its tab then has the longest name."""
    page = shown.panel("esas_forms")
    assert isinstance(page, EsasPage)
    today = datetime.now().astimezone().isoweekday()
    page.weekday.setCurrentIndex(today - 1)
    page.weekday.activated.emit(today - 1)
    assert shown.tabs.tabText(shown.tabs.indexOf(page)) == DUE_TITLE


def _cut_tabs(bar: QTabBar) -> dict[str, str]:
    """The tabs a person could not read whole, each with why."""
    cut: dict[str, str] = {}
    arrows = [button for button in bar.findChildren(QToolButton) if button.isVisible()]
    if arrows:
        cut["(the bar)"] = f"{len(arrows)} scroll arrows shown"
    if bar.sizeHint().width() > bar.width():
        cut["(the bar)"] = f"needs {bar.sizeHint().width()} px, has {bar.width()}"
    shown = QRect(0, 0, bar.width(), bar.height())
    for index in range(bar.count()):
        rect, needed = bar.tabRect(index), bar.tabSizeHint(index)
        if not shown.contains(rect) or rect.width() < needed.width():
            cut[bar.tabText(index)] = f"at {rect.x()}..{rect.right()}, needs {needed.width()} px"
    return cut


@pytest.mark.parametrize("larger_text", [False, True], ids=["usual text", "larger text"])
def test_every_tab_name_is_seen_whole_at_1280_px(
    qtbot: QtBot,
    qapp: QApplication,
    window: MainWindow,  # noqa: F811
    larger_text: bool,
) -> None:
    applied = theme.install(qapp)
    if larger_text:
        window.larger_text_action.trigger()
    _make_weekly_form_due(window)
    window.resize(WIDTH, HEIGHT)
    bar = window.tabs.tabBar()
    assert bar.count() == 10
    cut: dict[str, dict[str, str]] = {}
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
        applied.follow(scheme)
        qtbot.waitUntil(lambda: window.width() == WIDTH and bar.width() >= WIDTH - 40)
        if found := _cut_tabs(bar):
            cut[scheme.name] = found
    assert cut == {}
    assert all(len(bar.tabText(index)) >= 6 for index in range(bar.count()))  # names, not icons


def test_ctrl_and_a_digit_go_to_the_page_its_tab_names(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    go_menu = window.menus.go_menu
    assert go_menu is not None
    tabs = window.tabs
    names = [action.text() for action in go_menu.actions()]
    assert names == [tabs.tabText(index) for index in range(tabs.count())]
    shortcuts = [action.shortcut().toString() for action in go_menu.actions()]
    assert shortcuts[:9] == [f"Ctrl+{digit}" for digit in range(1, 10)]
    assert len(set(shortcuts[:9])) == 9
    keys = Keyboard(qtbot)
    for digit in (*range(9, 0, -1), 1):  # each page, then back to the first
        keys.press(getattr(Qt.Key, f"Key_{digit}"), CTRL)
        name = PAGES[digit - 1]
        qtbot.waitUntil(lambda name=name: _shown(window, name))  # type: ignore[misc]
        assert tabs.currentIndex() == digit - 1
        assert tabs.tabText(tabs.currentIndex()) == names[digit - 1]


def _shown(shown_in: MainWindow, name: str) -> bool:
    """The page called ``name`` (made by now) is the one shown."""
    fixed = {"entry": shown_in.entry_form, "history": shown_in.history}
    page = fixed.get(name) or shown_in.panels.get(name)
    widget = page if page is None or isinstance(page, QWidget) else page.as_widget()
    return widget is not None and shown_in.tabs.currentWidget() is widget


def test_every_tab_is_as_high_as_a_button(
    qtbot: QtBot,
    qapp: QApplication,
    window: MainWindow,  # noqa: F811
) -> None:
    """A tab is a target like a button (docs/design.md: at least 40 px), in light and dark."""
    applied = theme.install(qapp)
    window.resize(WIDTH, HEIGHT)
    bar = window.tabs.tabBar()
    heights: dict[str, list[int]] = {}
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
        applied.follow(scheme)
        qtbot.waitUntil(lambda: window.width() == WIDTH)
        heights[scheme.name] = [bar.tabRect(index).height() for index in range(bar.count())]
    assert len(heights["Light"]) == len(heights["Dark"]) == 10
    low = {name: min(found) for name, found in heights.items() if min(found) < 40}
    assert low == {}
