"""The Help menu: "About Spine Journal" and "What the red flags mean".

Made with the window's other menus, before its first paint, so this module imports nothing but
what the window already has; each dialog's module is imported when it is first asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenuBar

if TYPE_CHECKING:
    from tracker.domain.model import Contacts
    from tracker.services.registry import Services
    from tracker.ui.data_safety import JournalKeeper


class HelpHost(Protocol):
    """What the Help menu needs of the window: its menu bar, and the journal once open."""

    @property
    def keeper(self) -> JournalKeeper | None: ...
    @property
    def services(self) -> Services | None: ...
    def menuBar(self) -> QMenuBar: ...


class HelpMenu:
    def __init__(self, host: HelpHost) -> None:
        self._host = host
        bar = host.menuBar()
        self._window = bar.window()  # the dialogs' parent
        self.menu = bar.addMenu("&Help")
        self.about_action = QAction("&About Spine Journal…", self._window)
        self.red_flags_action = QAction("What the &red flags mean…", self._window)
        self.about_action.triggered.connect(self.show_about)
        self.red_flags_action.triggered.connect(self.show_red_flags)
        self.menu.addAction(self.red_flags_action)
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)
        self.dialog: QDialog | None = None  # the one last opened

    def show_about(self) -> None:
        from tracker.ui.dialogs.about_dialog import AboutDialog

        self._open(AboutDialog(self._folder(), self._window))

    def show_red_flags(self) -> None:
        from tracker.ui.dialogs.red_flags_dialog import RedFlagsDialog

        self._open(RedFlagsDialog(self._contacts(), self._window))

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def _folder(self) -> Path | None:
        """The journal's folder (the data folder), once the composition root has given it."""
        keeper = self._host.keeper
        return keeper.backups.journal_path.parent if keeper is not None else None

    def _contacts(self) -> Contacts | None:
        """The person's own numbers, when the journal is open (else the table's words)."""
        services = self._host.services
        if services is None:
            return None
        from tracker.services.errors import JournalError

        try:
            return services.journal.profile_and_contacts()[1]
        except JournalError:  # the list still shows; the table's fallback says whom to call
            return None
