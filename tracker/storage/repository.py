"""Reading and writing whole records inside one Session (the caller's unit of work)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Table, delete, func, insert, select, text, tuple_, update
from sqlalchemy.orm import Session

from tracker.domain.esas import EsasForm
from tracker.domain.medicines import DoseRecord, RegularMedicine
from tracker.domain.model import (
    LIST_NAMES,
    Alert,
    Appointment,
    Contacts,
    Entry,
    Journal,
    MedicationDose,
    Profile,
    Review,
    Treatment,
)
from tracker.domain.timeutil import to_utc_naive
from tracker.storage import mapping, medicine_rows
from tracker.storage.errors import DuplicateIdError, RecordMissingError
from tracker.storage.models import (
    AlertRow,
    AppointmentRow,
    EntryRow,
    EsasFormRow,
    MedicationRow,
    ReviewRow,
    SessionRow,
    Setting,
    TreatmentRow,
)

T = TypeVar(
    "T",
    Entry,
    Treatment,
    MedicationDose,
    Review,
    Alert,
    Appointment,
    RegularMedicine,
    DoseRecord,
    EsasForm,
)

TABLES: dict[str, Table] = {
    "entries": EntryRow.__table__,  # type: ignore[dict-item]
    "treatments": TreatmentRow.__table__,  # type: ignore[dict-item]
    "medications": MedicationRow.__table__,  # type: ignore[dict-item]
    "reviews": ReviewRow.__table__,  # type: ignore[dict-item]
    "alerts": AlertRow.__table__,  # type: ignore[dict-item]
    "appointments": AppointmentRow.__table__,  # type: ignore[dict-item]
    "medicines": medicine_rows.MEDICINES,
    "dose_records": medicine_rows.DOSE_RECORDS,
    "esas_forms": EsasFormRow.__table__,  # type: ignore[dict-item]
}
SESSIONS: Table = SessionRow.__table__  # type: ignore[assignment]
PREFIX = {
    "entries": "e-",
    "treatments": "t-",
    "medications": "m-",
    "reviews": "r-",
    "alerts": "a-",
    "appointments": "p-",
    "medicines": "rm-",
    "dose_records": "d-",
    "esas_forms": "s-",
}
SETTING_KEYS = {
    "profile.display_name",
    "contacts.helpline",
    "contacts.emergency",
    "contacts.team",
    "ui.larger_text",
    "export.warned",  # the one-time warning before the first export was shown
    "journal.started",  # "Start my journal" was chosen on the welcome page
    # times of day ("20:00") or "off", and "1"/"0" (tracker/services/reminders.py)
    "reminders.check_in",
    "reminders.doses",
    "reminders.sessions",
    "reminders.appointments",
    "reminders.weekly_form",
    "esas.weekday",  # the weekday the ESAS-r form is offered on (1 Monday - 7 Sunday)
}


def new_id(list_name: str) -> str:
    return PREFIX[list_name] + uuid.uuid4().hex[:12]


def with_id(record: T, list_name: str) -> T:
    return record if record.id is not None else replace(record, id=new_id(list_name))


def counts(session: Session) -> dict[str, int]:
    return {
        name: session.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in TABLES.items()
    }


def stored_ids(session: Session, list_name: str, candidates: Iterable[str]) -> set[str]:
    wanted = list(candidates)
    table = TABLES[list_name]
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars())
    return found


# ---- settings ---------------------------------------------------------------------------------


def read_settings(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.execute(select(Setting)).scalars()}


def write_settings(session: Session, values: dict[str, str]) -> None:
    for key, value in values.items():
        assert key in SETTING_KEYS, key
        session.merge(Setting(key=key, value=value))


def profile_and_contacts(session: Session) -> tuple[Profile, Contacts]:
    values = read_settings(session)
    return (
        Profile(display_name=values.get("profile.display_name", "")),
        Contacts(
            helpline=values.get("contacts.helpline", ""),
            emergency=values.get("contacts.emergency", ""),
            team=values.get("contacts.team", ""),
        ),
    )


def write_profile_and_contacts(session: Session, profile: Profile, contacts: Contacts) -> None:
    write_settings(
        session,
        {
            "profile.display_name": profile.display_name,
            "contacts.helpline": contacts.helpline,
            "contacts.emergency": contacts.emergency,
            "contacts.team": contacts.team,
        },
    )


# ---- whole journal ---------------------------------------------------------------------------


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
    _bulk(session, "medicines", (mapping.medicine_values(m) for m in filled.medicines))
    _bulk(session, "dose_records", (mapping.dose_record_values(d) for d in filled.dose_records))
    if settings:
        write_profile_and_contacts(session, filled.profile, filled.contacts)
    return filled


def _bulk(session: Session, list_name: str, values: Iterable[dict[str, Any]]) -> None:
    batch = list(values)
    if batch:
        session.execute(insert(TABLES[list_name]), batch)


# ---- single records --------------------------------------------------------------------------


def insert_entry(session: Session, entry: Entry) -> Entry:
    entry = with_id(entry, "entries")
    session.execute(insert(TABLES["entries"]).values(**mapping.entry_values(entry)))
    return entry


def update_entry(session: Session, entry: Entry) -> bool:
    assert entry.id is not None
    table = TABLES["entries"]
    values = mapping.entry_values(entry)
    result = session.execute(update(table).where(table.c.id == entry.id).values(**values))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def get_entry(session: Session, entry_id: str) -> Entry | None:
    table = TABLES["entries"]
    found = mapping.rows(session.execute(select(table).where(table.c.id == entry_id)))
    return mapping.row_to_entry(found[0]) if found else None


def delete_entry(session: Session, entry_id: str) -> bool:
    table = TABLES["entries"]
    result = session.execute(delete(table).where(table.c.id == entry_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def insert_treatment(session: Session, treatment: Treatment) -> Treatment:
    treatment = with_id(treatment, "treatments")
    result = session.execute(
        insert(TABLES["treatments"]).values(**mapping.treatment_values(treatment))
    )
    pk = result.inserted_primary_key  # type: ignore[attr-defined]
    assert pk is not None
    if treatment.sessions:
        session.execute(
            insert(SESSIONS), [mapping.session_values(s, pk[0]) for s in treatment.sessions]
        )
    return treatment


def delete_record(session: Session, list_name: str, record_id: str) -> bool:
    table = TABLES[list_name]
    result = session.execute(delete(table).where(table.c.id == record_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def replace_treatment(session: Session, treatment: Treatment) -> None:
    """Edit a treatment in place: its row keeps its identity, its sessions are rewritten."""
    assert treatment.id is not None
    table = TABLES["treatments"]
    pk = session.execute(select(table.c.pk).where(table.c.id == treatment.id)).scalar_one_or_none()
    if pk is None:
        raise RecordMissingError("This treatment is no longer in the journal.")
    session.execute(
        update(table).where(table.c.pk == pk).values(**mapping.treatment_values(treatment))
    )
    session.execute(delete(SESSIONS).where(SESSIONS.c.treatment_pk == pk))
    if treatment.sessions:
        session.execute(
            insert(SESSIONS), [mapping.session_values(s, pk) for s in treatment.sessions]
        )


_VALUES: dict[str, Any] = {
    "medications": mapping.medication_values,
    "reviews": mapping.review_values,
    "alerts": mapping.alert_values,
    "appointments": mapping.appointment_values,
    "medicines": mapping.medicine_values,
    "dose_records": mapping.dose_record_values,
    "esas_forms": mapping.esas_values,
}


def insert_simple(session: Session, list_name: str, record: T) -> T:
    record = with_id(record, list_name)
    session.execute(insert(TABLES[list_name]).values(**_VALUES[list_name](record)))
    return record


def update_simple(session: Session, list_name: str, record: T) -> bool:
    assert record.id is not None
    table = TABLES[list_name]
    values = _VALUES[list_name](record)
    result = session.execute(update(table).where(table.c.id == record.id).values(**values))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def integrity_problems(session: Session, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds; empty when it says ok."""
    pragma = "quick_check" if quick else "integrity_check"
    found = [str(row[0]) for row in session.execute(text(f"PRAGMA {pragma}"))]
    return [] if found == ["ok"] else found


def latest_entry(session: Session) -> Entry | None:
    """The most recent entry by instant; on a tie, the one stored later."""
    table = TABLES["entries"]
    query = select(table).order_by(table.c.recorded_utc.desc(), table.c.pk.desc()).limit(1)
    found = mapping.rows(session.execute(query))
    return mapping.row_to_entry(found[0]) if found else None


# ---- red-flag alerts -------------------------------------------------------------------------


def load_entries_from_day(session: Session, first_day: date) -> list[Entry]:
    """Entries whose own calendar day is ``first_day`` or later, in time order.

    The bound on the instant is implied by the day (offsets are within a day of UTC). It is
    there for SQLite's planner: without it the planner walks the whole time index to avoid a
    sort, about 3 ms on ten years, for the few days a save's red-flag check reads."""
    table = TABLES["entries"]
    earliest = datetime.combine(first_day, time()) - timedelta(days=1)
    query = (
        select(table)
        .where(table.c.local_day >= first_day, table.c.recorded_utc >= earliest)
        .order_by(table.c.recorded_utc, table.c.pk)
    )
    return [mapping.row_to_entry(r) for r in mapping.rows(session.execute(query))]


def entry_before(session: Session, entry: Entry) -> Entry | None:
    """The entry immediately before ``entry`` in time (ties: stored earlier)."""
    table = TABLES["entries"]
    pk = session.execute(select(table.c.pk).where(table.c.id == entry.id)).scalar_one()
    utc = to_utc_naive(entry.recorded_at)
    query = (
        select(table)
        # a row value: SQLite walks the recorded_utc index backwards and stops at the first row
        # (the OR of two ranges read every earlier entry and sorted them: slow when encrypted)
        .where(tuple_(table.c.recorded_utc, table.c.pk) < tuple_(utc, pk))
        .order_by(table.c.recorded_utc.desc(), table.c.pk.desc())
        .limit(1)
    )
    found = mapping.rows(session.execute(query))
    return mapping.row_to_entry(found[0]) if found else None
