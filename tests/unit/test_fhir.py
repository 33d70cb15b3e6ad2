"""FHIR R4 export: a valid collection Bundle with stable fullUrls, only documented codes, the
entries' own offsets, and a Patient without identifiers."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.conftest import EXAMPLE_JOURNAL, REPO
from tracker.domain import fhir, fhir_codes, fhir_records, journal_format
from tracker.domain.demo import build_demo_journal
from tracker.domain.errors import ValidationError
from tracker.domain.model import (
    Entry,
    Journal,
    MedicationDose,
    Pain,
    Profile,
    Session,
    Treatment,
    Weakness,
)

UUID_URL = re.compile(
    r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
)
UTC = timezone.utc
PLUS_2 = timezone(timedelta(hours=2))


def example() -> Journal:
    return journal_format.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))


def resources(doc: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    return [
        item["resource"]
        for item in doc["entry"]
        if kind is None or item["resource"]["resourceType"] == kind
    ]


def walk(value: object) -> Iterator[dict[str, Any]]:
    """Every JSON object inside value, at any depth."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from walk(inner)


def observations_of(doc: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [
        o
        for o in resources(doc, "Observation")
        if any(c["code"] == code for c in o["code"]["coding"])
    ]


def expected_observations(entry: Entry) -> int:
    # score, regions, night, straining, tender, radiating, 4 weakness, 4 numbness, walking,
    # bladder, bowel, sexual change; worst pain, fatigue and note only when recorded
    optional = (entry.pain.worst_24h, entry.fatigue, entry.note.strip() or None)
    return 18 + sum(value is not None for value in optional)


@pytest.mark.parametrize("journal", [example(), build_demo_journal(1)], ids=["example", "demo"])
def test_the_whole_bundle_validates_as_fhir_r4(journal: Journal) -> None:
    doc = fhir.bundle(journal)
    parsed = Bundle.model_validate(doc)
    assert parsed.type == "collection"
    assert len(parsed.entry or []) == len(doc["entry"])
    counts = Counter(r["resourceType"] for r in resources(doc))
    scores = sum(s is not None for f in journal.esas_forms for s in f.scores().values())
    expected = {
        "Patient": 1,
        "Observation": sum(expected_observations(e) for e in journal.entries) + scores,
        "Procedure": len(journal.treatments),
        "MedicationAdministration": len(journal.medications) + len(journal.dose_records),
        **({"MedicationStatement": len(journal.medicines)} if journal.medicines else {}),
        "QuestionnaireResponse": len(journal.esas_forms),
    }
    assert counts == {kind: n for kind, n in expected.items() if n}
    # statuses are plain codes to the validator, so check them here
    assert {r["status"] for r in resources(doc, "Observation")} == {"final"}
    # a regular medicine's dose skipped is not-done; every other dose was taken
    skipped = sum(d.status == "skipped" for d in journal.dose_records)
    taken = len(journal.medications) + len(journal.dose_records) - skipped
    statuses = Counter(r["status"] for r in resources(doc, "MedicationAdministration"))
    assert statuses == Counter({"completed": taken, "not-done": skipped})
    assert {r["status"] for r in resources(doc, "Procedure")} <= {"completed", "in-progress"}


@pytest.mark.parametrize("journal", [example(), build_demo_journal(1)], ids=["example", "demo"])
def test_full_urls_are_unique_uuids_and_every_reference_resolves(journal: Journal) -> None:
    doc = fhir.bundle(journal)
    urls = [item["fullUrl"] for item in doc["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(UUID_URL.fullmatch(url) for url in urls)
    patient_url = urls[0]
    assert doc["entry"][0]["resource"]["resourceType"] == "Patient"
    references = [obj["reference"] for obj in walk(doc) if "reference" in obj]
    assert len(references) > len(urls)  # subjects and performers
    assert set(references) == {patient_url}


def test_two_exports_of_the_same_data_are_identical_whatever_the_list_order() -> None:
    journal = build_demo_journal(1)
    first = json.dumps(fhir.bundle(journal))
    assert json.dumps(fhir.bundle(journal)) == first
    shuffled = replace(
        journal,
        entries=tuple(reversed(journal.entries)),
        treatments=tuple(reversed(journal.treatments)),
        medications=tuple(reversed(journal.medications)),
        esas_forms=tuple(reversed(journal.esas_forms)),
    )
    assert json.dumps(fhir.bundle(shuffled)) == first


def test_a_record_keeps_its_full_url_when_other_records_change() -> None:
    journal = example()
    before = {item["fullUrl"]: item["resource"] for item in fhir.bundle(journal)["entry"]}
    fewer = replace(journal, entries=journal.entries[5:], medications=journal.medications[1:])
    after = {item["fullUrl"]: item["resource"] for item in fhir.bundle(fewer)["entry"]}
    assert set(after) < set(before)
    assert all(before[url] == resource for url, resource in after.items())


def test_records_without_ids_get_distinct_stable_full_urls() -> None:
    at = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    twin = Entry(recorded_at=at, pain=Pain(score=3))
    journal = Journal(entries=(twin, twin, Entry(recorded_at=at, pain=Pain(score=4))))
    urls = [item["fullUrl"] for item in fhir.bundle(journal)["entry"]]
    assert len(set(urls)) == len(urls) == 1 + 3 * 18
    assert urls == [item["fullUrl"] for item in fhir.bundle(journal)["entry"]]
    reordered = replace(journal, entries=tuple(reversed(journal.entries)))
    assert fhir.bundle(reordered) == fhir.bundle(journal)


def test_duplicate_ids_are_refused_rather_than_sharing_a_full_url() -> None:
    dose = MedicationDose(id="m1", taken_at=datetime(2026, 9, 1, tzinfo=UTC), name="Paracetamol")
    with pytest.raises(ValidationError, match=r"medications\[1\]\.id: 'm1' is already used"):
        fhir.bundle(Journal(medications=(dose, replace(dose, note="again"))))


@pytest.mark.parametrize("journal", [example(), build_demo_journal(1)], ids=["example", "demo"])
def test_every_coding_is_a_documented_emitted_code(journal: Journal) -> None:
    doc = fhir.bundle(journal)
    emitted = set(fhir_codes.EMITTED_CODES)
    codings = [obj for obj in walk(doc) if "system" in obj]
    assert codings
    for coding in codings:
        assert set(coding) == {"system", "code", "display"}
        assert (coding["system"], coding["code"], coding["display"]) in emitted
    for concept in (obj for obj in walk(doc) if "coding" in obj):
        assert concept["coding"], "a CodeableConcept with an empty coding list"


def test_emitted_codes_are_unique_and_all_documented() -> None:
    codes = fhir_codes.EMITTED_CODES
    assert len({(system, code) for system, code, _ in codes}) == len(codes)
    doc = (REPO / "docs" / "fhir.md").read_text(encoding="utf-8")
    section = doc.split("## Every code the export can write")[1].split("\n## ")[0]
    rows = [
        tuple(cell.strip().strip("`") for cell in line.split("|")[1:4])
        for line in section.splitlines()
        if line.startswith("| `")
    ]
    assert rows == list(codes)


def test_clinical_codes_are_only_the_vetted_few() -> None:
    clinical = {
        (s, c) for s, c, _ in fhir_codes.EMITTED_CODES if not s.startswith(fhir_codes.APP_BASE)
    }
    assert clinical == {
        ("http://terminology.hl7.org/CodeSystem/observation-category", "survey"),
        ("http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-asked"),
        ("http://loinc.org", "72514-3"),
        ("http://loinc.org", "112503-8"),  # the ESAS panel, on the ESAS-r Questionnaire only
        ("http://snomed.info/sct", "267064002"),
        ("http://snomed.info/sct", "165232002"),
        ("http://snomed.info/sct", "14760008"),
    }


def test_observations_keep_the_entrys_own_offset() -> None:
    doc = fhir.bundle(example())
    spain = [
        o
        for o in resources(doc, "Observation")
        if o["effectiveDateTime"].startswith("2026-09-22T09")
    ]
    assert len(spain) == 21  # the entry at +02:00: worst pain, fatigue and note recorded
    assert {o["effectiveDateTime"] for o in spain} == {"2026-09-22T09:15:00+02:00"}
    assert any(o.get("valueString") == "At my sister's in Spain; a good morning." for o in spain)


def test_pain_score_uses_loinc_and_zero_levels_are_recorded_values() -> None:
    entry = Entry(
        id="e1",
        recorded_at=datetime(2026, 9, 1, 8, 30, tzinfo=PLUS_2),
        pain=Pain(score=0, regions=("thoracic",), night=True, radiating=("band",)),
        weakness=Weakness(left_arm=0, right_arm=0, left_leg=2, right_leg=0),  # answered
        bladder="leaking",
    )
    doc = fhir.bundle(Journal(entries=(entry,)))
    (score,) = observations_of(doc, "72514-3")
    assert score["valueInteger"] == 0
    assert score["category"][0]["coding"][0]["code"] == "survey"
    assert score["effectiveDateTime"] == "2026-09-01T08:30:00+02:00"
    (left_leg,) = observations_of(doc, "weakness.left_leg")
    (right_leg,) = observations_of(doc, "weakness.right_leg")
    assert (left_leg["valueInteger"], right_leg["valueInteger"]) == (2, 0)
    (night,) = observations_of(doc, "pain.night")
    (tender,) = observations_of(doc, "pain.tender")
    assert (night["valueBoolean"], tender["valueBoolean"]) == (True, False)
    (regions,) = observations_of(doc, "pain.regions")
    assert {c["code"]["coding"][0]["code"]: c["valueBoolean"] for c in regions["component"]} == {
        "pain.regions.cervical": False,
        "pain.regions.thoracic": True,
        "pain.regions.lumbar": False,
        "pain.regions.sacral": False,
    }
    (radiating,) = observations_of(doc, "pain.radiating")
    assert [c["valueBoolean"] for c in radiating["component"]] == [True, False, False, False, False]
    assert observations_of(doc, "pain.worst_24h") == observations_of(doc, "fatigue") == []
    assert observations_of(doc, "note") == []


@pytest.mark.parametrize(
    ("field", "state", "codes"),
    [
        ("bladder", "normal", ["bladder.normal"]),
        ("bladder", "changed", ["bladder.changed"]),
        ("bladder", "cannot_pass", ["bladder.cannot_pass", "267064002"]),
        ("bladder", "leaking", ["bladder.leaking", "165232002"]),
        ("bowel", "constipated", ["bowel.constipated", "14760008"]),
        ("bowel", "leaking_or_no_feeling", ["bowel.leaking_or_no_feeling"]),
    ],
)
def test_bladder_and_bowel_answers_are_coded(field: str, state: str, codes: list[str]) -> None:
    plain = Entry(recorded_at=datetime(2026, 9, 1, tzinfo=UTC), pain=Pain(score=1))
    changes: dict[str, Any] = {field: state}
    entry = replace(plain, **changes)
    (observation,) = observations_of(fhir.bundle(Journal(entries=(entry,))), field)
    value = observation["valueCodeableConcept"]
    assert [c["code"] for c in value["coding"]] == codes
    assert value["coding"][0]["system"] == fhir_codes.ANSWER_SYSTEM


def test_the_patient_has_no_identifiers_and_only_a_chosen_name() -> None:
    doc = fhir.bundle(example())
    (patient,) = resources(doc, "Patient")
    assert patient == {"resourceType": "Patient", "name": [{"text": "Sam"}]}
    assert not any("identifier" in obj for obj in walk(doc))
    anonymous = fhir.bundle(Journal(profile=Profile(display_name="  ")))
    assert resources(anonymous, "Patient") == [{"resourceType": "Patient"}]
    Bundle.model_validate(anonymous)


def extension_values(resource: dict[str, Any]) -> dict[str, Any]:
    result = {}
    for extension in resource.get("extension", []):
        name = extension["url"].removeprefix(fhir_codes.EXTENSION_BASE)
        (value,) = (v for k, v in extension.items() if k.startswith("value"))
        result[name] = value
    return result


def test_radiotherapy_records_site_dose_fractions_and_sessions() -> None:
    course = Treatment(
        id="t1",
        kind="radiotherapy",
        started_on=date(2026, 9, 7),
        site="T9-T11",
        technique="sbrt",
        dose_gy=24.0,
        fractions=3,
        sessions=(
            Session(at=datetime(2026, 9, 7, 11, 0, tzinfo=UTC)),
            Session(at=datetime(2026, 9, 9, 11, 0, tzinfo=UTC), note="Felt sick after"),
            Session(at=datetime(2026, 9, 11, 11, 0, tzinfo=UTC), done=False),
        ),
        note="Palliative radiotherapy",
    )
    doc = fhir.bundle(Journal(treatments=(course,)))
    Bundle.model_validate(doc)
    (procedure,) = resources(doc, "Procedure")
    assert procedure["status"] == "in-progress"
    assert procedure["performedPeriod"] == {"start": "2026-09-07"}
    assert procedure["bodySite"] == [{"text": "T9-T11"}]
    assert procedure["code"]["coding"] == [
        {"system": fhir_codes.TREATMENT_SYSTEM, "code": "radiotherapy", "display": "Radiotherapy"}
    ]
    assert extension_values(procedure) == {
        "radiotherapy-technique": "sbrt",
        "dose-gy": 24.0,
        "fractions": 3,
        "sessions-done": 2,
        "sessions-planned": 1,
    }
    notes = [note["text"] for note in procedure["note"]]
    assert "Dose: 24 Gy in 3 fractions." in notes[0]
    assert "Sessions: 2 done, 1 planned." in notes[0]
    assert "Planned on 2026-09-11." in notes[0]
    assert notes[1:] == [
        "Palliative radiotherapy",
        "Session 2026-09-09T11:00:00+00:00: Felt sick after",
    ]

    ended = fhir_records.procedure(replace(course, ended_on=date(2026, 9, 11)), {"reference": "x"})
    assert ended["status"] == "completed"
    assert ended["performedPeriod"] == {"start": "2026-09-07", "end": "2026-09-11"}


def test_one_day_procedures_are_completed_on_their_day() -> None:
    subject = {"reference": "urn:uuid:x"}
    kypho = fhir_records.procedure(
        Treatment(kind="kyphoplasty", started_on=date(2026, 5, 2), site="L2"), subject
    )
    assert kypho["status"] == "completed"
    assert kypho["performedDateTime"] == "2026-05-02"
    assert "performedPeriod" not in kypho
    assert "extension" not in kypho and "note" not in kypho
    steroids = fhir_records.procedure(
        Treatment(kind="steroids", started_on=date(2026, 5, 2)), subject
    )
    assert (steroids["status"], steroids["performedPeriod"]) == (
        "in-progress",
        {"start": "2026-05-02"},
    )
    assert "bodySite" not in steroids


def test_doses_are_completed_administrations_with_their_own_offset() -> None:
    dose = MedicationDose(
        id="m1",
        taken_at=datetime(2026, 9, 22, 2, 0, tzinfo=PLUS_2),
        name="Oxycodone liquid",
        dose="5 mg",
        as_needed=True,
        note="pain flare",
    )
    bare = MedicationDose(id="m2", taken_at=datetime(2026, 9, 23, tzinfo=UTC), name="Senna")
    doc = fhir.bundle(Journal(medications=(bare, dose)))
    Bundle.model_validate(doc)
    first, second = resources(doc, "MedicationAdministration")
    assert first["status"] == "completed"
    assert first["medicationCodeableConcept"] == {"text": "Oxycodone liquid"}
    assert first["effectiveDateTime"] == "2026-09-22T02:00:00+02:00"
    assert first["dosage"] == {"text": "5 mg"}
    assert first["subject"]["reference"] == doc["entry"][0]["fullUrl"]
    assert [n["text"] for n in first["note"]] == ["Taken as needed.", "pain flare"]
    assert extension_values(first) == {"as-needed": True}
    assert "dosage" not in second and "note" not in second
    assert extension_values(second) == {"as-needed": False}


def test_bundle_timestamp_is_the_export_time_when_set() -> None:
    journal = example()
    assert fhir.bundle(journal)["timestamp"] == "2026-09-22T10:00:00+00:00"
    assert "timestamp" not in fhir.bundle(replace(journal, exported_at=None))


def test_regular_medicines_are_statements_with_their_dosage_and_doses_administrations() -> None:
    """The demo's medicines: each a MedicationStatement whose dosage says the amount, route and
    times (a reducing course one dosage per step); each dose recorded an administration, a
    late one at its real time, a skipped one not-done on its day."""
    journal = build_demo_journal(1)
    doc = fhir.bundle(journal)
    Bundle.model_validate(doc)
    statements = resources(doc, "MedicationStatement")
    assert [s["medicationCodeableConcept"]["text"] for s in statements] == [
        m.name for m in sorted(journal.medicines, key=lambda m: (m.started_on, f"id:{m.id}"))
    ]
    opioid = next(s for s in statements if "Morphine" in s["medicationCodeableConcept"]["text"])
    (dosage,) = opioid["dosage"]
    assert dosage["timing"]["repeat"]["timeOfDay"] == ["08:00:00", "20:00:00"]
    assert dosage["doseAndRate"][0]["doseQuantity"] == {"value": 20.0, "unit": "mg"}
    assert opioid["status"] == "active" and "end" not in opioid["effectivePeriod"]
    dex = next(s for s in statements if s["medicationCodeableConcept"]["text"] == "Dexamethasone")
    assert [d["doseAndRate"][0]["doseQuantity"]["value"] for d in dex["dosage"]] == [16, 8, 4, 2]
    assert dex["status"] == "completed"
    given = [r for r in resources(doc, "MedicationAdministration") if "extension" in r]
    by_due = {
        (r["medicationCodeableConcept"]["text"], r["extension"][0]["valueString"]): r
        for r in given
        if r["extension"][0]["url"].endswith("/dose-due")
    }
    names = {m.id: m.name for m in journal.medicines}
    assert len(by_due) == len(journal.dose_records)
    for record in journal.dose_records:
        due = f"{record.due_on.isoformat()}T{record.due_time:%H:%M}"
        found = by_due[(names[record.medicine_id], due)]
        if record.taken_at is not None:
            assert found["effectiveDateTime"] == record.taken_at.isoformat()
        else:
            assert found["status"] == "not-done" and found["effectiveDateTime"] == str(
                record.due_on
            )
