"""The ESAS-r forms' own CSV file: one row a form in time order, empty = not answered."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

from tests.conftest import REPO
from tracker.domain.csv_esas import ESAS_CSV_COLUMNS, dumps_esas_csv
from tracker.domain.esas import EsasForm
from tracker.domain.model import Journal

WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=1)))


def test_one_row_a_form_in_time_order_with_empty_for_not_answered() -> None:
    journal = Journal(
        esas_forms=(
            EsasForm(WHEN, "patient", pain=0, other=3, other_name="=cmd", id="s-b"),
            EsasForm(WHEN - timedelta(days=7), "family_caregiver", nausea=10, id="s-a"),
        )
    )
    text = dumps_esas_csv(journal)
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == list(ESAS_CSV_COLUMNS)
    assert [r[0] for r in rows[1:]] == ["s-a", "s-b"]
    first, second = (dict(zip(rows[0], r, strict=True)) for r in rows[1:])
    assert (
        first["nausea"] == "10"
        and first["pain"] == ""
        and first["completed_by"] == ("family_caregiver")
    )
    assert second["pain"] == "0" and second["tiredness"] == ""
    assert second["other_name"] == "'=cmd"  # a spreadsheet would run it as a formula


def test_a_journal_without_forms_gives_the_header_alone() -> None:
    assert dumps_esas_csv(Journal()) == "\ufeff" + ",".join(ESAS_CSV_COLUMNS) + "\r\n"


def test_the_column_table_documents_every_column() -> None:
    doc = (REPO / "docs" / "csv-esas-columns.md").read_text(encoding="utf-8")
    names = [
        line.split("|")[1].strip().strip("`") for line in doc.splitlines() if line.startswith("| `")
    ]
    assert names == list(ESAS_CSV_COLUMNS)
