"""The Help menu as a person uses it: "What the red flags mean" and "About Spine Journal",
opened from the menu bar by keyboard and by mouse, read, and closed with Escape; and a status
line that never names a file path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu
from pytestqt.qtbot import QtBot

import tracker
from tests.conftest import REPO
from tests.gui.test_treatments_panel import focused, press
from tracker.app import AppRun, build_window
from tracker.domain import rules
from tracker.domain.model import Contacts, Entry, Pain, Profile
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal
from tracker.ui.data_safety import words_for_places
from tracker.ui.dialogs.about_dialog import NOT_LISTED, AboutDialog
from tracker.ui.dialogs.backups_dialog import BackupsDialog
from tracker.ui.dialogs.red_flags_dialog import RedFlagsDialog
from tracker.ui.main_window import MainWindow

HELPLINE = "0800 123 4567"
README_SENTENCE = "A flag that does not fire means only that none of these patterns was recorded."


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    session: AppRun = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: window.started_up, timeout=5000)
    window.contacts_panel.later_button.click()  # the first start's question, answered
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    session.close()


def opened(qtbot: QtBot, window: MainWindow) -> QDialog:
    qtbot.waitUntil(lambda: window.help_menu.dialog is not None, timeout=3000)
    dialog = window.help_menu.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def open_by_keyboard(qtbot: QtBot, window: MainWindow, letter: Qt.Key) -> QDialog:
    """Alt+H opens the Help menu; ``letter`` chooses its item."""
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.title() == "&Help"
    qtbot.keyClick(menu, letter)
    return opened(qtbot, window)


def open_by_mouse(qtbot: QtBot, window: MainWindow, item: str) -> QDialog:
    """A click on Help in the menu bar, then on the item whose text is ``item``."""
    bar = window.menuBar()
    help_menu = window.help_menu.menu
    place = bar.actionGeometry(help_menu.menuAction()).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=place)
    qtbot.waitUntil(help_menu.isVisible, timeout=3000)
    (action,) = [a for a in help_menu.actions() if a.text().replace("&", "") == item]
    qtbot.mouseClick(
        help_menu, Qt.MouseButton.LeftButton, pos=help_menu.actionGeometry(action).center()
    )
    return opened(qtbot, window)


def closes_with_escape(qtbot: QtBot, dialog: QDialog) -> None:
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


# ---- the status line ---------------------------------------------------------------------------


def test_the_status_line_names_no_file_path_once_the_journal_is_open(
    window: MainWindow, data_dir: Path
) -> None:
    status = window.status.text()
    assert "journal is open" in status
    assert str(data_dir) not in status and "journal.sqlite3" not in status


def test_a_failed_backup_at_start_is_said_without_the_folders_path(
    qtbot: QtBot, data_dir: Path
) -> None:
    db = open_journal(data_dir)
    JournalService(db).save_entry(Entry(recorded_at=datetime.now(UTC), pain=Pain(2)))
    db.close()
    (data_dir / "backups").write_text("not a folder")  # no backup can be written there
    session = build_window(data_dir)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitUntil(lambda: session.window.started_up, timeout=5000)
    status = session.window.status.text()
    session.close()
    assert status.startswith("The backup could not be written in the journal's backups folder")
    assert str(data_dir) not in status


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "The backup could not be written in {folder}/backups (Permission denied).",
            "The backup could not be written in the journal's backups folder (Permission denied).",
        ),
        (
            "The journal file {folder}/journal.sqlite3 is empty (0 bytes).",
            "The journal file journal.sqlite3 is empty (0 bytes).",
        ),
        (
            "The journal folder {folder} cannot be written to, so nothing was saved.",
            "The journal folder cannot be written to, so nothing was saved.",
        ),
        (
            "A new journal could not be created in {folder} (No space left on device).",
            "A new journal could not be created in the journal folder (No space left on device).",
        ),
        (
            "The backup {folder}/backups/journal-1.sqlite3 is damaged.",
            "The backup journal-1.sqlite3 is damaged.",
        ),
        ("Nothing was saved.", "Nothing was saved."),
    ],
)
@pytest.mark.parametrize("kind", [PurePosixPath, PureWindowsPath])
def test_error_sentences_name_files_and_folders_without_their_paths(
    sentence: str, said: str, kind: type[PurePath]
) -> None:
    if kind is PurePosixPath:
        folder: PurePath = kind("/home/sam/.local/share/spine-journal")
    else:
        folder = kind("C:/Users/Sam/AppData/Local/spine-journal")
    written = sentence.format(folder=folder).replace("/", "\\" if kind is PureWindowsPath else "/")
    assert str(folder) in written or written == said
    assert words_for_places(written, folder, folder / "backups") == said


# ---- what the red flags mean -------------------------------------------------------------------


def test_what_the_red_flags_mean_lists_every_rule_of_the_table_by_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.services is not None
    window.services.journal.set_profile_and_contacts(Profile(), Contacts(helpline=HELPLINE))
    dialog = open_by_keyboard(qtbot, window, Qt.Key.Key_R)
    assert isinstance(dialog, RedFlagsDialog)
    text = dialog.text.toPlainText()
    assert f"rule set {rules.RULE_SET}" in text
    for rule in rules.RULES.values():
        assert f"{rule.id}: {rule.title}." in text
        assert f"Tier: {rule.tier}. Source: {rule.source}." in text
    for advice in rules.TIER_ADVICE.values():
        assert advice in text
    assert rules.R5_ADVICE.rstrip(".").lower() in rules.RULES["R5"].title.lower()
    # it ends with the README's sentence, the helpline advice and the person's own number
    assert README_SENTENCE in " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    ending = text[text.index("Please note") :]
    assert README_SENTENCE in ending and rules.EMERGENCY_ADVICE in ending
    assert f"24-hour helpline: {HELPLINE}" in ending
    # the focus is in the text, which scrolls; Tab reaches Close
    assert focused() is dialog.text
    scroll = dialog.text.verticalScrollBar()
    assert scroll.maximum() > 0
    press(qtbot, Qt.Key.Key_PageDown)
    assert 0 < scroll.value() < scroll.maximum()
    press(qtbot, Qt.Key.Key_End)
    assert scroll.value() == scroll.maximum()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.close_button
    closes_with_escape(qtbot, dialog)


def test_with_no_numbers_saved_the_red_flags_end_with_the_tables_whom_to_call(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_by_mouse(qtbot, window, "What the red flags mean…")
    assert isinstance(dialog, RedFlagsDialog)
    ending = dialog.text.toPlainText().split("Please note")[1]
    assert f"Call {rules.NO_CONTACTS_TEXT}." in ending
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


# ---- about -------------------------------------------------------------------------------------


def test_about_shows_the_version_rule_set_and_journal_folder_and_opens_it(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[QUrl] = []
    answers = [True, False]

    def open_url(url: QUrl) -> bool:
        asked.append(url)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog = open_by_mouse(qtbot, window, "About Spine Journal…")
    assert isinstance(dialog, AboutDialog)
    assert focused() is dialog.close_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.tabs.tabBar()
    press(qtbot, Qt.Key.Key_Tab)  # no unseen stop on the way
    assert dialog.place is not None and focused() is dialog.place.open_button
    assert tracker.__version__ in dialog.version.text()
    assert f"rule set {rules.RULE_SET}" in dialog.rule_set.text()
    assert str(data_dir) in dialog.place.path.text()
    assert "MIT" in dialog.licence.text() and "LGPLv3" in dialog.licence.text()

    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "&Open folder"
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)  # a mnemonic clicks after 100 ms
    assert asked == [QUrl.fromLocalFile(str(data_dir))]
    assert asked[0].isLocalFile() and asked[0].toLocalFile() == str(data_dir)
    assert not dialog.place.message.isVisible()
    # the file manager could not be started: said in a sentence, the folder still shown
    qtbot.mouseClick(dialog.place.open_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert dialog.place.message.isVisible()
    assert "could not be opened" in dialog.place.message.text()
    closes_with_escape(qtbot, dialog)


def test_about_lists_the_licences_of_what_the_app_ships(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_by_keyboard(qtbot, window, Qt.Key.Key_A)
    assert isinstance(dialog, AboutDialog)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # the "&Licences" tab
    assert dialog.tabs.currentIndex() == 1
    table = dialog.table
    rows = {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
        for row in range(table.rowCount())
    }
    for name in ("PySide6_Essentials", "SQLAlchemy", "matplotlib", "alembic", "numpy"):
        version, licence = rows[name]
        assert version == metadata.version(name) and licence.strip(), name
    assert "LGPL-3.0" in rows["PySide6_Essentials"][1]
    assert not {"pytest", "ruff", "mypy", "hypothesis", "spine-journal"} & set(rows)
    assert not dialog.missing.isVisible()

    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # "Li&braries:"
    assert focused() is table
    dialog.choose("SQLAlchemy")
    assert "Permission is hereby granted" in dialog.text.toPlainText()
    dialog.choose("PySide6_Essentials")  # no licence file in its wheel: named in words
    shown = dialog.text.toPlainText()
    assert "LGPLv3" in shown and "LGPL-3.0-only" in shown
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "Licence &text:"
    assert focused() is dialog.text
    closes_with_escape(qtbot, dialog)


def test_without_package_information_about_says_so_in_a_sentence(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def not_found(name: str) -> metadata.Distribution:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", not_found)
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    assert dialog.shipped == [] and dialog.table.rowCount() == 0
    assert dialog.missing.isVisible() and dialog.missing.text() == NOT_LISTED
    assert "LGPLv3" in NOT_LISTED


def test_about_before_the_journal_has_a_folder_says_it_is_opening(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.place is None
    labels = dialog.tabs.widget(0).findChildren(QLabel)
    assert any("still being opened" in label.text() for label in labels)


# ---- backups -----------------------------------------------------------------------------------


def test_the_backups_dialog_shows_where_the_journal_is(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url) or True)
    window.backups_action.trigger()
    dialog = window.backups_dialog
    assert isinstance(dialog, BackupsDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert str(data_dir) in dialog.place.path.text()
    assert focused() is dialog.table  # the list first, as before
    qtbot.mouseClick(dialog.place.open_button, Qt.MouseButton.LeftButton)
    assert asked == [QUrl.fromLocalFile(str(data_dir))]
    dialog.close()
