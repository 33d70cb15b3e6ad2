"""The regular medicines' service on a real journal file: a medicine added, doses ticked,
skipped, changed and cleared, and a medicine stopped."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from tracker.domain.errors import ValidationError
from tracker.domain.medicines import DoseRecord, RegularMedicine
from tracker.services.registry import Services
from tracker.storage.database import JournalDatabase

DAY = date(2026, 3, 5)


def opioid() -> RegularMedicine:
    return RegularMedicine(
        name="Morphine MR", dose=20, unit="mg", times=(time(8), time(20)), started_on=DAY
    )


def test_doses_due_carry_what_was_recorded(db: JournalDatabase) -> None:
    services = Services(db)
    stored = services.medicines.add(opioid()).record
    assert stored.id is not None and services.medicines.list() == [stored]
    morning, evening = services.medicines.due_on(DAY)
    assert (morning.record, evening.record) == (None, None)  # not yet
    late = morning.due.at + timedelta(hours=2, minutes=10)
    services.medicines.record_dose(DoseRecord(stored.id, DAY, time(8), "taken", taken_at=late))
    services.medicines.record_dose(DoseRecord(stored.id, DAY, time(20), "skipped"))
    morning, evening = services.medicines.due_on(DAY)
    assert morning.record is not None and morning.record.taken_at == late
    assert evening.record is not None and evening.record.status == "skipped"
    # taken after all: the one record of that dose is replaced, not doubled
    now = datetime.now().astimezone()
    services.medicines.record_dose(DoseRecord(stored.id, DAY, time(20), "taken", taken_at=now))
    assert [r.status for r in services.medicines.records()] == ["taken", "taken"]
    services.medicines.clear_dose(stored.id, DAY, time(20))
    assert services.medicines.due_on(DAY)[1].record is None


def test_a_stopped_medicine_has_no_dose_after_its_last_day(db: JournalDatabase) -> None:
    services = Services(db)
    stored = services.medicines.add(opioid()).record
    services.medicines.stop(stored, DAY + timedelta(days=1))
    assert len(services.medicines.due_on(DAY + timedelta(days=1))) == 2
    assert services.medicines.due_on(DAY + timedelta(days=2)) == []


def test_a_bad_medicine_is_refused_before_anything_is_stored(db: JournalDatabase) -> None:
    services = Services(db)
    with pytest.raises(ValidationError, match="times: must name at least one"):
        services.medicines.add(
            RegularMedicine(name="X", dose=1, unit="mg", times=(), started_on=DAY)
        )
    assert services.medicines.list() == []
