"""The optional passphrase that encrypts the journal and its backups (issue 18).

For the window, the commands and the lock:

- ``PassphraseService(folder).protected``: whether the stored journal is encrypted.
- ``unlock(passphrase)``: derive the key (Argon2id), check that it opens the journal, hold it
  for this process; ``PassphraseError`` (one sentence) when it does not, nothing changed.
- ``lock()``: drop the key held for the folder. The caller first closes the journal
  (``JournalDatabase.close()`` disposes its engine); the next ``open_journal`` needs
  ``unlock`` again. Python cannot promise to wipe the key from memory.
- ``protect`` / ``change`` / ``remove``: see ``tracker.storage.encryption``. No connection may
  be open on the journal: the caller closes it first and opens it again after.
- ``settle_interrupted(folder)``: a change a crash interrupted finished or undone
  (``tracker.storage.conversion``); the caller holds the journal's lock and has not opened it.

The passphrase and the key are never written to disk, logs or messages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from tracker.storage import cipher, conversion
from tracker.storage.cipher import PassphraseError as PassphraseError
from tracker.storage.database import BACKUP_DIR_NAME
from tracker.storage.encryption import change_key
from tracker.storage.errors import StorageWriteError
from tracker.storage.journal_file import JOURNAL_NAME

Clock = Callable[[], datetime]

NO_PASSPHRASE = "This journal has no passphrase, so none is needed; nothing was changed."
ALREADY = "This journal already has a passphrase; nothing was changed."


def settle_interrupted(folder: Path) -> str | None:
    """Finish or undo the change of passphrase a crash left in ``folder`` (``None``: there was
    none; ``finished`` or ``undone``). The caller holds the journal's lock, nothing has it open."""
    try:
        return conversion.settle(folder, folder / BACKUP_DIR_NAME)
    except OSError as error:
        raise StorageWriteError(
            f"A change of passphrase a crash cut off could not be finished ({error.strerror}); "
            "the journal opens as it is, and it is tried again next time."
        ) from None


def left_as_they_were(names: list[str]) -> str:
    """The sentence for the backups a change of passphrase could not open and left as they
    were ("" when there were none)."""
    if not names:
        return ""
    if len(names) == 1:
        return (
            f"One backup could not be opened (damaged, or made with another passphrase) and "
            f"was left as it was: {names[0]}."
        )
    return (
        f"{len(names)} backups could not be opened (damaged, or made with another passphrase) "
        f"and were left as they were: {', '.join(names)}."
    )


def journal_is_protected(journal: Path) -> bool:
    """Whether the journal file at ``journal`` is encrypted with a passphrase."""
    return cipher.looks_protected(journal)


class PassphraseService:
    def __init__(self, folder: Path, clock: Clock = datetime.now) -> None:
        self.folder = folder
        self._clock = clock

    @property
    def journal(self) -> Path:
        return self.folder / JOURNAL_NAME

    @property
    def protected(self) -> bool:
        return cipher.looks_protected(self.journal)

    @property
    def unlocked(self) -> bool:
        return cipher.held_key(self.journal) is not None

    def unlock(self, passphrase: str) -> None:
        if not self.protected:
            raise PassphraseError(NO_PASSPHRASE)
        cipher.unlock(self.folder, self.journal, passphrase)

    @property
    def salted(self) -> bool:
        return cipher.salt_path(self.folder).exists()

    def hold_for_backups(self, passphrase: str) -> None:
        """Hold the key of ``passphrase`` with the folder's salt when there is no journal to
        check it on: a backup it does not open is refused when it is restored."""
        cipher.remember(self.folder, cipher.derive_key(passphrase, cipher.read_salt(self.folder)))

    def lock(self) -> None:
        cipher.forget(self.folder)

    def _change(self, old: bytes | None, new: str | None) -> list[str]:
        derive = None if new is None else partial(cipher.derive_key, new)
        key, left = change_key(
            self.journal,
            old,
            derive,
            now=self._clock(),
            backup_dir=self.folder / BACKUP_DIR_NAME,
        )
        if key is None:
            cipher.forget(self.folder)
        else:
            cipher.remember(self.folder, key)
        return left

    def protect(self, passphrase: str) -> list[str]:
        """Encrypt the plain journal and its backups with a key from ``passphrase``. Each of
        these three returns the names of the backups left as they were (``left_as_they_were``)."""
        if self.protected:
            raise PassphraseError(ALREADY)
        if not passphrase:
            raise PassphraseError("The passphrase is empty; nothing was changed.")
        return self._change(None, passphrase)

    def change(self, old: str, new: str) -> list[str]:
        if not new:
            raise PassphraseError("The new passphrase is empty; nothing was changed.")
        return self._change(self._checked_key(old), new)

    def remove(self, passphrase: str) -> list[str]:
        """Make the journal and its backups plain files again."""
        return self._change(self._checked_key(passphrase), None)

    def _checked_key(self, passphrase: str) -> bytes:
        if not self.protected:
            raise PassphraseError(NO_PASSPHRASE)
        return cipher.unlock(self.folder, self.journal, passphrase)
