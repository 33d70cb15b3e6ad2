"""The window paints first, then opens the journal."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

import tracker.opening as opening
from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli
from tests.gui.test_history_updates import shown
from tracker.app import AppRun, build_window
from tracker.domain.model import Entry, Pain
from tracker.services.journal import JournalService
from tracker.services.registry import build_services
from tracker.services.trends import TrendsService
from tracker.storage.database import open_journal

FROZEN_0001 = REPO / "tests" / "fixtures" / "journal-schema-0001.sqlite3"


def test_the_window_paints_then_opens_the_journal(qtbot: QtBot, data_dir: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("Spine Journal")
    assert session.db is None  # nothing opened before the first paint
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: session.db is not None, timeout=5000)
    assert window.services is not None
    assert window.services.journal.counts()["entries"] == 23
    session.close()


def _journal_with_two_entries(data_dir: Path) -> None:
    db = open_journal(data_dir)
    journal = JournalService(db)
    now = datetime.now().astimezone().replace(microsecond=0)
    journal.save_entry(
        Entry(recorded_at=now - timedelta(days=2), pain=Pain(score=4), bowel="constipated")
    )  # a watch flag, W2
    journal.save_entry(Entry(recorded_at=now - timedelta(days=1), pain=Pain(score=3)))
    db.close()


def _shown_until_ready(qtbot: QtBot, data_dir: Path) -> AppRun:
    """The window built and shown, once ``journal_ready`` came."""
    session = build_window(data_dir)
    qtbot.addWidget(session.window)
    with qtbot.waitSignal(session.window.journal_ready, timeout=5000):
        session.window.show()
    return session


def _slow_start(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The start's worker held back until the returned event is set."""
    imports_done = threading.Event()
    original = opening.open_folder

    def held_back(folder: Path, **kwargs: object) -> opening.StartResult:
        imports_done.wait(10)
        return original(folder, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opening, "open_folder", held_back)
    return imports_done


def _listed_early(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[AppRun, threading.Event]:
    """A journal of two entries, shown until they are listed, its opening held back until the
    returned event is set."""
    _journal_with_two_entries(data_dir)
    imports_done = _slow_start(monkeypatch)
    return _shown_until_ready(qtbot, data_dir), imports_done


def test_the_form_is_usable_and_the_entries_listed_before_the_imports_finish(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, imports_done = _listed_early(qtbot, data_dir, monkeypatch)
    window = session.window
    assert window.services is None  # SQLAlchemy and the services are not there yet
    model = window.history.model
    assert model.rowCount() == 2
    red_flags = list(model.columns).index("Red flags")
    assert sorted(model.text(row, red_flags) for row in range(2)) == ["", "W2"]
    assert window.entry_form.save_button.isEnabled()
    assert not window.export_action.isEnabled()  # the rest waits for the journal to open
    # saved before the opening finished: it is finished at once, and the entry stored
    window.entry_form.pain_score.setValue(6)
    imports_done.set()
    qtbot.mouseClick(window.entry_form.save_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert window.services is not None
    assert "saved" in window.entry_form.message.text()
    stored = build_services(open_journal(data_dir)).journal.entries()
    assert [e.pain.score for e in stored] == [4, 3, 6]
    assert model.rowCount() == 3
    assert window.export_action.isEnabled()
    session.close()


def test_the_start_imports_only_once_the_latest_entries_are_listed(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listing is not kept waiting by the start's imports (``tracker.start_up``)."""
    from tracker.services.backups import BackupService

    _journal_with_two_entries(data_dir)
    order: list[str] = []
    original = BackupService.check_on_start

    def checked(self: BackupService, **kwargs: object) -> object:
        order.append("start-up check")
        return original(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BackupService, "check_on_start", checked)
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    window.journal_ready.connect(lambda: order.append("listed"))
    window.show()
    qtbot.waitUntil(lambda: window.services is not None, timeout=5000)
    assert order == ["listed", "start-up check"]
    assert window.history.model.rowCount() == 2
    session.close()


def test_same_as_last_before_the_imports_finish_copies_the_latest_entry(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Same as last" clicked while the journal is still opening: the opening is finished at
    once and the form filled from the latest entry."""
    session, imports_done = _listed_early(qtbot, data_dir, monkeypatch)
    window = session.window
    assert window.services is None
    imports_done.set()
    qtbot.mouseClick(window.entry_form.same_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert window.services is not None
    assert window.entry_form.pain_score.value() == 3  # the latest entry's score
    session.close()


def test_entries_the_start_listed_are_not_read_again_when_the_journal_opens(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, imports_done = _listed_early(qtbot, data_dir, monkeypatch)
    window = session.window
    resets: list[bool] = []
    window.history.model.modelReset.connect(lambda: resets.append(True))
    listed = shown(window.history)
    imports_done.set()
    qtbot.waitUntil(lambda: window.services is not None, timeout=5000)
    assert resets == []  # opened without reading the listed entries again
    assert shown(window.history) == listed
    window.history.range_changed.emit()  # the same dates chosen again: read afresh
    assert resets == [True]
    assert shown(window.history) == listed
    session.close()


def test_dates_changed_while_the_journal_opens_are_listed_when_it_has(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, imports_done = _listed_early(qtbot, data_dir, monkeypatch)
    window = session.window
    assert window.history.model.rowCount() == 2
    window.history.date_to.setDate(QDate.currentDate().addDays(-3))  # before both entries
    imports_done.set()
    qtbot.waitUntil(lambda: window.services is not None, timeout=5000)
    assert window.history.model.rowCount() == 0
    window.history.date_to.setDate(QDate.currentDate())
    assert window.history.model.rowCount() == 2
    session.close()


def test_the_start_posts_its_result_from_its_worker_to_the_window_thread(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One worker checks, imports and opens; the window's thread takes what it posts."""
    seen: list[str] = []
    original = opening.open_folder

    def watched(folder: Path, **kwargs: object) -> opening.StartResult:
        seen.append(threading.current_thread().name)
        return original(folder, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opening, "open_folder", watched)
    original_started = AppRun._started

    def started(self: AppRun, result: opening.StartResult) -> None:
        seen.append(threading.current_thread().name)
        original_started(self, result)

    monkeypatch.setattr(AppRun, "_started", started)
    _journal_with_two_entries(data_dir)
    session = _shown_until_ready(qtbot, data_dir)
    qtbot.waitUntil(lambda: session.window.services is not None, timeout=5000)
    assert seen == ["spine-journal-start", threading.main_thread().name]
    assert session.window.history.model.rowCount() == 2
    session.close()


def test_closing_while_the_journal_opens_waits_for_the_start_and_closes_what_it_opened(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracker.storage.database as database

    opened: list[database.JournalDatabase] = []
    closed: list[database.JournalDatabase] = []
    original_open = database.open_journal

    def watched_open(folder: Path) -> database.JournalDatabase:
        db = original_open(folder)
        opened.append(db)
        return db

    original_close = database.JournalDatabase.close

    def watched_close(self: database.JournalDatabase) -> None:
        if any(self is db for db in opened):
            closed.append(self)
        original_close(self)

    monkeypatch.setattr(database, "open_journal", watched_open)
    monkeypatch.setattr(database.JournalDatabase, "close", watched_close)
    session, imports_done = _listed_early(qtbot, data_dir, monkeypatch)
    (start,) = [t for t in threading.enumerate() if t.name == "spine-journal-start"]
    assert opened == []  # held back
    threading.Timer(0.3, imports_done.set).start()  # the start ends while close() waits
    session.close()
    assert not start.is_alive()
    assert len(opened) == 1 and closed == opened  # what the start opened, closed with it
    assert closed[0] is opened[0]
    assert session.window.services is None  # and never handed to the window


def test_a_journal_to_upgrade_is_opened_before_anything_is_listed(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older journal is upgraded (after a backup) before the window lists or saves."""
    data_dir.mkdir()
    shutil.copy(FROZEN_0001, data_dir / "journal.sqlite3")
    imports_done = _slow_start(monkeypatch)
    threading.Timer(0.3, imports_done.set).start()
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    services_when_ready: list[object] = []
    window.journal_ready.connect(lambda: services_when_ready.append(window.services))
    with qtbot.waitSignal(window.journal_ready, timeout=5000):
        window.show()
    assert services_when_ready and services_when_ready[0] is not None
    assert window.services is not None and window.services.journal.counts()["entries"] == 23
    session.close()


def test_a_journal_from_a_newer_version_is_named_in_the_window_and_left_alone(
    qtbot: QtBot, data_dir: Path
) -> None:
    data_dir.mkdir()
    journal = data_dir / "journal.sqlite3"
    shutil.copy(FROZEN_0001, journal)
    with contextlib.closing(sqlite3.connect(journal)) as con, con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    before = journal.read_bytes()
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "could not be opened" in window.status.text(), timeout=5000)
    assert "newer version of Spine Journal" in window.status.text()
    assert window.services is None and not window.entry_form.save_button.isEnabled()
    assert window.history.model.rowCount() == 0  # nothing listed from a file it cannot read
    session.close()
    assert journal.read_bytes() == before


def trends_asking(qtbot: QtBot, data_dir: Path) -> AppRun:
    """The window shown and its Trends tab chosen while the journal opens; returned once the
    tab has asked for the journal."""
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    page = window.panels["trends"]
    wanted = page.services_wanted  # type: ignore[attr-defined]
    with qtbot.waitSignal(wanted, timeout=10000):  # the tab asks for the journal
        window.tabs.setCurrentWidget(page)
    return session


def _trends_chosen_while_opening(
    qtbot: QtBot, data_dir: Path, imports_done: threading.Event
) -> AppRun:
    """The Trends tab chosen while the journal opens (held back by ``imports_done``), and the
    opening let go once the tab has asked for the journal; returned when the chart painted."""
    session = trends_asking(qtbot, data_dir)
    window = session.window
    with qtbot.waitSignal(window.chart_painted, timeout=10000):
        imports_done.set()
    return session


def test_the_trends_tab_chosen_early_gets_its_first_series_from_the_start(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start reads the chart's first series beside the window's work when the Trends tab
    waits for the journal; the chart then shows what a fresh read gives."""
    _journal_with_two_entries(data_dir)
    imports_done = _slow_start(monkeypatch)
    readers: list[str] = []
    original = TrendsService.prepare_first_chart

    def spied(self: TrendsService) -> None:
        readers.append(threading.current_thread().name)
        original(self)

    monkeypatch.setattr(TrendsService, "prepare_first_chart", spied)
    session = _trends_chosen_while_opening(qtbot, data_dir, imports_done)
    window = session.window
    page = window.panels["trends"]
    assert readers == ["spine-journal-start"]
    view = page.view  # type: ignore[attr-defined]
    assert view is not None and view._data is not None
    fresh = TrendsService(open_journal(data_dir)).trend_data(view._data.start, view._data.end)
    assert view._data == fresh
    session.close()


def test_the_trends_tab_chosen_early_draws_the_chart_once_the_journal_opens(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, imports_done = _listed_early(qtbot, data_dir, monkeypatch)
    window = session.window
    page = window.panels["trends"]
    wanted = page.services_wanted  # type: ignore[attr-defined]
    with qtbot.waitSignal(wanted, timeout=5000):  # matplotlib imported
        window.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(window.chart_painted, timeout=10000):
        imports_done.set()
    session.close()


def test_a_failed_head_start_on_the_chart_does_not_stop_the_journal_opening(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _journal_with_two_entries(data_dir)
    imports_done = _slow_start(monkeypatch)
    calls: list[str] = []

    def failing(self: TrendsService) -> None:
        calls.append(threading.current_thread().name)
        raise RuntimeError("simulated")

    monkeypatch.setattr(TrendsService, "prepare_first_chart", failing)
    session = _trends_chosen_while_opening(qtbot, data_dir, imports_done)
    window = session.window
    assert calls == ["spine-journal-start"]
    assert window.services is not None and "could not be opened" not in window.status.text()
    session.close()


def test_an_unexpected_failure_while_opening_is_said_in_the_window(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug while opening is named in the status line (never left at "Opening your
    journal…"), and the form that was usable early can no longer be saved."""

    def broken(_db: object) -> object:
        raise RuntimeError("simulated")

    monkeypatch.setattr("tracker.services.registry.build_services", broken)
    session, imports_done = _listed_early(qtbot, data_dir, monkeypatch)
    window = session.window
    assert window.entry_form.save_button.isEnabled()  # usable early
    with qtbot.captureExceptions() as raised:
        imports_done.set()
        qtbot.waitUntil(lambda: "unexpected problem" in window.status.text(), timeout=5000)
    assert [type(e[1]) for e in raised] == [RuntimeError]
    assert "RuntimeError" in window.status.text()
    assert not window.entry_form.save_button.isEnabled()
    session.close()
