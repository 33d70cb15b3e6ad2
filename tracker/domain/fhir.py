"""The journal as a FHIR R4 Bundle of type ``collection`` (docs/fhir.md).

Plain dicts, ready for ``json.dumps``: a Patient, one Observation per recorded value of each
entry, a Procedure per treatment and a MedicationAdministration per dose taken. Every ``fullUrl``
is a ``urn:uuid`` derived (uuid5) from the record's id and its role, so two exports of the same
data are identical. The codings, and ``EMITTED_CODES``, every coding the export can write, are in
``fhir_codes``; the Patient, Procedures and MedicationAdministrations in ``fhir_records``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from tracker.domain import fhir_esas, fhir_medicines, fields, journal_esas, journal_writing
from tracker.domain.errors import ValidationError
from tracker.domain.esas import EsasForm
from tracker.domain.fhir_codes import (
    ANSWER_DISPLAYS,
    ANSWER_SYSTEM,
    LOINC_CODED,
    NOT_ASKED,
    SNOMED_EQUIVALENTS,
    SURVEY,
    SYMPTOM_DISPLAYS,
    SYMPTOM_SYSTEM,
    Coding,
)
from tracker.domain.fhir_codes import codeable_concept as _concept
from tracker.domain.fhir_records import Resource, administration, patient, procedure
from tracker.domain.fhir_records import has_text as _has_text
from tracker.domain.model import Entry, Journal, MedicationDose, Treatment
from tracker.domain.timeutil import format_timestamp, to_utc_naive

R = TypeVar("R", Entry, Treatment, MedicationDose, EsasForm)

FULL_URL_NAMESPACE = uuid.UUID("d4b2a5ec-9afc-576a-a325-511ba4ecf434")
"""uuid5(NAMESPACE_URL, "https://spine-journal.invalid/fhir"): fixed forever, or every
fullUrl of every earlier export changes."""


def _symptom(code: str) -> Coding:
    return (SYMPTOM_SYSTEM, code, SYMPTOM_DISPLAYS[code])


# ---- stable fullUrls --------------------------------------------------------------------------


def full_url(role: str, key: str) -> str:
    """``urn:uuid`` of the resource playing ``role`` for the record ``key``."""
    return f"urn:uuid:{uuid.uuid5(FULL_URL_NAMESPACE, f'{role}|{key}')}"


def _check_unique_ids(name: str, records: Sequence[R]) -> None:
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id is None:
            continue
        if record.id in seen:
            raise ValidationError(
                f"{name}[{index}].id", f"{record.id!r} is already used by {name}[{seen[record.id]}]"
            )
        seen[record.id] = index


def _keyed(
    records: Sequence[R], doc: Callable[[R], dict[str, Any]], order: Callable[[R], Any]
) -> list[tuple[str, R]]:
    """Records in export order (time, id, then content) with their key: the id, or for a
    record without one its content and how many identical records came before it."""

    def content(record: R) -> str:
        if record.id is not None:
            return ""
        return json.dumps(doc(record), sort_keys=True, ensure_ascii=False)

    ordered = sorted(
        (((order(r), r.id or "", content(r)), r) for r in records), key=lambda pair: pair[0]
    )
    keyed: list[tuple[str, R]] = []
    counts: dict[str, int] = {}
    for (_, _, text), record in ordered:
        if record.id is not None:
            keyed.append((f"id:{record.id}", record))
            continue
        counts[text] = counts.get(text, 0) + 1
        keyed.append((f"content:{text}#{counts[text]}", record))
    return keyed


# ---- resources --------------------------------------------------------------------------------


class _BundleBuilder:
    def __init__(self, patient_url: str) -> None:
        self.patient = {"reference": patient_url}
        self.entries: list[dict[str, Any]] = []

    def add(self, url: str, resource: Resource) -> None:
        self.entries.append({"fullUrl": url, "resource": resource})

    def observation(
        self, key: str, entry: Entry, code: str, concept: dict[str, Any], value: dict[str, Any]
    ) -> None:
        resource: Resource = {
            "resourceType": "Observation",
            "status": "final",
            "category": [_concept(SURVEY)],
            "code": concept,
            "subject": self.patient,
            "effectiveDateTime": format_timestamp(entry.recorded_at),
            "performer": [self.patient],
            **value,
        }
        self.add(full_url(f"Observation/{code}", key), resource)

    def symptom(self, key: str, entry: Entry, code: str, value: dict[str, Any]) -> None:
        self.observation(key, entry, code, _concept(_symptom(code)), value)

    def components(
        self, key: str, entry: Entry, code: str, values: Sequence[str], chosen: Sequence[str]
    ) -> None:
        parts = [
            {"code": _concept(_symptom(f"{code}.{value}")), "valueBoolean": value in chosen}
            for value in values
        ]
        self.symptom(key, entry, code, {"component": parts})

    def answer(self, key: str, entry: Entry, field: str, state: str) -> None:
        answer = f"{field}.{state}"
        codings = [(ANSWER_SYSTEM, answer, ANSWER_DISPLAYS[answer])]
        if answer in SNOMED_EQUIVALENTS:
            codings.append(SNOMED_EQUIVALENTS[answer])
        value = _concept(*codings, text=ANSWER_DISPLAYS[answer])
        self.symptom(key, entry, field, {"valueCodeableConcept": value})

    def entry(self, key: str, e: Entry) -> None:
        values = fields.flat_values(e)
        for f in fields.ENTRY_FIELDS:
            if f.fhir is not None:
                self.field(key, e, f, values[f.path])

    def field(self, key: str, e: Entry, f: fields.Field, value: object) -> None:
        """A field's Observation; for a screening sign not asked one that says so
        (``dataAbsentReason``), none for another value not recorded or an empty text."""
        if f.path in LOINC_CODED:
            concept = _concept(LOINC_CODED[f.path], text=f.fhir)
            self.observation(key, e, f.path, concept, {"valueInteger": value})
        elif value is None and f.screening:
            self.symptom(key, e, f.path, {"dataAbsentReason": _concept(NOT_ASKED)})
        elif value is None or (f.kind == "text" and not _has_text(str(value))):
            return
        elif f.kind == "number":
            self.symptom(key, e, f.path, {"valueInteger": value})
        elif f.kind == "flag":
            self.symptom(key, e, f.path, {"valueBoolean": value})
        elif f.kind == "choices":
            assert isinstance(value, tuple)
            self.components(key, e, f.path, f.vocabulary, value)
        elif f.kind == "choice":
            self.answer(key, e, f.path, str(value))
        else:
            self.symptom(key, e, f.path, {"valueString": value})

    def treatment(self, key: str, t: Treatment) -> None:
        self.add(full_url("Procedure", key), procedure(t, self.patient))

    def dose(self, key: str, m: MedicationDose) -> None:
        self.add(full_url("MedicationAdministration", key), administration(m, self.patient))


def _entry_order(e: Entry) -> datetime:
    return to_utc_naive(e.recorded_at)


def _started(t: Treatment) -> date:
    return t.started_on


def _taken(m: MedicationDose) -> datetime:
    return to_utc_naive(m.taken_at)


def _completed(f: EsasForm) -> datetime:
    return to_utc_naive(f.completed_at)


def bundle(journal: Journal) -> dict[str, Any]:
    """The journal as a FHIR R4 ``collection`` Bundle (a JSON-ready dict).

    Raises ValidationError when two records of one list share an id (their fullUrls would too).
    """
    _check_unique_ids("entries", journal.entries)
    _check_unique_ids("treatments", journal.treatments)
    _check_unique_ids("medications", journal.medications)
    _check_unique_ids("esas_forms", journal.esas_forms)
    patient_url = full_url("Patient", "patient")
    builder = _BundleBuilder(patient_url)
    builder.add(patient_url, patient(journal))
    for key, entry in _keyed(journal.entries, journal_writing.entry_doc, _entry_order):
        builder.entry(key, entry)
    for key, treatment in _keyed(journal.treatments, journal_writing.treatment_doc, _started):
        builder.treatment(key, treatment)
    for key, dose in _keyed(journal.medications, journal_writing.medication_doc, _taken):
        builder.dose(key, dose)
    for url, resource in fhir_medicines.resources(journal, builder.patient, full_url):
        builder.add(url, resource)
    forms = _keyed(journal.esas_forms, journal_esas.esas_form_doc, _completed)
    fhir_esas.add_forms(forms, builder.patient, SURVEY, full_url, builder.add)
    document: dict[str, Any] = {"resourceType": "Bundle", "type": "collection"}
    if journal.exported_at is not None:
        document["timestamp"] = format_timestamp(journal.exported_at)
    document["entry"] = builder.entries
    return document
