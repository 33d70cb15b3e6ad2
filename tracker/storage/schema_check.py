"""Whether a journal's tables and columns are the ones its schema revision names.

``PRAGMA quick_check`` finds damaged pages, not a table dropped or a revision deleted by hand
(or by another program): such a file passes it, then fails on first use. This check compares
``sqlite_master`` and each table's columns (one query) with the schema of the revision the
file names in ``alembic_version``.

The expected schema of the newest revision comes from the SQLAlchemy models (a test keeps them
equal to what the migrations create); that of an older revision from running its migrations
on an empty temporary file, once per process (Alembic is imported then anyway: the upgrade
that follows needs it). Nothing is copied by hand.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import tempfile
from pathlib import Path

from tracker.storage import cipher
from tracker.storage.errors import JournalError
from tracker.storage.journal_file import head_revision, is_damage, known_revisions, live_connection

Schema = dict[str, frozenset[str]]
VERSION_TABLE = "alembic_version"
NOT_A_JOURNAL = "the file is not a Spine Journal journal"

_COLUMNS = (
    "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
)


def actual_schema(con: sqlite3.Connection) -> Schema:
    """Every table of the file (SQLite's own ``sqlite_*`` left out) and its column names."""
    found: dict[str, set[str]] = {}
    for table, column in con.execute(_COLUMNS):
        found.setdefault(str(table), set()).add(str(column))
    return {table: frozenset(columns) for table, columns in found.items()}


@functools.cache
def expected_schema(revision: str) -> Schema:
    """The tables and columns a journal of ``revision`` has (a known revision)."""
    if revision == head_revision():
        from tracker.storage import later_models  # noqa: F401 - its tables are on Base too
        from tracker.storage.models import Base

        schema = {t.name: frozenset(c.name for c in t.columns) for t in Base.metadata.sorted_tables}
        schema[VERSION_TABLE] = frozenset({"version_num"})
        return schema
    from tracker.storage.migration import migrate

    with tempfile.TemporaryDirectory(prefix="spine-journal-schema-") as folder:
        path = Path(folder) / "schema.sqlite3"
        migrate(path, target=revision)
        with contextlib.closing(sqlite3.connect(path)) as con:
            return actual_schema(con)


def schema_problem(con: sqlite3.Connection) -> str | None:
    """What is wrong with the file's tables and columns, in plain words, or ``None``. A
    revision this version does not know is no problem here: opening refuses it in its own
    words (made by a newer version)."""
    actual = actual_schema(con)
    if VERSION_TABLE not in actual:
        return NOT_A_JOURNAL
    rows = con.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    if not rows:
        # an upgrade from nothing creates the tables; a file that has some is not that
        if set(actual) == {VERSION_TABLE}:
            return None
        return "the record of which version of Spine Journal made it is missing"
    if len(rows) > 1:
        return "it names more than one version of Spine Journal as the one that made it"
    revision = str(rows[0][0])
    if revision not in known_revisions():
        return None
    return _compare(expected_schema(revision), actual)


def _compare(expected: Schema, actual: Schema) -> str | None:
    missing = sorted(expected.keys() - actual.keys())
    if missing:
        tables = "table " + missing[0] if len(missing) == 1 else f"tables {', '.join(missing)}"
        return f"its {tables} {'is' if len(missing) == 1 else 'are'} missing"
    extra = len(actual.keys() - expected.keys())
    if extra:
        return f"it has {extra} table{'s' if extra > 1 else ''} that its version does not have"
    for table in sorted(expected):
        if actual[table] != expected[table]:
            return f"the columns of its table {table} are not those of its version"
    return None


def journal_schema_problem(db_path: Path) -> str | None:
    """``schema_problem`` of the live journal (which others may be writing)."""
    try:
        with contextlib.closing(live_connection(db_path)) as con:
            return schema_problem(con)
    except cipher.DatabaseError as error:
        if not is_damage(error):
            raise JournalError(f"The journal {db_path} could not be checked ({error}).") from None
        return f"SQLite cannot read it ({cipher.reason(error)})"
