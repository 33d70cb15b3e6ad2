"""The tables later revisions added: regular medicines and their dose records (0004) and the
weekly ESAS-r forms (0005). Their rows are on ``models.Base`` with the others, held by the same
CHECK helpers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain import esas, medicines
from tracker.storage.models import OFFSET_RANGE, Base, sql_flag, sql_in, sql_length, sql_range


class MedicineRow(Base):
    """A regular medicine. Its times of day ("08:00,20:00") and a reducing course's steps
    ("16:3;8:3": dose and days) are text that the domain checks, as entries' lists are."""

    __tablename__ = "medicines"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    dose: Mapped[float]
    unit: Mapped[str] = mapped_column(String(20))
    route: Mapped[str] = mapped_column(String(30))
    times: Mapped[str] = mapped_column(String(100))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[str] = mapped_column(Text, default="")
    steroid: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        CheckConstraint("length(trim(name)) BETWEEN 1 AND 200", name="name_length"),
        CheckConstraint(f"dose > 0 AND dose <= {medicines.DOSE_MOST}", name="dose"),
        CheckConstraint(sql_in("unit", medicines.UNITS), name="unit"),
        CheckConstraint(sql_in("route", medicines.ROUTES), name="route"),
        CheckConstraint("length(times) BETWEEN 5 AND 100", name="times_length"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ended_after_start"),
        CheckConstraint(sql_length("reason", 5000), name="reason_length"),
        CheckConstraint(sql_length("steps", 1000), name="steps_length"),
        CheckConstraint(sql_flag("steroid"), name="steroid"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )


class DoseRecordRow(Base):
    """What became of one dose due; one row at most for each medicine, day and time of day."""

    __tablename__ = "dose_records"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    medicine_id: Mapped[str] = mapped_column(
        String(100), ForeignKey("medicines.id", ondelete="CASCADE")
    )  # the unique (medicine_id, due_on, due_time) below indexes it
    due_on: Mapped[date] = mapped_column(Date, index=True)
    due_time: Mapped[str] = mapped_column(String(5))
    status: Mapped[str] = mapped_column(String(10))
    taken_utc: Mapped[datetime | None] = mapped_column(DateTime)
    taken_offset_min: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("medicine_id", "due_on", "due_time", name="uq_dose_records_due"),
        CheckConstraint(sql_in("status", medicines.DOSE_STATUSES), name="status"),
        CheckConstraint(
            "(status = 'taken') = (taken_utc IS NOT NULL AND taken_offset_min IS NOT NULL) "
            "AND (taken_utc IS NULL) = (taken_offset_min IS NULL)",
            name="taken_pair",
        ),
        CheckConstraint("length(due_time) = 5", name="due_time_length"),
        CheckConstraint(
            f"taken_offset_min IS NULL OR taken_offset_min {OFFSET_RANGE}", name="offset"
        ),
        CheckConstraint(sql_length("note", 5000), name="note_length"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )


def _score_checks() -> list[CheckConstraint]:
    return [
        CheckConstraint(f"{key} IS NULL OR {sql_range(key, 0, esas.HIGHEST)}", name=key)
        for key in esas.KEYS
    ]


class EsasFormRow(Base):
    """A weekly ESAS-r form: each score NULL when not answered (never 0)."""

    __tablename__ = "esas_forms"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    completed_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    utc_offset_min: Mapped[int]
    completed_by: Mapped[str] = mapped_column(String(30))
    pain: Mapped[int | None]
    tiredness: Mapped[int | None]
    drowsiness: Mapped[int | None]
    nausea: Mapped[int | None]
    appetite: Mapped[int | None]
    breath: Mapped[int | None]
    depression: Mapped[int | None]
    anxiety: Mapped[int | None]
    wellbeing: Mapped[int | None]
    other: Mapped[int | None]
    other_name: Mapped[str] = mapped_column(String(esas.OTHER_NAME_MAX), default="")

    __table_args__ = (
        CheckConstraint(sql_in("completed_by", tuple(esas.COMPLETED_BY)), name="completed_by"),
        *_score_checks(),
        CheckConstraint(sql_length("other_name", esas.OTHER_NAME_MAX), name="other_name_length"),
        CheckConstraint(f"utc_offset_min {OFFSET_RANGE}", name="offset"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )
