"""Where the journal lives, and the lock that keeps a second copy of the app off it.

The data folder is, in order of precedence: ``--data-dir DIR``, the environment variable
``SPINE_JOURNAL_DATA_DIR``, then Qt's ``AppLocalDataLocation``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths

from tracker.os_files import private_dir

ENV_DATA_DIR = "SPINE_JOURNAL_DATA_DIR"
LOCK_NAME = "journal.lock"


def data_dir(option: str | None) -> Path:
    if option:
        return Path(option).expanduser().resolve()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName("spine-journal")
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(location)


class AlreadyOpenError(Exception):
    pass


class FolderReadOnlyError(AlreadyOpenError):
    """The lock file cannot be made: the folder cannot be written to (the journal can still
    be read, without a lock)."""


COMMAND_MARK = "journal.lock.command"  # the process id of a command that holds the lock


def data_dir_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot hold a journal (it is a file, its journal is a folder, it cannot
    be created), in one sentence, or ``None``. A missing folder is created here."""
    from tracker.storage.journal_file import JOURNAL_NAME

    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder: --data-dir names the folder of the journal."
    journal = folder / JOURNAL_NAME
    if journal.is_dir():
        return f"{journal} is a folder, not a journal file."
    if journal.exists() and not journal.is_file() and not journal.is_symlink():
        return f"{journal} is not a regular file, so it cannot be a journal."
    if not folder.exists():
        try:
            folder.mkdir(mode=0o700, parents=True)
        except OSError as error:
            return f"the folder {folder} cannot be created ({error.strerror or error})."
    return None


class JournalLock:
    """A QLockFile in the data folder. A lock left by a killed process is taken over
    (QLockFile checks whether the process that wrote it is still running). ``command``: the
    holder is a command (its process id in ``COMMAND_MARK`` beside the lock), so that another
    command can say so."""

    def __init__(self, folder: Path, *, command: bool = False) -> None:
        private_dir(folder)
        self.folder = folder
        self._command = command
        self._lock = QLockFile(str(folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        if self._lock.tryLock(0):
            if self._command:  # so that another command, or the window, can say who holds it
                with contextlib.suppress(OSError):
                    (self.folder / COMMAND_MARK).write_text(str(os.getpid()), encoding="ascii")
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            # PySide6 returns (pid, hostname, appname), or nothing usable when unreadable.
            info = self._lock.getLockInfo()
            pid = info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else 0
            holder = f" (process {pid})" if pid else ""
            if pid and self._command_pid() == pid:
                raise AlreadyOpenError(
                    f"Another spine-journal command{holder} is using this journal: "
                    "wait for it to finish, then try again."
                )
            raise AlreadyOpenError(
                f"Spine Journal is already open on this journal{holder}. "
                "Switch to that window, or close it first."
            )
        raise FolderReadOnlyError(
            f"The journal folder {self.folder} cannot be written to, so nothing was changed; "
            "commands that only read (check, export, flags, report, chart) still work."
        )

    def _command_pid(self) -> int:
        """The process id a command wrote when it took the lock (a stale one, left by a killed
        command, names a process that no longer holds the lock)."""
        try:
            text = (self.folder / COMMAND_MARK).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return 0
        return int(text) if text.isdigit() and len(text) < 12 else 0

    def release(self) -> None:
        if self._command and self._command_pid() == os.getpid():
            with contextlib.suppress(OSError):
                (self.folder / COMMAND_MARK).unlink()
        self._lock.unlock()
