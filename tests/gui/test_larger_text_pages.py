"""View > Larger text makes the words on every page a quarter larger, the headings the style
sheet sizes (its type scale) too, and back again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.whole_window import PAGES, whole_window
from tracker.ui import theme
from tracker.ui.larger_text import LARGER_TEXT_FACTOR
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
