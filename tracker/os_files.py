"""What differs between operating systems for the files and folders the app writes, in one place.

Linux and macOS have file modes: the data folder is made 0700 and every file in it 0600, so
that no other account on the computer can read the journal, and new files are created that way
from the start (umask 077). Windows has no such modes (``os.chmod`` there only sets the
read-only flag): the data folder is under the user's own profile folder
(``C:\\Users\\NAME\\AppData\\Local``), whose access list already limits it to that user (and
the computer's administrators), so nothing is changed there.

A file renamed into place is made durable on Linux and macOS by syncing its folder too; Windows
cannot open a folder for that (``os.open`` refuses it), and NTFS logs the rename itself.

Plain Python, no Qt: the storage layer, the services and the charts use it alike.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def has_modes() -> bool:
    """Whether this OS has POSIX file modes (Linux, macOS), as opposed to Windows."""
    return os.name == "posix"


def restrict_new_files() -> None:
    """Files and folders created from now on by this process (SQLite's -wal and -shm, Qt's
    lock file) are readable by the user alone."""
    if has_modes():
        os.umask(0o077)


def private_dir(path: Path) -> None:
    """``path`` (and any missing parent) made; ``path`` itself readable by the user alone,
    even when it already existed with a wider mode. Only others' access is taken away: a
    folder its owner made read-only (0500) stays read-only, never made writable."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if has_modes():
        os.chmod(path, stat.S_IMODE(path.stat().st_mode) & PRIVATE_DIR_MODE)


def private_file(path: Path | str) -> None:
    """An existing file made readable and writable by the user alone."""
    if has_modes():
        os.chmod(path, PRIVATE_FILE_MODE)


def sync_dir(folder: Path) -> None:
    """Make the renames and new names in ``folder`` durable."""
    if not has_modes():
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
