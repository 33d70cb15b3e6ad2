"""SQLAlchemy 2.x models. CHECK constraints mirror the domain's ranges so that no path into
the file, not even a bug, can store a value the format does not allow.

Times are stored as two columns: the instant in UTC (naive, sortable) and the record's own UTC
offset in minutes, because SQLite keeps no offset for a timezone-aware DateTime. Entries also
keep their local calendar day, which the red-flag rules and the daily chart means group by.
The tables later revisions added (medicines, dose records, ESAS-r forms) are in ``later_models``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.domain import fields, vocab

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The CHECK constraints' SQL (also for ``later_models``):
def sql_in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def sql_range(column: str, low: int, high: int) -> str:
    return f"{column} BETWEEN {low} AND {high}"


def sql_flag(column: str) -> str:
    return f"{column} IN (0, 1)"


def sql_length(column: str, most: int) -> str:
    return f"length({column}) <= {most}"


OFFSET_RANGE = "BETWEEN -1440 AND 1440"


def field_check(f: fields.Field) -> CheckConstraint | None:
    """The CHECK that holds a column to its line of the entry's field table; None for a list
    (comma-separated text, checked by the domain)."""
    column = f.storage
    if f.kind == "number":
        sql = sql_range(column, f.low, f.high)
    elif f.kind == "flag":
        sql = sql_flag(column)
    elif f.kind == "choice":
        sql = sql_in(column, f.vocabulary)
    elif f.kind == "text":
        return CheckConstraint(sql_length(column, f.high), name=f"{column}_length")
    else:
        return None
    # SQL's CHECK would pass a NULL anyway; written out so that the rule reads as the table's
    sql = f"{column} IS NULL OR {sql}" if f.nullable else sql
    return CheckConstraint(sql, name=column)


FIELD_CHECKS = [check for f in fields.ENTRY_FIELDS if (check := field_check(f)) is not None]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Profile and contacts, one row a key (``contacts.helpline``, ``profile.display_name``)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (CheckConstraint(sql_length("value", 200), name="value_length"),)


class EntryRow(Base):
    __tablename__ = "entries"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    recorded_utc: Mapped[datetime] = mapped_column(DateTime)
    utc_offset_min: Mapped[int]
    local_day: Mapped[date] = mapped_column(Date)
    pain_score: Mapped[int]
    worst_24h: Mapped[int | None]
    regions: Mapped[str] = mapped_column(String(60), default="")
    pain_night: Mapped[bool] = mapped_column(default=False)
    pain_straining: Mapped[bool] = mapped_column(default=False)
    pain_tender: Mapped[bool] = mapped_column(default=False)
    radiating: Mapped[str] = mapped_column(String(60), default="")
    weak_left_arm: Mapped[int | None]
    weak_right_arm: Mapped[int | None]
    weak_left_leg: Mapped[int | None]
    weak_right_leg: Mapped[int | None]
    numb_arms: Mapped[int | None]
    numb_legs: Mapped[int | None]
    numb_trunk: Mapped[int | None]
    numb_saddle: Mapped[int | None]
    walking: Mapped[int | None]
    bladder: Mapped[str | None] = mapped_column(String(20))
    bowel: Mapped[str | None] = mapped_column(String(30))
    sexual_change: Mapped[bool] = mapped_column(default=False)
    fatigue: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        *FIELD_CHECKS,
        CheckConstraint(f"utc_offset_min {OFFSET_RANGE}", name="offset"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
        Index("ix_entries_recorded_utc", "recorded_utc"),
        Index("ix_entries_local_day", "local_day"),
    )


class TreatmentRow(Base):
    __tablename__ = "treatments"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    site: Mapped[str | None] = mapped_column(String(40))
    technique: Mapped[str | None] = mapped_column(String(20))
    dose_gy: Mapped[float | None]
    fractions: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    sessions: Mapped[list[SessionRow]] = relationship(
        back_populates="treatment",
        cascade="all, delete-orphan",
        order_by="SessionRow.at_utc",
        passive_deletes=True,
    )

    __table_args__ = (
        CheckConstraint(sql_in("kind", vocab.TREATMENT_KINDS), name="kind"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ended_after_start"),
        CheckConstraint(
            "technique IS NULL OR "
            f"(kind = 'radiotherapy' AND {sql_in('technique', vocab.TECHNIQUES)})",
            name="technique",
        ),
        CheckConstraint("dose_gy IS NULL OR dose_gy > 0", name="dose_gy"),
        CheckConstraint("fractions IS NULL OR fractions >= 1", name="fractions"),
        CheckConstraint("site IS NULL OR length(site) <= 40", name="site_length"),
        CheckConstraint(sql_length("note", 5000), name="note_length"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )


class SessionRow(Base):
    __tablename__ = "treatment_sessions"
    pk: Mapped[int] = mapped_column(primary_key=True)
    treatment_pk: Mapped[int] = mapped_column(
        ForeignKey("treatments.pk", ondelete="CASCADE"), index=True
    )
    at_utc: Mapped[datetime] = mapped_column(DateTime)
    utc_offset_min: Mapped[int]
    done: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    treatment: Mapped[TreatmentRow] = relationship(back_populates="sessions")

    __table_args__ = (
        CheckConstraint(sql_flag("done"), name="done"),
        CheckConstraint(sql_length("note", 5000), name="note_length"),
        CheckConstraint(f"utc_offset_min {OFFSET_RANGE}", name="offset"),
    )


class MedicationRow(Base):
    __tablename__ = "medications"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    taken_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    utc_offset_min: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    dose: Mapped[str] = mapped_column(String(200), default="")
    as_needed: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("length(trim(name)) BETWEEN 1 AND 200", name="name_length"),
        CheckConstraint(sql_length("dose", 200), name="dose_length"),
        CheckConstraint(sql_flag("as_needed"), name="as_needed"),
        CheckConstraint(sql_length("note", 5000), name="note_length"),
        CheckConstraint(f"utc_offset_min {OFFSET_RANGE}", name="offset"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )


_TWO_LEVEL = "('bladder', 'bowel')"
_YES_NO = "(" + ", ".join(f"'{k}'" for k in vocab.REVIEWABLE_KEYS if vocab.max_level(k) == 1) + ")"


class ReviewRow(Base):
    __tablename__ = "reviews"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    reviewed_on: Mapped[date] = mapped_column(Date, index=True)
    symptom: Mapped[str] = mapped_column(String(40))
    level: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(sql_in("symptom", vocab.REVIEWABLE_KEYS), name="symptom"),
        CheckConstraint(
            f"level BETWEEN 0 AND (CASE WHEN symptom IN {_TWO_LEVEL} THEN 2 "
            f"WHEN symptom IN {_YES_NO} THEN 1 ELSE 3 END)",
            name="level",
        ),
        CheckConstraint(sql_length("note", 5000), name="note_length"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )


class AlertRow(Base):
    __tablename__ = "alerts"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    raised_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    utc_offset_min: Mapped[int]
    rule: Mapped[str] = mapped_column(String(4))
    tier: Mapped[str] = mapped_column(String(10))
    entry_id: Mapped[str | None] = mapped_column(
        String(100), ForeignKey("entries.id", ondelete="SET NULL"), index=True
    )
    acknowledged_utc: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_offset_min: Mapped[int | None]
    action: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    # Whether this firing interrupted the person (the first of an episode, or a rise); only
    # such an emergency alert, unanswered, is shown again at the next start. Not in the file
    # format: imported alerts never interrupted anyone here.
    interrupted: Mapped[bool] = mapped_column(default=False, server_default="0")

    __table_args__ = (
        CheckConstraint(sql_flag("interrupted"), name="interrupted"),
        CheckConstraint(sql_in("rule", vocab.RULE_IDS), name="rule"),
        CheckConstraint(sql_in("tier", vocab.ALERT_TIERS), name="tier"),
        CheckConstraint(f"action IS NULL OR {sql_in('action', vocab.ACTIONS)}", name="action"),
        CheckConstraint(
            "(acknowledged_utc IS NULL) = (acknowledged_offset_min IS NULL)", name="ack_pair"
        ),
        CheckConstraint(sql_length("note", 5000), name="note_length"),
        CheckConstraint(f"utc_offset_min {OFFSET_RANGE}", name="offset"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )


class AppointmentRow(Base):
    __tablename__ = "appointments"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(100), unique=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    utc_offset_min: Mapped[int]
    with_whom: Mapped[str] = mapped_column(String(200), default="")
    questions: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(sql_length("with_whom", 200), name="with_length"),
        CheckConstraint(sql_length("questions", 5000), name="questions_length"),
        CheckConstraint(sql_length("notes", 5000), name="notes_length"),
        CheckConstraint(f"utc_offset_min {OFFSET_RANGE}", name="offset"),
        CheckConstraint("length(id) BETWEEN 1 AND 100", name="id_length"),
    )
