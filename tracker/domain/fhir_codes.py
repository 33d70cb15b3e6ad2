"""The codings of the FHIR export (docs/fhir.md). Clinical codes are used only where they mean
exactly what the journal records (LOINC 72514-3 for the pain score; three SNOMED CT findings as
second codings of bladder and bowel answers); everything else uses the app's own code systems,
whose codes and displays come from the journal's fields. ``EMITTED_CODES`` lists every coding the
export can write; ``codeable_concept`` writes codings as a CodeableConcept.
``tracker.domain.fhir`` builds the Bundle with them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tracker.domain import fhir_esas, fields, vocab

Coding = tuple[str, str, str]
"""(system, code, display)"""

LOINC = "http://loinc.org"
SNOMED_CT = "http://snomed.info/sct"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
APP_BASE = "https://spine-journal.invalid/fhir/"
SYMPTOM_SYSTEM = APP_BASE + "CodeSystem/symptom"
ANSWER_SYSTEM = APP_BASE + "CodeSystem/symptom-answer"
TREATMENT_SYSTEM = APP_BASE + "CodeSystem/treatment"
EXTENSION_BASE = APP_BASE + "StructureDefinition/"

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


def codeable_concept(*codings: Coding, text: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {
        "coding": [
            {"system": system, "code": code, "display": display}
            for system, code, display in codings
        ]
    }
    if text:
        concept["text"] = text
    return concept
