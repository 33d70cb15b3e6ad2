"""The main window: lays out and wires; each panel is its own widget.

It paints first as a light shell (its menus and "Opening your journal…"), so that the window is
on screen as soon as Qt is; just after that first paint it builds its pages (the entry form
first, with the focus in it), then ``first_painted`` lets the composition root open the journal
and ``attach`` the services, after which the panels fill. The pages' modules are imported only
then, so the first frame waits for none of them.
Every write goes through a service, which returns the ``Changes`` it made; the window alone
announces them (``journal_changed``) and each page refreshes only what it shows.

The window is the shell and the wiring; the rest lives beside it: its tabs (``page_tabs``, each
page reached through ``pages.Page``), what a change refreshes (``page_wiring``), the entry's save
and undo (``entry_keeping``), the backup, restore, export and delete flows (``journal_flows``),
the numbers' form (``contacts_flow``), the menus (``window_menus``), what it shows while the
journal opens (``journal_state``), what its parts ask of it, handed on (``window_host``), the
status line and larger text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tracker import APP_NAME
from tracker.ui.entry_keeping import UndoSteps
from tracker.ui.journal_flows import JournalFlows
from tracker.ui.journal_state import JournalState
from tracker.ui.larger_text import base_point_size, scale_text
from tracker.ui.page_tabs import PageTabs
from tracker.ui.status_line import StatusLine
from tracker.ui.theme import IconTabs
from tracker.ui.window_actions import WindowActions
from tracker.ui.window_host import WindowHost
from tracker.ui.window_menus import WindowMenus
from tracker.ui.window_place import remember as remember_place
from tracker.ui.window_place import restore as restore_place

if TYPE_CHECKING:
    from tracker.services.journal import Changes
    from tracker.services.registry import Services
    from tracker.ui.alert_presenter import AlertPresenter
    from tracker.ui.contacts_flow import ContactsFlow
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.entry_keeping import EntryKeeping
    from tracker.ui.first_start import FirstStart
    from tracker.ui.page_wiring import PageWiring
    from tracker.ui.pages import Page, PageFactory
    from tracker.ui.widgets.contacts_panel import ContactsPanel, ContactsReminder
    from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.widgets.history_panel import HistoryPanel
    from tracker.ui.widgets.urgent_banner import UrgentBanner

JOURNAL_OPEN = "Your journal is open."


class MainWindow(WindowHost):
    shell_painted = Signal()  # the first paint, before the pages are made
    first_painted = Signal()  # the first paint, and the pages made after it
    journal_ready = Signal()  # the form can be saved and the latest entries are listed (once)
    chart_painted = Signal()  # the trend chart has painted for the first time
    start_up_done = Signal()  # the start-up backup (if the journal changed) is made, or failed
    journal_changed = Signal(object)  # services.journal.Changes

    def __init__(self, journal_path: Path) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)  # no path: the status line says where the journal is
        self.setMinimumSize(1024, 640)
        self.resize(1280, 720)
        restore_place(self)  # where it was when it last closed, on a screen there is now
        self.services: Services | None = None
        self.keeper: JournalKeeper | None = None  # restore, start empty, delete all data
        self.flows = JournalFlows(self, self)  # backups, restore, export, delete all data
        self._painted = False
        self.started_up = False
        self._base_point_size = base_point_size()

        self.status = StatusLine()
        self.tabs = IconTabs()  # an icon beside each title (tracker/ui/theme.py)
        self.tabs.setDocumentMode(True)
        self.pages = PageTabs(self.tabs, self)
        self.panels: dict[str, Page] = self.pages.panels
        self.menus = WindowActions(self)
        # the pages, made just after the first paint (``_build_pages``)
        self.entry_form: EntryForm
        self.history: HistoryPanel
        self.contacts: ContactsFlow  # the numbers' form and the reminder
        self.contacts_panel: ContactsPanel
        self.contacts_reminder: ContactsReminder
        self.damaged_panel: DamagedJournalPanel
        self.urgent_banner: UrgentBanner
        self.alerts: AlertPresenter
        self.first_start: FirstStart  # the welcome page and the example journal's bar
        self.entries: EntryKeeping  # save, same as last, open and delete from the history
        self.wiring: PageWiring  # what a change refreshes, where the pages' requests go

        central = QWidget()
        self._layout = QVBoxLayout(central)
        self._layout.addWidget(self.tabs, 1)
        self._layout.addWidget(self.status)
        self.setCentralWidget(central)
        self.window_menus = WindowMenus(self, self, self.menus, self.flows)
        self._expose_menus()
        self.state = JournalState(self, self.window_menus)  # what it shows while the journal opens
        self.undo_steps = UndoSteps(self.undo_action, self)
        self.window_menus.set_enabled(False)
        central.installEventFilter(self)

    def _build_pages(self) -> None:
        """The entry form (focused), the history and the panels, and what sits above them."""
        from tracker.ui.alert_presenter import AlertPresenter
        from tracker.ui.common import enter_presses
        from tracker.ui.contacts_flow import ContactsFlow
        from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel
        from tracker.ui.widgets.entry_form import EntryForm
        from tracker.ui.widgets.history_panel import HistoryPanel
        from tracker.ui.widgets.urgent_banner import UrgentBanner

        self.entry_form = EntryForm()
        self.history = HistoryPanel()
        self.tabs.addTab(self.entry_form, "Check-in")
        self.tabs.addTab(self.history, "History")
        self.damaged_panel = DamagedJournalPanel()
        self.contacts = ContactsFlow(self)
        self.contacts_panel = self.contacts.panel
        self.contacts_reminder = self.contacts.reminder
        self.urgent_banner = UrgentBanner()
        self.alerts = AlertPresenter(self, self.urgent_banner)
        above = (self.damaged_panel, self.contacts_panel, self.contacts_reminder)
        for index, widget in enumerate((*above, self.urgent_banner)):
            self._layout.insertWidget(index, widget)
        for page in (self.entry_form, self.history, *above, self.urgent_banner):
            enter_presses(page)
        from tracker.ui.first_start import FirstStart

        self.first_start = FirstStart(self, self._layout)
        self.first_start.journal_switched.connect(self.journal_replaced)
        from tracker.ui.entry_keeping import EntryKeeping

        self.entries = EntryKeeping(
            self, self.entry_form, self.history, self.undo_steps, self.tabs.setCurrentWidget, self
        )
        self.window_menus.pages_made()
        self.pages.build()
        from tracker.ui.page_wiring import PageWiring

        self.wiring = PageWiring(self, self.window_menus, self.flows)
        self.window_menus.set_enabled(self.services is not None)
        self.entry_form.focus_pain_score()

    # ---- start-up ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A QTimer.singleShot(0) from the constructor would fire before the first paint; a
        # zero timer started from inside the first Paint event fires just after it.
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        self.shell_painted.emit()
        self._build_pages()
        self.first_painted.emit()

    def add_panel(
        self,
        name: str,
        title: str,
        make: PageFactory,
        refresh_on: frozenset[str] | None = None,
        *,
        lazy: bool = False,
        on_demand: bool = False,
    ) -> None:
        """A further tab (treatments, painkillers, reviews, appointments, alerts, trends),
        made by ``make`` with the other pages just after the first paint, or, ``on_demand``,
        when its tab is first chosen. ``refresh_on``: the lists whose changes it shows
        (default: its own). ``lazy``: after a change it refreshes only when shown, so that
        saving never waits for it."""
        self.window_menus.add_go_action(title, name)
        self.pages.add(name, title, make, refresh_on, lazy=lazy, on_demand=on_demand)

    def panel(self, name: str) -> QWidget | None:
        """The panel called ``name``, made now if its tab was never chosen."""
        page = self.pages.panel(name)
        return None if page is None else page.as_widget()

    def attach(self, services: Services) -> None:
        from tracker.services.journal import Changes

        self.services = services
        self.pages.attach(services)
        self.entry_form.todays_doses.set_service(services.medicines)
        self.set_larger_text(services.journal.larger_text())
        self.window_menus.set_enabled(True)
        self.status.setText(JOURNAL_OPEN)
        if not self.first_start.attach(services):  # the welcome page asks for the numbers
            self.contacts.show_if_missing(services, services.journal.latest_entry() is None)
        # Entries listed by the start for the dates still chosen are not read again: nothing
        # can have changed them since (a save waits for this), and an upgrade is never listed.
        self.wiring.on_journal_changed(
            Changes.of("entries", "settings", *self.panels),
            history_current=self.state.history_current(),
        )
        self.state.ready()
        self.alerts.attach(services)

    # ---- what the start and the pages ask of the window itself (the rest: ``window_host``) -----

    def mark_started_up(self) -> None:
        """The start-up is over: the journal is open and backed up if it had changed."""
        self.started_up = True
        self.start_up_done.emit()

    def announce(self, changes: Changes) -> None:
        self.journal_changed.emit(changes)

    def chart_painted_once(self) -> None:
        self.chart_painted.emit()

    def set_keeper(self, keeper: JournalKeeper) -> None:
        """Who closes and reopens the journal for a restore or a delete (the AppRun)."""
        self.keeper = keeper

    # ---- the menus (``window_menus``) --------------------------------------------------------

    def _expose_menus(self) -> None:
        """The menus' actions, by the names the rest of the app uses on the window."""
        menus = self.window_menus
        self.new_action = menus.new_action
        self.save_action = menus.save_action
        self.undo_action = menus.undo_action
        self.quit_action = menus.quit_action
        self.contacts_action = menus.contacts_action
        self.summary_action = menus.summary_action
        self.backups_action = menus.backups_action
        self.export_action = menus.export_action
        self.delete_data_action = menus.delete_data_action
        self.protect_action = menus.protect_action
        self.change_passphrase_action = menus.change_passphrase_action
        self.remove_passphrase_action = menus.remove_passphrase_action
        self.larger_text_action = menus.larger_text_action
        self.journal_menu = menus.journal_menu
        self.lock = menus.lock
        self.help_menu = menus.help_menu

    # ---- view --------------------------------------------------------------------------------

    def set_larger_text(self, on: bool) -> None:
        """Scale the whole window's text (and so its controls) by a quarter."""
        self.larger_text_action.setChecked(on)
        scale_text(self, self._base_point_size, on)

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_place(self)
        event.accept()
