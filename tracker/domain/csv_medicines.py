"""Regular medicines' doses as CSV, one row per dose due (docs/csv-columns.md, "Doses of
regular medicines"): ``export --format csv-doses``. The entries' CSV stays as it is (its rows
are entries and ``import`` reads it back); this file is for reading only.

A dose due is listed from the medicine's first day to its last or to the export's day,
whichever comes first, with what became of it: taken (and when), skipped, or not recorded.
The file is written like the entries' CSV: a BOM, CRLF line ends, formula protection.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from tracker.domain.csv_format import BOM, guard_formula
from tracker.domain.medicines import (
    DoseRecord,
    RegularMedicine,
    amount_text,
    clock_text,
    dose_on,
)
from tracker.domain.model import Journal
from tracker.domain.timeutil import format_timestamp

DOSE_COLUMNS = (
    "due_on", "due_time", "medicine_id", "medicine", "dose", "route", "status", "taken_at",
    "note",
)  # fmt: skip
NOT_RECORDED = "not recorded"


def _days(medicine: RegularMedicine, last: date) -> list[date]:
    end = min(d for d in (medicine.last_day, last) if d is not None)
    count = (end - medicine.started_on).days + 1
    return [date.fromordinal(medicine.started_on.toordinal() + n) for n in range(max(count, 0))]


def dose_rows(journal: Journal, until: date) -> list[list[str]]:
    """One row per dose due up to ``until``, by day, time, then medicine name and id."""
    records: dict[tuple[str, date, object], DoseRecord] = {r.key: r for r in journal.dose_records}
    found = []
    for medicine in journal.medicines:
        for day in _days(medicine, until):
            dose = dose_on(medicine, day)
            if dose is None:
                continue
            for clock in medicine.times:
                record = records.get((str(medicine.id), day, clock))
                taken = record.taken_at if record is not None else None
                found.append(
                    [
                        day.isoformat(),
                        clock_text(clock),
                        guard_formula(str(medicine.id)),
                        guard_formula(medicine.name),
                        amount_text(dose, medicine.unit),
                        medicine.route,
                        NOT_RECORDED if record is None else record.status,
                        "" if taken is None else format_timestamp(taken),
                        "" if record is None else guard_formula(record.note),
                    ]
                )
    return sorted(found, key=lambda row: (row[0], row[1], row[3].casefold(), row[2]))


def dumps_doses_csv(journal: Journal, until: date) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(DOSE_COLUMNS)
    writer.writerows(dose_rows(journal, until))
    return BOM + out.getvalue()
