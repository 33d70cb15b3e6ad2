"""User stories of regular medicines: the Medicines page (add, change, stop, a reducing course)
and today's doses on the check-in page (taken, late, skipped, cleared), each ending in a check
of what the journal holds (read back through a fresh set of services)."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click, open_page, press, type_keys
from tracker.domain.medicines import CourseStep, RegularMedicine
from tracker.services.registry import Services, build_services
from tracker.ui.common import local_now, to_qdate
from tracker.ui.widgets.medicines_panel import MedicinesPanel
from tracker.ui.widgets.todays_doses import TodaysDoses


def stored(db: Any) -> list[RegularMedicine]:
    return build_services(db).medicines.list()


@pytest.fixture
def services(db: Any) -> Services:
    return build_services(db)


@pytest.fixture
def panel(qtbot: QtBot, services: Services) -> MedicinesPanel:
    panel = open_page(qtbot, MedicinesPanel(), services, None)
    panel.show()
    return panel


def fill(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    type_keys(qtbot, text)


def test_a_dexamethasone_course_is_added_by_keyboard_with_its_steps(
    qtbot: QtBot, panel: MedicinesPanel, db: Any
) -> None:
    fill(qtbot, panel.name, "Dexamethasone")
    fill(qtbot, panel.times, "08:00")
    fill(qtbot, panel.steps, "16 x 3, 8 x 3, 4 x 3, 2 x 3")
    panel.steroid.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    panel.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    (medicine,) = stored(db)
    assert medicine.name == "Dexamethasone" and medicine.steroid and medicine.dose == 16
    assert medicine.steps == tuple(CourseStep(d, 3) for d in (16.0, 8.0, 4.0, 2.0))
    assert medicine.last_day == local_now().date() + timedelta(days=11)
    assert panel.model.item(0, 1).text() == "16 mg"  # the dose due today
    assert "added" in panel.message.text()


def test_a_twice_daily_opioid_is_added_then_changed_then_stopped(
    qtbot: QtBot, panel: MedicinesPanel, db: Any
) -> None:
    fill(qtbot, panel.name, "Morphine MR")
    panel.dose.setValue(20)
    fill(qtbot, panel.times, "20:00, 08:00")
    click(qtbot, panel.add_button)
    (medicine,) = stored(db)
    assert medicine.times == (time(8), time(20)) and medicine.ended_on is None
    panel.table.selectRow(0)
    click(qtbot, panel.table.viewport())  # choose it
    panel._fill(panel.medicines[0])
    panel.dose.setValue(30)
    click(qtbot, panel.save_button)
    assert stored(db)[0].dose == 30
    click(qtbot, panel.stop_button)
    assert stored(db)[0].ended_on == local_now().date()
    assert "stopped" in panel.message.text()


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("name", "", "Medicine: must not be empty."),
        ("times", "8am", "Times of day: '8am' is not a time of day like 08:00"),
        ("times", "", "Times of day: must name at least one time of day."),
        ("steps", "16 for 3", "Reducing course: “16 for 3” is not a step: write dose x days"),
        ("steps", "16 x 0", "Reducing course: “16 x 0”: days 0 is below 1"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored_is_lost(
    qtbot: QtBot, panel: MedicinesPanel, services: Services, db: Any, field: str, text: str,
    words: str,
) -> None:  # fmt: skip
    kept = services.medicines.add(
        RegularMedicine(name="Senna", dose=2, unit="tablet", times=(time(20),),
                        started_on=date(2026, 1, 1))
    ).record  # fmt: skip
    panel.refresh()
    fill(qtbot, panel.name, "Laxido")
    panel.dose.setValue(1)
    fill(qtbot, getattr(panel, field), text)
    if not text:
        getattr(panel, field).clear()
    click(qtbot, panel.add_button)
    assert words in panel.message.text()
    assert stored(db) == [kept]
    assert panel.name.text() == ("Laxido" if field != "name" else "")  # what was typed stays


def test_a_zero_dose_is_refused(qtbot: QtBot, panel: MedicinesPanel, db: Any) -> None:
    fill(qtbot, panel.name, "Morphine MR")
    click(qtbot, panel.add_button)
    assert "Dose: 0.0 must be above 0." in panel.message.text()
    assert stored(db) == []


# ---- today's doses on the check-in page -------------------------------------------------------

YESTERDAY = local_now().date() - timedelta(days=1)


@pytest.fixture
def doses(qtbot: QtBot, services: Services) -> TodaysDoses:
    services.medicines.add(
        RegularMedicine(name="Morphine MR", dose=20, unit="mg", times=(time(8), time(20)),
                        started_on=YESTERDAY - timedelta(days=3), id="rm-o")
    )  # fmt: skip
    widget = TodaysDoses()
    qtbot.addWidget(widget)
    widget.set_service(services.medicines)
    widget.refresh(YESTERDAY)  # a whole day in the past: any time of it is not "later than now"
    widget.show()
    return widget


def test_a_late_dose_keeps_its_real_time_and_one_is_skipped(
    qtbot: QtBot, doses: TodaysDoses, db: Any
) -> None:
    morning, _evening = doses.rows
    assert morning.state.text() == "not recorded yet"
    morning.time.setTime(QTime(9, 40))
    click(qtbot, morning.taken)
    click(qtbot, doses.rows[1].skipped)
    records = build_services(db).medicines.records()
    assert [(r.due_time, r.status) for r in records] == [(time(8), "taken"), (time(20), "skipped")]
    taken_at = records[0].taken_at
    assert taken_at is not None and (taken_at.hour, taken_at.minute) == (9, 40)
    assert taken_at.date() == YESTERDAY
    assert doses.rows[0].state.text() == "taken at 09:40"
    assert doses.rows[1].state.text() == "skipped"
    assert doses.rows[0] is morning  # the same rows: the focus stays where the person was


def test_clear_takes_back_what_was_recorded_by_keyboard(
    qtbot: QtBot, doses: TodaysDoses, db: Any
) -> None:
    doses.rows[0].skipped.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert len(build_services(db).medicines.records()) == 1
    doses.rows[0].clear_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert build_services(db).medicines.records() == []
    assert doses.rows[0].state.text() == "not recorded yet"


def test_a_time_taken_later_than_now_is_refused_and_nothing_stored_is_lost(
    qtbot: QtBot, services: Services, db: Any
) -> None:
    services.medicines.add(
        RegularMedicine(name="Senna", dose=2, unit="tablet", times=(time(20),),
                        started_on=YESTERDAY)
    )  # fmt: skip
    widget = TodaysDoses()
    qtbot.addWidget(widget)
    widget.set_service(services.medicines)
    tomorrow = local_now().date() + timedelta(days=1)
    widget.refresh(tomorrow)
    (row,) = widget.rows
    click(qtbot, row.skipped)
    click(qtbot, row.taken)
    assert "is later than now" in widget.message.text()
    (record,) = build_services(db).medicines.records()
    assert record.status == "skipped"  # the earlier answer stays


def test_every_dose_control_is_named_and_big(doses: TodaysDoses) -> None:
    for row in doses.rows:
        for widget in (row.time, row.taken, row.skipped, row.clear_button):
            assert "Morphine MR 20 mg due" in widget.accessibleName()
            assert widget.minimumHeight() >= 40
    assert to_qdate(YESTERDAY).isValid()


def test_each_dose_says_what_its_time_is_and_its_state_in_words(doses: TodaysDoses) -> None:
    morning = doses.rows[0]
    assert morning.taken_at.text() == "taken at" and morning.taken_at.buddy() is morning.time
    # the button that takes an answer back does not repeat the state's words
    assert morning.clear_button.text() == "Clear" != morning.state.text()
    assert morning.taken_at.isVisible() and morning.clear_button.isVisible()
