"""The import's figures, on the 10-year journal: ``import_ms`` (the app's import),
``raw_import_ms`` (the same rows with plain ``sqlite3``) and ``import_file_ms`` (the file read and
parsed, then the app's import); what each measures is written in ``benchmarks/budgets.py``."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

IMPORT_RUNS = 5


def import_figures(journal_file: Path, work: Path) -> tuple[dict[str, list[float]], Path]:
    from tracker.domain import journal_format
    from tracker.services.exchange import ExchangeService
    from tracker.storage import mapping, medicine_mapping
    from tracker.storage.database import open_journal

    journal = journal_format.loads(journal_file.read_text(encoding="utf-8"))
    template = work / "empty"
    open_journal(template).close()
    empty = template / "journal.sqlite3"
    if empty.with_name(empty.name + "-wal").exists():
        raise RuntimeError("the empty journal left a -wal file: copying it alone would lose data")
    rows = raw_rows(journal, mapping, medicine_mapping)
    figures: dict[str, list[float]] = {"import_ms": [], "raw_import_ms": [], "import_file_ms": []}
    kept = work / "journal-10y"
    for run in range(IMPORT_RUNS):
        folder = work / f"import-{run}"
        shutil.copytree(template, folder)
        db = open_journal(folder)
        start = time.perf_counter()
        ExchangeService(db).import_journal(journal)
        figures["import_ms"].append((time.perf_counter() - start) * 1000)
        db.close()

        raw = work / f"raw-{run}.sqlite3"
        shutil.copy(empty, raw)
        figures["raw_import_ms"].append(raw_import(raw, rows))
        if run == 0:
            same_counts(folder / "journal.sqlite3", raw)
            shutil.copytree(folder, kept)

        folder = work / f"import-file-{run}"
        shutil.copytree(template, folder)
        db = open_journal(folder)
        start = time.perf_counter()
        parsed = journal_format.loads(journal_file.read_text(encoding="utf-8"))
        ExchangeService(db).import_journal(parsed)
        figures["import_file_ms"].append((time.perf_counter() - start) * 1000)
        db.close()
    return figures, kept


def raw_rows(
    journal: Any, mapping: Any, medicine_mapping: Any
) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every row the import writes, as ``(INSERT statement, parameter tuples)``, made before
    the clock starts. Values as SQLAlchemy stores them (dates and times as ISO text)."""
    tables: list[tuple[str, list[dict[str, Any]]]] = [
        ("entries", [mapping.entry_values(e) for e in journal.entries]),
        ("medications", [mapping.medication_values(m) for m in journal.medications]),
        ("reviews", [mapping.review_values(r) for r in journal.reviews]),
        ("alerts", [mapping.alert_values(a) for a in journal.alerts]),
        ("appointments", [mapping.appointment_values(p) for p in journal.appointments]),
        ("esas_forms", [mapping.esas_values(f) for f in journal.esas_forms]),
        ("treatments", [mapping.treatment_values(t) for t in journal.treatments]),
        (
            "treatment_sessions",
            [
                mapping.session_values(s, index + 1)  # the treatments' pks in an empty table
                for index, t in enumerate(journal.treatments)
                for s in t.sessions
            ],
        ),
        ("medicines", [medicine_mapping.medicine_values(m) for m in journal.medicines]),
        ("dose_records", [medicine_mapping.dose_record_values(d) for d in journal.dose_records]),
        (
            "settings",
            [
                {"key": "profile.display_name", "value": journal.profile.display_name},
                {"key": "contacts.helpline", "value": journal.contacts.helpline},
                {"key": "contacts.emergency", "value": journal.contacts.emergency},
                {"key": "contacts.team", "value": journal.contacts.team},
            ],
        ),
    ]
    prepared = []
    for table, dicts in tables:
        if not dicts:
            continue
        columns = list(dicts[0])
        values = [tuple(_plain(row[c]) for c in columns) for row in dicts]
        marks = ", ".join("?" for _ in columns)
        prepared.append((f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values))
    return prepared


def raw_import(path: Path, rows: list[tuple[str, list[tuple[Any, ...]]]]) -> float:
    """The rows written with plain ``sqlite3.executemany`` into the empty journal at ``path``,
    with the app's pragmas, in one transaction; milliseconds to the commit."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    start = time.perf_counter()
    connection.execute("BEGIN")
    for statement, values in rows:
        connection.executemany(statement, values)
    connection.execute("COMMIT")
    elapsed = (time.perf_counter() - start) * 1000
    connection.close()
    return elapsed


def _plain(value: Any) -> Any:
    if hasattr(value, "hour"):
        return value.isoformat(sep=" ", timespec="microseconds")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def same_counts(app_file: Path, raw_file: Path) -> None:
    """Both imports wrote the same number of rows in every table."""

    def counts(path: Path) -> dict[str, int]:
        with sqlite3.connect(path) as connection:
            names = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
                )
            ]
            return {n: connection.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}

    app_counts, raw_counts = counts(app_file), counts(raw_file)
    if app_counts != raw_counts:
        raise RuntimeError(f"the raw import is not the same rows: {app_counts} != {raw_counts}")
