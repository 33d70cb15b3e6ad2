"""The 0-10 score row on its own: mouse, keyboard, "not given", names, and the contrast of its
digits in the style sheet."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click
from tracker.ui.palettes import DARK, LIGHT, Palette
from tracker.ui.theme import style_sheet
from tracker.ui.widgets.score_row import PAIN_ANCHORS, ScoreRow


@pytest.fixture
def row(qtbot: QtBot) -> ScoreRow:
    widget = ScoreRow("Pain now", PAIN_ANCHORS)
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)
    return widget


def keys(qtbot: QtBot, row: ScoreRow, *pressed: Qt.Key) -> None:
    for key in pressed:
        qtbot.keyClick(row, key)  # type: ignore[no-untyped-call]


def test_it_starts_not_given_and_a_click_chooses_one_button_only(
    qtbot: QtBot, row: ScoreRow
) -> None:
    assert row.value() is None and not any(b.isChecked() for b in row.buttons)
    with qtbot.waitSignal(row.value_changed) as changed:
        click(qtbot, row.buttons[7])
    assert changed.args == [7] and row.value() == 7
    click(qtbot, row.buttons[3])
    assert [b.isChecked() for b in row.buttons] == [i == 3 for i in range(11)]
    click(qtbot, row.buttons[3])  # a second click keeps it
    assert row.value() == 3


def test_a_digit_typed_sets_the_score(qtbot: QtBot, row: ScoreRow) -> None:
    qtbot.keyClicks(row, "7")  # type: ignore[no-untyped-call]
    assert row.value() == 7 and row.buttons[7].isChecked()
    qtbot.keyClicks(row, "4")  # type: ignore[no-untyped-call]
    assert row.value() == 4


def test_one_then_zero_quickly_gives_ten(qtbot: QtBot, row: ScoreRow) -> None:
    qtbot.keyClicks(row, "1")  # type: ignore[no-untyped-call]
    assert row.value() == 1 and row.awaiting_second_digit()
    qtbot.keyClicks(row, "0")  # type: ignore[no-untyped-call]
    assert row.value() == 10 and not row.awaiting_second_digit()


def test_one_alone_after_a_pause_stays_one_and_a_later_zero_is_zero(
    qtbot: QtBot, row: ScoreRow
) -> None:
    qtbot.keyClicks(row, "1")  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: not row.awaiting_second_digit(), timeout=5000)
    assert row.value() == 1
    qtbot.keyClicks(row, "0")  # type: ignore[no-untyped-call]
    assert row.value() == 0


def test_arrows_move_and_space_or_enter_choose(qtbot: QtBot, row: ScoreRow) -> None:
    keys(qtbot, row, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert row.value() is None  # moving alone chooses nothing
    assert row.buttons[3].property("current") == "true"
    keys(qtbot, row, Qt.Key.Key_Space)
    assert row.value() == 3
    keys(qtbot, row, Qt.Key.Key_Left, Qt.Key.Key_Return)
    assert row.value() == 2
    keys(qtbot, row, Qt.Key.Key_End, Qt.Key.Key_Enter)
    assert row.value() == 10
    keys(qtbot, row, Qt.Key.Key_Right, Qt.Key.Key_Space)  # stops at the end
    assert row.value() == 10
    keys(qtbot, row, Qt.Key.Key_Home, Qt.Key.Key_Left, Qt.Key.Key_Space)
    assert row.value() == 0


def test_delete_and_the_clear_button_go_back_to_not_given(qtbot: QtBot, row: ScoreRow) -> None:
    qtbot.keyClicks(row, "5")  # type: ignore[no-untyped-call]
    with qtbot.waitSignal(row.value_changed) as changed:
        keys(qtbot, row, Qt.Key.Key_Delete)
    assert changed.args == [None] and row.value() is None
    assert not any(b.isChecked() for b in row.buttons)
    assert not row.clear_button.isEnabled()
    qtbot.keyClicks(row, "8")  # type: ignore[no-untyped-call]
    assert row.clear_button.isEnabled()
    click(qtbot, row.clear_button)
    assert row.value() is None


def test_a_value_out_of_range_is_refused(row: ScoreRow) -> None:
    row.setValue(6)
    with pytest.raises(ValueError, match="11 is not from 0 to 10"):
        row.setValue(11)
    assert row.value() == 6


def test_names_say_the_score_and_the_row_says_what_is_chosen(qtbot: QtBot, row: ScoreRow) -> None:
    assert row.buttons[7].accessibleName() == "Pain now: 7 of 10"
    assert row.accessibleName() == "Pain now: not given"
    qtbot.keyClicks(row, "7")  # type: ignore[no-untyped-call]
    assert row.accessibleName() == "Pain now: 7 of 10"
    assert [label.text() for label in row.anchor_labels] == [
        "0 no pain",
        "5 moderate",
        "10 worst imaginable",
    ]


def test_the_anchors_are_the_callers(qtbot: QtBot) -> None:
    anchors = ((0, "0 no tiredness"), (10, "10 worst possible tiredness"))
    row = ScoreRow("Tiredness", anchors)
    qtbot.addWidget(row)
    assert [label.text() for label in row.anchor_labels] == [w for _s, w in anchors]
    assert row.buttons[0].accessibleName() == "Tiredness: 0 of 10"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rule(sheet: str, selector: str) -> str:
    found = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", sheet)
    assert found, selector
    return found.group(1)


def _colour(body: str, name: str) -> str:
    found = re.search(rf"(?<![-\w]){name}:\s*(#[0-9a-fA-F]{{6}})", body)
    assert found, name
    return found.group(1)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_scores_digits_have_contrast_of_at_least_4_5_to_1(palette: Palette) -> None:
    """In the style sheet as the window gets it (its colours filled in), each score's digits
    read on its fill; the chosen score keeps its fill and colours (only its frame changes)."""
    sheet = style_sheet(palette, 10.0)
    for score in range(11):
        body = _rule(sheet, f'QPushButton#scoreButton[score="{score}"]')
        assert _contrast(_colour(body, "color"), _colour(body, "background")) >= 4.5, score
    chosen = _rule(sheet, "QPushButton#scoreButton:checked")
    assert not re.search(r"(?<![-\w])(background|color):", chosen)
    assert _colour(chosen, "border-color") == palette.text
