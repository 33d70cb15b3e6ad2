"""A record saved or deleted on its page, in the whole window: the service's Changes are announced
once, by the window, and every other page that shows that list updates (the trend chart for
doses, treatments and entries; the history for entries)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from tracker.app import build_window
from tracker.domain.model import Contacts, Entry, Pain, Profile, Treatment, Weakness
from tracker.domain.trends import TrendData
from tracker.services.journal import Changes
from tracker.services.registry import Services, build_services
from tracker.storage.database import open_journal
from tracker.ui.common import Confirm
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.alert_log_panel import AlertLogPanel
from tracker.ui.widgets.appointments_panel import AppointmentsPanel
from tracker.ui.widgets.painkillers_panel import PainkillersPanel
from tracker.ui.widgets.reviews_panel import ReviewsPanel
from tracker.ui.widgets.treatments_panel import TreatmentsPanel
from tracker.ui.widgets.trends_page import TrendsPage

NOW = datetime.now().astimezone().replace(second=0, microsecond=0)


def stored(data_dir: Path) -> Services:
    return build_services(open_journal(data_dir))


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    services = stored(data_dir)
    services.journal.set_profile_and_contacts(Profile(), Contacts(helpline="0800 123 4567"))
    services.journal.save_entry(Entry(recorded_at=NOW - timedelta(days=2), pain=Pain(score=3)))
    services.treatments.add(Treatment(kind="steroids", started_on=date.today() - timedelta(days=5)))
    monkeypatch.setattr(Confirm, "ask", lambda _parent, _title, _question: True)
    session = build_window(data_dir)
    qtbot.addWidget(session.window)
    with qtbot.waitSignal(session.window.first_painted, timeout=5000):
        session.window.show()
    qtbot.waitUntil(lambda: session.window.started_up, timeout=10000)
    yield session.window
    session.close()


def announced(window: MainWindow) -> list[Changes]:
    """Every announcement the window makes from now on."""
    changes: list[Changes] = []
    window.journal_changed.connect(changes.append)
    return changes


def show(qtbot: QtBot, window: MainWindow, name: str) -> QWidget:
    page = window.panel(name)
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible, timeout=3000)
    return page


def chart(qtbot: QtBot, window: MainWindow) -> TrendData:
    """The trend chart's data once shown (drawn the first time the Trends tab is chosen)."""
    page = show(qtbot, window, "trends")
    assert isinstance(page, TrendsPage)
    qtbot.waitUntil(lambda: page.view is not None and page.view.data is not None, timeout=20000)
    assert page.view is not None and page.view.data is not None
    return page.view.data


def delete_first_row(qtbot: QtBot, table: QTableView) -> None:
    """Choose the list's first row and press Delete (the question is answered yes)."""
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)


def doses_on_chart(qtbot: QtBot, window: MainWindow) -> int:
    return sum(day.count for day in chart(qtbot, window).doses)


def test_a_dose_recorded_and_deleted_updates_the_chart_and_is_announced_once(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    before = doses_on_chart(qtbot, window)
    page = show(qtbot, window, "medications")
    assert isinstance(page, PainkillersPanel)
    changes = announced(window)
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Oxycodone liquid")
    qtbot.keyClicks(page.dose, "5 mg")
    qtbot.mouseClick(page.took_now_button, Qt.MouseButton.LeftButton)
    assert changes == [Changes.of("medications")]
    assert [d.name for d in stored(data_dir).medications.list()] == ["Oxycodone liquid"]
    qtbot.waitUntil(lambda: doses_on_chart(qtbot, window) == before + 1, timeout=5000)

    show(qtbot, window, "medications")
    delete_first_row(qtbot, page.table)
    assert changes == [Changes.of("medications")] * 2
    assert stored(data_dir).medications.list() == []
    qtbot.waitUntil(lambda: doses_on_chart(qtbot, window) == before, timeout=5000)


def test_a_treatment_deleted_leaves_the_chart_and_is_announced_once(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    assert len(chart(qtbot, window).treatments) == 1
    page = show(qtbot, window, "treatments")
    assert isinstance(page, TreatmentsPanel)
    changes = announced(window)
    delete_first_row(qtbot, page.table)
    assert changes == [Changes.of("treatments")]
    assert stored(data_dir).treatments.list() == []
    assert "Steroids" in page.message.text() and page.model.rowCount() == 0
    qtbot.waitUntil(lambda: chart(qtbot, window).treatments == (), timeout=5000)


def test_a_review_added_is_listed_and_announced_once(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    page = show(qtbot, window, "reviews")
    assert isinstance(page, ReviewsPanel)
    changes = announced(window)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert changes == [Changes.of("reviews")]
    assert len(stored(data_dir).reviews.list()) == 1
    assert page.model.rowCount() == 1
    delete_first_row(qtbot, page.table)
    assert changes == [Changes.of("reviews")] * 2
    assert stored(data_dir).reviews.list() == [] and page.model.rowCount() == 0


def test_an_appointment_added_changed_and_deleted_is_announced_once_each(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    page = show(qtbot, window, "appointments")
    assert isinstance(page, AppointmentsPanel)
    changes = announced(window)
    qtbot.keyClicks(page.with_whom, "Dr Patel")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert changes == [Changes.of("appointments")]
    page.table.selectRow(0)
    page.with_whom.clear()
    qtbot.keyClicks(page.with_whom, "Dr Patel and the nurse")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert changes == [Changes.of("appointments")] * 2
    (appointment,) = stored(data_dir).appointments.list()
    assert appointment.with_whom == "Dr Patel and the nurse"
    delete_first_row(qtbot, page.table)
    assert changes == [Changes.of("appointments")] * 3
    assert stored(data_dir).appointments.list() == [] and page.model.rowCount() == 0


def test_an_entry_deleted_from_the_history_leaves_it_and_the_chart_and_ctrl_z_brings_it_back(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    assert len(chart(qtbot, window).points) == 1
    window.tabs.setCurrentWidget(window.history)
    qtbot.waitUntil(window.history.isVisible, timeout=3000)
    changes = announced(window)
    delete_first_row(qtbot, window.history.table)
    assert changes == [Changes.of("entries", "alerts")]
    assert window.history.model.rowCount() == 0
    assert stored(data_dir).journal.entries() == []
    assert len(chart(qtbot, window).points) == 0

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(changes) == 2 and "entries" in changes[1]
    assert window.history.model.rowCount() == 1
    assert window.status.text() == "Undone: delete."
    qtbot.waitUntil(lambda: len(chart(qtbot, window).points) == 1, timeout=5000)


def test_a_note_on_an_alert_is_stored_announced_once_and_listed(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    services = stored(data_dir)
    weak = Entry(NOW - timedelta(days=1), Pain(score=3), weakness=Weakness(left_leg=2))
    raised = services.journal.save_entry(weak).flags.alerted_entries()
    assert raised  # the new leg weakness raised an alert
    alerts = services.alerts.all_alerts()
    services.alerts.record_action([str(a.id) for a in alerts], "discussed_with_team")
    page = show(qtbot, window, "alerts")
    assert isinstance(page, AlertLogPanel)
    page.refresh()  # written beside the window, as another program would
    changes = announced(window)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClicks(page.note, "Seen by the nurse")
    qtbot.mouseClick(page.save_note_button, Qt.MouseButton.LeftButton)
    assert changes == [Changes.of("alerts")]
    assert [a.note for a in stored(data_dir).alerts.all_alerts()] == ["Seen by the nurse"]
    assert page.message.text().endswith("Note saved.")
    rows = range(page.model.rowCount())
    qtbot.waitUntil(  # the log read again after the announcement
        lambda: (
            [page.model.alerts_at(page.model.index(row, 0))[0].note for row in rows]
            == ["Seen by the nurse"]
        ),
        timeout=3000,
    )


def test_a_flag_repeated_on_following_days_is_one_row_with_each_alert_beneath(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    """New leg weakness recorded morning and evening for three days, answered at its first
    alert: the Red flags page lists the episode once, with the answer; Right arrow opens it, and
    a note written on one of its alerts is stored on that alert."""
    from tracker.services.alerts import AlertService
    from tracker.services.journal import JournalService

    start = NOW.replace(hour=8, minute=0) - timedelta(days=5)
    saved_at = [start]  # each entry saved as it was made, its alerts raised then
    db = open_journal(data_dir)
    services = AlertService(db, clock=lambda: saved_at[0])
    journal = JournalService(db, services)
    for day in range(3):
        for hour in (0, 10):
            saved_at[0] = start + timedelta(days=day, hours=hour)
            weak = Entry(saved_at[0], Pain(score=3), weakness=Weakness(left_leg=2))
            journal.save_entry(weak)
    alerts = sorted(services.all_alerts(), key=lambda a: a.raised_at)
    rules_raised = {a.rule for a in alerts}
    assert len(alerts) > len(rules_raised)  # the flag was raised again at the later entries
    services.record_action([str(alerts[0].id)], "called_helpline")
    page = show(qtbot, window, "alerts")
    assert isinstance(page, AlertLogPanel)
    page.refresh()
    tree = page.table
    assert page.proxy.rowCount() < len(alerts)
    episode = page.model.alerts_at(page.proxy.mapToSource(page.proxy.index(0, 0)))
    assert len(episode) > 1 and episode[0].id == alerts[0].id
    assert page.proxy.index(0, 4).data() == f"{len(episode)} entries"
    assert page.proxy.index(0, 5).data().startswith("called the helpline")
    tree.setFocus()
    tree.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # open the episode
    assert tree.isExpanded(page.proxy.index(0, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    (chosen,) = page.selected_alerts()
    assert chosen.id in {a.id for a in episode[1:]}
    qtbot.keyClicks(page.note, "Leg worse on the stairs")
    qtbot.mouseClick(page.save_note_button, Qt.MouseButton.LeftButton)
    notes = {a.id: a.note for a in stored(data_dir).alerts.all_alerts()}
    assert notes[chosen.id] == "Leg worse on the stairs"
    assert [note for note in notes.values() if note] == ["Leg worse on the stairs"]
