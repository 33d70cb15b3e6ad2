"""The weekly ESAS-r forms in the FHIR export (docs/fhir.md): each form a
``QuestionnaireResponse`` with its ``Questionnaire`` contained (the item texts are the form's own,
word for word), and each score given an ``Observation`` with a ``valueInteger``.

The Questionnaire is coded with LOINC 112503-8, the panel "Edmonton Symptom Assessment System".
The score Observations are text and the app's own code: LOINC item codes under that panel could
not be confirmed (docs/fhir.md), and a wrong clinical code is worse than none. An item not
answered gets no Observation and no answer: it is not written as 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tracker.domain import esas
from tracker.domain.timeutil import format_timestamp

Coding = tuple[str, str, str]
Resource = dict[str, Any]

LOINC = "http://loinc.org"
ESAS_SYSTEM = "https://spine-journal.invalid/fhir/CodeSystem/esas-r"
QUESTIONNAIRE_ID = "esas-r"
ESAS_PANEL: Coding = (
    LOINC,
    "112503-8",
    "Edmonton Symptom Assessment System [Edmonton Symptom Assessment System]",
)
ITEM_CODES: dict[str, Coding] = {
    item.key: (ESAS_SYSTEM, item.key, f"ESAS-r {item.name}") for item in esas.ITEMS
}
EMITTED_CODES: tuple[Coding, ...] = (ESAS_PANEL, *ITEM_CODES.values())
"""Every (system, code, display) the forms can add to the export."""

COMPLETED_BY_LINK = "completed-by"


def _concept(coding: Coding, text: str) -> dict[str, Any]:
    system, code, display = coding
    return {"coding": [{"system": system, "code": code, "display": display}], "text": text}


def item_text(item: esas.Item) -> str:
    """The line of the form as it reads: the anchors at 0 and 10, the definition between."""
    definition = f" {item.definition}" if item.definition else ""
    return f"{item.left} (0){definition} - {item.right} (10)"


def questionnaire() -> Resource:
    """The form itself, unmodified: its instruction, its ten lines and "Completed by"."""
    items: list[dict[str, Any]] = [
        {"linkId": "instruction", "text": esas.INSTRUCTION, "type": "display"}
    ]
    for item in esas.ITEMS:
        items.append({"linkId": item.key, "text": item_text(item), "type": "integer"})
    items.append(
        {
            "linkId": COMPLETED_BY_LINK,
            "text": "Completed by",
            "type": "choice",
            "answerOption": [{"valueString": words} for words in esas.COMPLETED_BY.values()],
        }
    )
    return {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "name": "ESAS_r",
        "title": "Revised Edmonton Symptom Assessment System (ESAS-r)",
        "status": "active",
        "code": [_concept(ESAS_PANEL, esas.NAME)["coding"][0]],
        "copyright": esas.ACKNOWLEDGEMENT,
        "item": items,
    }


def response(form: esas.EsasForm, patient: dict[str, str]) -> Resource:
    answers: list[dict[str, Any]] = []
    for item in esas.ITEMS:
        score = getattr(form, item.key)
        if score is None:
            continue
        text = item_text(item)
        if item.key == "other":
            text = f"{text} ({esas.item_name(item, form.other_name)})"
        answers.append({"linkId": item.key, "text": text, "answer": [{"valueInteger": score}]})
    answers.append(
        {
            "linkId": COMPLETED_BY_LINK,
            "text": "Completed by",
            "answer": [{"valueString": esas.COMPLETED_BY[form.completed_by]}],
        }
    )
    resource: Resource = {
        "resourceType": "QuestionnaireResponse",
        "contained": [questionnaire()],
        "questionnaire": f"#{QUESTIONNAIRE_ID}",
        "status": "completed",
        "subject": patient,
        "authored": format_timestamp(form.completed_at),
        "item": answers,
    }
    if form.completed_by == "patient":
        resource["source"] = patient
    return resource


def observation(
    form: esas.EsasForm, item: esas.Item, score: int, patient: dict[str, str], survey: Coding
) -> Resource:
    system, code, display = survey
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": system, "code": code, "display": display}]}],
        "code": _concept(ITEM_CODES[item.key], esas.item_name(item, form.other_name)),
        "subject": patient,
        "effectiveDateTime": format_timestamp(form.completed_at),
        "valueInteger": score,
    }


def add_forms(
    keyed: Sequence[tuple[str, esas.EsasForm]],
    patient: dict[str, str],
    survey: Coding,
    full_url: Callable[[str, str], str],
    add: Callable[[str, Resource], None],
) -> None:
    """Each form's response, then an Observation per score it has, in the forms' order."""
    for key, form in keyed:
        add(full_url("QuestionnaireResponse", key), response(form, patient))
        for item in esas.ITEMS:
            score = getattr(form, item.key)
            if score is not None:
                resource = observation(form, item, score, patient, survey)
                add(full_url(f"Observation/esas.{item.key}", key), resource)
