"""The ESAS-r forms in the FHIR export: a QuestionnaireResponse per form with the form's own
Questionnaire contained (item texts word for word), an Observation with valueInteger per score
given, nothing for an item not answered, and the bundle valid FHIR R4."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from tracker.domain import esas, fhir
from tracker.domain.demo import build_demo_journal
from tracker.domain.esas import EsasForm
from tracker.domain.model import Journal

WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=2)))


def of_kind(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in doc["entry"] if e["resource"]["resourceType"] == kind]


def test_a_form_is_a_response_with_its_questionnaire_and_an_observation_per_score() -> None:
    form = EsasForm(WHEN, "family_caregiver", pain=0, nausea=7, other=2, other_name="itch")
    doc = fhir.bundle(Journal(esas_forms=(form,)))
    Bundle.model_validate(doc)
    (response,) = of_kind(doc, "QuestionnaireResponse")
    (questionnaire,) = response["contained"]
    assert response["questionnaire"] == "#" + questionnaire["id"]
    assert response["authored"] == "2026-03-02T10:30:00+02:00"
    assert "source" not in response  # a caregiver completed it, not the patient
    texts = [i["text"] for i in questionnaire["item"]]
    assert texts[0] == esas.INSTRUCTION
    for item, text in zip(esas.ITEMS, texts[1:11], strict=True):
        assert item.left in text and item.right in text and item.definition in text
    assert questionnaire["copyright"] == esas.ACKNOWLEDGEMENT
    answered = {i["linkId"]: i["answer"][0] for i in response["item"]}
    assert answered == {
        "pain": {"valueInteger": 0},
        "nausea": {"valueInteger": 7},
        "other": {"valueInteger": 2},
        "completed-by": {"valueString": "Family caregiver"},
    }
    observations = of_kind(doc, "Observation")
    assert sorted((o["code"]["text"], o["valueInteger"]) for o in observations) == [
        ("Nausea", 7),
        ("Other Problem: itch", 2),
        ("Pain", 0),
    ]
    assert {o["effectiveDateTime"] for o in observations} == {"2026-03-02T10:30:00+02:00"}
    assert all("interpretation" not in o and "referenceRange" not in o for o in observations)


def test_the_questionnaire_is_coded_with_the_loinc_esas_panel() -> None:
    form = EsasForm(WHEN, "patient", wellbeing=3)
    (response,) = of_kind(fhir.bundle(Journal(esas_forms=(form,))), "QuestionnaireResponse")
    assert response["contained"][0]["code"][0]["code"] == "112503-8"
    assert response["source"] == response["subject"]


def test_the_demos_export_has_responses_and_validates() -> None:
    journal = build_demo_journal(1)
    doc = fhir.bundle(journal)
    Bundle.model_validate(doc)
    assert len(of_kind(doc, "QuestionnaireResponse")) == len(journal.esas_forms) > 10
