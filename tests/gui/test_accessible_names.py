"""Every control a person can use has a name a screen reader can say: its accessible name, a
label bound to it (buddy) or, for a button or a box, its own visible words. The walk covers
every tab of the window and its main dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.whole_window import PAGES, whole_window
from tracker.domain.model import Contacts
from tracker.ui.dialogs.emergency_alert import EmergencyAlertDialog
from tracker.ui.dialogs.treatment_dialog import TreatmentDialog
from tracker.ui.main_window import MainWindow

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


def _part_of_another(widget: QWidget) -> bool:
    """Qt's own pieces of a control (a spin box's line edit, a combo box's list, a table's
    corner button and header, a tab bar's scroll arrows): the control carries the name."""
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar, QAbstractItemView)):
            return True
        parent = parent.parent()
    return widget.objectName().startswith("qt_") or type(widget).__name__ == "QMenu"


def unnamed(root: QWidget) -> list[str]:
    """The controls under ``root`` that have no name a screen reader could say."""
    buddies = {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or _part_of_another(widget) or widget.isHidden():
            continue  # hidden itself (not only its tab): nothing to reach until it is shown
        words = widget.text().replace("&", "").strip() if hasattr(widget, "text") else ""
        if isinstance(widget, QLineEdit):
            words = ""  # what was typed in it is not its name
        if widget.accessibleName().strip() or widget in buddies or words:
            continue
        where = widget.parent()
        missing.append(f"{type(widget).__name__} in {type(where).__name__}")
    return missing


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    yield from whole_window(qtbot, data_dir)


def test_every_page_of_the_window_names_its_controls(qtbot: QtBot, window: MainWindow) -> None:
    window.first_start.page.start_button.click()
    for name in PAGES:
        page = window.panel(name)
        assert page is not None, name
        window.tabs.setCurrentWidget(page)
    window.contacts.show()
    shown = window.findChildren(QWidget)
    assert len([w for w in shown if isinstance(w, CONTROLS)]) >= 60  # the pages were built
    assert unnamed(window) == []


def _dialog(qtbot: QtBot, shown: Callable[[], QWidget | None]) -> QWidget:
    qtbot.waitUntil(lambda: shown() is not None, timeout=5000)
    dialog = shown()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_the_main_dialogs_name_their_controls(qtbot: QtBot, window: MainWindow) -> None:
    window.first_start.page.start_button.click()
    opened: list[QWidget] = []
    for action, shown in (
        (window.backups_action, lambda: window.flows.backups_dialog),
        (window.export_action, lambda: window.flows.export_dialog),
        (window.delete_data_action, lambda: window.flows.delete_dialog),
        (window.summary_action, lambda: window.summary_dialog),
    ):
        action.trigger()
        dialog = _dialog(qtbot, shown)
        opened.append(dialog)
        assert unnamed(dialog) == [], action.text()
        dialog.close()
    for show in (window.help_menu.show_about, window.help_menu.show_red_flags):
        show()
        dialog = _dialog(qtbot, lambda: window.help_menu.dialog)
        assert unnamed(dialog) == [], show.__name__
        dialog.close()
        opened.append(dialog)
    treatment = TreatmentDialog(parent=window)
    emergency = EmergencyAlertDialog(["Leg weakness"], ["E1"], Contacts(), False, window)
    for dialog in (treatment, emergency):
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], type(dialog).__name__
    assert len(opened) == 6


def test_the_walk_finds_a_control_without_a_name(qtbot: QtBot) -> None:
    """The check itself: an unnamed line edit and an icon-only button are found; a label
    bound to the edit, or words on the button, name them."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    page = QWidget()
    field, button = QLineEdit("typed words"), QPushButton()
    layout = QVBoxLayout(page)
    layout.addWidget(field)
    layout.addWidget(button)
    qtbot.addWidget(page)
    assert unnamed(page) == ["QLineEdit in QWidget", "QPushButton in QWidget"]
    label = QLabel("&Note:")
    label.setBuddy(field)
    layout.addWidget(label)
    button.setText("Save")
    assert unnamed(page) == []
