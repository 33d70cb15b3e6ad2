"""Regular medicines: the doses due on a day, reducing courses, and the checks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from tracker.domain.errors import ValidationError
from tracker.domain.medicines import (
    CourseStep,
    DoseRecord,
    RegularMedicine,
    amount_text,
    daily_dose,
    dose_on,
    doses_due,
    parse_clock,
)

ZONE = timezone(timedelta(hours=1))
START = date(2026, 3, 2)


def taper() -> RegularMedicine:
    steps = tuple(CourseStep(dose, 3) for dose in (16.0, 8.0, 4.0, 2.0))
    return RegularMedicine(
        name="Dexamethasone", dose=16.0, unit="mg", times=(time(8),), started_on=START,
        steps=steps, steroid=True, id="d1",
    )  # fmt: skip


def twice_daily(**changes: object) -> RegularMedicine:
    values: dict[str, object] = dict(
        name="Morphine MR", dose=20.0, unit="mg", times=(time(8), time(20)), started_on=START,
        id="o1",
    )  # fmt: skip
    values.update(changes)
    return RegularMedicine(**values)  # type: ignore[arg-type]


def test_twice_daily_gives_two_doses_at_their_local_times() -> None:
    due = doses_due(twice_daily(), date(2026, 3, 5), ZONE)
    assert [d.at for d in due] == [
        datetime(2026, 3, 5, 8, tzinfo=ZONE),
        datetime(2026, 3, 5, 20, tzinfo=ZONE),
    ]
    assert all(d.dose == 20.0 and d.medicine_id == "o1" for d in due)
    assert due[1].due_time == time(20) and due[1].due_on == date(2026, 3, 5)


def test_no_dose_before_start_or_after_end() -> None:
    medicine = twice_daily(ended_on=date(2026, 3, 4))
    assert doses_due(medicine, date(2026, 3, 1), ZONE) == []
    assert len(doses_due(medicine, date(2026, 3, 4), ZONE)) == 2
    assert doses_due(medicine, date(2026, 3, 5), ZONE) == []


def test_without_zone_the_machine_local_zone_is_used() -> None:
    (first, _) = doses_due(twice_daily(), date(2026, 3, 5))
    assert first.at.utcoffset() is not None and first.at.hour == 8


def test_reducing_course_steps_then_stop() -> None:
    medicine = taper()
    doses = [dose_on(medicine, START + timedelta(days=n)) for n in range(13)]
    assert doses == [16.0] * 3 + [8.0] * 3 + [4.0] * 3 + [2.0] * 3 + [None]
    assert medicine.last_day == date(2026, 3, 13)
    assert daily_dose(medicine, START) == 16.0
    assert daily_dose(twice_daily(), START) == 40.0
    assert daily_dose(medicine, date(2026, 3, 20)) == 0.0


def test_a_course_stopped_early_stops_at_its_end_date() -> None:
    from dataclasses import replace

    stopped = replace(taper(), ended_on=date(2026, 3, 5))
    assert dose_on(stopped, date(2026, 3, 5)) == 8.0
    assert dose_on(stopped, date(2026, 3, 6)) is None


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "must not be empty"),
        ({"dose": 0}, "dose", "must be above 0"),
        ({"dose": "20"}, "dose", "is not a number"),
        ({"unit": "bucket"}, "unit", "is not one of"),
        ({"route": "ear"}, "route", "is not one of"),
        ({"times": ()}, "times", "at least one time"),
        ({"times": (time(20), time(8))}, "times", "in order"),
        ({"times": (time(8), time(8))}, "times", "each time once"),
        ({"ended_on": date(2026, 3, 1)}, "ended_on", "is before started_on"),
        ({"steps": (CourseStep(4.0, 2),)}, "dose", "first step's dose"),
    ],
)
def test_bad_medicine_refused_with_a_clear_message(
    changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        twice_daily(**changes)
    assert caught.value.field == field and words in caught.value.problem


def test_bad_step_refused() -> None:
    with pytest.raises(ValidationError, match="days: 0 is below 1"):
        CourseStep(8.0, 0)


def test_dose_record_taken_needs_its_time_and_skipped_has_none() -> None:
    at = datetime(2026, 3, 5, 9, 40, tzinfo=ZONE)
    late = DoseRecord("o1", date(2026, 3, 5), time(8), "taken", taken_at=at)
    assert late.taken_at == at and late.key == ("o1", date(2026, 3, 5), time(8))
    with pytest.raises(ValidationError, match="taken_at: is required"):
        DoseRecord("o1", date(2026, 3, 5), time(8), "taken")
    with pytest.raises(ValidationError, match="taken_at: is for a dose taken"):
        DoseRecord("o1", date(2026, 3, 5), time(8), "skipped", taken_at=at)
    with pytest.raises(ValidationError, match="status: 'late' is not one of"):
        DoseRecord("o1", date(2026, 3, 5), time(8), "late")


def test_clock_and_amount_text() -> None:
    assert parse_clock("08:05") == time(8, 5)
    with pytest.raises(ValidationError, match="not a time of day like 08:00"):
        parse_clock("8am")
    assert amount_text(16.0, "mg") == "16 mg"
    assert amount_text(2, "tablet") == "2 tablets"
