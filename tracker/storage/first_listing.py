"""The window's first listing of the latest entries, read with the standard library's
``sqlite3`` before SQLAlchemy is imported (see ``tracker.start_up``): the form is usable,
and the entries listed, before the storage layer is.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from tracker.domain.model import Entry
from tracker.domain.timeutil import to_utc_naive
from tracker.storage import cipher
from tracker.storage.journal_file import head_revision, live_connection
from tracker.storage.mapping import row_to_entry

Listing = tuple[list[Entry], dict[str, list[str]]]


def _stored_instant(value: datetime) -> str:
    """An instant as the journal stores it (SQLAlchemy's SQLite text for a naive UTC time)."""
    return to_utc_naive(value).isoformat(sep=" ", timespec="microseconds")


def read_listing(db_path: Path, since: datetime, until: datetime) -> Listing | None:
    """The entries recorded from ``since`` to ``until`` (inclusive instants) in time order, and
    the red-flag rules alerted on each, as ``list_rows.load_entries`` and
    ``alert_rules_by_entry`` give them; ``None`` when the journal is not at this version's
    schema (an upgrade comes first) or cannot be read. Only for a journal the start-up check
    passed, while nothing writes to it."""
    head = head_revision()
    try:
        with contextlib.closing(live_connection(db_path)) as con:
            con.row_factory = cipher.row_class(con)
            stored = con.execute("SELECT version_num FROM alembic_version").fetchall()
            if [row[0] for row in stored] != [head]:
                return None
            rows = con.execute(
                "SELECT * FROM entries WHERE recorded_utc >= ? AND recorded_utc <= ? "
                "ORDER BY recorded_utc, pk",
                (_stored_instant(since), _stored_instant(until)),
            ).fetchall()
            ids = [row["id"] for row in rows]
            alerts = con.execute(
                "SELECT entry_id, rule FROM alerts WHERE entry_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY pk",
                (json.dumps(ids),),
            ).fetchall()
    except cipher.Error:
        return None
    entries = [row_to_entry(_as_stored(row)) for row in rows]
    rules: dict[str, list[str]] = {}
    for entry_id, rule in alerts:
        rules.setdefault(str(entry_id), []).append(str(rule))
    return entries, rules


def _as_stored(row: sqlite3.Row) -> Mapping[str, Any]:
    values = dict(zip(row.keys(), row, strict=True))
    values["recorded_utc"] = datetime.fromisoformat(values["recorded_utc"])
    return values
