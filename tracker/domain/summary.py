"""The appointment summary's content, computed in plain Python from one period's records.

Everything here says what was or was not recorded, never that the person is well: an empty
section reads "None recorded in this period", a symptom at level 0 reads "none recorded".
Days are a record's own calendar day (the day in the UTC offset written in its time); the
period ``start..end`` includes both days.

Red flags: every alert raised in the period is counted. A run of firings of one rule on
consecutive days with the same logged action and note is one row ("6 times"), so that a rule
that fired at every entry of a week does not push the rest of page 1 away.

Questions for this appointment: the first appointment after the period's last day (the one the
summary is usually printed for); when none is booked, the latest appointment within the period
(the summary printed on the day of the appointment itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tracker.domain.dose_weeks import WEEK_DAYS, WeeklyDoses, week_bounds, weekly_doses
from tracker.domain.esas import EsasForm
from tracker.domain.esas_summary import EsasSummary, esas_summary
from tracker.domain.model import Alert, Appointment, Entry, MedicationDose, Treatment
from tracker.domain.neuro_status import NO_SIGNS, NeuroStatus, neuro_short, neuro_status
from tracker.domain.red_flag_rows import (
    NO_ACTION,
    RedFlagRow,
    RuleWording,
    red_flag_rows,
    rule_wording,
)
from tracker.domain.spine_map import SpineMapData
from tracker.domain.summary_medicines import RegularMedicines
from tracker.domain.timeutil import local_day
from tracker.domain.treatment_text import (
    RESPONSE_COLUMNS,
    ResponseLine,
    TreatmentLine,
    response_line,
    treatment_line,
)
from tracker.domain.trends import TreatmentResponse, TrendData
from tracker.domain.wording import period_text, short_day, time_text

__all__ = [  # the names the printed summary and its tests read from here
    "NONE_RECORDED",
    "NO_ACTION",
    "NO_SIGNS",
    "RESPONSE_COLUMNS",
    "WEEK_DAYS",
    "RedFlagRow",
    "SummaryData",
    "appointment_for",
    "build_summary",
    "default_period",
    "period_text",
    "red_flag_rows",
    "short_day",
    "time_text",
    "week_bounds",
]

TITLE = "Spine Journal summary"
NONE_RECORDED = "None recorded in this period"
DEFAULT_DAYS = 30


def document_title(start: date, end: date) -> str:
    """The PDF's title: the words and the dates only, never a symptom."""
    return f"{TITLE} {start.isoformat()} to {end.isoformat()}"


def default_file_name(start: date, end: date) -> str:
    return f"spine-journal-summary-{start.isoformat()}-{end.isoformat()}.pdf"


# ---- pain --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PainWindow:
    first_day: date
    last_day: date
    count: int
    mean: float | None  # None: no entry in the window

    def text(self) -> str:
        days = f"{short_day(self.first_day)} to {short_day(self.last_day)}"
        if self.mean is None:
            return f"no entries ({days})"
        noun = "entry" if self.count == 1 else "entries"
        return f"{self.mean:.1f} from {self.count} {noun} ({days})"


@dataclass(frozen=True)
class PainSummary:
    latest_at: datetime | None
    latest_score: int | None
    latest_worst: int | None
    first_week: PainWindow
    last_week: PainWindow


def pain_window(entries: Iterable[Entry], first_day: date, last_day: date) -> PainWindow:
    scores = [e.pain.score for e in entries if first_day <= local_day(e.recorded_at) <= last_day]
    mean = sum(scores) / len(scores) if scores else None
    return PainWindow(first_day, last_day, len(scores), mean)


def pain_summary(entries: Sequence[Entry], start: date, end: date) -> PainSummary:
    """The latest score, and the mean score of the first and of the last 7 days of the period
    (the whole period for both when it is shorter than 7 days)."""
    first = pain_window(entries, start, min(end, start + timedelta(days=WEEK_DAYS - 1)))
    last = pain_window(entries, max(start, end - timedelta(days=WEEK_DAYS - 1)), end)
    latest = entries[-1] if entries else None
    return PainSummary(
        latest_at=latest.recorded_at if latest else None,
        latest_score=latest.pain.score if latest else None,
        latest_worst=latest.pain.worst_24h if latest else None,
        first_week=first,
        last_week=last,
    )


# ---- appointments ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppointmentQuestions:
    at: datetime
    with_whom: str
    questions: str
    after_period: bool  # True: the next appointment after the period; False: one within it


def appointment_for(
    appointments: Iterable[Appointment], start: date, end: date
) -> AppointmentQuestions | None:
    """The appointment this summary is for: the first one after ``end``; else the latest one
    within ``start..end``; else None."""
    ordered = sorted(appointments, key=lambda a: a.at)
    after = [a for a in ordered if local_day(a.at) > end]
    if after:
        chosen, later = after[0], True
    else:
        within = [a for a in ordered if start <= local_day(a.at) <= end]
        if not within:
            return None
        chosen, later = within[-1], False
    return AppointmentQuestions(chosen.at, chosen.with_whom, chosen.questions.strip(), later)


def default_period(appointments: Iterable[Appointment], today: date) -> tuple[date, date]:
    """Since the last appointment before today (its day included), else the last 30 days."""
    before = [local_day(a.at) for a in appointments if local_day(a.at) < today]
    if before:
        return max(before), today
    return today - timedelta(days=DEFAULT_DAYS - 1), today


# ---- entries -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryLine:
    recorded_at: datetime
    pain: int
    worst: int | None
    neuro: str
    note: str  # user text, printed literally


def entry_line(entry: Entry) -> EntryLine:
    return EntryLine(
        recorded_at=entry.recorded_at,
        pain=entry.pain.score,
        worst=entry.pain.worst_24h,
        neuro=neuro_short(entry),
        note=entry.note.strip(),
    )


# ---- the whole summary -------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryData:
    """Everything the printed summary shows, for the days ``start`` to ``end`` (inclusive)."""

    start: date
    end: date
    display_name: str
    helpline: str
    red_flags: tuple[RedFlagRow, ...]
    alert_count: int
    neuro: NeuroStatus
    pain: PainSummary
    trend: TrendData
    treatments: tuple[TreatmentLine, ...]
    responses: tuple[ResponseLine, ...]
    doses: WeeklyDoses
    appointment: AppointmentQuestions | None
    entries: tuple[EntryLine, ...]
    medicines: RegularMedicines | None = None  # the regular medicines' table (issue 19)
    esas: EsasSummary = field(default_factory=EsasSummary)  # the period's ESAS-r forms
    spine: SpineMapData | None = None  # the spine map of the period (services.summary)

    @property
    def title(self) -> str:
        return document_title(self.start, self.end)

    @property
    def file_name(self) -> str:
        return default_file_name(self.start, self.end)


def in_period(entries: Iterable[Entry], start: date, end: date) -> list[Entry]:
    """The entries whose own day is in the period, in time order (by instant)."""
    chosen = [e for e in entries if start <= local_day(e.recorded_at) <= end]
    return sorted(chosen, key=lambda e: e.recorded_at)


def build_summary(
    *,
    start: date,
    end: date,
    entries: Sequence[Entry],
    doses: Iterable[MedicationDose],
    alerts: Iterable[Alert],
    treatments: Iterable[Treatment],
    responses: Iterable[TreatmentResponse],
    appointments: Iterable[Appointment],
    trend: TrendData,
    display_name: str,
    helpline: str,
    wording: RuleWording = rule_wording,
    medicines: RegularMedicines | None = None,
    esas_forms: Iterable[EsasForm] = (),
) -> SummaryData:
    """The summary of ``start..end`` from records that may reach a little beyond it (each list
    is cut to the period here). ``treatments`` and ``responses`` are shown as given."""
    if start > end:
        raise ValueError(f"the first day {start} is after the last day {end}")
    period_entries = in_period(entries, start, end)
    period_alerts = [a for a in alerts if start <= local_day(a.raised_at) <= end]
    return SummaryData(
        start=start,
        end=end,
        display_name=display_name.strip(),
        helpline=helpline.strip(),
        red_flags=tuple(red_flag_rows(period_alerts, wording)),
        alert_count=len(period_alerts),
        neuro=neuro_status(period_entries),
        pain=pain_summary(period_entries, start, end),
        trend=trend,
        treatments=tuple(treatment_line(t) for t in treatments),
        responses=tuple(response_line(r) for r in responses),
        doses=weekly_doses(doses, start, end),
        appointment=appointment_for(appointments, start, end),
        entries=tuple(entry_line(e) for e in period_entries),
        medicines=medicines,
        esas=esas_summary(esas_forms, start, end),
    )
