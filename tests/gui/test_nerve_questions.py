"""The nerve questions on their own: not answered until the person answers, "None of these",
a "Yes" that opens its detail, and the plain values they give."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click
from tracker.domain import fields
from tracker.ui.widgets.nerve_questions import SIGNS, NerveQuestions

SCREENING = [f.path for f in fields.ENTRY_FIELDS if f.group in ("weakness", "numbness")] + [
    "walking",
    "bladder",
    "bowel",
]


@pytest.fixture
def questions(qtbot: QtBot) -> NerveQuestions:
    widget = NerveQuestions()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_it_starts_not_answered_never_none(questions: NerveQuestions) -> None:
    assert questions.answer() is None and not questions.answered()
    assert questions.screening_values() == dict.fromkeys(SCREENING)
    assert not any(detail.isVisible() for detail in questions.details.values())
    assert "Not answered" in questions.status.text()
    assert "new or worse" in questions.question.text()


def test_none_of_these_answers_no_for_all_five(qtbot: QtBot, questions: NerveQuestions) -> None:
    with qtbot.waitSignal(questions.answer_changed):
        click(qtbot, questions.none_button)
    assert questions.answer() == dict.fromkeys(SIGNS, "no")
    values = questions.screening_values()
    assert set(values) == set(SCREENING)
    assert {values[p] for p in SCREENING if p not in ("bladder", "bowel")} == {0}
    assert values["bladder"] == values["bowel"] == "normal"
    click(qtbot, questions.none_button)  # taken back: not answered again
    assert questions.answer() is None


def test_a_yes_opens_its_detail_and_the_others_are_no(
    qtbot: QtBot, questions: NerveQuestions
) -> None:
    click(qtbot, questions.none_button)
    click(qtbot, questions.yes["weakness"])
    assert not questions.none_button.isChecked()
    assert questions.details["weakness"].isVisible()
    assert not questions.details["bladder"].isVisible()
    questions.weakness["left_leg"].setCurrentIndex(2)
    click(qtbot, questions.yes["bladder"])
    questions.bladder.setCurrentIndex(questions.bladder.findData("cannot_pass"))
    answer = questions.answer()
    assert answer is not None
    assert answer["weakness"] == {
        "weakness.left_arm": 0,
        "weakness.right_arm": 0,
        "weakness.left_leg": 2,
        "weakness.right_leg": 0,
    }
    assert answer["bladder"] == {"bladder": "cannot_pass"}
    assert answer["numbness"] == answer["walking"] == answer["bowel"] == "no"
    values = questions.screening_values()
    assert values["weakness.left_leg"] == 2 and values["bladder"] == "cannot_pass"
    assert values["numbness.saddle"] == 0 and values["bowel"] == "normal"
    # "None of these" afterwards takes the yeses back and closes their details
    click(qtbot, questions.none_button)
    assert not any(questions.yes[s].isChecked() for s in SIGNS)
    assert not questions.details["weakness"].isVisible()
    assert questions.screening_values()["weakness.left_leg"] == 0


def test_levels_given_under_a_yes_taken_back_are_not_kept(
    qtbot: QtBot, questions: NerveQuestions
) -> None:
    click(qtbot, questions.yes["walking"])
    questions.walking.setCurrentIndex(3)
    click(qtbot, questions.yes["walking"])  # "Yes" taken back: not answered at all
    assert questions.answer() is None
    assert questions.screening_values()["walking"] is None


def test_stored_levels_are_shown_as_answers(questions: NerveQuestions) -> None:
    levels: dict[str, object] = {p: 0 for p in SCREENING} | {"bladder": "normal"}
    levels["bowel"] = "constipated"
    questions.show_values(levels)
    assert questions.yes["bowel"].isChecked() and questions.details["bowel"].isVisible()
    assert questions.bowel.currentData() == "constipated"
    assert not questions.none_button.isChecked()
    questions.show_values(
        {p: (0 if p not in ("bladder", "bowel") else "normal") for p in SCREENING}
    )
    assert questions.none_button.isChecked()
    questions.show_values(dict.fromkeys(SCREENING))  # "not asked" stays not asked
    assert questions.answer() is None


def test_every_answer_button_has_a_name_in_words(questions: NerveQuestions) -> None:
    assert questions.yes["weakness"].accessibleName().startswith("Yes: Weakness or heaviness")
    assert "between the legs" in questions.yes["numbness"].accessibleName()
    assert questions.none_button.accessibleName() == "None of these is new or worse"
    for combo in questions.weakness.values():
        assert combo.accessibleName()


def test_a_level_chosen_is_a_yes_to_its_sign(qtbot: QtBot, questions: NerveQuestions) -> None:
    click(qtbot, questions.none_button)
    with qtbot.waitSignal(questions.answer_changed):
        questions.bowel.setCurrentIndex(questions.bowel.findData("constipated"))
    assert questions.yes["bowel"].isChecked() and not questions.none_button.isChecked()
    assert questions.details["bowel"].isVisible()
    answer = questions.answer()
    assert answer is not None and answer["bowel"] == {"bowel": "constipated"}
    assert answer["weakness"] == "no"
    questions.bowel.setCurrentIndex(0)  # back to normal: still a "Yes" with nothing given
    assert questions.unfinished() == ["bowel"]
