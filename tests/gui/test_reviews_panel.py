"""User stories on the care-team Reviews panel, each ending in a check of what the journal holds
(read back through a fresh set of services)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.gui.helpers import (
    answer_questions,
    click,
    focused,
    labelled,
    open_page,
    press,
    show_active,
    tab_walk,
)
from tracker.domain import vocab
from tracker.domain.model import Review
from tracker.services.errors import StorageWriteError
from tracker.services.journal import Changes
from tracker.services.registry import Services, build_services
from tracker.ui.common import to_qdate
from tracker.ui.models.review_table_model import (
    DATE,
    LEVEL,
    NOTE,
    SYMPTOM,
    ReviewTableModel,
    level_words,
)
from tracker.ui.widgets.reviews_panel import ReviewsPanel


def stored(db: Any) -> list[Review]:
    return build_services(db).reviews.list()


def choose(panel: ReviewsPanel, symptom_key: str) -> None:
    panel.symptom.setCurrentIndex(panel.symptom.findData(symptom_key))


def level_items(panel: ReviewsPanel) -> list[str]:
    return [panel.level.itemText(i) for i in range(panel.level.count())]


@pytest.fixture
def services(db: Any) -> Services:
    return build_services(db)


def make_panel(qtbot: QtBot, services: Services, show: bool = True) -> ReviewsPanel:
    panel = open_page(qtbot, ReviewsPanel(), services, (1280, 720))
    if show:
        show_active(qtbot, panel)
    return panel


def test_a_review_is_stored_with_key_level_and_date(
    qtbot: QtBot, services: Services, db: Any
) -> None:
    panel = make_panel(qtbot, services)
    changes: list[Changes] = []
    panel.changed.connect(changes.append)
    last_week = date.today() - timedelta(days=7)
    choose(panel, "walking")
    panel.level.setCurrentIndex(2)
    assert panel.level.currentText() == "2 – needs a stick, frame or help"
    panel.reviewed_on.setDate(to_qdate(last_week))
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Seen by the spinal team")
    press(qtbot, Qt.Key.Key_Return)  # Enter in the note adds the review

    [review] = stored(db)
    assert (review.symptom, review.level, review.reviewed_on) == ("walking", 2, last_week)
    assert review.note == "Seen by the spinal team"
    assert changes == [Changes.of("reviews")]
    assert panel.note.text() == ""
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, SYMPTOM).data() == "Difficulty walking"
    assert panel.proxy.index(0, LEVEL).data() == "needs a stick, frame or help"
    assert "Review of difficulty walking" in panel.message.text()


def test_the_level_choices_follow_the_symptom(qtbot: QtBot, services: Services) -> None:
    panel = make_panel(qtbot, services)
    assert panel.symptom.count() == len(vocab.REVIEWABLE_KEYS)
    assert panel.symptom.currentText() == "Weakness in the left arm"
    assert level_items(panel) == [
        "0 – none",
        "1 – slight",
        "2 – struggles with everyday tasks",
        "3 – can barely move it",
    ]
    panel.level.setCurrentIndex(3)

    choose(panel, "bladder")
    assert level_items(panel) == ["0 – normal", "1 – changed", "2 – cannot pass urine, or leaking"]
    assert panel.level.currentData() == 2  # the highest that still fits

    choose(panel, "pain.night")
    assert level_items(panel) == ["0 – no", "1 – yes"]
    assert panel.level.currentData() == 1

    choose(panel, "numbness.legs")
    assert level_items(panel)[1:] == ["1 – now and then", "2 – constant", "3 – no feeling"]
    assert panel.level.currentData() == 1  # stays where it was
    choose(panel, "bowel")
    assert level_items(panel)[2] == "2 – leaking or no feeling"


def test_every_reviewable_key_offers_its_own_levels() -> None:
    for key in vocab.REVIEWABLE_KEYS:
        assert len(level_words(key)) == vocab.max_level(key) + 1, key


def test_prefill_from_an_alert_then_one_key_press(
    qtbot: QtBot, services: Services, db: Any
) -> None:
    panel = make_panel(qtbot, services, show=False)
    panel.reviewed_on.setDate(to_qdate(date.today() - timedelta(days=30)))
    panel.prefill("bladder", 2)
    show_active(qtbot, panel)  # the window shows the panel just after filling it

    assert panel.symptom.currentData() == "bladder"
    assert panel.level.currentData() == 2
    assert panel.reviewed_on.date() == to_qdate(date.today())
    assert "Filled in from the alert" in panel.message.text()
    qtbot.waitUntil(lambda: focused() is panel.add_button)
    press(qtbot, Qt.Key.Key_Space)

    [review] = stored(db)
    assert (review.symptom, review.level, review.reviewed_on) == ("bladder", 2, date.today())


def test_prefill_on_a_shown_panel_keeps_the_level_in_range(
    qtbot: QtBot, services: Services
) -> None:
    panel = make_panel(qtbot, services)
    panel.prefill("pain.tender", 3)
    assert panel.symptom.currentData() == "pain.tender"
    assert panel.level.currentData() == 1
    assert focused() is panel.add_button
    panel.prefill("not.a.key", 1)  # unknown keys leave the sentence as it is
    assert panel.symptom.currentData() == "pain.tender"


def test_a_failed_write_keeps_what_was_typed(
    qtbot: QtBot, services: Services, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = make_panel(qtbot, services)

    def read_only(_review: Review) -> Review:
        raise StorageWriteError("The journal folder is read-only, so nothing was saved.")

    monkeypatch.setattr(services.reviews, "add", read_only)
    choose(panel, "bowel")
    panel.note.setText("GP knows")
    click(qtbot, panel.add_button)
    assert stored(db) == []
    assert "The journal folder is read-only" in panel.message.text()
    assert panel.note.text() == "GP knows"
    assert panel.symptom.currentData() == "bowel"


def test_delete_a_review_after_confirmation(
    qtbot: QtBot, services: Services, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.reviews.add(Review(reviewed_on=date(2026, 3, 1), symptom="bladder", level=1))
    services.reviews.add(Review(reviewed_on=date(2026, 3, 9), symptom="pain.night", level=1))
    panel = make_panel(qtbot, services)
    assert panel.proxy.index(0, DATE).data() == "Mon 9 Mar 2026"  # newest first
    questions = answer_questions(monkeypatch, [False, True])
    panel.table.selectRow(0)
    click(qtbot, panel.delete_button)
    assert len(stored(db)) == 2
    assert "pain at night that stops sleep" in questions[0]
    click(qtbot, panel.delete_button)
    assert [r.symptom for r in stored(db)] == ["bladder"]
    assert panel.proxy.rowCount() == 1
    assert "was deleted" in panel.message.text()


def test_labels_names_and_tab_order(qtbot: QtBot, services: Services) -> None:
    panel = make_panel(qtbot, services)
    buddies = labelled(panel)
    for field in panel.tab_order:
        if not isinstance(field, QPushButton):
            assert field in buddies, field
            assert field.accessibleName(), field
    panel.symptom.setFocus()
    assert tab_walk(qtbot, len(panel.tab_order) - 1) == panel.tab_order


def test_review_table_model(qtmodeltester: ModelTester) -> None:
    model = ReviewTableModel()
    model.set_reviews(
        [
            Review(reviewed_on=date(2026, 3, 5), symptom="weakness.left_leg", level=1, id="r1"),
            Review(reviewed_on=date(2026, 3, 6), symptom="bladder", level=2, note="MRI\nbooked",
                   id="r2"),
        ]
    )  # fmt: skip
    qtmodeltester.check(model)
    assert model.index(0, SYMPTOM).data() == "Weakness in the left leg"
    assert model.index(0, LEVEL).data() == "slight"
    assert model.index(1, LEVEL).data() == "cannot pass urine, or leaking"
    assert model.index(1, NOTE).data() == "MRI booked"
    assert model.index(1, NOTE).data(Qt.ItemDataRole.ToolTipRole) == "MRI\nbooked"
    assert model.index(1, DATE).data() == "Fri 6 Mar 2026"
