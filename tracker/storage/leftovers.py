"""Files a killed process left beside the journal, and removing them.

A restore copies the backup into ``.journal.sqlite3.restore-<pid>`` before renaming it into
place, and a new journal is built in ``.journal.sqlite3.new-<pid>``; a process killed meanwhile
leaves that file (as big as the journal) behind. The next start removes those of processes
that are no longer running, never one whose process still is.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (on this machine)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, and belongs to another user
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    # os.kill on Windows terminates the process whatever the signal: ask the kernel instead
    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(db_path.name)}\.(?:restore|new)-(?P<pid>\d+)(?:-journal)?$")


def dead_leftovers(db_path: Path) -> list[Path]:
    """The restore and new-journal copies of processes that are no longer running."""
    pattern = _pattern(db_path)
    found = []
    for path in db_path.parent.glob(f".{db_path.name}.*"):
        match = pattern.match(path.name)
        if match is not None and not process_alive(int(match["pid"])):
            found.append(path)
    return sorted(found)


def remove_dead_leftovers(db_path: Path) -> list[Path]:
    removed = []
    for path in dead_leftovers(db_path):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:  # a read-only folder: left for a start that can write
            continue
        removed.append(path)
    return removed
