"""The journal as a FHIR R4 Bundle of type ``collection`` (docs/fhir.md).

Plain dicts, ready for ``json.dumps``: a Patient, one Observation per recorded value of each
entry, a Procedure per treatment and a MedicationAdministration per dose taken. Every ``fullUrl``
is a ``urn:uuid`` derived (uuid5) from the record's id and its role, so two exports of the same
data are identical. Clinical codes are used only where they mean exactly what the journal
records (LOINC 72514-3 for the pain score; three SNOMED CT findings as second codings of bladder
and bowel answers); everything else uses the app's own code systems. ``EMITTED_CODES`` lists every
coding the export can write.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from tracker.domain import fhir_esas, fhir_medicines, fields, journal_esas, journal_writing, vocab
from tracker.domain.errors import ValidationError
from tracker.domain.esas import EsasForm
from tracker.domain.model import Entry, Journal, MedicationDose, Treatment
from tracker.domain.timeutil import format_timestamp, local_day, to_utc_naive

Coding = tuple[str, str, str]
"""(system, code, display)"""
Resource = dict[str, Any]
R = TypeVar("R", Entry, Treatment, MedicationDose, EsasForm)

LOINC = "http://loinc.org"
SNOMED_CT = "http://snomed.info/sct"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
APP_BASE = "https://spine-journal.invalid/fhir/"
SYMPTOM_SYSTEM = APP_BASE + "CodeSystem/symptom"
ANSWER_SYSTEM = APP_BASE + "CodeSystem/symptom-answer"
TREATMENT_SYSTEM = APP_BASE + "CodeSystem/treatment"
EXTENSION_BASE = APP_BASE + "StructureDefinition/"

FULL_URL_NAMESPACE = uuid.UUID("d4b2a5ec-9afc-576a-a325-511ba4ecf434")
"""uuid5(NAMESPACE_URL, "https://spine-journal.invalid/fhir"): fixed forever, or every
fullUrl of every earlier export changes."""

SURVEY: Coding = (OBSERVATION_CATEGORY, "survey", "Survey")
NOT_ASKED: Coding = (DATA_ABSENT_REASON, "not-asked", "Not Asked")
PAIN_SCORE: Coding = (
    LOINC,
    "72514-3",
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
)


LOINC_CODED = {"pain.score": PAIN_SCORE}
"""Fields whose Observation is coded in LOINC instead of the app's symptom system."""

_COMPONENT_WORDS: dict[str, Callable[[str, str], str]] = {
    "pain.regions": lambda value, words: f"Spinal pain: {words} ({value})",
    "pain.radiating": lambda value, words: f"Pain spreading {words}",
}
"""How a list field's values are named as components (default: "<field>: <value's words>")."""


def _symptom_displays() -> dict[str, str]:
    displays: dict[str, str] = {}
    for f in fields.ENTRY_FIELDS:
        if f.fhir is None or f.path in LOINC_CODED:
            continue
        displays[f.path] = f.fhir
        if f.kind == "choices":
            for value in f.vocabulary:
                words = f.value_words[value]
                named = _COMPONENT_WORDS.get(f.path)
                text = f"{f.fhir}: {words}" if named is None else named(value, words)
                displays[f"{f.path}.{value}"] = text
    return displays


SYMPTOM_DISPLAYS: dict[str, str] = _symptom_displays()
"""The app's symptom codes (Observation.code and component codes): the journal's field paths."""

ANSWER_DISPLAYS: dict[str, str] = {
    f"{f.path}.{value}": f"{f.words[:1].upper()}{f.words[1:]}: {words}"
    for f in fields.ENTRY_FIELDS
    if f.kind == "choice" and f.fhir is not None
    for value, words in f.value_words.items()
}

SNOMED_EQUIVALENTS: dict[str, Coding] = {
    "bladder.cannot_pass": (SNOMED_CT, "267064002", "Retention of urine"),
    "bladder.leaking": (SNOMED_CT, "165232002", "Urinary incontinence"),
    "bowel.constipated": (SNOMED_CT, "14760008", "Constipation"),
}
"""Second codings for answers that a SNOMED CT finding names exactly. "changed" and
"leaking_or_no_feeling" have none: no single finding means the same."""

EMITTED_CODES: tuple[Coding, ...] = (
    SURVEY,
    NOT_ASKED,
    PAIN_SCORE,
    *((SYMPTOM_SYSTEM, code, display) for code, display in SYMPTOM_DISPLAYS.items()),
    *((ANSWER_SYSTEM, code, display) for code, display in ANSWER_DISPLAYS.items()),
    *SNOMED_EQUIVALENTS.values(),
    *((TREATMENT_SYSTEM, kind, vocab.TREATMENT_WORDS[kind]) for kind in vocab.TREATMENT_KINDS),
    *fhir_esas.EMITTED_CODES,
)
"""Every (system, code, display) the export can write, and nothing else."""


def _concept(*codings: Coding, text: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {
        "coding": [
            {"system": system, "code": code, "display": display}
            for system, code, display in codings
        ]
    }
    if text:
        concept["text"] = text
    return concept


def _symptom(code: str) -> Coding:
    return (SYMPTOM_SYSTEM, code, SYMPTOM_DISPLAYS[code])


def _has_text(text: str) -> bool:
    """FHIR strings may not be empty; a note of only spaces says nothing either."""
    return bool(text.strip())


def _annotations(*texts: str) -> list[dict[str, str]]:
    return [{"text": text} for text in texts if _has_text(text)]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


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


def _extension(name: str, value_type: str, value: object) -> dict[str, Any]:
    return {"url": EXTENSION_BASE + name, f"value{value_type}": value}


def _treatment_summary(t: Treatment) -> str:
    parts: list[str] = []
    if t.technique is not None:
        parts.append(f"Technique: {vocab.TECHNIQUE_WORDS[t.technique]}.")
    if t.dose_gy is not None:
        fractions = "" if t.fractions is None else f" in {t.fractions} fractions"
        parts.append(f"Dose: {_number(t.dose_gy)} Gy{fractions}.")
    elif t.fractions is not None:
        parts.append(f"Fractions: {t.fractions}.")
    if t.sessions:
        sessions = sorted(t.sessions, key=lambda s: to_utc_naive(s.at))
        done = [local_day(s.at).isoformat() for s in sessions if s.done]
        planned = [local_day(s.at).isoformat() for s in sessions if not s.done]
        parts.append(f"Sessions: {len(done)} done, {len(planned)} planned.")
        if done:
            parts.append(f"Done on {', '.join(done)}.")
        if planned:
            parts.append(f"Planned on {', '.join(planned)}.")
    return " ".join(parts)


def _performed(t: Treatment) -> dict[str, Any]:
    single_day = t.ended_on == t.started_on or (
        t.ended_on is None and t.kind in vocab.PROCEDURE_KINDS
    )
    if single_day:
        return {"performedDateTime": t.started_on.isoformat()}
    period = {"start": t.started_on.isoformat()}
    if t.ended_on is not None:
        period["end"] = t.ended_on.isoformat()
    return {"performedPeriod": period}


def procedure(t: Treatment, subject: dict[str, str]) -> Resource:
    """A treatment as a Procedure: completed once it has ended (or is a one-day procedure)."""
    extensions: list[dict[str, Any]] = []
    if t.technique is not None:
        extensions.append(_extension("radiotherapy-technique", "Code", t.technique))
    if t.dose_gy is not None:
        extensions.append(_extension("dose-gy", "Decimal", float(t.dose_gy)))
    if t.fractions is not None:
        extensions.append(_extension("fractions", "Integer", t.fractions))
    if t.sessions:
        done = sum(1 for s in t.sessions if s.done)
        extensions.append(_extension("sessions-done", "Integer", done))
        extensions.append(_extension("sessions-planned", "Integer", len(t.sessions) - done))
    completed = t.ended_on is not None or t.kind in vocab.PROCEDURE_KINDS
    resource: Resource = {"resourceType": "Procedure"}
    if extensions:
        resource["extension"] = extensions
    resource |= {
        "status": "completed" if completed else "in-progress",
        "code": _concept(
            (TREATMENT_SYSTEM, t.kind, vocab.TREATMENT_WORDS[t.kind]),
            text=vocab.TREATMENT_WORDS[t.kind],
        ),
        "subject": subject,
        **_performed(t),
    }
    if t.site is not None and _has_text(t.site):
        resource["bodySite"] = [{"text": t.site}]
    session_notes = [
        f"Session {format_timestamp(s.at)}: {s.note}"
        for s in sorted(t.sessions, key=lambda s: to_utc_naive(s.at))
        if _has_text(s.note)
    ]
    notes = _annotations(_treatment_summary(t), t.note, *session_notes)
    if notes:
        resource["note"] = notes
    return resource


def administration(m: MedicationDose, subject: dict[str, str]) -> Resource:
    """A dose taken as a completed MedicationAdministration."""
    resource: Resource = {
        "resourceType": "MedicationAdministration",
        "extension": [_extension("as-needed", "Boolean", m.as_needed)],
        "status": "completed",
        "medicationCodeableConcept": {"text": m.name},
        "subject": subject,
        "effectiveDateTime": format_timestamp(m.taken_at),
    }
    notes = _annotations("Taken as needed." if m.as_needed else "", m.note)
    if notes:
        resource["note"] = notes
    if _has_text(m.dose):
        resource["dosage"] = {"text": m.dose}
    return resource


def patient(journal: Journal) -> Resource:
    """The person, without identifiers: only the name they chose to show, when set."""
    resource: Resource = {"resourceType": "Patient"}
    if _has_text(journal.profile.display_name):
        resource["name"] = [{"text": journal.profile.display_name}]
    return resource


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
