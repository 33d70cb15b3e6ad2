"""Reading and writing whole records inside one Session (the caller's unit of work): the tables,
the settings and one record at a time. Whole lists, and the whole journal at once, are read and
inserted by ``list_rows``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Table, delete, func, insert, select, text, tuple_, update
from sqlalchemy.orm import Session

from tracker.domain.esas import EsasForm
from tracker.domain.medicines import DoseRecord, RegularMedicine
from tracker.domain.model import (
    Alert,
    Appointment,
    Contacts,
    Entry,
    MedicationDose,
    Profile,
    Review,
    Treatment,
)
from tracker.domain.timeutil import to_utc_naive
from tracker.storage import mapping, medicine_mapping, medicine_rows
from tracker.storage.errors import RecordMissingError
from tracker.storage.later_models import EsasFormRow
from tracker.storage.models import (
    AlertRow,
    AppointmentRow,
    EntryRow,
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
    "medicines": medicine_mapping.medicine_values,
    "dose_records": medicine_mapping.dose_record_values,
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
