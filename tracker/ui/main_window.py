"""The main window: lays out and wires; each panel is its own widget.

It paints first as a light shell (its menus and "Opening your journal…"), so that the window is
on screen as soon as Qt is; just after that first paint it builds its pages (the entry form
first, with the focus in it), then ``first_painted`` lets the composition root open the journal
and ``attach`` the services, after which the panels fill. The pages' modules are imported only
then, so the first frame waits for none of them.
Every write goes through a service, which returns the ``Changes`` it made; the window alone
announces them (``journal_changed``) and each page refreshes only what it shows.

The window is the shell and the wiring; the rest lives beside it: its tabs (``page_tabs``, each
page reached through ``pages.Page``), the entry's save and undo (``entry_keeping``), the backup,
restore, export and delete flows (``journal_flows``), the numbers' form (``contacts_flow``), the
menus (``window_actions``), the status line and larger text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from tracker import APP_NAME
from tracker.ui.entry_keeping import UndoSteps
from tracker.ui.help_menu import HelpMenu
from tracker.ui.journal_flows import JournalFlows
from tracker.ui.larger_text import base_point_size, scale_text
from tracker.ui.lock import WindowLock
from tracker.ui.page_tabs import PageTabs
from tracker.ui.status_line import StatusLine
from tracker.ui.theme import IconTabs
from tracker.ui.window_actions import WindowActions
from tracker.ui.window_place import remember as remember_place
from tracker.ui.window_place import restore as restore_place

if TYPE_CHECKING:
    from datetime import datetime

    from tracker.domain.model import Entry
    from tracker.services.backups import BackupInfo, RestoreResult, StartCheck
    from tracker.services.journal import Changes, EntrySaved
    from tracker.services.registry import Services
    from tracker.ui.alert_presenter import AlertPresenter
    from tracker.ui.contacts_flow import ContactsFlow
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.entry_keeping import EntryKeeping
    from tracker.ui.first_start import FirstStart
    from tracker.ui.pages import Page, PageFactory
    from tracker.ui.widgets.contacts_panel import ContactsPanel, ContactsReminder
    from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.widgets.history_panel import HistoryPanel
    from tracker.ui.widgets.urgent_banner import UrgentBanner

JOURNAL_OPEN = "Your journal is open."


class MainWindow(QMainWindow):
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
        self.summary_dialog: QWidget | None = None
        self.keeper: JournalKeeper | None = None  # restore, start empty, delete all data
        self.flows = JournalFlows(self, self)  # backups, restore, export, delete all data
        self._painted = False
        self._ready = False  # journal_ready emitted
        # the history's dates when the start listed their entries (``show_early_listing``)
        self._listed_early: tuple[datetime, datetime] | None = None
        self.started_up = False
        self._base_point_size = base_point_size()

        self.status = StatusLine()
        self.tabs = IconTabs()  # an icon beside each title (tracker/ui/theme.py)
        self.tabs.setDocumentMode(True)
        self.pages = PageTabs(self.tabs, self)
        self.panels: dict[str, Page] = self.pages.panels
        self._built = False
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

        central = QWidget()
        self._layout = QVBoxLayout(central)
        self._layout.addWidget(self.tabs, 1)
        self._layout.addWidget(self.status)
        self.setCentralWidget(central)
        self._build_actions()
        self.undo_steps = UndoSteps(self.undo_action, self)
        self._set_enabled(False)
        central.installEventFilter(self)

    def _build_pages(self) -> None:
        """The entry form (focused), the history and the panels, and what sits above them."""
        from tracker.ui.alert_presenter import AlertPresenter
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
        from tracker.ui.first_start import FirstStart

        self.first_start = FirstStart(self, self._layout)
        self.first_start.journal_switched.connect(self.journal_replaced)
        from tracker.ui.entry_keeping import EntryKeeping

        self.entries = EntryKeeping(
            self, self.entry_form, self.history, self.undo_steps, self.tabs.setCurrentWidget, self
        )
        self._built = True
        self.menus.set_shortcuts()
        self.pages.build()
        self._connect_signals()
        self._set_enabled(self.services is not None)
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
        self._add_go_action(title, name)
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
        self._set_enabled(True)
        self.status.setText(JOURNAL_OPEN)
        if not self.first_start.attach(services):  # the welcome page asks for the numbers
            self.contacts.show_if_missing(services, services.journal.latest_entry() is None)
        # Entries listed by the start for the dates still chosen are not read again: nothing
        # can have changed them since (a save waits for this), and an upgrade is never listed.
        listed, self._listed_early = self._listed_early, None
        self._on_journal_changed(
            Changes.of("entries", "settings", *self.panels),
            history_current=listed is not None and listed == self.history.range(),
        )
        self._emit_ready()
        self.alerts.attach(services)

    def show_early_listing(self, entries: list[Entry], flags: dict[str, list[str]]) -> None:
        """Before the services are made: the latest entries listed (read by the start) and the
        form usable. Saving (or "same as last", or deleting) then waits for the journal to
        finish opening (``keeper.finish_opening``); the other actions wait until it has."""
        self.history.set_entries(entries, flags)
        self._listed_early = self.history.range()
        self._set_form_enabled(True)
        self._emit_ready()

    # ---- what the pages ask of the window (tracker.ui.pages.PageHost) -------------------------

    def announce(self, changes: Changes) -> None:
        self.journal_changed.emit(changes)

    def chart_painted_once(self) -> None:
        self.chart_painted.emit()

    def wait_for_journal(self) -> None:
        if self.keeper is not None:  # the Trends tab, chosen while the journal is still opening
            self.keeper.chart_wanted()

    def review_assessed(self, alert_ids: list[str]) -> None:
        """ "My team has assessed this": open the review sentence, filled in from the alert."""
        reviews = self.pages.panel("reviews")
        if reviews is None or self.services is None:
            return
        from tracker.domain.review_hints import review_suggestion
        from tracker.ui.widgets.reviews_panel import ReviewsPanel

        assert isinstance(reviews, ReviewsPanel)  # made by that module's factory just now
        for alert in self.alerts.alerts_of(alert_ids):
            entry = self.services.journal.get_entry(alert.entry_id) if alert.entry_id else None
            suggestion = review_suggestion(alert.rule, entry)
            if suggestion is not None:
                reviews.prefill(*suggestion)
                break
        self.tabs.setCurrentWidget(reviews)

    # ---- what the entry's keeping and the journal's flows ask of the window ------------------

    def say(self, sentence: str) -> None:
        self.status.setText(sentence)

    def say_plainly(self, sentence: str) -> None:
        self.status.say_plainly(sentence)

    def start_new_entry(self) -> None:
        self.entry_form.new_entry()

    def journal_replaced(self) -> None:
        """Another journal is open now: undo steps and an entry being edited belong to the
        one that was replaced."""
        self.undo_steps.forget()
        if self.entry_form.editing is not None:
            self.entry_form.new_entry()

    def _emit_ready(self) -> None:
        if not self._ready:
            self._ready = True
            self.journal_ready.emit()

    def services_now(self) -> Services | None:
        """The services; if the journal is still opening (the form was usable early), finish
        the opening first."""
        if self.services is None and self.keeper is not None:
            self.keeper.finish_opening()
        return self.services

    def set_keeper(self, keeper: JournalKeeper) -> None:
        """Who closes and reopens the journal for a restore or a delete (the AppRun)."""
        self.keeper = keeper

    def show_damaged_journal(self, check: StartCheck) -> None:
        """The journal was not opened: say why and where it went, offer the way on."""
        self._listed_early = None  # the journal opened next is read afresh
        self.damaged_panel.show_check(check)
        keys = "Alt+F restores the backup, Alt+Y" if check.backup is not None else "Alt+Y"
        self.status.say_plainly(
            f"The journal could not be read. Choose above what to do ({keys} starts a new, "
            "empty journal)."
        )

    def show_backup_problem(self, sentence: str) -> None:
        """The backup at start failed; the journal is open and works (one sentence)."""
        from tracker.ui.data_safety import plain_places

        self.status.say_plainly(plain_places(sentence, self.keeper))

    def mark_started_up(self) -> None:
        """The start-up is over: the journal is open and backed up if it had changed."""
        self.started_up = True
        self.start_up_done.emit()

    def show_journal_problem(self, message: str) -> None:
        self._listed_early = None  # the journal opened next is read afresh
        self._set_enabled(False)  # the form may have been usable while the journal opened
        from tracker.ui.data_safety import plain_places

        message = plain_places(message, self.keeper)
        self.status.say_marked_up(f"<b>The journal could not be opened.</b> {message}")

    def _set_enabled(self, enabled: bool) -> None:
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
        self._set_form_enabled(enabled)

    def _set_form_enabled(self, enabled: bool) -> None:
        """Saving, "same as last" and the history's open and delete."""
        self.save_action.setEnabled(enabled)
        if not self._built:
            return
        self.entry_form.save_button.setEnabled(enabled)
        self.entry_form.same_button.setEnabled(enabled)
        self.history.setEnabled(enabled)

    # ---- actions and wiring ------------------------------------------------------------------

    def _build_actions(self) -> None:
        act = self.menus.action
        self.new_action = act("&New entry", "Ctrl+N", self._on_new_entry)
        self.save_action = act("&Save entry", "Ctrl+S", self._request_save)
        self.undo_action = act("&Undo", "Ctrl+Z", self.undo)
        self.quit_action = act("&Quit", "Ctrl+Q", self.close)
        self.contacts_action = act("&Contacts and name…", None, self._show_contacts)
        self.summary_action = act(
            "&Prepare for appointment…", "Ctrl+P", self._prepare_for_appointment
        )
        self.backups_action = act("&Backups…", None, self.flows.show_backups)
        self.export_action = act("E&xport…", None, self.flows.show_export)
        self.delete_data_action = act("&Delete all my data…", None, self.flows.show_delete_all_data)
        self.protect_action = act(
            "Pro&tect with a passphrase…", None, lambda: self.flows.show_passphrase("protect")
        )
        self.change_passphrase_action = act(
            "C&hange passphrase…", None, lambda: self.flows.show_passphrase("change")
        )
        self.remove_passphrase_action = act(
            "R&emove the passphrase…", None, lambda: self.flows.show_passphrase("remove")
        )
        self.larger_text_action = act("&Larger text", "Ctrl+=", self._on_larger_text)
        self.larger_text_action.setCheckable(True)
        self.journal_menu = self.menus.menu(
            "&Journal",
            *(self.new_action, self.save_action, self.summary_action, self.contacts_action),
            *(None, self.backups_action, self.export_action, self.delete_data_action),
            *(None, self.protect_action, self.change_passphrase_action),
            self.remove_passphrase_action,
            *(None, self.quit_action),
        )
        self.lock = WindowLock(self, self.menus, self.journal_menu, self.quit_action)
        self.menus.menu("&Edit", self.undo_action)
        self.menus.menu("&View", self.larger_text_action)
        self._add_go_action("Check-in", "entry")
        self._add_go_action("History", "history")
        self.help_menu = HelpMenu(self)

    def _add_go_action(self, title: str, name: str) -> None:
        self.menus.go_action(title, lambda: self._go_to(name))

    def _go_to(self, name: str) -> None:
        if not self._built:
            return
        pages: dict[str, QWidget] = {"entry": self.entry_form, "history": self.history}
        page = pages.get(name) or self.panel(name)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def _request_save(self) -> None:
        if self._built:
            self.entry_form.request_save()

    def _prepare_for_appointment(self) -> None:
        if self.services is None:
            return
        from tracker.ui.dialogs.appointment_summary_dialog import prepare_for_appointment

        self.summary_dialog = prepare_for_appointment(self.services, self)

    def _connect_signals(self) -> None:
        self.history.range_changed.connect(self._refresh_history)
        self.journal_changed.connect(self._on_journal_changed)
        self.alerts.alerts_changed.connect(self._on_alerts_changed)
        self.entry_form.painkiller_requested.connect(lambda: self._go_to("medications"))
        self.entry_form.todays_doses.changed.connect(self.announce)
        self.urgent_banner.assessed_requested.connect(self.review_assessed)
        damaged = self.damaged_panel
        damaged.restore_requested.connect(
            lambda backup: self.flows.restore_instead_of_damaged(damaged, backup)
        )
        damaged.start_empty_requested.connect(
            lambda: self.flows.start_empty_instead_of_damaged(damaged)
        )

    def _on_journal_changed(self, changes: Changes, *, history_current: bool = False) -> None:
        if changes.saved:
            if self.services is not None:
                self.history.put_changes(self.services, changes)
        elif ("entries" in changes or "alerts" in changes) and not history_current:
            self._refresh_history()
        self.pages.refresh_for(changes)
        if "medicines" in changes:
            self.entry_form.todays_doses.refresh()

    def _on_alerts_changed(self) -> None:
        from tracker.services.journal import Changes

        self.journal_changed.emit(Changes.of("alerts"))

    def _refresh_history(self) -> None:
        if self.services is not None:
            self.history.read(self.services)

    # ---- entries -----------------------------------------------------------------------------

    def _on_new_entry(self) -> None:
        if not self._built:
            return
        self.tabs.setCurrentWidget(self.entry_form)
        self.entry_form.new_entry()

    def after_entry_saved(self, result: EntrySaved) -> None:
        """The red-flag check's outcome: an emergency window, an urgent banner, or nothing."""
        self.alerts.present(result.flags, self.entry_form.message.show_important)

    def undo(self) -> None:
        self.undo_steps.undo()

    def _show_contacts(self) -> None:
        if self._built:
            self.contacts.show()

    def back_to_form(self) -> None:
        self.entry_form.focus_pain_score()

    # ---- backups, export, delete all data ------------------------------------------------------

    @property
    def backups_dialog(self) -> QWidget | None:
        return self.flows.backups_dialog

    @property
    def export_dialog(self) -> QWidget | None:
        return self.flows.export_dialog

    @property
    def delete_dialog(self) -> QWidget | None:
        return self.flows.delete_dialog

    def restore_backup(self, backup: BackupInfo) -> RestoreResult:
        """Close the journal, put ``backup`` in its place (the journal is backed up first),
        open it again and show it. ``JournalError`` when it could not be done."""
        return self.flows.restore_backup(backup)

    # ---- view --------------------------------------------------------------------------------

    def _on_larger_text(self) -> None:
        on = self.larger_text_action.isChecked()
        self.set_larger_text(on)
        if self.services is not None:
            self.services.journal.set_larger_text(on)

    def set_larger_text(self, on: bool) -> None:
        """Scale the whole window's text (and so its controls) by a quarter."""
        self.larger_text_action.setChecked(on)
        scale_text(self, self._base_point_size, on)

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_place(self)
        event.accept()
