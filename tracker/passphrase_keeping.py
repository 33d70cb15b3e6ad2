"""The composition root's part for the journal's passphrase (issue 18): asked at start before
the start's worker reads anything, set, changed or removed from the Journal menu, and the
calls the lock makes (``lock_journal``, ``unlock_journal``). ``tracker.app.AppRun`` inherits it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from tracker.start_up import StartWorker
    from tracker.ui.main_window import MainWindow


class PassphraseKeeping:
    folder: Path
    window: MainWindow
    _start: StartWorker
    unlock_dialog: QDialog | None = None

    def _close_journal(self) -> bool:
        raise NotImplementedError

    def _open(self) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        """The start's worker, once the passphrase of a protected journal has opened it: the
        worker reads entries, so nothing of the journal is read or shown before."""
        from tracker.storage import cipher
        from tracker.storage.journal_file import JOURNAL_NAME

        journal = self.folder / JOURNAL_NAME
        if not cipher.looks_protected(journal) or cipher.held_key(journal) is not None:
            self._start.start()
            return
        from tracker.ui.dialogs.passphrase_dialog import UnlockDialog

        def attempt(passphrase: str) -> str | None:
            try:
                cipher.unlock(self.folder, journal, passphrase)
            except cipher.PassphraseError as error:
                return str(error).replace("; nothing was changed.", ": try again.")
            return None

        dialog = UnlockDialog(attempt, self.window)
        self.unlock_dialog = dialog
        dialog.accepted.connect(self._start.start)
        dialog.rejected.connect(self._stay_locked)
        dialog.open()

    def _stay_locked(self) -> None:
        self.window.show_journal_problem(
            "The journal stays closed: it opens with its passphrase only. "
            "Close Spine Journal and open it again to type it."
        )

    @property
    def protected(self) -> bool:
        from tracker.storage import cipher
        from tracker.storage.journal_file import JOURNAL_NAME

        return cipher.looks_protected(self.folder / JOURNAL_NAME)

    def change_passphrase(self, old: str | None, new: str | None) -> None:
        """Protect (``old`` None), change, or remove (``new`` None) the passphrase: the journal
        closed first (no connection may be open), then opened again, whatever came of it.
        ``JournalError`` (a ``PassphraseError`` for a wrong one) when it was not done."""
        from tracker.services.passphrase import PassphraseService

        service = PassphraseService(self.folder)
        self._close_journal()
        try:
            if old is None:
                service.protect(new or "")
            elif new is None:
                service.remove(old)
            else:
                service.change(old, new)
        finally:
            self._open()

    def lock_journal(self) -> None:
        """For the lock: the journal closed (its engine disposed) and its key dropped. Python
        cannot promise to wipe the key from memory. ``unlock_journal`` opens it again."""
        from tracker.services.passphrase import PassphraseService

        self._close_journal()
        PassphraseService(self.folder).lock()

    def unlock_journal(self, passphrase: str) -> None:
        """The key derived and checked, then the journal opened; ``PassphraseError`` (one
        sentence, nothing changed) when the passphrase does not open it."""
        from tracker.services.passphrase import PassphraseService

        PassphraseService(self.folder).unlock(passphrase)
        self._open()
