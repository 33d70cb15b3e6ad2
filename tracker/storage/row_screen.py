"""The quick screen of the window's start, in SQL: which rows of a list may not read, so that
only those go through the full conversion (``row_check``). A row is picked out when its text
does not decode, its stored type is not its column's, or its date or time is not one SQLAlchemy
wrote. About 100 ms on a busy 10-year journal, nearly all of it SQLite's C code.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Date, DateTime, Float, Integer, String, Table

from tracker.storage import cipher
from tracker.storage.repository import SESSIONS, TABLES


def table_of(name: str) -> Table:
    """The table of a list (``treatment_sessions``: the sessions' own)."""
    return SESSIONS if name == "treatment_sessions" else TABLES[name]


_DIGITS = "[0-9]"
_DAY = f"{_DIGITS * 4}-{_DIGITS * 2}-{_DIGITS * 2}"
_TIME = f"{_DIGITS * 2}:{_DIGITS * 2}:{_DIGITS * 2}.{_DIGITS * 6}"


def _odd(column: str, kind: object) -> str | None:
    """An SQL condition true for a stored value of ``column`` that may not convert."""
    c = f'"{column}"'
    if isinstance(kind, DateTime):  # exactly as SQLAlchemy writes it, and a real instant
        return (
            f"({c} IS NOT NULL AND NOT (typeof({c}) = 'text' AND {c} GLOB '{_DAY} {_TIME}' "
            f"AND strftime('%Y-%m-%d %H:%M:%S', {c}) IS substr({c}, 1, 19)))"
        )
    if isinstance(kind, Date):
        return (
            f"({c} IS NOT NULL AND NOT (typeof({c}) = 'text' AND {c} GLOB '{_DAY}' "
            f"AND date({c}) IS {c}))"
        )
    if isinstance(kind, Integer):  # Boolean is stored as an integer too
        return f"typeof({c}) NOT IN ('integer', 'null')"
    if isinstance(kind, Float):
        return f"typeof({c}) NOT IN ('integer', 'real', 'null')"
    if isinstance(kind, String):  # Text too
        return f"typeof({c}) NOT IN ('text', 'null')"
    return None


def suspects(con: sqlite3.Connection, table: str) -> set[int]:
    """The rows of ``table`` whose text does not decode or whose stored values look odd."""
    columns = table_of(table).columns
    odd = [cond for cond in (_odd(c.name, c.type) for c in columns) if cond is not None]
    where = " OR ".join(odd) or "0"
    found = {int(r[0]) for r in con.execute(f'SELECT pk FROM "{table}" WHERE {where}')}
    texts = [f'"{c.name}"' for c in columns if isinstance(c.type, String)]
    if not texts or _all_decode(con, table, texts):
        return found
    return found | _undecodable(con, table, ", ".join(texts))


def _all_decode(con: sqlite3.Connection, table: str, texts: list[str]) -> bool:
    """Whether all the text of ``table`` is UTF-8: joined by SQLite (a NUL between values, so
    that no two make one character) and decoded once."""
    joined = " || x'00' || ".join(f"coalesce(CAST({c} AS BLOB), x'')" for c in texts)
    query = f"SELECT CAST(group_concat({joined}, x'00') AS BLOB) FROM \"{table}\""
    (blob,) = con.execute(query).fetchone()
    try:
        (blob or b"").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _undecodable(con: sqlite3.Connection, table: str, texts: str) -> set[int]:
    """The rows whose text ``sqlite3`` cannot decode: read in SQLite's own loop until one
    fails, then on from the row after it."""
    found: set[int] = set()
    after = -(2**63)
    query = f'SELECT pk, {texts} FROM "{table}" WHERE pk > ? ORDER BY pk'
    while True:
        try:
            for row in con.execute(query, (after,)):
                after = row[0]
            return found
        except cipher.OperationalError:
            failed = con.execute(
                f'SELECT min(pk) FROM "{table}" WHERE pk > ?',
                (after,),
            ).fetchone()[0]
            if failed is None:
                return found
            found.add(int(failed))
            after = failed
