"""The demo journal's weekly ESAS-r forms, made from its entries' pain scores once the rest of
the demo journal is made (``tracker.domain.demo``)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from tracker.domain.demo_medicines import At
from tracker.domain.esas import EsasForm
from tracker.domain.model import Entry


def demo_esas_forms(
    start: date, end: date, entries: Sequence[Entry], rng: random.Random, at: At
) -> list[EsasForm]:
    """A weekly ESAS-r form every Monday late morning (its own random draws and ids, so that
    the rest of the demo stays as it was), its scores following that day's pain. Now and then
    an item is left unanswered, and some weeks a family member fills it in."""
    pain_by_day: dict[date, list[int]] = {}
    for entry in entries:
        pain_by_day.setdefault(entry.recorded_at.date(), []).append(entry.pain.score)
    forms: list[EsasForm] = []
    day = start + timedelta(days=(7 - start.weekday()) % 7)
    while day <= end:
        scores = pain_by_day.get(day, [3])
        pain = round(sum(scores) / len(scores))

        def near(base: float, spread: int = 1) -> int:
            return min(10, max(0, round(base) + rng.randint(-spread, spread)))

        constipated = rng.random() < 0.3
        forms.append(
            EsasForm(
                id=f"s{len(forms) + 1:06d}",
                completed_at=at(day, 11, rng.randint(0, 40)),
                completed_by="family_caregiver" if len(forms) % 6 == 5 else "patient",
                pain=pain,
                tiredness=near(pain * 0.8 + 1),
                drowsiness=near(pain * 0.4),
                nausea=near(1),
                appetite=near(pain * 0.5),
                breath=None if rng.random() < 0.15 else near(0.5),
                depression=near(pain * 0.3 + 1),
                anxiety=near(pain * 0.3 + 1),
                wellbeing=near(pain * 0.6 + 1),
                other=near(3) if constipated else None,
                other_name="constipation" if constipated else "",
            )
        )
        day += timedelta(days=7)
    return forms
