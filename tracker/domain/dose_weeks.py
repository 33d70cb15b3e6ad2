"""As-needed painkiller doses per week and medicine, for the printed summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.model import MedicationDose
from tracker.domain.timeutil import local_day
from tracker.domain.wording import short_day

WEEK_DAYS = 7


@dataclass(frozen=True)
class DoseWeek:
    first_day: date
    last_day: date
    counts: tuple[int, ...]  # one per medicine of WeeklyDoses.medicines

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def total(self) -> int:
        return sum(self.counts)

    def label(self) -> str:
        text = f"{self.first_day.day} {self.first_day:%b} to {short_day(self.last_day)}"
        return text if self.days == WEEK_DAYS else f"{text} ({self.days} days)"


@dataclass(frozen=True)
class WeeklyDoses:
    """As-needed doses per week, by medicine. Weeks are counted back from the period's last day,
    so the last row is the latest 7 days; the first row may be shorter (its days are shown)."""

    medicines: tuple[str, ...] = ()
    weeks: tuple[DoseWeek, ...] = ()
    regular: tuple[str, ...] = ()  # medicines also recorded as regular (not as-needed) doses

    @property
    def total(self) -> int:
        return sum(w.total for w in self.weeks)


def _medicine_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def week_bounds(start: date, end: date) -> list[tuple[date, date]]:
    """The period cut into 7-day weeks counted back from ``end``, in time order."""
    weeks: list[tuple[date, date]] = []
    last = end
    while last >= start:
        first = max(start, last - timedelta(days=WEEK_DAYS - 1))
        weeks.append((first, last))
        last = first - timedelta(days=1)
    return weeks[::-1]


def weekly_doses(doses: Iterable[MedicationDose], start: date, end: date) -> WeeklyDoses:
    """Count the as-needed doses whose own day is in the period, per week and medicine (names
    compared without case and extra spaces; the first spelling is shown)."""
    shown: dict[str, str] = {}
    regular: dict[str, str] = {}
    per_day: dict[tuple[str, date], int] = {}
    for dose in doses:
        day = local_day(dose.taken_at)
        if not start <= day <= end:
            continue
        key = _medicine_key(dose.name)
        if not dose.as_needed:
            regular.setdefault(key, " ".join(dose.name.split()))
            continue
        shown.setdefault(key, " ".join(dose.name.split()))
        per_day[key, day] = per_day.get((key, day), 0) + 1
    keys = sorted(shown, key=lambda k: shown[k].casefold())
    weeks = []
    for first, last in week_bounds(start, end):
        counts = tuple(
            sum(n for (k, day), n in per_day.items() if k == key and first <= day <= last)
            for key in keys
        )
        weeks.append(DoseWeek(first, last, counts))
    return WeeklyDoses(
        medicines=tuple(shown[k] for k in keys),
        weeks=tuple(weeks) if keys else (),
        regular=tuple(sorted(regular.values(), key=str.casefold)),
    )
