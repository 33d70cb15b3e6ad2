"""Where the journal lives, and the lock that keeps a second copy of the app off it.

The data folder is, in order of precedence: ``--data-dir DIR``, the environment variable
``SPINE_JOURNAL_DATA_DIR``, then Qt's ``AppLocalDataLocation``.
"""

from __future__ import annotations

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


class JournalLock:
    """A QLockFile in the data folder. A lock left by a killed process is taken over
    (QLockFile checks whether the process that wrote it is still running)."""

    def __init__(self, folder: Path) -> None:
        private_dir(folder)
        self._lock = QLockFile(str(folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        if self._lock.tryLock(0):
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            # PySide6 returns (pid, hostname, appname), or nothing usable when unreadable.
            info = self._lock.getLockInfo()
            pid = info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else 0
            holder = f" (process {pid})" if pid else ""
            raise AlreadyOpenError(
                f"Spine Journal is already open on this journal{holder}. "
                "Switch to that window, or close it first."
            )
        raise AlreadyOpenError("The journal folder cannot be locked: it may be read-only.")

    def release(self) -> None:
        self._lock.unlock()
