"""Writing the journal file, version 2 (docs/journal-format.md): the JSON document of a journal,
and each record's part of it. The format's name and versions, and reading, are in
``journal_format``; the regular medicines and the ESAS-r forms write their own lists
(``journal_medicines``, ``journal_esas``).

Writing is deterministic: keys in the documented order, lists sorted by their time key with ties
broken by id, so two exports of the same data are byte-identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from tracker.domain import fields, journal_esas, journal_medicines
from tracker.domain.journal_format import FORMAT_NAME, FORMAT_VERSION
from tracker.domain.model import (
    Alert,
    Appointment,
    Entry,
    Journal,
    MedicationDose,
    Review,
    Treatment,
)
from tracker.domain.timeutil import format_timestamp, to_utc_naive


def _ts(value: datetime | None) -> str | None:
    return None if value is None else format_timestamp(value)


def _json_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def entry_doc(e: Entry) -> dict[str, Any]:
    values = {path: _json_value(value) for path, value in fields.flat_values(e).items()}
    return {"id": e.id, "recorded_at": _ts(e.recorded_at), **fields.nested(values)}


def treatment_doc(t: Treatment) -> dict[str, Any]:
    sessions = sorted(t.sessions, key=lambda s: (to_utc_naive(s.at), _ts(s.at)))
    return {
        "id": t.id,
        "kind": t.kind,
        "started_on": t.started_on.isoformat(),
        "ended_on": None if t.ended_on is None else t.ended_on.isoformat(),
        "site": t.site,
        "technique": t.technique,
        "dose_gy": None if t.dose_gy is None else float(t.dose_gy),
        "fractions": t.fractions,
        "sessions": [{"at": _ts(s.at), "done": s.done, "note": s.note} for s in sessions],
        "note": t.note,
    }


def medication_doc(m: MedicationDose) -> dict[str, Any]:
    return {
        "id": m.id,
        "taken_at": _ts(m.taken_at),
        "name": m.name,
        "dose": m.dose,
        "as_needed": m.as_needed,
        "note": m.note,
    }


def review_doc(r: Review) -> dict[str, Any]:
    return {
        "id": r.id,
        "reviewed_on": r.reviewed_on.isoformat(),
        "symptom": r.symptom,
        "level": r.level,
        "note": r.note,
    }


def alert_doc(a: Alert) -> dict[str, Any]:
    return {
        "id": a.id,
        "raised_at": _ts(a.raised_at),
        "rule": a.rule,
        "tier": a.tier,
        "entry_id": a.entry_id,
        "acknowledged_at": _ts(a.acknowledged_at),
        "action": a.action,
        "note": a.note,
    }


def appointment_doc(p: Appointment) -> dict[str, Any]:
    return {
        "id": p.id,
        "at": _ts(p.at),
        "with": p.with_whom,
        "questions": p.questions,
        "notes": p.notes,
    }


def _by(key: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, str]]:
    return lambda record: (key(record), record.id or "")


def journal_doc(journal: Journal) -> dict[str, Any]:
    """The version 2 document: every field of every record, lists in the documented order."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": _ts(journal.exported_at),
        "profile": {"display_name": journal.profile.display_name},
        "contacts": {
            "helpline": journal.contacts.helpline,
            "emergency": journal.contacts.emergency,
            "team": journal.contacts.team,
        },
        "entries": [
            entry_doc(e)
            for e in sorted(journal.entries, key=_by(lambda e: to_utc_naive(e.recorded_at)))
        ],
        "treatments": [
            treatment_doc(t) for t in sorted(journal.treatments, key=_by(lambda t: t.started_on))
        ],
        "medications": [
            medication_doc(m)
            for m in sorted(journal.medications, key=_by(lambda m: to_utc_naive(m.taken_at)))
        ],
        "reviews": [
            review_doc(r) for r in sorted(journal.reviews, key=_by(lambda r: r.reviewed_on))
        ],
        "alerts": [
            alert_doc(a)
            for a in sorted(journal.alerts, key=_by(lambda a: to_utc_naive(a.raised_at)))
        ],
        "appointments": [
            appointment_doc(p)
            for p in sorted(journal.appointments, key=_by(lambda p: to_utc_naive(p.at)))
        ],
        **journal_medicines.medicine_docs(journal.medicines, journal.dose_records),
    }


def dumps(journal: Journal) -> str:
    document = journal_doc(journal)
    if document["exported_at"] is None:
        del document["exported_at"]
    if journal.esas_forms:  # left out when empty: a journal without forms reads as before
        document[journal_esas.LIST_NAME] = journal_esas.esas_forms_doc(journal.esas_forms)
    return json.dumps(document, indent=2, ensure_ascii=False)
