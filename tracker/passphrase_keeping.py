"""The composition root's part for the journal's passphrase (issue 18): asked at start before
the start's worker reads anything, set, changed or removed from the Journal menu, and the
calls the lock makes (``lock_journal``, ``try_passphrase``, ``reopen_journal``).
``tracker.app_run.AppRun`` inherits it.
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
    home: Path
    db: object | None
    window: MainWindow
    _start: StartWorker
    _backup_due: bool
    _backup_after_unlock = False  # a start-up backup the lock put off
    unlock_dialog: QDialog | None = None

    def _close_journal(self) -> bool:
        raise NotImplementedError

    def _open(self) -> None:
        raise NotImplementedError

    def finish_opening(self) -> None:
        raise NotImplementedError

    def _start_up_backup(self) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        """The start's worker, once the passphrase of a protected journal has opened it: the
        worker reads entries, so nothing of the journal is read or shown before. The lock
        follows the journal: with a passphrase it closes the journal and asks for it. First, a
        change of passphrase a crash left is settled, before anything reads the journal (here,
        not before the window is made: the first paint waits for nothing of the storage)."""
        from tracker.storage import cipher
        from tracker.storage.conversion import settle_on_start
        from tracker.storage.journal_file import JOURNAL_NAME

        settle_on_start(self.folder)
        journal = self.folder / JOURNAL_NAME
        protected = cipher.looks_protected(journal)
        self._lock_follows(protected)
        if not protected or cipher.held_key(journal) is not None:
            self._start.start()
            return
        from tracker.ui.passphrase_unlock import PassphrasePrompt

        dialog = PassphrasePrompt(self.try_passphrase, self.window)
        self.unlock_dialog = dialog
        dialog.accepted.connect(self._key_given)
        dialog.rejected.connect(self._stay_locked)
        dialog.open()

    def _key_given(self) -> None:
        """The start's question answered: the start begins, unless the window was locked
        while the key was derived. Then the key is dropped again and nothing is read: the
        lock hid the question, and unlocking shows it again."""
        if self.window.lock.locked:
            from tracker.services.passphrase import PassphraseService

            PassphraseService(self.home).lock()
            return
        self._start.start()

    def try_passphrase(self, passphrase: str) -> str | None:
        """The key of the person's journal derived from ``passphrase``, checked and held; or
        the sentence that refuses it (nothing changed). Safe off the window's thread."""
        from tracker.services.passphrase import PassphraseError, PassphraseService

        try:
            PassphraseService(self.home).unlock(passphrase)
        except PassphraseError as error:
            return str(error).replace("; nothing was changed.", ": try again.")
        return None

    def _lock_follows(self, protected: bool) -> None:
        lock = self.window.lock
        if not protected:
            from tracker.ui.lock import PlainUnlocker

            lock.set_unlocker(PlainUnlocker())
            return
        from tracker.ui.passphrase_unlock import PassphraseUnlocker

        lock.set_unlocker(PassphraseUnlocker(self, self.window))

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

    def change_passphrase(self, old: str | None, new: str | None) -> list[str]:
        """Protect (``old`` None), change, or remove (``new`` None) the passphrase: the journal
        closed first (no connection may be open), then opened again, whatever came of it.
        ``JournalError`` (a ``PassphraseError`` for a wrong one) when it was not done. Returns
        the names of the backups left as they were (the old key did not open them)."""
        from tracker.services.passphrase import PassphraseService

        service = PassphraseService(self.folder)
        self._close_journal()
        try:
            if old is None:
                return service.protect(new or "")
            if new is None:
                return service.remove(old)
            return service.change(old, new)
        finally:
            self._lock_follows(service.protected)
            self._open()

    @property
    def key_held(self) -> bool:
        """Whether the key of the person's journal is held (its passphrase was typed)."""
        from tracker.services.passphrase import PassphraseService

        return PassphraseService(self.home).unlocked

    def lock_journal(self) -> None:
        """For the lock: the journal's engine disposed and its key dropped, so that no
        connection opens until ``reopen_journal``. The window keeps its services (nothing it
        shows is read again, an entry being typed stays as it was); its timers are the lock's
        to hold, after this. A start still opening, or its backup, is waited for first: both
        read with the key. Python cannot promise to wipe the key from memory."""
        from tracker.services.passphrase import PassphraseService

        self._end_start()
        close = getattr(self.db, "close", None)
        if close is not None:
            close()
        PassphraseService(self.home).lock()  # the example journal's key too: it is the home's

    def _end_start(self) -> None:
        """Every step of the start ended, and what they posted taken, while the key is held: a
        step that ran on without it would take the journal for damaged (and move it aside)."""
        from PySide6.QtCore import QCoreApplication, QEvent

        while True:
            self.finish_opening()
            if self._backup_due:
                # a start-up backup not yet begun waits for the unlock; put off before the
                # posted events are taken below, among which its zero-delay timer may be
                self._backup_after_unlock, self._backup_due = True, False
            self._start.finish()
            # what the steps posted: the quick check's "passed", which begins the opening
            # (a thread again: hence the loop), or the backup's end, which starts the
            # reminders' clock
            QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
            if not self._start.busy:
                return

    def reopen_journal(self) -> None:
        """After ``try_passphrase`` held the key again: the services' engine opens connections
        again; a start-up backup the lock put off is made now."""
        if self._backup_after_unlock:
            from PySide6.QtCore import QTimer

            self._backup_after_unlock, self._backup_due = False, True
            QTimer.singleShot(0, self.window, self._start_up_backup)
