"""What the window's parts and the start ask of it, each handed on to the part that does it:
the start's news for ``journal_state``, a chart that waits for the journal or an alert assessed
(``pages.PageHost``), a sentence for the status line, a new entry, another journal open or the
services at once (``journal_flows.FlowHost``, ``entry_keeping.EntryHost``), the red-flag
check's outcome, undo, the dialogs last opened and a restore. ``main_window.MainWindow`` makes
the parts, keeps its own state and signals, and inherits this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from tracker.domain.model import Entry
    from tracker.services.backups import BackupInfo, RestoreResult, StartCheck
    from tracker.services.journal import EntrySaved
    from tracker.services.registry import Services
    from tracker.ui.alert_presenter import AlertPresenter
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.entry_keeping import UndoSteps
    from tracker.ui.journal_flows import JournalFlows
    from tracker.ui.journal_state import JournalState
    from tracker.ui.page_wiring import PageWiring
    from tracker.ui.status_line import StatusLine
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.window_menus import WindowMenus


class WindowHost(QMainWindow):
    """The window's answers to what its parts and the start ask, handed on; ``MainWindow``
    makes the parts named here."""

    services: Services | None
    keeper: JournalKeeper | None
    flows: JournalFlows
    status: StatusLine
    window_menus: WindowMenus
    state: JournalState
    undo_steps: UndoSteps
    entry_form: EntryForm
    alerts: AlertPresenter
    wiring: PageWiring

    # ---- what the start shows (``journal_state``) ---------------------------------------------

    def show_early_listing(self, entries: list[Entry], flags: dict[str, list[str]]) -> None:
        """The latest entries, read before the journal has opened: the form usable at once."""
        self.state.show_early_listing(entries, flags)

    def show_damaged_journal(self, check: StartCheck) -> None:
        """The journal could not be read: why, and the way on (a backup or a new journal)."""
        self.state.show_damaged_journal(check)

    def show_backup_problem(self, sentence: str) -> None:
        """The start-up backup failed: one sentence in the status line."""
        self.state.show_backup_problem(sentence)

    def show_journal_problem(self, message: str) -> None:
        """The journal could not be opened: why, and the way on."""
        self.state.show_journal_problem(message)

    # ---- what the pages ask of the window (tracker.ui.pages.PageHost) -------------------------

    def wait_for_journal(self) -> None:
        if self.keeper is not None:  # the Trends tab, chosen while the journal is still opening
            self.keeper.chart_wanted()

    def review_assessed(self, alert_ids: list[str]) -> None:
        """ "My team has assessed this": a review filled in from these alerts."""
        self.wiring.review_assessed(alert_ids)

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

    def services_now(self) -> Services | None:
        """The services; if the journal is still opening (the form was usable early), finish
        the opening first."""
        if self.services is None and self.keeper is not None:
            self.keeper.finish_opening()
        return self.services

    # ---- entries -----------------------------------------------------------------------------

    def after_entry_saved(self, result: EntrySaved) -> None:
        """The red-flag check's outcome: an emergency window, an urgent banner, or nothing."""
        self.alerts.present(result.flags, self.entry_form.message.show_important)

    def undo(self) -> None:
        self.undo_steps.undo()

    def back_to_form(self) -> None:
        self.entry_form.focus_pain_score()

    # ---- the dialogs last opened; a restore ------------------------------------------------------

    @property
    def summary_dialog(self) -> QWidget | None:
        return self.window_menus.summary_dialog

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
