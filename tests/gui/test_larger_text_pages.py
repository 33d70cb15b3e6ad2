"""View > Larger text makes the words on every page a quarter larger, the headings the style
sheet sizes (its type scale) too, and back again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.whole_window import PAGES, whole_window
from tracker.ui import theme
from tracker.ui.larger_text import BASE_PROPERTY, LARGER_TEXT_FACTOR
from tracker.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[MainWindow]:
    theme.install(qapp)  # as the app's start does: the palette and the style sheet
    for window in whole_window(qtbot, data_dir):
        window.first_start.page.start_button.click()
        yield window
        if window.larger_text_action.isChecked():
            window.larger_text_action.trigger()


def _sizes(window: MainWindow) -> dict[QLabel, float]:
    pages: list[QWidget] = [window.entry_form, window.history]
    for name in PAGES:
        page = window.panel(name)
        assert page is not None
        pages.append(page)
    return {
        label: label.font().pointSizeF()
        for page in pages
        for label in page.findChildren(QLabel)
        if label.text().strip()
    }


def test_larger_text_grows_the_words_of_every_page(qtbot: QtBot, window: MainWindow) -> None:
    usual = _sizes(window)
    assert len(usual) >= 30
    headings = [label for label, size in usual.items() if size > min(usual.values()) * 1.1]
    assert headings  # the type scale's headings are among them

    window.larger_text_action.trigger()
    larger = _sizes(window)
    wrong = {
        label.text(): (usual[label], larger[label])
        for label in usual
        if abs(larger[label] - usual[label] * LARGER_TEXT_FACTOR) > 0.15
    }
    assert wrong == {}

    window.larger_text_action.trigger()
    assert _sizes(window) == usual


def test_larger_text_grows_the_buttons_words_under_the_style_sheet(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The buttons too, the pain scale's digits among them (the style sheet's type scale sizes
    them, a step larger than the words around them)."""
    form = window.entry_form
    assert form.pain_score.buttons[5].font().pointSizeF() > form.save_button.font().pointSizeF()
    buttons = [form.save_button, form.nerves.none_button, *form.pain_score.buttons]
    usual = [button.font().pointSizeF() for button in buttons]
    window.larger_text_action.trigger()
    grown = [button.font().pointSizeF() / size for button, size in zip(buttons, usual, strict=True)]
    assert grown == pytest.approx([LARGER_TEXT_FACTOR] * len(buttons), abs=0.02)


def test_a_desktop_font_given_in_pixels_grows_and_comes_back(
    qtbot: QtBot, qapp: QApplication, data_dir: Path
) -> None:
    """Some desktops give the font in pixels (its point size is then -1): the window's words,
    the style sheet's type scale and Larger text take its size in points all the same."""
    applied = theme.install(qapp)
    usual, kept = qapp.font(), qapp.property(BASE_PROPERTY)
    in_pixels = QFont(usual)
    in_pixels.setPixelSize(20)
    points = QFontInfo(in_pixels).pointSizeF()
    larger = points * LARGER_TEXT_FACTOR
    try:
        qapp.setFont(in_pixels)  # as the desktop gave it, before the window remembers it
        qapp.setProperty(BASE_PROPERTY, None)
        assert qapp.font().pointSizeF() == -1 and points > usual.pointSizeF()
        # a theme made now (the app's is made once, at its start) takes the size in points
        assert theme.Theme(qapp, styled=True).base_point_size == pytest.approx(points)
        applied.set_text_size(theme.window_points())
        for window in whole_window(qtbot, data_dir):
            window.first_start.page.start_button.click()
            save = window.entry_form.save_button
            before = QFontInfo(save.font()).pointSizeF()
            assert before >= points - 0.01
            window.larger_text_action.trigger()
            assert qapp.font().pointSizeF() == pytest.approx(larger)
            assert applied.base_point_size == pytest.approx(larger)
            assert f"font-size: {larger * theme.TYPE_SCALE['title']:.1f}pt" in qapp.styleSheet()
            assert save.font().pointSizeF() == pytest.approx(before * LARGER_TEXT_FACTOR, abs=0.05)

            window.larger_text_action.trigger()
            assert qapp.font().pointSizeF() == pytest.approx(points)
            assert applied.base_point_size == pytest.approx(points)
            assert QFontInfo(save.font()).pointSizeF() == pytest.approx(before, abs=0.05)
    finally:
        qapp.setFont(usual)
        qapp.setProperty(BASE_PROPERTY, kept)
        applied.set_text_size(theme.window_points())
        applied.apply()  # the app's theme again, over the one made above
