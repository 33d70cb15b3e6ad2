"""The printed summary's "Regular medicines" table: for each medicine with a dose due in the
period, the doses due, taken, skipped and not recorded, and the steroid dose due now.

Doses are counted up to the period's end or ``today``, whichever is first: a dose still to come
is not "not recorded".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.medicine_days import outcomes
from tracker.domain.medicines import DoseRecord, RegularMedicine, amount_text, clock_text, dose_on


@dataclass(frozen=True)
class MedicineLine:
    name: str
    schedule: str  # "20 mg by mouth at 08:00, 20:00" or a course's steps
    due: int
    taken: int
    skipped: int
    not_recorded: int


@dataclass(frozen=True)
class RegularMedicines:
    counted_to: date  # the last day counted
    lines: tuple[MedicineLine, ...] = ()
    steroid_now: str = ""  # "" when no steroid is in the journal


def _schedule(m: RegularMedicine) -> str:
    times = ", ".join(clock_text(t) for t in m.times)
    route = "" if m.route == "by mouth" else f" {m.route}"  # by mouth unless said
    if not m.steps:
        return f"{amount_text(m.dose, m.unit)}{route} at {times}"
    steps = ", then ".join(f"{amount_text(s.dose, m.unit)} {s.days} days" for s in m.steps)
    return f"reducing course{route} at {times}: {steps}, then stop"


def regular_medicines(
    medicines: Sequence[RegularMedicine],
    records: Iterable[DoseRecord],
    start: date,
    end: date,
    today: date,
) -> RegularMedicines:
    last = min(end, today)
    found = outcomes(medicines, records, start, last) if start <= last else []
    lines = []
    for m in medicines:
        mine = [o.status for o in found if o.medicine is m]
        if mine:
            lines.append(
                MedicineLine(
                    m.name, _schedule(m), len(mine), mine.count("taken"), mine.count("skipped"),
                    mine.count("not recorded"),
                )
            )  # fmt: skip
    return RegularMedicines(last, tuple(lines), _steroid_now(medicines, last))


def _steroid_now(medicines: Sequence[RegularMedicine], day: date) -> str:
    steroids = [m for m in medicines if m.steroid]
    if not steroids:
        return ""
    due = [(m, dose_on(m, day)) for m in steroids]
    parts = [f"{m.name} {amount_text(d * len(m.times), m.unit)} a day" for m, d in due if d]
    return "; ".join(parts) if parts else "none due"
