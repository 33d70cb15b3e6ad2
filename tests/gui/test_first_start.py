"""The first start, as a person meets it: the welcome page of a new journal, "Start my journal"
by mouse and by keyboard, and a visit to the example journal that leaves theirs untouched.
Each story ends in a check of the journal file, its backups or an export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.helpers import focused
from tests.gui.test_data_safety_stories import click, open_window
from tests.gui.test_entry_stories import press
from tracker.app import AppRun
from tracker.domain.model import Appointment, Contacts, Entry, Pain, Profile
from tracker.services.backups import BackupService
from tracker.services.registry import Services, build_services
from tracker.storage.database import open_journal
from tracker.ui.first_start import EXAMPLE_TITLE

# ---- set-up (the window as the app builds it: tests/gui/test_data_safety_stories.py) ---------


@pytest.fixture
def sessions() -> Iterator[list[AppRun]]:
    opened: list[AppRun] = []
    yield opened
    for session in opened:
        session.close()


def stored(data_dir: Path) -> tuple[Services, object]:
    db = open_journal(data_dir)
    return build_services(db), db


def exported(data_dir: Path) -> dict[str, object]:
    """The person's journal as its JSON export, as a second program would read it."""
    services, db = stored(data_dir)
    try:
        document = json.loads(services.exchange.export_json(datetime(2026, 1, 1, tzinfo=UTC)))
    finally:
        db.close()  # type: ignore[attr-defined]
    assert isinstance(document, dict)
    return document


def backups_now(data_dir: Path) -> list[tuple[str, int]]:
    folder = data_dir / "backups"
    return sorted((p.name, p.stat().st_size) for p in folder.iterdir()) if folder.is_dir() else []


# ---- the welcome page --------------------------------------------------------------------------


def test_a_new_journal_opens_on_the_welcome_page_inside_the_window(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    page = window.first_start.page
    assert page.isVisible() and not window.tabs.isVisible()
    assert window.windowTitle() == "Spine Journal"  # no path in the title
    assert not window.contacts_panel.isVisible() and not window.contacts_reminder.isVisible()
    words = page.about.text() + page.where.text()
    assert "never tells you that you are fine" in words
    assert "call your 24-hour cancer helpline" in words and "whom to call" in words
    assert "Nothing leaves your laptop" in words
    assert str(data_dir / "journal.sqlite3") in words and str(data_dir / "backups") in words
    assert focused() is page.numbers.helpline  # the first thing to fill in
    assert not window.first_start.bar.isVisible()


def test_a_journal_with_entries_opens_on_todays_entry(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    services, db = stored(data_dir)
    services.journal.save_entry(
        Entry(recorded_at=datetime(2026, 11, 2, 9, tzinfo=UTC), pain=Pain(3))
    )
    db.close()  # type: ignore[attr-defined]
    window = open_window(qtbot, data_dir, sessions)
    assert not window.first_start.page.isVisible() and window.tabs.isVisible()
    assert window.tabs.currentWidget() is window.entry_form
    assert window.windowTitle() == "Spine Journal"


def test_start_my_journal_stores_the_numbers_and_goes_to_the_pain_score(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    numbers = window.first_start.page.numbers
    qtbot.keyClicks(numbers.helpline, "0800 111 2222")
    qtbot.keyClicks(numbers.emergency, "999")
    qtbot.keyClicks(numbers.name, "Sam")
    click(qtbot, window.first_start.page.start_button)
    assert not window.first_start.page.isVisible() and window.tabs.isVisible()
    assert window.tabs.currentWidget() is window.entry_form
    assert focused() is window.entry_form.pain_score
    assert not window.contacts_reminder.isVisible()  # the helpline is set
    services, db = stored(data_dir)
    assert services.journal.profile_and_contacts() == (
        Profile(display_name="Sam"),
        Contacts(helpline="0800 111 2222", emergency="999", team=""),
    )
    assert not services.journal.needs_welcome()
    db.close()  # type: ignore[attr-defined]
    sessions.pop().close()
    again = open_window(qtbot, data_dir, sessions)  # not shown again for this journal
    assert not again.first_start.page.isVisible() and again.tabs.isVisible()


def test_the_welcome_page_by_keyboard_alone(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    page = window.first_start.page
    qtbot.keyClicks(focused(), "0800 333 4444")  # type: ignore[arg-type]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.numbers.emergency
    qtbot.keyClicks(focused(), "112")  # type: ignore[arg-type]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.numbers.team
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.numbers.name
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.start_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.example_button
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.start_button
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is window.entry_form.pain_score
    services, db = stored(data_dir)
    assert services.journal.profile_and_contacts()[1] == Contacts("0800 333 4444", "112", "")
    db.close()  # type: ignore[attr-defined]


def test_enter_in_a_number_starts_the_journal_and_no_number_is_needed(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    press(qtbot, Qt.Key.Key_Return)  # nothing typed
    assert focused() is window.entry_form.pain_score
    assert window.contacts_reminder.isVisible()  # no helpline yet: reminded, as after "Later"
    services, db = stored(data_dir)
    assert services.journal.profile_and_contacts() == (Profile(), Contacts())
    assert not services.journal.needs_welcome()
    db.close()  # type: ignore[attr-defined]


def test_alt_s_starts_the_journal_from_anywhere_on_the_page(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    qtbot.keyClicks(focused(), "0800 555 6666")  # type: ignore[arg-type]
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # a button's Alt letter presses it as a click the eye can see (Qt's animateClick)
    qtbot.waitUntil(lambda: focused() is window.entry_form.pain_score, timeout=2000)
    services, db = stored(data_dir)
    assert services.journal.profile_and_contacts()[1].helpline == "0800 555 6666"
    db.close()  # type: ignore[attr-defined]


def test_someone_who_quits_on_the_welcome_page_sees_it_again(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    qtbot.keyClicks(window.first_start.page.numbers.helpline, "0800 777 8888")
    window.quit_action.trigger()
    sessions.pop().close()
    services, db = stored(data_dir)
    assert services.journal.needs_welcome()
    assert services.journal.profile_and_contacts()[1] == Contacts()  # nothing was saved
    db.close()  # type: ignore[attr-defined]
    again = open_window(qtbot, data_dir, sessions)
    assert again.first_start.page.isVisible() and not again.tabs.isVisible()


def test_a_number_that_is_not_text_is_refused_on_the_page(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    page = window.first_start.page
    page.numbers.helpline.setText("0800\x00 123")  # pasted with a NUL character
    click(qtbot, page.start_button)
    assert page.isVisible() and page.numbers.message.isVisible()
    assert "helpline" in page.numbers.message.text()
    services, db = stored(data_dir)
    assert (
        services.journal.needs_welcome()
        and services.journal.profile_and_contacts()[1] == Contacts()
    )
    db.close()  # type: ignore[attr-defined]


# ---- the example journal -----------------------------------------------------------------------


def snapshot(data_dir: Path) -> tuple[dict[str, object], list[tuple[str, int]]]:
    """The person's journal as exported, and their backups."""
    return exported(data_dir), backups_now(data_dir)


def persons_journal(data_dir: Path) -> tuple[dict[str, object], list[tuple[str, int]]]:
    """A journal in use but with no entry yet: numbers and an appointment (what an example
    could spill into); its snapshot."""
    services, db = stored(data_dir)
    services.journal.set_profile_and_contacts(Profile("Alex"), Contacts(helpline="0800 100 200"))
    services.appointments.add(
        Appointment(at=datetime(2026, 12, 1, 10, tzinfo=UTC), with_whom="Oncology clinic")
    )
    db.close()  # type: ignore[attr-defined]
    BackupService(data_dir).backup_now()
    return snapshot(data_dir)


def test_the_example_journal_opens_apart_and_back_to_my_journal_leaves_mine_untouched(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    before = persons_journal(data_dir)
    window = open_window(qtbot, data_dir, sessions)
    first = window.first_start
    assert first.page.isVisible()
    click(qtbot, first.page.example_button)

    assert window.windowTitle() == EXAMPLE_TITLE == "Spine Journal — Example journal"
    assert first.bar.isVisible() and "example" in first.bar.text.text().lower()
    assert not first.page.isVisible() and window.tabs.currentWidget() is window.entry_form
    assert focused() is window.entry_form.pain_score
    assert window.history.model.rowCount() > 0  # real demo entries, listed
    services = window.services
    assert services is not None
    assert services.journal.counts()["entries"] > 300
    latest = services.journal.latest_entry()
    assert latest is not None
    assert latest.recorded_at.date() in {date.today() - timedelta(days=1), date.today()}
    assert (data_dir / "example" / "journal.sqlite3").exists()
    assert (data_dir / "example" / "journal.lock").exists()  # a lock of its own
    # what would reach the person's files is off while the example is open
    for action in (window.backups_action, window.export_action, window.delete_data_action):
        assert not action.isEnabled()
    # an entry saved in the example stays in the example
    window.entry_form.pain_score.setValue(9)
    click(qtbot, window.entry_form.save_button)
    assert snapshot(data_dir) == before

    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Back to my journal
    qtbot.waitUntil(lambda: window.windowTitle() == "Spine Journal", timeout=3000)
    assert not first.bar.isVisible() and first.page.isVisible()  # still to start
    assert window.services is not None and window.services.journal.counts()["entries"] == 0
    assert window.history.model.rowCount() == 0
    assert not (data_dir / "example").exists()
    for action in (window.backups_action, window.export_action, window.delete_data_action):
        assert action.isEnabled()
    assert snapshot(data_dir) == before


def test_quitting_from_the_example_leaves_the_persons_journal_intact(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    before = persons_journal(data_dir)
    window = open_window(qtbot, data_dir, sessions)
    click(qtbot, window.first_start.page.example_button)
    assert window.windowTitle() == EXAMPLE_TITLE
    window.quit_action.trigger()
    sessions.pop().close()  # as the app does once its window has closed
    assert not (data_dir / "example").exists()
    assert snapshot(data_dir) == before
    again = open_window(qtbot, data_dir, sessions)  # the person's journal, not the example
    assert again.windowTitle() == "Spine Journal" and again.first_start.page.isVisible()
    assert not again.first_start.bar.isVisible()
    assert again.services is not None and again.services.journal.counts()["entries"] == 0


def test_the_example_is_made_afresh_each_time(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    click(qtbot, window.first_start.page.example_button)
    assert window.services is not None
    counts = window.services.journal.counts()
    window.entry_form.pain_score.setValue(2)
    click(qtbot, window.entry_form.save_button)
    click(qtbot, window.first_start.bar.back_button)
    click(qtbot, window.first_start.page.example_button)
    assert window.services is not None and window.services.journal.counts() == counts


def test_an_example_that_cannot_be_made_leaves_the_person_on_their_journal(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    (data_dir / "example").write_text("not a folder", encoding="utf-8")  # in the way
    click(qtbot, window.first_start.page.example_button)
    page = window.first_start.page
    assert page.isVisible() and "example journal could not be made" in page.message.text()
    assert window.windowTitle() == "Spine Journal" and not window.first_start.bar.isVisible()
    assert window.services is not None and window.services.journal.needs_welcome()


def test_delete_all_my_data_removes_the_example_folder_too(data_dir: Path) -> None:
    _services, db = stored(data_dir)
    db.close()  # type: ignore[attr-defined]
    example = data_dir / "example"
    example.mkdir()
    (example / "journal.sqlite3").write_bytes(b"left by a crash")
    removed = BackupService(data_dir).delete_all_data()
    assert example in removed and not example.exists()
    assert not (data_dir / "journal.sqlite3").exists()
