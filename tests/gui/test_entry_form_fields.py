"""The entry form holds every field of the entry's table: an entry shown in the form and
gathered back is the same entry, field for field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.unit.test_fields import FULL
from tracker.domain import fields
from tracker.ui.widgets.entry_form import EntryForm


def test_every_field_of_the_table_has_a_control_in_the_form(qtbot: QtBot) -> None:
    form = EntryForm()
    qtbot.addWidget(form)
    assert set(form.controls) == {f.path for f in fields.ENTRY_FIELDS}


def test_an_entry_edited_and_saved_unchanged_keeps_every_field(qtbot: QtBot) -> None:
    form = EntryForm()
    qtbot.addWidget(form)
    form.edit(FULL)
    assert form.gather() == FULL
    # and each value really came from the form, not from the entry being edited
    form.new_entry()
    form.pain_score.setValue(FULL.pain.score)
    gathered = fields.flat_values(form.gather())
    blank = {f.path: f.empty for f in fields.ENTRY_FIELDS if not f.required}
    assert {path: gathered[path] for path in blank} == blank
