"""The first start and the example journal, wired to the main window.

A journal with no entry, for which "Start my journal" was never chosen, opens on the welcome
page (``WelcomePage``) in place of the tabs; "Start my journal" stores the numbers given and
remembers, in the journal's settings, not to show it again; someone who quits on the welcome
page sees it again next time. "Look around with example data first" asks the composition root
(the window's ``JournalKeeper``) to close the person's journal and open a fresh example journal
in a folder of its own; the window's title and a bar (``ExampleBar``) say so, and the actions
that would reach the person's files (backups, export, delete all data) are off until "Back to
my journal".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from tracker import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

    from tracker.domain.model import Contacts, Profile
    from tracker.services.registry import Services
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.widgets.example_bar import ExampleBar
    from tracker.ui.widgets.welcome_page import WelcomePage

EXAMPLE_TITLE = f"{APP_NAME} — Example journal"


class FirstStartHost(Protocol):
    """The parts of the window the first start shows, hides and turns off."""

    @property
    def keeper(self) -> JournalKeeper | None: ...
    @property
    def services(self) -> Services | None: ...
    @property
    def tabs(self) -> QTabWidget: ...
    @property
    def entry_form(self) -> EntryForm: ...
    @property
    def contacts_panel(self) -> QWidget: ...
    @property
    def contacts_reminder(self) -> QWidget: ...
    @property
    def backups_action(self) -> QAction: ...
    @property
    def export_action(self) -> QAction: ...
    @property
    def delete_data_action(self) -> QAction: ...
    @property
    def journal_changed(self) -> SignalInstance: ...
    def setWindowTitle(self, title: str) -> None: ...


class FirstStart(QObject):
    """``journal_switched`` once another journal (the example, or the person's again) is open
    in the window."""

    journal_switched = Signal()

    def __init__(self, window: FirstStartHost, layout: QVBoxLayout) -> None:
        super().__init__()  # kept by the window
        self._window = window
        self._layout = layout
        # made when first needed: most starts show neither
        self._page: WelcomePage | None = None
        self._bar: ExampleBar | None = None

    @property
    def page(self) -> WelcomePage:
        """The welcome page, in the tabs' place (hidden until shown)."""
        if self._page is None:
            from tracker.ui.widgets.welcome_page import WelcomePage

            self._page = page = WelcomePage()
            page.hide()
            self._layout.insertWidget(self._layout.indexOf(self._window.tabs), page, 1)
            page.start_requested.connect(self._on_page_start_requested)
            page.example_requested.connect(self._on_page_example_requested)
        return self._page

    @property
    def bar(self) -> ExampleBar:
        """The example journal's bar, across the top of the window (hidden until shown)."""
        if self._bar is None:
            from tracker.ui.widgets.example_bar import ExampleBar

            self._bar = ExampleBar()
            self._layout.insertWidget(0, self._bar)
            self._bar.back_requested.connect(self._on_bar_back_requested)
        return self._bar

    @property
    def in_example(self) -> bool:
        keeper = self._window.keeper
        return keeper is not None and keeper.in_example

    def attach(self, services: Services) -> bool:
        """The window has a journal's services: its title, the example's bar, and the welcome
        page when due. Whether the welcome page is shown."""
        window = self._window
        example = self.in_example
        window.setWindowTitle(EXAMPLE_TITLE if example else APP_NAME)
        if example or self._bar is not None:
            self.bar.message.clear_message()
            self.bar.setVisible(example)
        for action in (window.backups_action, window.export_action, window.delete_data_action):
            action.setEnabled(not example)
        welcome = not example and services.journal.needs_welcome()
        if welcome:
            keeper = window.keeper
            backups = str(keeper.backups.backup_dir) if keeper is not None else "backups"
            self.page.fill(
                services.journal.location, backups, *services.journal.profile_and_contacts()
            )
            self.page.example_button.setEnabled(keeper is not None)
        self._show_page(welcome)
        return welcome

    def _show_page(self, shown: bool) -> None:
        window = self._window
        if not shown and self._page is None:
            return
        self.page.setVisible(shown)
        window.tabs.setVisible(not shown)
        if shown:
            window.contacts_panel.hide()
            window.contacts_reminder.hide()
            self.page.focus_first()

    def _on_page_start_requested(self, profile: Profile, contacts: Contacts) -> None:
        window = self._window
        services = window.services
        if services is None:
            return
        from tracker.services.errors import JournalError

        given = any((contacts.helpline, contacts.emergency, contacts.team, profile.display_name))
        try:
            changes = services.journal.start_journal(
                profile if given else None, contacts if given else None
            )
        except JournalError as error:
            self.page.numbers.message.show_problem(str(error))
            return
        self._show_page(False)
        window.contacts_reminder.setVisible(not contacts.helpline)
        window.tabs.setCurrentWidget(window.entry_form)
        window.journal_changed.emit(changes)
        window.entry_form.focus_pain_score()

    def _on_page_example_requested(self) -> None:
        keeper = self._window.keeper
        if keeper is not None:
            self.page.message.setText("Making the example journal…")
            self.page.message.show()
            self.page.message.repaint()  # said before the second it takes
            self._switch(keeper.open_example, self.page.show_problem)

    def _on_bar_back_requested(self) -> None:
        keeper = self._window.keeper
        if keeper is not None:
            self._switch(keeper.leave_example, self.bar.show_problem)

    def _switch(self, switch: Callable[[], None], say: Callable[[str], None]) -> None:
        """Another journal open in the window (``switch``), or ``say`` why not."""
        from tracker.services.errors import JournalError

        try:
            switch()
        except JournalError as error:
            say(str(error))
            return
        self._switched()

    def _switched(self) -> None:
        window = self._window
        self.page.message.clear_message()
        self.journal_switched.emit()
        window.entry_form.new_entry()  # nothing typed for one journal is saved in the other
        if self.page.isVisible():
            self.page.focus_first()
        else:
            window.tabs.setCurrentWidget(window.entry_form)
            window.entry_form.focus_pain_score()
