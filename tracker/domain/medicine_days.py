"""Regular medicines day by day, for the trend chart's lane and the summary's table: the
steroid dose due each day, and the doses that were skipped or have nothing recorded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tracker.domain.medicines import DoseRecord, RegularMedicine, daily_dose, dose_on


@dataclass(frozen=True)
class DoseOutcome:
    """One dose due, and what became of it: ``taken``, ``skipped`` or ``not recorded``."""

    medicine: RegularMedicine
    day: date
    clock: time
    status: str

    @property
    def at(self) -> datetime:
        """The local wall-clock time it was due (naive: for placing it on a day axis)."""
        return datetime.combine(self.day, self.clock)


def days(start: date, end: date) -> Iterator[date]:
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


def steroid_per_day(medicines: Iterable[RegularMedicine], start: date, end: date) -> list[float]:
    """The steroid dose due on each day from ``start`` to ``end`` (0 on days with none)."""
    steroids = [m for m in medicines if m.steroid]
    return [sum(daily_dose(m, day) for m in steroids) for day in days(start, end)]


def outcomes(
    medicines: Sequence[RegularMedicine],
    records: Iterable[DoseRecord],
    start: date,
    end: date,
) -> list[DoseOutcome]:
    """Every dose due from ``start`` to ``end`` with its outcome, in time order."""
    by_key = {r.key: r.status for r in records}
    found = []
    for medicine in medicines:
        first = max(start, medicine.started_on)
        last = min(end, medicine.last_day or end)
        for day in days(first, last) if first <= last else ():
            if dose_on(medicine, day) is None:
                continue
            for clock in medicine.times:
                status = by_key.get((str(medicine.id), day, clock), "not recorded")
                found.append(DoseOutcome(medicine, day, clock, status))
    return sorted(found, key=lambda o: (o.day, o.clock, o.medicine.name.casefold()))
