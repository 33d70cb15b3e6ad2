"""The window's own menus: Journal (with the lock's actions), Edit, View, Go and Help, what
their actions do, and which of them wait for the journal.

Made before the window's first paint, so this module imports nothing the window does not
already have. The pages the actions reach are made just after that paint (``pages_made``);
until then those actions do nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tracker.ui.help_menu import HelpHost, HelpMenu
from tracker.ui.lock import WindowLock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

    from tracker.ui.contacts_flow import ContactsFlow
    from tracker.ui.journal_flows import JournalFlows
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.widgets.history_panel import HistoryPanel
    from tracker.ui.window_actions import WindowActions


class MenuHost(HelpHost, Protocol):
    """The window, as its menus see it (its pages only once ``pages_made``)."""

    @property
    def tabs(self) -> QTabWidget: ...
    @property
    def entry_form(self) -> EntryForm: ...
    @property
    def history(self) -> HistoryPanel: ...
    @property
    def contacts(self) -> ContactsFlow: ...
    def panel(self, name: str) -> QWidget | None: ...
    def undo(self) -> None: ...
    def set_larger_text(self, on: bool) -> None: ...


class WindowMenus:
    def __init__(
        self, window: QMainWindow, host: MenuHost, actions: WindowActions, flows: JournalFlows
    ) -> None:
        self._window = window  # the summary's parent
        self._host = host
        self._actions = actions
        self._built = False  # the pages, made just after the first paint
        self.summary_dialog: QWidget | None = None
        act = actions.action
        self.new_action = act("&New entry", "Ctrl+N", self._on_new_entry)
        self.save_action = act("&Save entry", "Ctrl+S", self._request_save)
        self.undo_action = act("&Undo", "Ctrl+Z", host.undo)
        self.quit_action = act("&Quit", "Ctrl+Q", window.close)
        self.contacts_action = act("&Contacts and name…", None, self._show_contacts)
        self.summary_action = act(
            "&Prepare for appointment…", "Ctrl+P", self._prepare_for_appointment
        )
        self.backups_action = act("&Backups…", None, flows.show_backups)
        self.export_action = act("E&xport…", None, flows.show_export)
        self.delete_data_action = act("&Delete all my data…", None, flows.show_delete_all_data)
        self.protect_action = act(
            "Pro&tect with a passphrase…", None, lambda: flows.show_passphrase("protect")
        )
        self.change_passphrase_action = act(
            "C&hange passphrase…", None, lambda: flows.show_passphrase("change")
        )
        self.remove_passphrase_action = act(
            "R&emove the passphrase…", None, lambda: flows.show_passphrase("remove")
        )
        self.larger_text_action = act("&Larger text", "Ctrl+=", self._on_larger_text)
        self.larger_text_action.setCheckable(True)
        self.journal_menu = actions.menu(
            "&Journal",
            *(self.new_action, self.save_action, self.summary_action, self.contacts_action),
            *(None, self.backups_action, self.export_action, self.delete_data_action),
            *(None, self.protect_action, self.change_passphrase_action),
            self.remove_passphrase_action,
            *(None, self.quit_action),
        )
        self.lock = WindowLock(window, actions, self.journal_menu, self.quit_action)
        actions.menu("&Edit", self.undo_action)
        actions.menu("&View", self.larger_text_action)
        self.add_go_action("Check-in", "entry")
        self.add_go_action("History", "history")
        self.help_menu = HelpMenu(host)

    def pages_made(self) -> None:
        """The pages exist now (just after the first paint): the actions reach them, and
        have their shortcuts."""
        self._built = True
        self._actions.set_shortcuts()

    # ---- what waits for the journal ----------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        """Before the journal is open the form can be typed into, but not saved (unless its
        latest entries are listed early: ``show_early_listing``)."""
        for action in (
            self.undo_action,
            self.contacts_action,
            self.summary_action,
            self.backups_action,
            self.export_action,
            self.delete_data_action,
        ):
            action.setEnabled(enabled)
        self.set_form_enabled(enabled)

    def set_form_enabled(self, enabled: bool) -> None:
        """Saving, "same as last" and the history's open and delete."""
        self.save_action.setEnabled(enabled)
        if not self._built:
            return
        form = self._host.entry_form
        form.save_button.setEnabled(enabled)
        form.same_button.setEnabled(enabled)
        self._host.history.setEnabled(enabled)

    # ---- the Go menu -------------------------------------------------------------------------

    def add_go_action(self, title: str, name: str) -> None:
        self._actions.go_action(title, lambda: self.go_to(name))

    def go_to(self, name: str) -> None:
        if not self._built:
            return
        host = self._host
        pages: dict[str, QWidget] = {"entry": host.entry_form, "history": host.history}
        page = pages.get(name) or host.panel(name)
        if page is not None:
            host.tabs.setCurrentWidget(page)

    # ---- the actions' slots ------------------------------------------------------------------

    def _on_new_entry(self) -> None:
        if not self._built:
            return
        self._host.tabs.setCurrentWidget(self._host.entry_form)
        self._host.entry_form.new_entry()

    def _request_save(self) -> None:
        if self._built:
            self._host.entry_form.request_save()

    def _show_contacts(self) -> None:
        if self._built:
            self._host.contacts.show()

    def _prepare_for_appointment(self) -> None:
        services = self._host.services
        if services is None:
            return
        from tracker.ui.dialogs.appointment_summary_dialog import prepare_for_appointment

        self.summary_dialog = prepare_for_appointment(services, self._window)

    def _on_larger_text(self) -> None:
        on = self.larger_text_action.isChecked()
        self._host.set_larger_text(on)
        services = self._host.services
        if services is not None:
            services.journal.set_larger_text(on)
