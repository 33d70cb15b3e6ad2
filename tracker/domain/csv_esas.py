"""The weekly ESAS-r forms as a CSV file of their own (``export --format esas-csv``), one row a
form, for a spreadsheet (docs/csv-columns.md). Written like the entries' CSV: a byte order mark,
CRLF line ends, rows by instant (ties by id), text guarded against formulas. An empty score cell
is "not answered", never 0.
"""

from __future__ import annotations

import csv
import io

from tracker.domain import esas
from tracker.domain.csv_format import BOM, guard_formula
from tracker.domain.model import Journal
from tracker.domain.timeutil import format_timestamp, to_utc_naive

ESAS_CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "completed_at",
    "completed_by",
    *esas.KEYS,
    "other_name",
)


def esas_row(form: esas.EsasForm) -> list[str]:
    scores = ["" if score is None else str(score) for score in form.scores().values()]
    return [
        "" if form.id is None else guard_formula(form.id),
        format_timestamp(form.completed_at),
        form.completed_by,
        *scores,
        guard_formula(form.other_name),
    ]


def dumps_esas_csv(journal: Journal) -> str:
    """Every form of the journal as CSV text (the header alone when there is none)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(ESAS_CSV_COLUMNS)
    for form in sorted(
        journal.esas_forms, key=lambda f: (to_utc_naive(f.completed_at), f.id or "")
    ):
        writer.writerow(esas_row(form))
    return BOM + out.getvalue()
