"""The present entry form and signs not asked (issue 17): it shows a sign not asked as its first
answer, but saves it as not asked unless a nerve answer is changed, so an edit of the pain or
the note never turns "not asked" into "none"."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tracker.domain import fields
from tracker.domain.model import Entry, Pain, entry_from_values
from tracker.domain.screening import screening_answer
from tracker.ui.widgets.entry_form import EntryForm

WHEN = datetime(2026, 3, 4, 8, 30, tzinfo=UTC)


def screening(entry: Entry) -> dict[str, object]:
    values = fields.flat_values(entry)
    return {f.path: values[f.path] for f in fields.SCREENING}


def test_an_unasked_entry_edited_keeps_its_signs_not_asked(qtbot: QtBot) -> None:
    form = EntryForm()
    qtbot.addWidget(form)
    unasked = Entry(id="e1", recorded_at=WHEN, pain=Pain(score=2))
    form.edit(unasked)
    form.pain_score.setValue(5)
    form.note.setPlainText("later the same day")
    gathered = form.gather()
    assert gathered.pain.score == 5 and gathered.note == "later the same day"
    assert screening(gathered) == screening_answer(False)


def test_one_nerve_answer_changed_answers_the_rest_no(qtbot: QtBot) -> None:
    form = EntryForm()
    qtbot.addWidget(form)
    form.edit(Entry(id="e1", recorded_at=WHEN, pain=Pain(score=2)))
    combo = form.weakness["left_leg"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # type: ignore[no-untyped-call]  # 0 -> 1 slight
    assert combo.currentIndex() == 1
    assert screening(form.gather()) == screening_answer(True, {"weakness.left_leg": 1})


def test_a_new_entry_untouched_is_not_asked_and_an_answered_one_keeps_its_zeros(
    qtbot: QtBot,
) -> None:
    form = EntryForm()
    qtbot.addWidget(form)
    form.new_entry()
    form.pain_score.setValue(6)
    assert screening(form.gather()) == screening_answer(False)
    answered = entry_from_values(WHEN, {"pain.score": 1, **screening_answer(True)}, "e2")
    form.edit(answered)
    assert form.gather() == answered  # an answered "no" stays "no", never becomes not asked
