"""The record of a change of passphrase under way, and what the next open does with it.

A change (``tracker.storage.encryption``) first writes ``journal.passphrase-change`` beside the
journal: which change it is and its phase. While it is ``prepare`` the journal and its backups
are untouched; the new copies are written beside them (``<name>.passphrase-new``). Once every
copy is written and checked the record says ``commit``, with the copies and the files they
replace; then they are renamed into place.

A process killed meanwhile leaves the record. ``settle`` (the next open, holding the journal's
lock, before anything reads the journal) finishes or undoes it without the key, which it
needs for neither: in ``prepare`` the copies (and the salt of a journal being protected) are
removed and the journal is as before the change; in ``commit`` the copies left are renamed
into place and, after a removal, the salt goes. Either way no mix is left: the journal and
every backup it converted have the same key (or none), and a plain journal has no salt.

The record holds file names only: never the passphrase nor the key. Plain Python, no SQLite:
the window's start reads it before anything else.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from tracker.os_files import private_file, sync_dir

RECORD_NAME = "journal.passphrase-change"
COPY_SUFFIX = ".passphrase-new"
CHANGES = ("protect", "change", "remove")
PHASES = ("prepare", "commit")
SALT_NAME = "journal.salt"  # cipher.SALT_NAME, named again so that this imports no SQLite
JOURNAL_SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Conversion:
    change: str  # protect, change or remove
    phase: str = "prepare"
    # (copy, the file it replaces), names relative to the journal's folder
    moves: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def record_path(folder: Path) -> Path:
    return folder / RECORD_NAME


def copy_of(path: Path) -> Path:
    """Where the new copy of ``path`` is written before it replaces it."""
    return path.with_name(path.name + COPY_SUFFIX)


def write_record(folder: Path, conversion: Conversion) -> None:
    """The record written whole or not at all (a temporary file, synced, renamed, the folder
    synced): a crash never leaves half of one."""
    text = json.dumps(
        {"change": conversion.change, "phase": conversion.phase, "moves": conversion.moves}
    )
    path = record_path(folder)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    private_file(partial)
    os.replace(partial, path)
    sync_dir(folder)


def read_record(folder: Path) -> Conversion | None:
    """The change under way in ``folder``, or ``None``. A record that cannot be understood
    (it is written whole, so only a hand could damage it) is read as ``prepare``: undoing
    leaves the journal that was there before, which opens."""
    path = record_path(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        change, phase = str(data["change"]), str(data["phase"])
        moves = tuple((str(copy), str(target)) for copy, target in data["moves"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Conversion("unknown")
    if change not in CHANGES or phase not in PHASES:
        return Conversion("unknown")
    return Conversion(change, phase, moves)


def interrupted(folder: Path) -> bool:
    return record_path(folder).exists()


def fsync_file(path: Path) -> None:
    with path.open("rb") as stream:
        os.fsync(stream.fileno())


def put_in_place(copy: Path, target: Path) -> None:
    """``copy`` renamed over ``target``; the target's -wal and -shm (empty after the change's
    checkpoint) removed first, so that SQLite cannot replay them on the new file."""
    for ending in JOURNAL_SIDECARS:
        target.with_name(target.name + ending).unlink(missing_ok=True)
    os.replace(copy, target)


def remove_copies(folder: Path, backup_dir: Path) -> None:
    """Every new copy a change began (with SQLite's files beside it), in both folders."""
    for place in (folder, backup_dir):
        if not place.is_dir():
            continue
        for path in place.iterdir():
            name = path.name
            for ending in ("", *JOURNAL_SIDECARS):
                if name.endswith(COPY_SUFFIX + ending) and path.is_file():
                    path.unlink(missing_ok=True)
                    break


def finish(folder: Path, conversion: Conversion) -> None:
    """Every copy of a committed change that is still there renamed into place, then (after a
    removal) the salt removed, then the record."""
    for copy_name, target_name in conversion.moves:
        copy = folder / copy_name
        if copy.exists():
            put_in_place(copy, folder / target_name)
    for place in {(folder / target).parent for _copy, target in conversion.moves} | {folder}:
        sync_dir(place)
    if conversion.change == "remove":
        (folder / SALT_NAME).unlink(missing_ok=True)
        sync_dir(folder)
    end(folder)


def undo(folder: Path, conversion: Conversion, backup_dir: Path) -> None:
    """The copies of a change that had not committed removed, and the salt of a protection
    that never took place; then the record."""
    remove_copies(folder, backup_dir)
    if conversion.change == "protect":
        (folder / SALT_NAME).unlink(missing_ok=True)
    sync_dir(folder)
    end(folder)


def end(folder: Path) -> None:
    record_path(folder).unlink(missing_ok=True)
    sync_dir(folder)


def settle(folder: Path, backup_dir: Path) -> str | None:
    """Finish a committed change, or undo one that had not committed; ``None`` when there was
    none, else ``finished`` or ``undone``. The caller holds the journal's lock and nothing has
    the journal open. ``OSError`` when a file cannot be moved: the record stays for the next
    open, and the journal opens as the files are (each renamed file is whole)."""
    conversion = read_record(folder)
    if conversion is None:
        return None
    if conversion.phase == "commit":
        finish(folder, conversion)
        return "finished"
    undo(folder, conversion, backup_dir)
    return "undone"


def settle_on_start(folder: Path) -> None:
    """``settle`` for the window's start, which holds the journal's lock: the storage is
    imported only when a record is there; a file that cannot be moved leaves it for later."""
    if not interrupted(folder):
        return
    from tracker.storage.database import BACKUP_DIR_NAME

    with contextlib.suppress(OSError):
        settle(folder, folder / BACKUP_DIR_NAME)
