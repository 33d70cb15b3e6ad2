"""Rows the app cannot read, found one by one, so that one bad row never takes the journal with
it: a stored time that is no time (an hour of 25), a level the domain refuses (2.5), text that
is not UTF-8. ``PRAGMA quick_check`` passes such a file; reading it all at once fails on the
first bad row without saying which.

Each row goes through the same conversion as the app's reads: SQLAlchemy's own result
processors for each column's type (the SQLite dialect's), then ``storage.mapping``'s (or
``medicine_mapping``'s) ``row_to_*`` and so the domain's checks. Text is read as bytes and
decoded strictly here, as the ``sqlite3`` module would.

That costs 0.5 to 1 s on a 10-year journal, too long for every start. So the window's start
runs the screen of ``row_screen`` instead (about 100 ms on a busy 10-year journal, nearly all of
it SQLite's C code, during which the start's thread lets the window's thread run): the rows whose
text does not decode, whose stored type is not their column's, or whose date or time is not one
SQLAlchemy wrote, each then put through the full conversion. What the CHECK constraints refuse is
found by ``PRAGMA quick_check`` before (a damaged journal). ``check`` runs the full check.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from tracker.domain.timeutil import from_utc_naive
from tracker.storage import mapping, medicine_mapping, row_screen
from tracker.storage.backup_files import immutable_connection
from tracker.storage.journal_file import live_connection

# The lists, in the words a person uses for one of their records.
WORDS = {
    "entries": "an entry",
    "treatments": "a treatment",
    "treatment_sessions": "a treatment session",
    "medications": "a painkiller dose",
    "reviews": "a care-team review",
    "alerts": "a red-flag alert",
    "appointments": "an appointment",
    "medicines": "a regular medicine",
    "dose_records": "a dose record",
    "esas_forms": "an ESAS-r form",
}
# The column that says when the record is, and its offset column (``None``: a calendar date).
WHEN = {
    "entries": ("recorded_utc", "utc_offset_min"),
    "treatments": ("started_on", None),
    "treatment_sessions": ("at_utc", "utc_offset_min"),
    "medications": ("taken_utc", "utc_offset_min"),
    "reviews": ("reviewed_on", None),
    "alerts": ("raised_utc", "utc_offset_min"),
    "appointments": ("at_utc", "utc_offset_min"),
    "medicines": ("started_on", None),
    "dose_records": ("due_on", None),
    "esas_forms": ("completed_utc", "utc_offset_min"),
}
DATE_ONLY = ("treatments", "reviews", "medicines", "dose_records")  # a day is all they have
_CONVERT: dict[str, Callable[[mapping.Row], object]] = {
    "entries": mapping.row_to_entry,
    "treatments": lambda row: mapping.row_to_treatment(row, ()),
    "treatment_sessions": mapping.row_to_session,
    "medications": mapping.row_to_medication,
    "reviews": mapping.row_to_review,
    "alerts": mapping.row_to_alert,
    "appointments": mapping.row_to_appointment,
    "medicines": medicine_mapping.row_to_medicine,
    "dose_records": medicine_mapping.row_to_dose_record,
    "esas_forms": mapping.row_to_esas,
}
_DIALECT = SQLiteDialect_pysqlite()
Raw = dict[str, object]  # a row as stored: text as bytes


@dataclass(frozen=True)
class UnreadableRow:
    """One row that cannot be read: its list (table name), its place, when it is (if that much
    can be read) and its values as stored."""

    table: str
    pk: int
    position: int  # 1 = the first row stored in its list
    total: int  # rows in its list
    when: datetime | date | None
    raw: Raw

    def words(self) -> str:
        """``An entry of 22 September 2026, 08:15`` or ``The 3rd of 5 painkiller doses``:
        the list and when, never what it says."""
        if isinstance(self.when, datetime):
            return f"{_capital(WORDS[self.table])} of {_day(self.when)}, {self.when:%H:%M}"
        if isinstance(self.when, date):
            return f"{_capital(WORDS[self.table])} of {_day(self.when)}"
        return f"The {_ordinal(self.position)} of {self.total} {_plural(self.table)}"

    @property
    def time_known(self) -> bool:
        """Whether its time of day could be read (a date alone: no)."""
        return isinstance(self.when, datetime) or self.table in DATE_ONLY


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _plural(table: str) -> str:
    word = WORDS[table].split(" ", 1)[1]
    return word.replace("entry", "entries") if word == "entry" else f"{word}s"


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _processors(table: Table) -> dict[str, Callable[[Any], Any] | None]:
    """What SQLAlchemy does to each column's stored value when the app reads it."""
    return {
        column.name: column.type.dialect_impl(_DIALECT).result_processor(_DIALECT, None)
        for column in table.columns
    }


def _converted(value: object, processor: Callable[[Any], Any] | None) -> object:
    if isinstance(value, bytes):
        value = value.decode("utf-8")  # strict, as the sqlite3 module decodes text
    return value if processor is None else processor(value)


def _when(table: str, raw: Raw, processors: Mapping[str, Any]) -> datetime | date | None:
    """When the record is, as far as that can be read: an entry whose time cannot be read
    still has its day."""
    found = _instant(table, raw, processors)
    if found is None and table == "entries":
        with contextlib.suppress(ValueError, TypeError, UnicodeDecodeError):
            day = _converted(raw["local_day"], processors["local_day"])
            return day if isinstance(day, date) else None
    return found


def _instant(table: str, raw: Raw, processors: Mapping[str, Any]) -> datetime | date | None:
    column, offset = WHEN[table]
    try:
        value = _converted(raw[column], processors[column])
        if offset is None:
            return value if isinstance(value, date) else None
        minutes = _converted(raw[offset], processors[offset])
        if isinstance(value, datetime) and isinstance(minutes, int):
            return from_utc_naive(value, minutes)
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError):
        pass
    return None


def _rows(con: sqlite3.Connection, table: str) -> Iterator[Raw]:
    cursor = con.execute(f'SELECT * FROM "{table}" ORDER BY pk')
    names = [column[0] for column in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def _readable(table: str, raw: Raw, processors: Mapping[str, Any]) -> bool:
    try:
        row = {name: _converted(value, processors.get(name)) for name, value in raw.items()}
        _CONVERT[table](row)
    except Exception:  # any failure of the app's own conversion: the row cannot be read
        return False
    return True


def unreadable_in(con: sqlite3.Connection, *, screened: bool = False) -> list[UnreadableRow]:
    """Every row of every list that the app's reads would fail on, in list order; ``screened``:
    only among the rows ``row_screen`` picks out (the window's start)."""
    found: list[UnreadableRow] = []
    # A journal still to be upgraded has not the newer lists' tables yet (medicines, ...).
    present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in (t for t in WORDS if t in present):
        suspects = row_screen.suspects(con, table) if screened else None
        if suspects == set():
            continue
        con.text_factory = bytes
        try:
            processors = _processors(row_screen.table_of(table))
            stored = list(_rows(con, table))
        finally:
            con.text_factory = str
        for position, raw in enumerate(stored, start=1):
            if suspects is not None and raw["pk"] not in suspects:
                continue
            if not _readable(table, raw, processors):
                when = _when(table, raw, processors)
                pk = raw["pk"]
                assert isinstance(pk, int)
                found.append(UnreadableRow(table, pk, position, len(stored), when, raw))
    return found


def find_unreadable(
    db_path: Path, *, immutable: bool = False, screened: bool = False
) -> list[UnreadableRow]:
    """``unreadable_in`` the journal (or, ``immutable``, a backup nothing writes to)."""
    opened = immutable_connection(db_path) if immutable else live_connection(db_path)
    with contextlib.closing(opened) as con:
        return unreadable_in(con, screened=screened)


def describe(rows: Sequence[UnreadableRow]) -> list[str]:
    """One sentence a row: ``An entry of 22 September 2026, 08:15 cannot be read.``"""
    return [f"{row.words()} cannot be read{_missing(row)}." for row in rows]


def _missing(row: UnreadableRow) -> str:
    if row.time_known:
        return ""
    return " (nor when it is)" if row.when is None else " (nor its time of day)"
