"""The journal's records, as in formats/journal-v1.md and docs/journal-format.md (version 2:
a screening sign may be None, "not asked").

Frozen dataclasses validate themselves on construction, once, here: every other layer (the file
parser, the storage mapping, the window) builds these and gets the same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tracker.domain import checks, fields, vocab
from tracker.domain.checks import (
    check_bool,
    check_choice,
    check_date,
    check_group,
    check_id,
    check_int,
    check_optional_int,
    check_period,
    check_text,
    check_timestamp,
)
from tracker.domain.errors import ValidationError, shown
from tracker.domain.esas import EsasForm
from tracker.domain.medicines import DoseRecord, RegularMedicine

# Kept here for the modules that import them from the records they belong to.
NOTE_MAX = checks.NOTE_MAX
SHORT_TEXT_MAX = checks.SHORT_TEXT_MAX
ID_MAX = checks.ID_MAX
SITE_MAX = checks.SITE_MAX
DOSE_MAX_GY = checks.DOSE_MAX_GY
dose_text = checks.dose_text


@dataclass(frozen=True)
class Pain:
    score: int
    worst_24h: int | None = None
    regions: tuple[str, ...] = ()
    night: bool = False
    straining: bool = False
    tender: bool = False
    radiating: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_group(self, "pain")


@dataclass(frozen=True)
class Weakness:
    """Each limb's level 0-3; None: not asked."""

    left_arm: int | None = None
    right_arm: int | None = None
    left_leg: int | None = None
    right_leg: int | None = None

    def __post_init__(self) -> None:
        check_group(self, "weakness")


@dataclass(frozen=True)
class Numbness:
    """Each area's level 0-3; None: not asked."""

    arms: int | None = None
    legs: int | None = None
    trunk: int | None = None
    saddle: int | None = None

    def __post_init__(self) -> None:
        check_group(self, "numbness")


@dataclass(frozen=True)
class Entry:
    recorded_at: datetime
    pain: Pain
    weakness: Weakness = field(default_factory=Weakness)
    numbness: Numbness = field(default_factory=Numbness)
    walking: int | None = None  # the five screening signs: None is "not asked"
    bladder: str | None = None
    bowel: str | None = None
    sexual_change: bool = False
    fatigue: int | None = None
    note: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_timestamp(self.recorded_at, "recorded_at")
        if not isinstance(self.pain, Pain):
            raise ValidationError("pain", "is required")
        check_group(self, "")


def entry_from_values(
    recorded_at: datetime, values: Mapping[str, Any], entry_id: str | None = None
) -> Entry:
    """An entry from its fields' values by path (``pain.score``); a field left out takes its
    "not recorded" value."""

    def group(name: str) -> dict[str, Any]:
        return {f.name: values[f.path] for f in fields.group_fields(name) if f.path in values}

    return Entry(
        id=entry_id,
        recorded_at=recorded_at,
        pain=Pain(**group("pain")),
        weakness=Weakness(**group("weakness")),
        numbness=Numbness(**group("numbness")),
        **group(""),
    )


@dataclass(frozen=True)
class Session:
    at: datetime
    done: bool = True
    note: str = ""

    def __post_init__(self) -> None:
        check_timestamp(self.at, "at")
        check_bool(self.done, "done")
        check_text(self.note, "note", NOTE_MAX)


@dataclass(frozen=True)
class Treatment:
    kind: str
    started_on: date
    ended_on: date | None = None
    site: str | None = None
    technique: str | None = None
    dose_gy: float | None = None
    fractions: int | None = None
    sessions: tuple[Session, ...] = ()
    note: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_choice(self.kind, "kind", vocab.TREATMENT_KINDS)
        check_period(self.started_on, self.ended_on)
        if self.site is not None:
            check_text(self.site, "site", SITE_MAX)
        if self.technique is not None:
            check_choice(self.technique, "technique", vocab.TECHNIQUES)
            if self.kind != "radiotherapy":
                raise ValidationError("technique", "is for radiotherapy only")
        if self.dose_gy is not None:
            if isinstance(self.dose_gy, bool) or not isinstance(self.dose_gy, (int, float)):
                raise ValidationError("dose_gy", f"{shown(self.dose_gy)} is not a number")
            if not self.dose_gy > 0 or self.dose_gy != self.dose_gy:
                raise ValidationError("dose_gy", f"{shown(self.dose_gy)} must be above 0")
            if self.dose_gy > DOSE_MAX_GY:  # no course of radiotherapy comes near it
                raise ValidationError(
                    "dose_gy", f"{shown(self.dose_gy)} is above {DOSE_MAX_GY} Gy for one course"
                )
        check_optional_int(self.fractions, "fractions", 1, 10_000)
        if not isinstance(self.sessions, tuple):
            raise ValidationError("sessions", "is not a list")
        for index, session in enumerate(self.sessions):
            if not isinstance(session, Session):
                raise ValidationError(f"sessions[{index}]", "is not a session")
        check_text(self.note, "note", NOTE_MAX)

    @property
    def last_day(self) -> date:
        """The course's last day: ``ended_on``, or ``started_on`` when it has none."""
        return self.ended_on if self.ended_on is not None else self.started_on


@dataclass(frozen=True)
class MedicationDose:
    taken_at: datetime
    name: str
    dose: str = ""
    as_needed: bool = False
    note: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_timestamp(self.taken_at, "taken_at")
        check_text(self.name, "name", SHORT_TEXT_MAX, least=1)
        if not self.name.strip():
            raise ValidationError("name", "must not be empty")
        check_text(self.dose, "dose", SHORT_TEXT_MAX)
        check_bool(self.as_needed, "as_needed")
        check_text(self.note, "note", NOTE_MAX)


@dataclass(frozen=True)
class Review:
    reviewed_on: date
    symptom: str
    level: int
    note: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_date(self.reviewed_on, "reviewed_on")
        check_choice(self.symptom, "symptom", vocab.REVIEWABLE_KEYS)
        check_int(self.level, "level", 0, vocab.max_level(self.symptom))
        check_text(self.note, "note", NOTE_MAX)


@dataclass(frozen=True)
class Alert:
    raised_at: datetime
    rule: str
    tier: str
    entry_id: str | None = None
    acknowledged_at: datetime | None = None
    action: str | None = None
    note: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_timestamp(self.raised_at, "raised_at")
        check_choice(self.rule, "rule", vocab.RULE_IDS)
        check_choice(self.tier, "tier", vocab.ALERT_TIERS)
        check_id(self.entry_id, "entry_id")
        if self.acknowledged_at is not None:
            check_timestamp(self.acknowledged_at, "acknowledged_at")
        if self.action is not None:
            check_choice(self.action, "action", vocab.ACTIONS)
        check_text(self.note, "note", NOTE_MAX)


@dataclass(frozen=True)
class Appointment:
    at: datetime
    with_whom: str = ""
    questions: str = ""
    notes: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_timestamp(self.at, "at")
        check_text(self.with_whom, "with", SHORT_TEXT_MAX)
        check_text(self.questions, "questions", NOTE_MAX)
        check_text(self.notes, "notes", NOTE_MAX)


@dataclass(frozen=True)
class Contacts:
    helpline: str = ""
    emergency: str = ""
    team: str = ""

    def __post_init__(self) -> None:
        for name in ("helpline", "emergency", "team"):
            check_text(getattr(self, name), name, SHORT_TEXT_MAX)


@dataclass(frozen=True)
class Profile:
    display_name: str = ""

    def __post_init__(self) -> None:
        check_text(self.display_name, "display_name", SHORT_TEXT_MAX)


@dataclass(frozen=True)
class Journal:
    """A whole journal: what the journal file holds."""

    entries: tuple[Entry, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    medications: tuple[MedicationDose, ...] = ()
    reviews: tuple[Review, ...] = ()
    alerts: tuple[Alert, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    profile: Profile = field(default_factory=Profile)
    contacts: Contacts = field(default_factory=Contacts)
    exported_at: datetime | None = None
    medicines: tuple[RegularMedicine, ...] = ()
    dose_records: tuple[DoseRecord, ...] = ()
    esas_forms: tuple[EsasForm, ...] = ()  # the weekly ESAS-r forms (journal format v2)

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in LIST_NAMES}


LIST_NAMES = (
    "entries",
    "treatments",
    "medications",
    "reviews",
    "alerts",
    "appointments",
    "medicines",
    "dose_records",
)
