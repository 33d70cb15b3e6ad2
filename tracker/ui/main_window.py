"""The main window: lays out and wires; each panel is its own widget.

It paints first as a light shell (its menus and "Opening your journal…"), so that the window is
on screen as soon as Qt is; just after that first paint it builds its pages (the entry form
first, with the focus in it), then ``first_painted`` lets the composition root open the journal
and ``attach`` the services, after which the panels fill. The pages' modules are imported only
then, so the first frame waits for none of them.
Every write goes through a service; ``journal_changed`` broadcasts what changed and each panel
refreshes only what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker import APP_NAME
from tracker.ui.help_menu import HelpMenu

if TYPE_CHECKING:
    from datetime import datetime

    from tracker.domain.model import Contacts, Entry, Profile
    from tracker.services.backups import BackupInfo, RestoreResult, StartCheck
    from tracker.services.journal import Changes, DeletedEntry, EntrySaved
    from tracker.services.registry import Services
    from tracker.ui.alert_presenter import AlertPresenter
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.first_start import FirstStart
    from tracker.ui.widgets.contacts_panel import ContactsPanel, ContactsReminder
    from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.widgets.history_panel import HistoryPanel
    from tracker.ui.widgets.urgent_banner import UrgentBanner

LARGER_TEXT_FACTOR = 1.25
# No file path in the status line: Help, About and the Backups dialog say where the journal is.
JOURNAL_OPEN = "Your journal is open."


def _base_point_size() -> float:
    """The desktop's own text size, remembered before "larger text" first changes it."""
    app = QApplication.instance()
    assert app is not None
    stored = app.property("spine_journal_base_point_size")
    if isinstance(stored, float):
        return stored
    size = QApplication.font().pointSizeF()
    app.setProperty("spine_journal_base_point_size", size)
    return size


PanelFactory = Callable[[], QWidget]


class UndoStep(NamedTuple):  # not a dataclass: that module is not imported before the paint
    description: str
    undo: Callable[[], None]


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
        self.services: Services | None = None
        self._undo: list[UndoStep] = []
        self.summary_dialog: QWidget | None = None
        self.keeper: JournalKeeper | None = None  # restore, start empty, delete all data
        self.backups_dialog: QWidget | None = None
        self.export_dialog: QWidget | None = None
        self.delete_dialog: QWidget | None = None
        self._painted = False
        self._ready = False  # journal_ready emitted
        # the history's dates when the start listed their entries (``show_early_listing``)
        self._listed_early: tuple[datetime, datetime] | None = None
        self.started_up = False
        self._base_point_size = _base_point_size()

        self.status = QLabel("Opening your journal…")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.panels: dict[str, QWidget] = {}
        self._pending_panels: list[tuple[str, str, PanelFactory, bool]] = []
        self._on_demand: dict[str, tuple[QWidget, str, PanelFactory]] = {}
        self._refresh_on: dict[str, frozenset[str]] = {}
        self._lazy: set[str] = set()
        self._stale: set[str] = set()
        self._built = False
        self._shortcuts: list[tuple[QAction, QKeySequence | str]] = []
        # the pages, made just after the first paint (``_build_pages``)
        self.entry_form: EntryForm
        self.history: HistoryPanel
        self.contacts_panel: ContactsPanel
        self.contacts_reminder: ContactsReminder
        self.damaged_panel: DamagedJournalPanel
        self.urgent_banner: UrgentBanner
        self.alerts: AlertPresenter
        self.first_start: FirstStart  # the welcome page and the example journal's bar

        central = QWidget()
        self._layout = QVBoxLayout(central)
        self._layout.addWidget(self.tabs, 1)
        self._layout.addWidget(self.status)
        self.setCentralWidget(central)
        self._build_actions()
        self._set_enabled(False)
        central.installEventFilter(self)

    def _build_pages(self) -> None:
        """The entry form (focused), the history and the panels, and what sits above them."""
        from tracker.ui.alert_presenter import AlertPresenter
        from tracker.ui.widgets.contacts_panel import ContactsPanel, ContactsReminder
        from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel
        from tracker.ui.widgets.entry_form import EntryForm
        from tracker.ui.widgets.history_panel import HistoryPanel
        from tracker.ui.widgets.urgent_banner import UrgentBanner

        self.entry_form = EntryForm()
        self.history = HistoryPanel()
        self.tabs.addTab(self.entry_form, "Today's entry")
        self.tabs.addTab(self.history, "History")
        self.damaged_panel = DamagedJournalPanel()
        self.contacts_panel = ContactsPanel()
        self.contacts_panel.hide()
        self.contacts_reminder = ContactsReminder()
        self.contacts_reminder.hide()
        self.urgent_banner = UrgentBanner()
        self.alerts = AlertPresenter(self, self.urgent_banner)
        above = (self.damaged_panel, self.contacts_panel, self.contacts_reminder)
        for index, widget in enumerate((*above, self.urgent_banner)):
            self._layout.insertWidget(index, widget)
        from tracker.ui.first_start import FirstStart

        self.first_start = FirstStart(self, self._layout)
        self.first_start.journal_switched.connect(self._journal_replaced)
        self._built = True
        self._set_shortcuts()
        for name, title, make, on_demand in self._pending_panels:
            self._add_tab(name, title, make, on_demand)
        self._pending_panels.clear()
        self.tabs.currentChanged.connect(self._on_tab_changed)
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

    def _plain_status(self) -> None:
        from PySide6.QtCore import Qt  # the Qt namespace's enums cost 50 ms on first use

        self.status.setTextFormat(Qt.TextFormat.PlainText)

    def _rich_status(self) -> None:
        from PySide6.QtCore import Qt

        self.status.setTextFormat(Qt.TextFormat.RichText)

    def _after_first_paint(self) -> None:
        self.shell_painted.emit()
        self._build_pages()
        self.first_painted.emit()

    def add_panel(
        self,
        name: str,
        title: str,
        make: PanelFactory,
        refresh_on: frozenset[str] | None = None,
        *,
        lazy: bool = False,
        on_demand: bool = False,
    ) -> None:
        """A further tab (treatments, painkillers, reviews, appointments, alerts, trends),
        made by ``make`` with the other pages just after the first paint, or, ``on_demand``,
        when its tab is first chosen (its module is not even imported before). Panels have
        ``set_service`` and ``refresh``, and may have ``changed`` (Signal(str)),
        ``assessed_requested`` and ``chart_painted``. ``refresh_on``: the lists whose changes it
        shows (default: its own). ``lazy``: after a change it refreshes only when shown, so
        that saving never waits for it."""
        if lazy:
            self._lazy.add(name)
        self._refresh_on[name] = refresh_on or frozenset({name})
        self._add_go_action(title, name)
        if self._built:
            self._add_tab(name, title, make, on_demand)
        else:
            self._pending_panels.append((name, title, make, on_demand))

    def _add_tab(self, name: str, title: str, make: PanelFactory, on_demand: bool) -> None:
        if on_demand:
            placeholder = QWidget()
            self._on_demand[name] = (placeholder, title, make)
            self.tabs.addTab(placeholder, title)
        else:
            panel = make()
            self.tabs.addTab(panel, title)
            self._install_panel(name, panel)

    def panel(self, name: str) -> QWidget | None:
        """The panel called ``name``, made now if its tab was never chosen."""
        if name in self._on_demand:
            placeholder, title, make = self._on_demand.pop(name)
            panel = make()
            current = self.tabs.currentIndex()
            index = self.tabs.indexOf(placeholder)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, panel, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            placeholder.deleteLater()
            self._install_panel(name, panel)
            if self.services is not None:
                panel.refresh()  # type: ignore[attr-defined]
        return self.panels.get(name)

    def _install_panel(self, name: str, panel: QWidget) -> None:
        self.panels[name] = panel
        if self.services is not None:
            self._attach_panel(name, panel, self.services)
        painted = getattr(panel, "chart_painted", None)
        if painted is not None:
            painted.connect(self.chart_painted.emit)
        wanted = getattr(panel, "services_wanted", None)
        if wanted is not None:  # the Trends tab, chosen while the journal is still opening
            wanted.connect(self._on_chart_wanted)
        changed = getattr(panel, "changed", None)
        if changed is not None:
            changed.connect(self._on_panel_changed)
        assessed = getattr(panel, "assessed_requested", None)
        if assessed is not None:  # the alert log: "my team has assessed this"
            assessed.connect(lambda alert: self._on_assessed_requested([str(alert.id)]))

    def attach(self, services: Services) -> None:
        from tracker.services.journal import Changes

        self.services = services
        for name, panel in self.panels.items():
            self._attach_panel(name, panel, services)
        self.set_larger_text(services.journal.larger_text())
        self._set_enabled(True)
        self.status.setText(JOURNAL_OPEN)
        if not self.first_start.attach(services):  # the welcome page asks for the numbers
            self._show_contacts_if_missing(first_start=services.journal.latest_entry() is None)
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

    def _on_chart_wanted(self) -> None:
        if self.keeper is not None:
            self.keeper.chart_wanted()

    def _emit_ready(self) -> None:
        if not self._ready:
            self._ready = True
            self.journal_ready.emit()

    def _services_now(self) -> Services | None:
        """The services; if the journal is still opening (the form was usable early), finish
        the opening first."""
        if self.services is None and self.keeper is not None:
            self.keeper.finish_opening()
        return self.services

    @staticmethod
    def _attach_panel(name: str, panel: QWidget, services: Services) -> None:
        if hasattr(panel, "set_services"):  # takes what it needs, when it needs it
            panel.set_services(services)
            return
        service = getattr(services, name, None)
        if service is not None:
            panel.set_service(service)  # type: ignore[attr-defined]
        if hasattr(panel, "set_journal"):
            panel.set_journal(services.journal)

    def set_keeper(self, keeper: JournalKeeper) -> None:
        """Who closes and reopens the journal for a restore or a delete (the AppRun)."""
        self.keeper = keeper

    def show_damaged_journal(self, check: StartCheck) -> None:
        """The journal was not opened: say why and where it went, offer the way on."""
        self._listed_early = None  # the journal opened next is read afresh
        self.damaged_panel.show_check(check)
        keys = "Alt+F restores the backup, Alt+Y" if check.backup is not None else "Alt+Y"
        self._plain_status()
        self.status.setText(
            f"The journal could not be read. Choose above what to do ({keys} starts a new, "
            "empty journal)."
        )

    def show_backup_problem(self, sentence: str) -> None:
        """The backup at start failed; the journal is open and works (one sentence)."""
        from tracker.ui.data_safety import plain_places

        self._plain_status()
        self.status.setText(plain_places(sentence, self.keeper))

    def mark_started_up(self) -> None:
        """The start-up is over: the journal is open and backed up if it had changed."""
        self.started_up = True
        self.start_up_done.emit()

    def show_journal_problem(self, message: str) -> None:
        self._listed_early = None  # the journal opened next is read afresh
        self._set_enabled(False)  # the form may have been usable while the journal opened
        from tracker.ui.data_safety import plain_places

        message = plain_places(message, self.keeper)
        self.status.setText(f"<b>The journal could not be opened.</b> {message}")
        self._rich_status()

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

    def _action(
        self, text: str, shortcut: QKeySequence | str | None, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # Setting a shortcut makes PySide6 build the Qt namespace's enums (40 ms): that waits
            # until just after the first paint, with the pages.
            self._shortcuts.append((action, shortcut))
            if self._built:
                self._set_shortcuts()
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_shortcuts(self) -> None:
        for action, shortcut in self._shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        self._shortcuts.clear()

    def _build_actions(self) -> None:
        self.new_action = self._action("&New entry", "Ctrl+N", self._on_new_entry)
        self.save_action = self._action("&Save entry", "Ctrl+S", self._request_save)
        self.undo_action = self._action("&Undo", "Ctrl+Z", self.undo)
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        self.contacts_action = self._action("&Contacts and name…", None, self._show_contacts)
        self.summary_action = self._action(
            "&Prepare for appointment…", "Ctrl+P", self._prepare_for_appointment
        )
        self.backups_action = self._action("&Backups…", None, self._show_backups)
        self.export_action = self._action("E&xport…", None, self._show_export)
        self.delete_data_action = self._action(
            "&Delete all my data…", None, self._show_delete_all_data
        )
        self.larger_text_action = self._action("&Larger text", "Ctrl+=", self._on_larger_text)
        self.larger_text_action.setCheckable(True)
        journal = self.menuBar().addMenu("&Journal")
        for action in (
            self.new_action,
            self.save_action,
            self.summary_action,
            self.contacts_action,
        ):
            journal.addAction(action)
        self.journal_menu = journal
        journal.addSeparator()
        for action in (self.backups_action, self.export_action, self.delete_data_action):
            journal.addAction(action)
        journal.addSeparator()
        journal.addAction(self.quit_action)
        self.menuBar().addMenu("&Edit").addAction(self.undo_action)
        self.menuBar().addMenu("&View").addAction(self.larger_text_action)
        # Pages by Ctrl+1, Ctrl+2, ... (the tabs carry no Alt letters: the pages need them)
        self.go_menu = self.menuBar().addMenu("&Go")
        self._add_go_action("Today's entry", "entry")
        self._add_go_action("History", "history")
        self.help_menu = HelpMenu(self)

    def _add_go_action(self, title: str, name: str) -> None:
        number = len(self.go_menu.actions()) + 1
        shortcut = f"Ctrl+{number}" if number <= 9 else None
        action = self._action(title, shortcut, lambda: self._go_to(name))
        self.go_menu.addAction(action)

    def _go_to(self, name: str) -> None:
        if not self._built:
            return
        pages = {"entry": self.entry_form, "history": self.history}
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
        self.entry_form.save_requested.connect(self._on_entry_form_save_requested)
        self.entry_form.same_as_last_requested.connect(self._on_entry_form_same_as_last)
        self.history.edit_requested.connect(self._on_history_edit_requested)
        self.history.delete_requested.connect(self._on_history_delete_requested)
        self.history.range_changed.connect(self._refresh_history)
        self.contacts_panel.saved.connect(self._on_contacts_saved)
        self.contacts_panel.skipped.connect(self._on_contacts_skipped)
        self.contacts_reminder.add_requested.connect(self._show_contacts)
        self.journal_changed.connect(self._on_journal_changed)
        self.alerts.alerts_changed.connect(lambda: self._on_panel_changed("alerts"))
        self.urgent_banner.assessed_requested.connect(self._on_assessed_requested)
        self.damaged_panel.restore_requested.connect(self._on_damaged_restore)
        self.damaged_panel.start_empty_requested.connect(self._on_damaged_start_empty)

    def _on_journal_changed(self, changes: Changes, *, history_current: bool = False) -> None:
        if changes.saved:
            self._put_in_history(changes)
        elif ("entries" in changes or "alerts" in changes) and not history_current:
            self._refresh_history()
        for name, panel in self.panels.items():
            if not self._refresh_on[name] & changes.lists:
                continue
            if name not in self._lazy:
                panel.refresh()  # type: ignore[attr-defined]
            elif panel.isVisible():
                QTimer.singleShot(0, panel.refresh)  # type: ignore[attr-defined]
            else:
                self._stale.add(name)

    def _on_tab_changed(self, index: int) -> None:
        chosen = self.tabs.widget(index)
        for name, (placeholder, _title, _make) in list(self._on_demand.items()):
            if placeholder is chosen:
                self.tabs.setCurrentWidget(self.panel(name))
        for name in list(self._stale):
            panel = self.panels[name]
            if panel.isVisible() or self.tabs.currentWidget() is panel:
                self._stale.discard(name)
                panel.refresh()  # type: ignore[attr-defined]

    def _on_panel_changed(self, name: str) -> None:
        from tracker.services.journal import Changes

        self.journal_changed.emit(Changes.of(name))

    def _refresh_history(self) -> None:
        if self.services is not None:
            entries = self.services.journal.entries(*self.history.range())
            # the shown entries' alerts (all alerts when many are shown: one query either way)
            ids = [str(e.id) for e in entries] if len(entries) <= 500 else None
            self.history.set_entries(entries, self.services.alerts.rules_by_entry(ids))

    def _put_in_history(self, changes: Changes) -> None:
        """Only the rows of the entries just written, and of those given new alerts: a save
        does not read the listed weeks again."""
        if self.services is not None:
            ids = {str(e.id) for e in changes.saved} | changes.alerted
            flags = self.services.alerts.rules_by_entry(sorted(ids))
            self.history.put_entries(list(changes.saved), {i: flags.get(i, []) for i in ids})

    # ---- entries -----------------------------------------------------------------------------

    def _on_new_entry(self) -> None:
        if not self._built:
            return
        self.tabs.setCurrentWidget(self.entry_form)
        self.entry_form.new_entry()

    def _on_entry_form_save_requested(self, entry: Entry) -> None:
        if self._services_now() is None:
            self.entry_form.save_failed("The journal could not be opened, so nothing was saved.")
            return
        assert self.services is not None
        from tracker.services.errors import JournalError

        previous = self.entry_form.editing
        try:
            if previous is None:
                result = self.services.journal.save_entry(entry)
            else:
                result = self.services.journal.update_entry(entry)
        except JournalError as error:
            self.entry_form.save_failed(str(error))
            return
        if previous is not None:
            self._push_undo(f"edit of the entry of {previous.recorded_at:%d %b %H:%M}",
                            lambda: self._restore_version(previous))  # fmt: skip
        self.entry_form.saved(result.entry)
        self.journal_changed.emit(result.changes)
        self.after_entry_saved(result)

    def after_entry_saved(self, result: EntrySaved) -> None:
        """The red-flag check's outcome: an emergency window, an urgent banner, or nothing."""
        self.alerts.present(result.flags, self.entry_form.message.show_important)

    def _on_assessed_requested(self, alert_ids: list[str]) -> None:
        """ "My team has assessed this": open the review sentence, filled in from the alert."""
        reviews = self.panel("reviews")
        if reviews is None or self.services is None:
            return
        from tracker.domain.review_hints import review_suggestion

        for alert in self.alerts.alerts_of(alert_ids):
            entry = self.services.journal.get_entry(alert.entry_id) if alert.entry_id else None
            suggestion = review_suggestion(alert.rule, entry)
            if suggestion is not None:
                reviews.prefill(*suggestion)  # type: ignore[attr-defined]
                break
        self.tabs.setCurrentWidget(reviews)

    def _on_entry_form_same_as_last(self) -> None:
        if self._services_now() is None:
            return
        assert self.services is not None
        latest = self.services.journal.latest_entry()
        if latest is None:
            self.entry_form.message.show_done("There is no earlier entry to copy yet.")
            return
        self.entry_form.copy_symptoms(latest)

    def _on_history_edit_requested(self, entry: Entry) -> None:
        self.entry_form.edit(entry)
        self.tabs.setCurrentWidget(self.entry_form)

    def _on_history_delete_requested(self, entry: Entry) -> None:
        if self._services_now() is None or entry.id is None:
            return
        assert self.services is not None
        question = (
            f"Delete the entry of {entry.recorded_at:%A %d %B %Y at %H:%M}? Ctrl+Z undoes it."
        )
        from tracker.ui.common import Confirm

        if not Confirm.ask(self, "Delete entry", question):
            return
        from tracker.services.errors import JournalError
        from tracker.services.journal import Changes
        from tracker.ui.data_safety import plain_places

        try:
            deleted = self.services.journal.delete_entry(entry.id)
        except JournalError as error:
            self.status.setText(f"Not deleted: {plain_places(str(error), self.keeper)}")
            return
        self._push_undo("delete", lambda: self._restore_deleted(deleted))
        self.status.setText("Entry deleted. Ctrl+Z brings it back.")
        self.journal_changed.emit(Changes.of("entries", "alerts"))

    # ---- undo --------------------------------------------------------------------------------

    def _push_undo(self, description: str, undo: Callable[[], None]) -> None:
        self._undo.append(UndoStep(description, undo))
        self.undo_action.setText(f"&Undo {description}")

    def undo(self) -> None:
        if not self._undo:
            self.status.setText("There is nothing to undo.")
            return
        step = self._undo.pop()
        from tracker.services.errors import JournalError
        from tracker.ui.data_safety import plain_places

        try:
            step.undo()
        except JournalError as error:
            self._undo.append(step)
            self.status.setText(f"Could not undo: {plain_places(str(error), self.keeper)}")
            return
        self.status.setText(f"Undone: {step.description}.")
        self.undo_action.setText(f"&Undo {self._undo[-1].description}" if self._undo else "&Undo")

    def _restore_deleted(self, deleted: DeletedEntry) -> None:
        assert self.services is not None
        result = self.services.journal.restore_entry(deleted)
        self.journal_changed.emit(result.changes)

    def _restore_version(self, previous: Entry) -> None:
        assert self.services is not None
        result = self.services.journal.update_entry(previous)
        self.journal_changed.emit(result.changes)

    # ---- contacts ----------------------------------------------------------------------------

    def _show_contacts_if_missing(self, first_start: bool) -> None:
        assert self.services is not None
        profile, contacts = self.services.journal.profile_and_contacts()
        self.contacts_panel.fill(profile, contacts)
        missing = not contacts.helpline
        self.contacts_panel.setVisible(missing and first_start)
        self.contacts_reminder.setVisible(missing and not first_start)

    def _show_contacts(self) -> None:
        if self.services is not None:
            self.contacts_panel.fill(*self.services.journal.profile_and_contacts())
        self.contacts_reminder.hide()
        self.contacts_panel.show()
        self.contacts_panel.helpline.setFocus()

    def _on_contacts_saved(self, profile: Profile, contacts: Contacts) -> None:
        if self.services is None:
            return
        from tracker.services.errors import JournalError

        try:
            changes = self.services.journal.set_profile_and_contacts(profile, contacts)
        except JournalError as error:
            self.contacts_panel.message.show_problem(str(error))
            return
        self.contacts_panel.hide()
        self.contacts_reminder.setVisible(not contacts.helpline)
        self.status.setText("Your numbers are saved.")
        self.journal_changed.emit(changes)
        self.entry_form.focus_pain_score()

    def _on_contacts_skipped(self) -> None:
        self.contacts_panel.hide()
        self.contacts_reminder.show()
        self.entry_form.focus_pain_score()

    # ---- backups, export, delete all data ------------------------------------------------------

    def _show_backups(self) -> None:
        if self.keeper is None:
            return
        from tracker.ui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.keeper.backups, self.restore_backup, self)
        self.backups_dialog = dialog
        dialog.open()

    def restore_backup(self, backup: BackupInfo) -> RestoreResult:
        """Close the journal, put ``backup`` in its place (the journal is backed up first),
        open it again and show it. ``JournalError`` when it could not be done."""
        assert self.keeper is not None
        result = self.keeper.restore(backup)
        self._journal_replaced()
        from tracker.ui.data_safety import backup_words

        self._plain_status()
        self.status.setText(f"Restored the backup of {backup_words(result.restored)}.")
        return result

    def _on_damaged_restore(self, backup: BackupInfo) -> None:
        from tracker.services.errors import JournalError

        try:
            result = self.restore_backup(backup)
        except JournalError as error:
            self.damaged_panel.show_problem(str(error))
            return
        self.damaged_panel.hide()
        from tracker.ui.data_safety import backup_words

        kept = f" The damaged journal is kept as {result.previous.name}." if result.previous else ""
        self.status.setText(f"Restored the backup of {backup_words(result.restored)}.{kept}")

    def _on_damaged_start_empty(self) -> None:
        if self.keeper is None:
            return
        from tracker.services.errors import JournalError

        try:
            self.keeper.start_empty()
        except JournalError as error:
            self.damaged_panel.show_problem(str(error))
            return
        self.damaged_panel.hide()
        self._journal_replaced()
        self._plain_status()
        self.status.setText(
            "A new, empty journal is open. The damaged journal is kept where it was moved."
        )

    def _show_export(self) -> None:
        if self.services is None:
            return
        from tracker.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.services.exchange, self.services.journal, self)
        dialog.exported.connect(lambda path: self.status.setText(f"Exported to {path}."))
        self.export_dialog = dialog
        dialog.open()

    def _show_delete_all_data(self) -> None:
        if self.keeper is None:
            return
        from tracker.ui.dialogs.delete_data_dialog import DeleteDataDialog

        backups = self.keeper.backups
        dialog = DeleteDataDialog(
            backups.journal_path, backups.backup_dir, self._delete_all_data, self
        )
        self.delete_dialog = dialog
        dialog.open()

    def _delete_all_data(self) -> None:
        assert self.keeper is not None
        self.keeper.delete_all_data()
        self._journal_replaced()
        self.entry_form.new_entry()
        self._plain_status()
        self.status.setText("All your data was deleted. A new, empty journal is open.")

    def _journal_replaced(self) -> None:
        """Another journal is open now: undo steps and an entry being edited belong to the
        one that was replaced."""
        self._undo.clear()
        self.undo_action.setText("&Undo")
        if self.entry_form.editing is not None:
            self.entry_form.new_entry()

    # ---- view --------------------------------------------------------------------------------

    def _on_larger_text(self) -> None:
        on = self.larger_text_action.isChecked()
        self.set_larger_text(on)
        if self.services is not None:
            self.services.journal.set_larger_text(on)

    def set_larger_text(self, on: bool) -> None:
        """Scale the whole window's text (and so its controls) by a quarter."""
        self.larger_text_action.setChecked(on)
        font = QApplication.font()
        font.setPointSizeF(self._base_point_size * (LARGER_TEXT_FACTOR if on else 1.0))
        QApplication.setFont(font)  # dialogs opened later
        self.setFont(font)  # this window, at once

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
