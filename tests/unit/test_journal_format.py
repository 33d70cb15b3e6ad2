"""Journal file v1: reading refuses bad input naming list, index and field; writing is exact."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import jsonschema
import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO
from tracker.domain import journal_format, journal_writing
from tracker.domain.demo import build_demo_journal
from tracker.domain.errors import ValidationError

SCHEMA_V2 = REPO / "docs" / "journal-v2.schema.json"


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))


def refused(document: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        journal_format.parse_journal(document)
    return str(caught.value)


def test_example_reads_and_writes_back_byte_for_byte() -> None:
    """The version 1 example comes back byte for byte as version 2: only the version differs
    (every level was recorded, so none is null), and version 2's two lists of regular
    medicines are written, empty."""
    text = EXAMPLE_JOURNAL.read_text(encoding="utf-8")
    as_v2 = text.replace('"version": 1,', '"version": 2,', 1)
    assert as_v2.endswith("  ]\n}")
    as_v2 = as_v2[:-2] + ',\n  "medicines": [],\n  "dose_records": []\n}'
    assert as_v2 != text
    assert journal_writing.dumps(journal_format.loads(text)) == as_v2


def test_export_is_valid_against_the_schema_and_deterministic() -> None:
    journal = build_demo_journal(1)
    first = journal_writing.dumps(journal)
    schema = json.loads(SCHEMA_V2.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(first), schema)
    reversed_lists = type(journal)(
        entries=tuple(reversed(journal.entries)),
        treatments=tuple(reversed(journal.treatments)),
        medications=tuple(reversed(journal.medications)),
        reviews=tuple(reversed(journal.reviews)),
        alerts=journal.alerts,
        appointments=tuple(reversed(journal.appointments)),
        profile=journal.profile,
        contacts=journal.contacts,
        medicines=tuple(reversed(journal.medicines)),
        dose_records=tuple(reversed(journal.dose_records)),
        esas_forms=tuple(reversed(journal.esas_forms)),
    )
    assert journal_writing.dumps(reversed_lists) == first


def test_an_error_names_the_list_the_index_and_the_field() -> None:
    document = example()
    document["entries"][5]["pain"]["score"] = 11
    assert refused(document) == "entries[5].pain.score: 11 is above 10"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("entries", 0, "recorded_at"), "2026-09-01T08:30:00", "is not a timestamp with a UTC"),
        (("entries", 0, "recorded_at"), "2026-02-30T08:30:00+00:00", "not a real date"),
        (("entries", 1, "weakness", "left_leg"), 4, "entries[1].weakness.left_leg: 4 is above 3"),
        (("entries", 1, "numbness", "saddle"), -1, "entries[1].numbness.saddle: -1 is below 0"),
        (("entries", 2, "walking"), "1", "entries[2].walking: '1' is not a whole number"),
        (("entries", 2, "walking"), 1.0, "entries[2].walking: 1.0 is not a whole number"),
        (("entries", 2, "bladder"), "fine", "entries[2].bladder: 'fine' is not one of"),
        (("entries", 2, "pain", "regions"), ["neck"], "entries[2].pain.regions[0]: 'neck'"),
        (("entries", 2, "pain", "regions"), ["lumbar", "lumbar"], "lists the same value twice"),
        (("entries", 2, "pain", "night"), "yes", "entries[2].pain.night: 'yes' is not true"),
        (("entries", 2, "sexual_change"), 1, "entries[2].sexual_change: 1 is not true or false"),
        (("entries", 2, "fatigue"), 11, "entries[2].fatigue: 11 is above 10"),
        (("entries", 2, "note"), "x" * 5001, "entries[2].note: is 5001 characters long"),
        (
            ("treatments", 1, "ended_on"),
            "2026-09-01",
            "treatments[1].ended_on: 2026-09-01 is before",
        ),
        (
            ("treatments", 0, "technique"),
            "sbrt",
            "treatments[0].technique: is for radiotherapy only",
        ),
        (("treatments", 1, "dose_gy"), 0, "treatments[1].dose_gy: 0 must be above 0"),
        (("treatments", 1, "fractions"), 0, "treatments[1].fractions: 0 is below 1"),
        (("treatments", 1, "kind"), "surgery", "treatments[1].kind: 'surgery' is not one of"),
        (("treatments", 1, "sessions", 2, "at"), "2026-09-09", "treatments[1].sessions[2].at:"),
        (("medications", 0, "name"), "", "medications[0].name: must not be empty"),
        (("reviews", 0, "level"), 2, "reviews[0].level: 2 is above 1"),
        (("reviews", 0, "symptom"), "numbness.saddle", "reviews[0].symptom: 'numbness.saddle'"),
        (("alerts", 0, "rule"), "R11", "alerts[0].rule: 'R11' is not one of"),
        (("alerts", 0, "action"), "ignored", "alerts[0].action: 'ignored' is not one of"),
        (("appointments", 0, "at"), "soon", "appointments[0].at: 'soon' is not a timestamp"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(
    path: tuple[Any, ...], value: object, message: str
) -> None:
    document = example()
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert message in refused(document)


def test_unknown_keys_and_missing_required_fields_are_errors() -> None:
    document = example()
    document["entries"][3]["mood"] = 5
    assert refused(document) == "entries[3].mood: is not a field of this record"
    document = example()
    del document["entries"][3]["pain"]["score"]
    assert refused(document) == "entries[3].pain.score: is required"
    document = example()
    del document["reviews"]
    assert refused(document) == "reviews: is required"
    document = example()
    document["format"] = "other"
    assert "format" in refused(document)
    document = example()
    document["version"] = 3
    assert "version: 3 is not a version this app reads (1 or 2)" in refused(document)


def test_duplicate_ids_within_a_list_are_refused() -> None:
    document = example()
    document["entries"][4]["id"] = document["entries"][1]["id"]
    assert refused(document) == "entries[4].id: 'e0108' is already used by entries[1]"


def test_missing_optional_fields_take_their_nothing_recorded_values() -> None:
    document = {
        "format": "spine-journal",
        "version": 1,
        "entries": [{"recorded_at": "2026-11-03T08:15+01:00", "pain": {"score": 2}}],
        "treatments": [
            {
                "kind": "radiotherapy",
                "started_on": "2026-11-01",
                "sessions": [{"at": "2026-11-01T10:00Z"}],
            }
        ],
        "medications": [],
        "reviews": [],
        "alerts": [],
        "appointments": [],
    }
    journal = journal_format.parse_journal(document)
    entry = journal.entries[0]
    assert (entry.walking, entry.bladder, entry.bowel, entry.sexual_change) == (
        0,
        "normal",
        "normal",
        False,
    )
    assert entry.weakness.left_leg == 0 and entry.numbness.saddle == 0
    assert entry.pain.worst_24h is None and entry.pain.regions == () and entry.note == ""
    assert journal.treatments[0].sessions[0].done is True
    written = json.loads(journal_writing.dumps(journal))
    assert written["entries"][0]["recorded_at"] == "2026-11-03T08:15:00+01:00"
    assert written["profile"] == {"display_name": ""}
    assert written["contacts"] == {"helpline": "", "emergency": "", "team": ""}


def test_a_timestamp_keeps_its_own_offset() -> None:
    journal = journal_format.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    spain = next(e for e in journal.entries if e.id == "e2109")
    assert spain.recorded_at.utcoffset() == timedelta(hours=2)
    assert spain.recorded_at == datetime(2026, 9, 22, 7, 15, tzinfo=UTC)
    assert '"recorded_at": "2026-09-22T09:15:00+02:00"' in journal_writing.dumps(journal)


def test_text_that_is_not_json_gets_one_sentence() -> None:
    with pytest.raises(ValidationError, match="this is not a JSON file"):
        journal_format.loads("{not json")


@pytest.mark.parametrize(("version", "expected"), [(1, (0, 0, "normal")), (2, (None, None, None))])
def test_a_missing_screening_sign_reads_as_its_versions_nothing_recorded(
    version: int, expected: tuple[object, ...]
) -> None:
    """Version 1 had no "not asked": a missing sign is 0 or normal there; in version 2 it is
    null, not asked (docs/journal-format.md)."""
    document = {
        "format": "spine-journal",
        "version": version,
        "entries": [{"recorded_at": "2026-11-03T08:15+01:00", "pain": {"score": 2}}],
        **{name: [] for name in ("treatments", "medications", "reviews", "alerts")},
        "appointments": [],
    }
    (entry,) = journal_format.parse_journal(document).entries
    assert (entry.weakness.left_leg, entry.walking, entry.bowel) == expected
    written = json.loads(journal_writing.dumps(journal_format.parse_journal(document)))
    assert written["version"] == 2
    assert written["entries"][0]["walking"] == expected[1]
