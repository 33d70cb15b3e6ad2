"""Regular medicines and dose records in the journal file, version 2."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import jsonschema
import pytest

from tests.conftest import REPO
from tracker.domain import journal_format, journal_writing
from tracker.domain.errors import ValidationError
from tracker.domain.medicines import CourseStep, DoseRecord, RegularMedicine
from tracker.domain.model import Journal

SCHEMA_V2 = REPO / "docs" / "journal-v2.schema.json"
ZONE = timezone(timedelta(hours=2))


def journal() -> Journal:
    taper = RegularMedicine(
        name="Dexamethasone", dose=8, unit="mg", times=(time(8),), started_on=date(2026, 3, 2),
        steps=(CourseStep(8, 3), CourseStep(4.5, 2)), steroid=True, reason="cord", id="rm-1",
    )  # fmt: skip
    opioid = RegularMedicine(
        name="Morphine MR", dose=20, unit="mg", times=(time(8), time(20)),
        started_on=date(2026, 3, 1), ended_on=date(2026, 4, 1), id="rm-2",
    )  # fmt: skip
    late = datetime(2026, 3, 2, 9, 45, tzinfo=ZONE)
    records = (
        DoseRecord("rm-2", date(2026, 3, 2), time(20), "skipped", id="d-2"),
        DoseRecord("rm-1", date(2026, 3, 2), time(8), "taken", taken_at=late, id="d-1"),
    )
    return Journal(medicines=(taper, opioid), dose_records=records)


def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(journal_writing.dumps(journal()))
    return loaded


def refused(doc: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        journal_format.parse_journal(doc)
    return str(caught.value)


def test_medicines_round_trip_exactly_and_match_the_schema() -> None:
    text = journal_writing.dumps(journal())
    jsonschema.validate(json.loads(text), json.loads(SCHEMA_V2.read_text(encoding="utf-8")))
    again = journal_format.loads(text)
    assert journal_writing.dumps(again) == text
    assert again.medicines[1].steps == (CourseStep(8.0, 3), CourseStep(4.5, 2))
    assert again.dose_records[0].taken_at == datetime(2026, 3, 2, 9, 45, tzinfo=ZONE)
    doc = json.loads(text)
    assert [m["id"] for m in doc["medicines"]] == ["rm-2", "rm-1"]  # by start day
    assert doc["medicines"][1]["times"] == ["08:00"]


def test_a_version_2_file_without_the_lists_reads_as_none() -> None:
    doc = document()
    del doc["medicines"], doc["dose_records"]
    parsed = journal_format.parse_journal(doc)
    assert parsed.medicines == () and parsed.dose_records == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["dose_records"][0].update(medicine_id="nobody"),
            "dose_records[0].medicine_id: 'nobody' is not the id of a medicine in this file",
        ),
        (
            lambda d: d["dose_records"][0].update(taken_at=None),
            "dose_records[0].taken_at: is required for a dose taken",
        ),
        (
            lambda d: d["medicines"][0].update(times=["8am"]),
            "medicines[0].times[0]: '8am' is not a time of day like 08:00",
        ),
        (
            lambda d: d["medicines"][1]["steps"][1].update(days=0),
            "medicines[1].steps[1].days: 0 is below 1",
        ),
        (
            lambda d: d["medicines"][0].update(unit="spoon"),
            "medicines[0].unit: 'spoon' is not one of",
        ),
        (
            lambda d: d["dose_records"].append(dict(d["dose_records"][0], id="d-9")),
            "dose_records[2]: records the same dose due as dose_records[0]",
        ),
        (lambda d: d.update(version=1), "medicines: is not a field of version 1"),
    ],
)
def test_bad_medicines_are_refused_naming_list_index_and_field(change: Any, message: str) -> None:
    doc = document()
    change(doc)
    assert message in refused(doc)
