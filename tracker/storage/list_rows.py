"""The lists' rows, whole, inside one Session (the caller's unit of work): each list read in its
order (entries and doses between two instants when asked), the whole journal read from them, and
a whole journal inserted at once (an import, the example journal). ``repository`` holds the
tables and the reads and writes of one record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tracker.domain.esas import EsasForm
from tracker.domain.model import (
    LIST_NAMES,
    Alert,
    Appointment,
    Entry,
    Journal,
    MedicationDose,
    Review,
    Treatment,
)
from tracker.domain.timeutil import to_utc_naive
from tracker.storage import mapping, medicine_mapping, medicine_rows
from tracker.storage.errors import DuplicateIdError
from tracker.storage.repository import (
    SESSIONS,
    TABLES,
    insert_treatment,
    profile_and_contacts,
    stored_ids,
    with_id,
    write_profile_and_contacts,
)


def load_entries(
    session: Session, since: datetime | None = None, until: datetime | None = None
) -> list[Entry]:
    """Entries in time order (ties: stored order). ``since``/``until`` are inclusive instants."""
    table = TABLES["entries"]
    query = select(table).order_by(table.c.recorded_utc, table.c.pk)
    if since is not None:
        query = query.where(table.c.recorded_utc >= to_utc_naive(since))
    if until is not None:
        query = query.where(table.c.recorded_utc <= to_utc_naive(until))
    return [mapping.row_to_entry(r) for r in mapping.rows(session.execute(query))]


def load_treatments(session: Session) -> list[Treatment]:
    table = TABLES["treatments"]
    by_treatment: dict[int, list[Any]] = defaultdict(list)
    for row in mapping.rows(session.execute(select(SESSIONS).order_by(SESSIONS.c.at_utc))):
        by_treatment[row["treatment_pk"]].append(row)
    result = session.execute(select(table).order_by(table.c.started_on, table.c.pk))
    return [mapping.row_to_treatment(r, by_treatment[r["pk"]]) for r in mapping.rows(result)]


def _load_simple(session: Session, list_name: str, order: str, convert: Any) -> list[Any]:
    table = TABLES[list_name]
    result = session.execute(select(table).order_by(table.c[order], table.c.pk))
    return [convert(r) for r in mapping.rows(result)]


def load_medications(
    session: Session, since: datetime | None = None, until: datetime | None = None
) -> list[MedicationDose]:
    """Doses in time order; ``since``/``until`` are inclusive instants."""
    table = TABLES["medications"]
    query = select(table).order_by(table.c.taken_utc, table.c.pk)
    if since is not None:
        query = query.where(table.c.taken_utc >= to_utc_naive(since))
    if until is not None:
        query = query.where(table.c.taken_utc <= to_utc_naive(until))
    return [mapping.row_to_medication(r) for r in mapping.rows(session.execute(query))]


def recent_medication_choices(session: Session, limit: int) -> list[tuple[str, str, bool]]:
    """The most recently used (name, dose, as needed) combinations, newest first."""
    table = TABLES["medications"]
    query = (
        select(table.c.name, table.c.dose, table.c.as_needed)
        .order_by(table.c.taken_utc.desc(), table.c.pk.desc())
        .limit(500)
    )
    seen: list[tuple[str, str, bool]] = []
    for name, dose, as_needed in session.execute(query):
        choice = (str(name), str(dose), bool(as_needed))
        if choice not in seen:
            seen.append(choice)
        if len(seen) == limit:
            break
    return seen


def load_reviews(session: Session) -> list[Review]:
    return _load_simple(session, "reviews", "reviewed_on", mapping.row_to_review)


def load_alerts(session: Session) -> list[Alert]:
    return _load_simple(session, "alerts", "raised_utc", mapping.row_to_alert)


def load_appointments(session: Session) -> list[Appointment]:
    return _load_simple(session, "appointments", "at_utc", mapping.row_to_appointment)


def load_esas_forms(session: Session) -> list[EsasForm]:
    return _load_simple(session, "esas_forms", "completed_utc", mapping.row_to_esas)


def load_journal(session: Session) -> Journal:
    profile, contacts = profile_and_contacts(session)
    return Journal(
        entries=tuple(load_entries(session)),
        treatments=tuple(load_treatments(session)),
        medications=tuple(load_medications(session)),
        reviews=tuple(load_reviews(session)),
        alerts=tuple(load_alerts(session)),
        appointments=tuple(load_appointments(session)),
        profile=profile,
        contacts=contacts,
        medicines=tuple(medicine_rows.load_medicines(session)),
        dose_records=tuple(medicine_rows.load_dose_records(session)),
        esas_forms=tuple(load_esas_forms(session)),
    )


def check_new_ids(session: Session, journal: Journal) -> None:
    """Refuse records whose ids are already stored (importing a file twice must not duplicate)."""
    for name in (*LIST_NAMES, "esas_forms"):
        records = getattr(journal, name)
        given = {r.id: i for i, r in enumerate(records) if r.id is not None}
        clash = stored_ids(session, name, given)
        if clash:
            first = min(clash, key=lambda i: given[i])
            raise DuplicateIdError(
                f"{name}[{given[first]}].id: {first!r} is already in the journal "
                f"({len(clash)} record(s) of this file are already stored; nothing was imported)."
            )


def insert_journal(session: Session, journal: Journal, *, settings: bool = True) -> Journal:
    """Insert every record of ``journal`` (ids assigned where missing) with Core bulk inserts."""
    check_new_ids(session, journal)
    lists: dict[str, Any] = {
        name: tuple(with_id(r, name) for r in getattr(journal, name))
        for name in (*LIST_NAMES, "esas_forms")
    }
    filled = replace(journal, **lists)
    _bulk(session, "entries", (mapping.entry_values(e) for e in filled.entries))
    _bulk(session, "medications", (mapping.medication_values(m) for m in filled.medications))
    _bulk(session, "reviews", (mapping.review_values(r) for r in filled.reviews))
    _bulk(session, "alerts", (mapping.alert_values(a) for a in filled.alerts))
    _bulk(session, "appointments", (mapping.appointment_values(p) for p in filled.appointments))
    _bulk(session, "esas_forms", (mapping.esas_values(f) for f in filled.esas_forms))
    for treatment in filled.treatments:
        insert_treatment(session, treatment)
    _bulk(session, "medicines", (medicine_mapping.medicine_values(m) for m in filled.medicines))
    _bulk(
        session,
        "dose_records",
        (medicine_mapping.dose_record_values(d) for d in filled.dose_records),
    )
    if settings:
        write_profile_and_contacts(session, filled.profile, filled.contacts)
    return filled


def _bulk(session: Session, list_name: str, values: Iterable[dict[str, Any]]) -> None:
    batch = list(values)
    if batch:
        session.execute(insert(TABLES[list_name]), batch)
