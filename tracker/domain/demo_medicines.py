"""The demo journal's regular medicines (issue 19): a twice-daily long-acting opioid and an
evening laxative throughout, a dexamethasone reducing course around each radiotherapy course,
and their doses ticked, now and then late, skipped or not recorded.

Its own seeded random numbers, so that the rest of the demo stays exactly as it was.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta

from tracker.domain.medicines import CourseStep, DoseRecord, RegularMedicine, doses_due
from tracker.domain.model import Treatment

At = Callable[[date, int, int], datetime]
TAPER = (16.0, 8.0, 4.0, 2.0)  # mg each morning, 3 days each, then stop
SKIPPED = 0.02
NOT_RECORDED = 0.02
LATE = 0.05


def demo_medicines(
    treatments: Sequence[Treatment], start: date, seed: int
) -> list[RegularMedicine]:
    medicines = [
        RegularMedicine(
            id="rm-opioid", name="Morphine sulfate modified-release", dose=20, unit="mg",
            times=(time(8), time(20)), started_on=start, reason="Background pain (demo)",
        ),
        RegularMedicine(
            id="rm-laxative", name="Senna", dose=2, unit="tablet", times=(time(20),),
            started_on=start, reason="Constipation from the opioid (demo)",
        ),
    ]  # fmt: skip
    courses = [t for t in treatments if t.kind == "radiotherapy"]
    for index, course in enumerate(courses, start=1):
        medicines.append(
            RegularMedicine(
                id=f"rm-dex-{index}", name="Dexamethasone", dose=TAPER[0], unit="mg",
                times=(time(8),), started_on=max(start, course.started_on - timedelta(days=1)),
                steps=tuple(CourseStep(dose, 3) for dose in TAPER), steroid=True,
                reason="Around radiotherapy, reducing (demo)",
            )
        )  # fmt: skip
    return medicines


def demo_dose_records(
    medicines: Sequence[RegularMedicine], end: date, seed: int, at: At
) -> list[DoseRecord]:
    """A record for most doses due up to ``end``: taken within the hour (a few late), a few
    skipped, a few with nothing recorded."""
    rng = random.Random(seed * 1_000 + 19)
    records: list[DoseRecord] = []
    for medicine in medicines:
        assert medicine.id is not None
        day = medicine.started_on
        last = min(end, medicine.last_day or end)
        while day <= last:
            for due in doses_due(medicine, day, at(day, 0, 0).tzinfo):
                roll = rng.random()
                if roll < NOT_RECORDED:
                    continue
                clock = due.due_time
                if roll < NOT_RECORDED + SKIPPED:
                    records.append(DoseRecord(medicine.id, day, clock, "skipped"))
                    continue
                delay = rng.randint(120, 200) if roll > 1 - LATE else rng.randint(0, 40)
                taken = at(day, clock.hour, clock.minute) + timedelta(minutes=delay)
                records.append(DoseRecord(medicine.id, day, clock, "taken", taken_at=taken))
            day += timedelta(days=1)
    return [
        DoseRecord(r.medicine_id, r.due_on, r.due_time, r.status, r.taken_at, id=f"d-{n}")
        for n, r in enumerate(records, start=1)
    ]
