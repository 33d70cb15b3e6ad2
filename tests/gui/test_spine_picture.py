"""The spine drawing and its region toggles: a click on the picture and the keyboard change the
same toggle, and each region has its words and name."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker.domain import vocab
from tracker.ui.widgets.entry_form import REGION_LABELS
from tracker.ui.widgets.spine_picture import SpineRegions


@pytest.fixture
def spine(qtbot: QtBot) -> SpineRegions:
    widget = SpineRegions(REGION_LABELS)
    qtbot.addWidget(widget)
    widget.resize(420, 360)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_drawing_has_each_region_top_to_bottom_apart(spine: SpineRegions) -> None:
    rects = [spine.drawing.region_rect(region) for region in vocab.REGIONS]
    assert all(r.height() > 10 and r.width() > 10 for r in rects)
    tops = [r.top() for r in rects]
    assert tops == sorted(tops)
    for upper, lower in itertools.pairwise(rects):
        assert upper.bottom() < lower.top()


@pytest.mark.parametrize("region", vocab.REGIONS)
def test_a_click_on_a_region_of_the_picture_turns_its_toggle_on_and_off(
    qtbot: QtBot, spine: SpineRegions, region: str
) -> None:
    centre = spine.drawing.region_rect(region).center().toPoint()
    assert spine.drawing.region_at(spine.drawing.region_rect(region).center()) == region
    qtbot.mouseClick(spine.drawing, Qt.MouseButton.LeftButton, pos=centre)  # type: ignore[no-untyped-call]
    assert [k for k, t in spine.regions.items() if t.isChecked()] == [region]
    assert spine.regions[region].text().startswith("\N{CHECK MARK}")  # not colour alone
    qtbot.mouseClick(spine.drawing, Qt.MouseButton.LeftButton, pos=centre)  # type: ignore[no-untyped-call]
    assert not any(t.isChecked() for t in spine.regions.values())


def test_a_click_beside_the_spine_changes_nothing(qtbot: QtBot, spine: SpineRegions) -> None:
    qtbot.mouseClick(spine.drawing, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))  # type: ignore[no-untyped-call]
    assert not any(t.isChecked() for t in spine.regions.values())


def test_the_regions_are_reached_and_toggled_by_keyboard(qtbot: QtBot, spine: SpineRegions) -> None:
    first = spine.regions["cervical"]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus, timeout=3000)
    qtbot.keyClick(first, Qt.Key.Key_Down)  # type: ignore[no-untyped-call]
    assert QApplication.focusWidget() is spine.regions["thoracic"]
    qtbot.keyClick(spine.regions["thoracic"], Qt.Key.Key_Space)  # type: ignore[no-untyped-call]
    qtbot.keyClick(spine.regions["thoracic"], Qt.Key.Key_Tab)  # type: ignore[no-untyped-call]
    assert QApplication.focusWidget() is spine.regions["lumbar"]
    qtbot.keyClick(spine.regions["lumbar"], Qt.Key.Key_Up)  # type: ignore[no-untyped-call]
    assert QApplication.focusWidget() is spine.regions["thoracic"]
    assert [k for k, t in spine.regions.items() if t.isChecked()] == ["thoracic"]


def test_each_region_has_its_words_and_a_name(spine: SpineRegions) -> None:
    for key, toggle in spine.regions.items():
        assert toggle.words() == REGION_LABELS[key]
        assert vocab.REGION_WORDS[key] in toggle.accessibleName().lower()
    assert spine.drawing.accessibleName()
