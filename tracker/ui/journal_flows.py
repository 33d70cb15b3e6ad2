"""The flows that replace or leave the journal: the Backups dialog and a restore, the damaged
journal's two ways on, Export, and Delete all my data.

Only the composition root can close and reopen the journal, so these go through the window's
``JournalKeeper``; after each, the window forgets what belonged to the journal replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tracker.services.backups import BackupInfo, RestoreResult
    from tracker.services.registry import Services
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel


class FlowHost(Protocol):
    """The window, as these flows see it."""

    @property
    def keeper(self) -> JournalKeeper | None: ...

    @property
    def services(self) -> Services | None: ...

    def say_plainly(self, sentence: str) -> None:
        """One sentence on the status line, as plain text."""
        ...

    def journal_replaced(self) -> None:
        """Another journal is open: forget the undo steps and the entry being edited."""
        ...

    def start_new_entry(self) -> None: ...


class JournalFlows:
    def __init__(self, parent: QWidget, host: FlowHost) -> None:
        self._parent = parent
        self._host = host
        self.backups_dialog: QWidget | None = None
        self.export_dialog: QWidget | None = None
        self.delete_dialog: QWidget | None = None
        self.passphrase_dialog: QWidget | None = None

    # ---- backups -----------------------------------------------------------------------------

    def show_backups(self) -> None:
        keeper = self._host.keeper
        if keeper is None:
            return
        from tracker.ui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(keeper.backups, self.restore_backup, self._parent)
        self.backups_dialog = dialog
        dialog.open()

    def restore_backup(self, backup: BackupInfo) -> RestoreResult:
        """Close the journal, put ``backup`` in its place (the journal is backed up first),
        open it again and show it. ``JournalError`` when it could not be done."""
        keeper = self._host.keeper
        assert keeper is not None
        result = keeper.restore(backup)
        self._host.journal_replaced()
        from tracker.ui.data_safety import backup_words

        self._host.say_plainly(f"Restored the backup of {backup_words(result.restored)}.")
        return result

    # ---- the damaged journal -----------------------------------------------------------------

    def restore_instead_of_damaged(self, panel: DamagedJournalPanel, backup: BackupInfo) -> None:
        from tracker.services.errors import JournalError

        try:
            result = self.restore_backup(backup)
        except JournalError as error:
            panel.show_problem(str(error))
            return
        panel.hide()
        from tracker.ui.data_safety import backup_words

        kept = f" The damaged journal is kept as {result.previous.name}." if result.previous else ""
        self._host.say_plainly(f"Restored the backup of {backup_words(result.restored)}.{kept}")

    def start_empty_instead_of_damaged(self, panel: DamagedJournalPanel) -> None:
        keeper = self._host.keeper
        if keeper is None:
            return
        from tracker.services.errors import JournalError

        try:
            keeper.start_empty()
        except JournalError as error:
            panel.show_problem(str(error))
            return
        panel.hide()
        self._host.journal_replaced()
        self._host.say_plainly(
            "A new, empty journal is open. The damaged journal is kept where it was moved."
        )

    # ---- export, delete all data -------------------------------------------------------------

    def show_export(self) -> None:
        services = self._host.services
        if services is None:
            return
        from tracker.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(services.exchange, services.journal, self._parent)
        dialog.exported.connect(lambda path: self._host.say_plainly(f"Exported to {path}."))
        self.export_dialog = dialog
        dialog.open()

    # ---- the passphrase -----------------------------------------------------------------------

    def show_passphrase(self, mode: str) -> None:
        """``protect``, ``change`` or ``remove``; one that does not fit the journal (protect a
        protected one) is said in the status line."""
        keeper = self._host.keeper
        if keeper is None or keeper.in_example:
            return
        if keeper.protected == (mode == "protect"):
            self._host.say_plainly(
                "The journal already has a passphrase."
                if mode == "protect"
                else "The journal has no passphrase yet: Journal, Protect with a passphrase."
            )
            return
        from tracker.ui.dialogs.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(
            mode,
            keeper.backups.journal_path,
            lambda old, new: self._apply(mode, old, new),
            self._parent,
        )
        self.passphrase_dialog = dialog
        dialog.open()

    def _apply(self, mode: str, old: str, new: str) -> str | None:
        from tracker.services.errors import JournalError

        keeper = self._host.keeper
        assert keeper is not None
        from tracker.services.passphrase import left_as_they_were

        try:
            left = keeper.change_passphrase(
                None if mode == "protect" else old, None if mode == "remove" else new
            )
        except JournalError as error:
            return str(error)
        done = {
            "protect": "The journal and its backups are now encrypted with your passphrase.",
            "change": "The passphrase was changed; the backups open with the new one.",
            "remove": "The passphrase was removed: the journal and its backups are plain files.",
        }[mode]
        self._host.say_plainly(" ".join(filter(None, [done, left_as_they_were(left)])))
        return None

    def show_delete_all_data(self) -> None:
        keeper = self._host.keeper
        if keeper is None:
            return
        from tracker.ui.dialogs.delete_data_dialog import DeleteDataDialog

        backups = keeper.backups
        dialog = DeleteDataDialog(
            backups.journal_path, backups.backup_dir, self._delete_all_data, self._parent
        )
        self.delete_dialog = dialog
        dialog.open()

    def _delete_all_data(self) -> None:
        keeper = self._host.keeper
        assert keeper is not None
        keeper.delete_all_data()
        self._host.journal_replaced()
        self._host.start_new_entry()
        self._host.say_plainly("All your data was deleted. A new, empty journal is open.")
