"""Rows that cannot be read, set aside: written as they are stored to a private file in the
journal folder (``set-aside/<time>-<list>.json``: text as text, bytes that are not text as
hex; the file name says when and which list, never what the record says), then removed from
the journal in one transaction. The caller makes a verified backup first
(``services.unreadable``).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tracker.os_files import private_dir, private_file, sync_dir
from tracker.storage import cipher
from tracker.storage.errors import StorageWriteError, plain_reason
from tracker.storage.journal_file import BUSY_TIMEOUT_MS, JOURNAL_NAME, live_connection
from tracker.storage.row_check import UnreadableRow

SET_ASIDE_DIR = "set-aside"
FORMAT = "spine-journal-set-aside/1"


def _plain(value: object) -> object:
    """A stored value as JSON: bytes as text when they are UTF-8, else as hex."""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return {"hex": value.hex()}
    if isinstance(value, float) and value != value:  # NaN is no JSON
        return {"real": repr(value)}
    return value


def _free_path(folder: Path, stamp: str, table: str) -> Path:
    path, seq = folder / f"{stamp}-{table}.json", 1
    while path.exists():
        seq += 1
        path = folder / f"{stamp}-{table}.{seq}.json"
    return path


def _write_private(path: Path, text: str) -> None:
    """``text`` in a new file that is the user's alone from its first byte, made durable."""
    handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    private_file(path)  # the mode asked for may be widened on some systems, never kept so


def write_set_aside(folder: Path, rows: Sequence[UnreadableRow], now: datetime) -> list[Path]:
    """One file per list in ``folder/set-aside``; the files written. A treatment's sessions,
    which go with it, are written in its file too."""
    target = folder / SET_ASIDE_DIR
    stamp = now.strftime("%Y%m%d-%H%M%S")
    written: list[Path] = []
    try:
        private_dir(target)
        for table in dict.fromkeys(row.table for row in rows):
            records = [
                {name: _plain(value) for name, value in row.raw.items()}
                for row in rows
                if row.table == table
            ]
            path = _free_path(target, stamp, table)
            content: dict[str, object] = {
                "format": FORMAT, "list": table, "set_aside": now.isoformat(), "rows": records,
            }  # fmt: skip
            if table == "treatments":
                pks = [row.pk for row in rows if row.table == table]
                content["sessions"] = _sessions(folder / JOURNAL_NAME, pks)
            _write_private(path, json.dumps(content, ensure_ascii=False, indent=1) + "\n")
            written.append(path)
        sync_dir(target)
    except OSError as error:
        for path in written:
            path.unlink(missing_ok=True)
        raise StorageWriteError(
            f"The record could not be set aside in {target} ({plain_reason(error)}), "
            "so the journal was not changed."
        ) from None
    return written


def _sessions(db_path: Path, treatment_pks: list[int]) -> list[dict[str, object]]:
    with contextlib.closing(live_connection(db_path)) as con:
        con.text_factory = bytes
        cursor = con.execute(
            "SELECT * FROM treatment_sessions WHERE treatment_pk IN "
            "(SELECT value FROM json_each(?)) ORDER BY pk",
            (json.dumps(treatment_pks),),
        )
        names = [column[0] for column in cursor.description]
        return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in cursor]


def remove_rows(db_path: Path, rows: Sequence[UnreadableRow]) -> None:
    """The rows removed from the journal, all or none. Foreign keys on, so that a red-flag
    alert of a removed entry keeps its place (its link cleared) and a treatment's sessions go
    with it."""
    try:
        with contextlib.closing(cipher.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)) as con:
            con.execute("PRAGMA foreign_keys=ON")
            with con:
                for row in rows:
                    con.execute(f'DELETE FROM "{row.table}" WHERE pk = ?', (row.pk,))
    except cipher.Error as error:
        raise StorageWriteError(
            f"The record could not be removed from the journal ({error}); nothing was changed."
        ) from None
