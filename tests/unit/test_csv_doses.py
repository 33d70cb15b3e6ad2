"""The doses of regular medicines as CSV (docs/csv-doses.md): one row per dose due."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta, timezone

from tests.conftest import REPO
from tracker.domain.csv_medicines import DOSE_COLUMNS, dumps_doses_csv
from tracker.domain.medicines import DoseRecord, RegularMedicine
from tracker.domain.model import Journal

ZONE = timezone(timedelta(hours=1))


def journal() -> Journal:
    medicine = RegularMedicine(
        name="=Senna", dose=2, unit="tablet", times=(time(8), time(20)),
        started_on=date(2026, 3, 1), id="rm-1",
    )  # fmt: skip
    late = datetime(2026, 3, 1, 10, 5, tzinfo=ZONE)
    records = (
        DoseRecord("rm-1", date(2026, 3, 1), time(8), "taken", taken_at=late, id="d-1"),
        DoseRecord("rm-1", date(2026, 3, 2), time(20), "skipped", id="d-2"),
    )
    return Journal(medicines=(medicine,), dose_records=records)


def test_one_row_per_dose_due_up_to_the_day_with_what_became_of_it() -> None:
    text = dumps_doses_csv(journal(), until=date(2026, 3, 2))
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == list(DOSE_COLUMNS)
    assert [(r[0], r[1], r[6], r[7]) for r in rows[1:]] == [
        ("2026-03-01", "08:00", "taken", "2026-03-01T10:05:00+01:00"),
        ("2026-03-01", "20:00", "not recorded", ""),
        ("2026-03-02", "08:00", "not recorded", ""),
        ("2026-03-02", "20:00", "skipped", ""),
    ]
    assert {r[3] for r in rows[1:]} == {"'=Senna"}  # a formula is never run
    assert rows[1][4] == "2 tablets"


def test_every_column_is_documented() -> None:
    doc = (REPO / "docs" / "csv-doses.md").read_text(encoding="utf-8")
    names = [
        line.split("|")[1].strip().strip("`") for line in doc.splitlines() if line.startswith("| `")
    ]
    assert names == list(DOSE_COLUMNS)
