"""Regular medicines and their dose records in the journal file (issue 19), read and written
inside the caller's Session. ``repository`` lists the two tables with the others (for the
whole-journal reads and imports of ``list_rows``); the reads and writes of one medicine or one
dose are here."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from tracker.domain.medicines import DoseRecord, RegularMedicine, clock_text
from tracker.storage import mapping, medicine_mapping
from tracker.storage.later_models import DoseRecordRow, MedicineRow

MEDICINES: Table = MedicineRow.__table__  # type: ignore[assignment]
DOSE_RECORDS: Table = DoseRecordRow.__table__  # type: ignore[assignment]


def load_medicines(session: Session) -> list[RegularMedicine]:
    """Every regular medicine, by start date (ties: stored order)."""
    query = select(MEDICINES).order_by(MEDICINES.c.started_on, MEDICINES.c.pk)
    return [medicine_mapping.row_to_medicine(r) for r in mapping.rows(session.execute(query))]


def load_dose_records(
    session: Session, first: date | None = None, last: date | None = None
) -> list[DoseRecord]:
    """Dose records by the day and time they were due; ``first``/``last`` inclusive days."""
    table = DOSE_RECORDS
    query = select(table).order_by(table.c.due_on, table.c.due_time, table.c.pk)
    if first is not None:
        query = query.where(table.c.due_on >= first)
    if last is not None:
        query = query.where(table.c.due_on <= last)
    return [medicine_mapping.row_to_dose_record(r) for r in mapping.rows(session.execute(query))]


def clear_dose(session: Session, medicine_id: str, due_on: date, due_time: time) -> bool:
    """Remove the record of one dose due: it is "not recorded yet" again."""
    table = DOSE_RECORDS
    result = session.execute(
        delete(table).where(
            (table.c.medicine_id == medicine_id)
            & (table.c.due_on == due_on)
            & (table.c.due_time == clock_text(due_time))
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def set_dose(session: Session, record: DoseRecord) -> None:
    """Store what became of a dose due, in place of what was recorded for it before."""
    clear_dose(session, record.medicine_id, record.due_on, record.due_time)
    session.execute(insert(DOSE_RECORDS).values(**medicine_mapping.dose_record_values(record)))
