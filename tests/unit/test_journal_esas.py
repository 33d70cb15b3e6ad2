"""ESAS-r forms in journal format version 2: they come back exactly, are valid against the v2
schema, are refused in a version 1 file, and a bad value is refused naming list, index, field."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO
from tracker.domain import journal_format, journal_writing
from tracker.domain.errors import ValidationError
from tracker.domain.esas import EsasForm
from tracker.domain.model import Journal

SCHEMA_V2 = REPO / "docs" / "journal-v2.schema.json"
WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))


def with_forms() -> Journal:
    return Journal(
        esas_forms=(
            EsasForm(WHEN, "patient", pain=4, tiredness=0, other=2, other_name="itch", id="s-2"),
            EsasForm(WHEN - timedelta(days=7), "professional_caregiver", wellbeing=6, id="s-1"),
        )
    )


def document(**form: Any) -> dict[str, Any]:
    example: dict[str, Any] = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    example["version"] = 2
    example["esas_forms"] = [{"completed_at": WHEN.isoformat(), "completed_by": "patient", **form}]
    return example


def test_forms_round_trip_in_time_order_with_unanswered_null() -> None:
    text = journal_writing.dumps(with_forms())
    written = json.loads(text)
    assert [f["id"] for f in written["esas_forms"]] == ["s-1", "s-2"]
    assert written["esas_forms"][1]["nausea"] is None
    assert written["esas_forms"][1]["tiredness"] == 0
    back = journal_format.loads(text)
    assert sorted(back.esas_forms, key=lambda f: str(f.id)) == sorted(
        with_forms().esas_forms, key=lambda f: str(f.id)
    )
    assert back.esas_forms[1].completed_at.utcoffset() == timedelta(hours=5, minutes=30)
    assert journal_writing.dumps(back) == text
    jsonschema.validate(written, json.loads(SCHEMA_V2.read_text(encoding="utf-8")))


def test_a_journal_without_forms_is_written_as_before() -> None:
    assert "esas_forms" not in journal_writing.dumps(Journal())
    assert journal_format.loads(journal_writing.dumps(Journal())).esas_forms == ()


def test_a_score_left_out_reads_as_not_answered() -> None:
    (form,) = journal_format.parse_journal(document(pain=3)).esas_forms
    assert form.pain == 3 and form.nausea is None


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"pain": 11}, "esas_forms[0].pain: 11 is not from 0 to 10"),
        ({"pain": 3.0}, "esas_forms[0].pain: 3.0 is not a whole number"),
        ({"pain": "3"}, "esas_forms[0].pain: '3' is not a whole number"),
        ({"pain": 1, "completed_by": "nurse"}, "esas_forms[0].completed_by: 'nurse' is not one"),
        ({"pain": 1, "mood": 2}, "esas_forms[0].mood: is not a field of this record"),
        ({"other": 5}, "esas_forms[0].other_name: a score is given: name the problem too"),
        ({}, "esas_forms[0]: no item is answered: answer at least one"),
        ({"pain": 1, "other_name": 7}, "esas_forms[0].other_name: 7 is not text"),
    ],
)
def test_bad_forms_are_refused_naming_list_index_and_field(
    form: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        journal_format.parse_journal(document(**form))
    assert str(caught.value).startswith(message)


def test_a_form_without_its_time_or_who_is_refused() -> None:
    doc = document(pain=1)
    del doc["esas_forms"][0]["completed_at"]
    with pytest.raises(ValidationError, match=r"esas_forms\[0\]\.completed_at: is required"):
        journal_format.parse_journal(doc)
    doc = document(pain=1)
    doc["esas_forms"].append(dict(doc["esas_forms"][0], id="x"))
    doc["esas_forms"].append(dict(doc["esas_forms"][0], id="x"))
    with pytest.raises(ValidationError, match=r"esas_forms\[2\]\.id: 'x' is already used"):
        journal_format.parse_journal(doc)


def test_a_version_1_file_cannot_carry_forms() -> None:
    doc = document(pain=1)
    doc["version"] = 1
    with pytest.raises(ValidationError, match="esas_forms: ESAS-r forms need version 2"):
        journal_format.parse_journal(doc)
    doc["esas_forms"] = "none"
    doc["version"] = 2
    with pytest.raises(ValidationError, match="esas_forms: 'none' is not a list"):
        journal_format.parse_journal(doc)
