"""The reminders in the window: the clock that fires them, the notice bar, the tray, the
Reminders settings and "Add to my calendar…" (both in the Journal menu).

Made by the composition root with the window; the clock starts once the journal is open and
backed up (``start_up_done``), and the tray's icon is drawn then too (after the first paint).
Nothing here is logged: a reminder's words are the neutral ones of ``domain.reminders``.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QBoxLayout

from tracker import resource
from tracker.domain.reminders import Reminder
from tracker.local_zone import local_zone
from tracker.ui.reminder_clock import ReminderClock
from tracker.ui.tray import Tray, keep_running, set_keep_running
from tracker.ui.widgets.reminder_bar import ReminderBar, reminder_lines

if TYPE_CHECKING:
    from tracker.ui.dialogs.calendar_dialog import CalendarDialog
    from tracker.ui.dialogs.reminders_dialog import RemindersDialog
    from tracker.ui.main_window import MainWindow

APP_ICON = "icons/spine-journal.svg"


class RemindersFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.bar = ReminderBar()
        middle = window.centralWidget()
        central = middle.layout() if middle is not None else None
        assert isinstance(central, QBoxLayout)  # the window's column (MainWindow.__init__)
        central.insertWidget(0, self.bar)
        self.clock = ReminderClock(self._due_between, local_zone, parent=self)
        self.clock.due.connect(self.show_reminders)
        self.tray: Tray | None = None
        self.settings_dialog: RemindersDialog | None = None
        self.calendar_dialog: CalendarDialog | None = None
        act = window.menus.action
        self.settings_action = act("&Reminders…", None, self.show_settings)
        self.calendar_action = act("&Add to my calendar…", None, self.show_calendar)
        window.journal_menu.insertActions(
            window.backups_action, [self.settings_action, self.calendar_action]
        )
        window.start_up_done.connect(self.start)

    def start(self) -> None:
        if self.tray is None:
            icon = QIcon(str(resource(APP_ICON)))
            self.tray = Tray(self._window, icon, self._window.quit_action)
        if self._window.services is not None:
            self.clock.start()

    def _due_between(self, start: datetime, end: datetime, zone: tzinfo) -> list[Reminder]:
        from tracker.services.errors import JournalError

        services = self._window.services
        if services is None:
            return []
        try:
            return services.reminders.due_between(start, end, zone)
        except JournalError:  # the journal is being replaced or closed: the next check will do
            return []

    def show_reminders(self, reminders: list[Reminder]) -> None:
        """Always in the window; through the tray too where there is one."""
        self.bar.show_reminders(reminders)
        if self.tray is not None:
            self.tray.notify(reminder_lines(reminders))

    def show_settings(self) -> None:
        services = self._window.services
        if services is None:
            return
        from tracker.ui.dialogs.reminders_dialog import RemindersDialog

        available = self.tray is not None and self.tray.available
        dialog = RemindersDialog(
            services.reminders.settings(), keep_running(), available, self._window
        )
        dialog.accepted.connect(lambda: self._apply(dialog))
        self.settings_dialog = dialog
        dialog.open()

    def _apply(self, dialog: RemindersDialog) -> None:
        services = self._window.services
        if services is None:
            return
        # announced: the weekly form's page shows the weekday chosen here
        self._window.announce(services.reminders.set_settings(dialog.settings()))
        if dialog.keep_running.isEnabled():
            set_keep_running(dialog.keep_running.isChecked())
        if self.tray is not None:
            self.tray.follow_setting()
        self.clock.check()  # set the timer for the new times
        self._window.say("Your reminders are saved.")

    def show_calendar(self) -> None:
        if self._window.services is None:
            return
        from tracker.ui.dialogs.calendar_dialog import CalendarDialog

        self.calendar_dialog = CalendarDialog(self._write_calendar, self._window)
        self.calendar_dialog.open()

    def _write_calendar(self, path: Path, details: bool) -> None:
        from tracker.services.exchange import write_private_file

        services = self._window.services
        assert services is not None
        text = services.reminders.calendar(local_zone(), datetime.now(UTC), details=details)
        write_private_file(path, text.encode("utf-8"))
