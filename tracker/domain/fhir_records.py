"""The person and the treatment records as FHIR resources (docs/fhir.md): a Patient without
identifiers, a Procedure per treatment and a MedicationAdministration per dose taken. Plain dicts;
``tracker.domain.fhir`` puts them in the Bundle with their fullUrls. ``has_text`` says whether a
text may be written at all (FHIR strings may not be empty).
"""

from __future__ import annotations

from typing import Any

from tracker.domain import vocab
from tracker.domain.fhir_codes import EXTENSION_BASE, TREATMENT_SYSTEM
from tracker.domain.fhir_codes import codeable_concept as _concept
from tracker.domain.model import Journal, MedicationDose, Treatment
from tracker.domain.timeutil import format_timestamp, local_day, to_utc_naive

Resource = dict[str, Any]


def has_text(text: str) -> bool:
    """FHIR strings may not be empty; a note of only spaces says nothing either."""
    return bool(text.strip())


def _annotations(*texts: str) -> list[dict[str, str]]:
    return [{"text": text} for text in texts if has_text(text)]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


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
    if t.site is not None and has_text(t.site):
        resource["bodySite"] = [{"text": t.site}]
    session_notes = [
        f"Session {format_timestamp(s.at)}: {s.note}"
        for s in sorted(t.sessions, key=lambda s: to_utc_naive(s.at))
        if has_text(s.note)
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
    if has_text(m.dose):
        resource["dosage"] = {"text": m.dose}
    return resource


def patient(journal: Journal) -> Resource:
    """The person, without identifiers: only the name they chose to show, when set."""
    resource: Resource = {"resourceType": "Patient"}
    if has_text(journal.profile.display_name):
        resource["name"] = [{"text": journal.profile.display_name}]
    return resource
