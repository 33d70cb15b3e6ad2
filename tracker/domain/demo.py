"""A realistic synthetic journal for demonstrations, screenshots and benchmarks.

Seeded: the same number of years gives the same journal. Each year has a radiotherapy course
(with its sessions and a short pain flare, then relief about four weeks on), a steroid course, a
systemic therapy band and physiotherapy; every other year a kyphoplasty or vertebroplasty; pain
that drifts up between treatments; as-needed painkiller doses that follow the pain; a few red-flag
episodes, each followed by a care-team review; appointments about every six weeks.
Alerts are not made up here: the red-flag engine derives them from the entries.
The treatment years are planned in ``tracker.domain.demo_treatments``; the days are made here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tracker.domain.demo_esas import demo_esas_forms
from tracker.domain.demo_medicines import demo_dose_records, demo_medicines
from tracker.domain.demo_treatments import Builder, uk_time
from tracker.domain.model import (
    Appointment,
    Contacts,
    Entry,
    Journal,
    MedicationDose,
    Profile,
    Review,
    entry_from_values,
)
from tracker.domain.screening import screening_answer

NOTES = (
    "Walked to the end of the road.",
    "Bad night, woke at 3.",
    "Better after the extra dose.",
    "Tired after the hospital visit.",
    "Sat in the garden for an hour.",
    "Stiff in the morning, eased by lunch.",
    "Family visited; a good day.",
)


def build_demo_journal(
    years: int = 2, end: date | None = None, seed: int = 1, *, busy: bool = False
) -> Journal:
    """A seeded synthetic journal of ``years`` years ending on ``end`` (default 2026-11-20).
    ``busy``: three entries every day (the benchmark's heavy user) instead of one to three."""
    if years < 1:
        raise ValueError("years must be at least 1")
    builder = Builder(years, end or date(2026, 11, 20), seed)
    builder.busy = busy
    for year_index in range(years):
        builder.plan_year(year_index)
    # The team assessed the thoracic pain when the metastasis was found (its baseline).
    builder.reviews.insert(
        0,
        Review(
            id=builder.next_id("r"),
            reviewed_on=builder.start,
            symptom="pain.thoracic",
            level=1,
            note="Known metastasis at T8; pain assessed at diagnosis",
        ),
    )
    entries, doses = _daily(builder)
    appointments = _appointments(builder)
    medicines = demo_medicines(builder.treatments, builder.start, seed)
    forms = demo_esas_forms(
        builder.start, builder.end, entries, random.Random(seed * 104729 + years), uk_time
    )
    return Journal(
        entries=tuple(entries),
        treatments=tuple(builder.treatments),
        medications=tuple(doses),
        reviews=tuple(builder.reviews),
        appointments=tuple(appointments),
        profile=Profile(display_name="Sam (demo)"),
        contacts=Contacts(
            helpline="0800 000 0000 (demo 24-hour cancer helpline)",
            emergency="999",
            team="Oncology nurse specialist, 020 0000 0000 (demo)",
        ),
        medicines=tuple(medicines),
        dose_records=tuple(demo_dose_records(medicines, builder.end, seed, uk_time)),
        esas_forms=tuple(forms),
    )


def _daily(builder: Builder) -> tuple[list[Entry], list[MedicationDose]]:
    rng = builder.rng
    entries: list[Entry] = []
    doses: list[MedicationDose] = []
    drift = 3.0
    episode: tuple[str, int] | None = None
    day = builder.start
    while day <= builder.end:
        drift = min(7.0, max(1.0, drift + rng.uniform(-0.25, 0.3)))
        level = drift + builder.effects.get(day, 0.0)
        if day in builder.episodes:
            episode = (builder.episodes[day], 3)
        for hour in [8, 14, 21] if builder.busy else _entry_hours(rng):
            score = round(min(10.0, max(0.0, level + rng.gauss(0, 0.8))))
            entries.append(_entry(builder, day, hour, score, episode))
        if episode is not None:
            kind, left = episode
            episode = None if left <= 1 else (kind, left - 1)
            if left == 1:
                _review_after(builder, kind, day)
        for dose_index in range(_doses_for(rng, level)):
            doses.append(
                MedicationDose(
                    id=builder.next_id("m"),
                    taken_at=uk_time(day, 9 + 5 * dose_index, rng.randint(0, 59)),
                    name="Oxycodone liquid",
                    dose="5 mg",
                    as_needed=True,
                )
            )
        day += timedelta(days=1)
    return entries, doses


def _entry_hours(rng: random.Random) -> list[int]:
    roll = rng.random()
    if roll < 0.3:
        return [8]
    if roll < 0.8:
        return [8, 20]
    return [8, 14, 21]


def _doses_for(rng: random.Random, level: float) -> int:
    expected = max(0.0, (level - 3.5) * 0.45)
    return min(3, int(expected + rng.random()))


NOT_ASKED_HOUR = 20  # the evening entries ...
NOT_ASKED_EVERY = 23  # ... of one day in this many: no random draw, so the rest stays the same


def _entry(
    builder: Builder, day: date, hour: int, score: int, episode: tuple[str, int] | None
) -> Entry:
    rng = builder.rng
    kind = episode[0] if episode else ""
    entry_id = builder.next_id("e")
    recorded_at = uk_time(day, hour, rng.randint(0, 29))
    # By the field table's paths; a field left out is "not recorded".
    nerves = {"weakness.left_leg": 1, "numbness.legs": 1, "walking": 1}
    worst = min(10, score + rng.randint(0, 2))  # the random draws in their old order
    constipated = {"bowel": "constipated"} if rng.random() < 0.04 else {}
    values = {
        "pain.score": score,
        "pain.worst_24h": worst,
        # the known metastasis is thoracic; bad days spread lower
        "pain.regions": ("thoracic", "lumbar") if score >= 6 else ("thoracic",),
        "pain.night": kind == "night",
        # the nerve questions answered: "None of these", or "Yes" with the levels given
        **screening_answer(True, {**(nerves if kind == "weakness" else {}), **constipated}),
        "fatigue": min(10, max(0, score - 1 + rng.randint(-1, 2))),
        "note": rng.choice(NOTES) if rng.random() < 0.08 else "",
    }
    if not kind and hour >= NOT_ASKED_HOUR and day.toordinal() % NOT_ASKED_EVERY == 0:
        values |= screening_answer(False)  # now and then a late entry saved without answering
    return entry_from_values(recorded_at, values, entry_id)


def _review_after(builder: Builder, kind: str, day: date) -> None:
    reviewed_on = day + timedelta(days=1)
    keys = (
        [("weakness.left_leg", 1), ("numbness.legs", 1), ("walking", 1)]
        if kind == "weakness"
        else [("pain.night", 1), ("pain.thoracic", 1)]
    )
    for symptom, level in keys:
        builder.reviews.append(
            Review(
                id=builder.next_id("r"),
                reviewed_on=reviewed_on,
                symptom=symptom,
                level=level,
                note="Seen in clinic; MRI arranged and reviewed",
            )
        )


def _appointments(builder: Builder) -> list[Appointment]:
    result: list[Appointment] = []
    day = builder.start + timedelta(days=20)
    while day <= builder.end + timedelta(days=14):
        result.append(
            Appointment(
                id=builder.next_id("p"),
                at=uk_time(day, 10, 30),
                with_whom="Dr Example, clinical oncology",
                questions="How is the pain compared with last time? Any change to painkillers?",
            )
        )
        day += timedelta(days=42)
    return result
