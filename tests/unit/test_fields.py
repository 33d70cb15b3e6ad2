"""The entry's field table (tracker.domain.fields) against every format: a field of the table
that a format leaves out, or a format's field that the table lacks, fails here."""

from __future__ import annotations

import contextlib
import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tracker.domain import csv_format, fhir, fhir_codes, fields, journal_format, journal_writing
from tracker.domain.model import Entry, Journal, Numbness, Pain, Weakness, entry_from_values
from tracker.storage import mapping
from tracker.storage.database import open_journal
from tracker.storage.models import FIELD_CHECKS, EntryRow

GROUP_CLASSES = {"pain": Pain, "weakness": Weakness, "numbness": Numbness, "": Entry}
WHEN = datetime(2026, 3, 4, 8, 30, tzinfo=UTC)


def recorded(f: fields.Field) -> object:
    """A value of ``f`` that is not its "not recorded" value."""
    if f.kind == "number":
        return f.high
    if f.kind == "flag":
        return True
    if f.kind == "choice":
        return f.vocabulary[-1]
    if f.kind == "choices":
        return f.vocabulary[:2]
    return "a note"


FULL = entry_from_values(WHEN, {f.path: recorded(f) for f in fields.ENTRY_FIELDS}, "e1")


def test_every_field_of_every_record_class_is_in_the_table_and_nothing_more() -> None:
    for group, cls in GROUP_CLASSES.items():
        declared = [
            f.name
            for f in dataclasses.fields(cls)
            if f.name not in ("id", "recorded_at", *fields.GROUPS)
        ]
        assert declared == [f.name for f in fields.group_fields(group)], group


def test_the_record_classes_default_to_the_tables_not_recorded_value() -> None:
    for group, cls in GROUP_CLASSES.items():
        defaults = {f.name: f for f in dataclasses.fields(cls)}
        for f in fields.group_fields(group):
            if f.required:
                assert defaults[f.name].default is dataclasses.MISSING, f.path
            else:
                assert defaults[f.name].default == f.empty, f.path


def test_a_field_left_out_of_a_record_reads_as_not_recorded() -> None:
    bare = entry_from_values(WHEN, {"pain.score": 0})
    values = fields.flat_values(bare)
    assert values == {f.path: 0 if f.required else f.empty for f in fields.ENTRY_FIELDS}


def test_every_field_has_its_json_key_and_comes_back() -> None:
    document = journal_writing.entry_doc(FULL)
    for f in fields.ENTRY_FIELDS:
        holder: Any = document[f.group] if f.group else document
        value = recorded(f)
        assert holder[f.name] == (list(value) if isinstance(value, tuple) else value), f.path
    assert journal_format.parse_entry(document) == FULL


def test_every_field_has_its_csv_column_and_comes_back() -> None:
    assert ("id", "recorded_at", *(f.csv for f in fields.ENTRY_FIELDS)) == csv_format.CSV_COLUMNS
    journal = csv_format.loads_csv(csv_format.dumps_csv(Journal(entries=(FULL,))))
    assert journal.entries == (FULL,)


def test_the_storage_columns_match_the_table() -> None:
    columns = EntryRow.__table__.columns
    for f in fields.ENTRY_FIELDS:
        assert f.storage in columns, f.path
        assert columns[f.storage].nullable == f.nullable, f.path
    check_names = {c.name for c in EntryRow.__table__.constraints if c.name}
    for f in fields.ENTRY_FIELDS:
        name = f"{f.storage}_length" if f.kind == "text" else f.storage
        if f.kind != "choices":  # a list is stored as text its vocabulary cannot check
            assert f"ck_entries_{name}" in check_names, f.path
    row = mapping.entry_values(FULL)
    assert {f.storage for f in fields.ENTRY_FIELDS} <= set(row)
    assert mapping.row_to_entry(row) == FULL


@pytest.mark.parametrize("f", [f for f in fields.ENTRY_FIELDS if f.fhir], ids=lambda f: f.path)
def test_every_field_with_a_fhir_display_is_an_observation(f: fields.Field) -> None:
    bundle = fhir.bundle(Journal(entries=(FULL,)))
    codes = {
        coding["code"]
        for item in bundle["entry"]
        for coding in item["resource"].get("code", {}).get("coding", [])
    }
    wanted = fhir_codes.LOINC_CODED[f.path][1] if f.path in fhir_codes.LOINC_CODED else f.path
    assert wanted in codes
    displays = {code: display for _, code, display in fhir_codes.EMITTED_CODES}
    if f.path not in fhir_codes.LOINC_CODED:
        assert displays[f.path] == f.fhir


def test_the_journal_file_checks_every_field_as_the_table_says(tmp_path: Path) -> None:
    """The CHECKs the models derive from the table are the ones the migrations create."""
    with contextlib.closing(open_journal(tmp_path)) as db, db.engine.connect() as connection:
        (created,) = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'entries'"
        ).one()
    for check in FIELD_CHECKS:
        assert f"CONSTRAINT {check.name} CHECK ({check.sqltext})" in created
