"""The journal's recorded days (``queries.recorded_span``, where the chart's presets end) take
the weekly ESAS-r forms as well as the entries and doses, each form on its own calendar day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from tracker.domain.esas import form_of
from tracker.domain.model import Entry, Journal, MedicationDose, Pain
from tracker.storage import list_rows, queries


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def form(when: str) -> Any:
    return form_of(at(when), "patient", {"pain": 4})


ENTRY = Entry(recorded_at=at("2026-03-10T09:00:00+00:00"), pain=Pain(score=3))
DOSE = MedicationDose(at("2026-03-12T20:00:00+00:00"), "Oxycodone")


@pytest.mark.parametrize(
    ("forms", "span"),
    [
        # No form: the entry's and the dose's days, as before.
        ((), (date(2026, 3, 10), date(2026, 3, 12))),
        # A form saved after the last check-in and dose ends the span.
        (("2026-03-16T10:00:00+01:00",), (date(2026, 3, 10), date(2026, 3, 16))),
        # A form before the first entry starts it.
        (("2026-03-02T10:00:00+01:00",), (date(2026, 3, 2), date(2026, 3, 12))),
        # A form inside the span changes nothing.
        (("2026-03-11T10:00:00+01:00",), (date(2026, 3, 10), date(2026, 3, 12))),
        # Each form on its own day: 23:30 UTC on the 15th at +02:00 is the 16th; 01:30 UTC on
        # the 5th at -05:00 is the 4th.
        (
            ("2026-03-16T01:30:00+02:00", "2026-03-04T20:30:00-05:00"),
            (date(2026, 3, 4), date(2026, 3, 16)),
        ),
    ],
)
def test_the_weekly_forms_days_are_recorded_days(
    db: Any, forms: tuple[str, ...], span: tuple[date, date]
) -> None:
    journal = Journal(
        entries=(ENTRY,), medications=(DOSE,), esas_forms=tuple(form(t) for t in forms)
    )
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, journal)
        assert queries.recorded_span(session) == span


def test_a_journal_of_forms_only_spans_their_own_days(db: Any) -> None:
    # 23:00 UTC on the 1st at +03:00 is the 2nd; 02:00 UTC on the 10th at -04:00 is the 9th.
    forms = ("2026-03-02T02:00:00+03:00", "2026-03-09T22:00:00-04:00")
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, Journal(esas_forms=tuple(form(t) for t in forms)))
        assert queries.recorded_span(session) == (date(2026, 3, 2), date(2026, 3, 9))


def test_an_empty_journal_has_no_recorded_days(db: Any) -> None:
    with db.unit_of_work() as session:
        assert queries.recorded_span(session) is None
