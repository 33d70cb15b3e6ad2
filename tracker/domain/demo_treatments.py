"""The demo journal's treatment years (``tracker.domain.demo``): the builder that carries the
demo's seeded random numbers, ids, reviews and pain effects, and each year's radiotherapy course,
steroid course, systemic therapy, physiotherapy and, every other year, a kyphoplasty or
vertebroplasty, with the rise and relief in pain that each brings and the days on which the
year's red-flag episodes begin.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone

from tracker.domain.model import Review, Session, Treatment

UK_WINTER = UTC
UK_SUMMER = timezone(timedelta(hours=1))
SITES = ("T8", "L2", "T11", "L4", "T5", "C6", "L1", "T9-T10", "S1", "T12")


def _zone(day: date) -> timezone:
    """British summer time, roughly: the offset a person in the UK would record."""
    return UK_SUMMER if 4 <= day.month <= 10 else UK_WINTER


def uk_time(day: date, hour: int, minute: int) -> datetime:
    """A clock time on ``day`` with the offset a person in the UK would record then."""
    return datetime.combine(day, time(hour, minute), tzinfo=_zone(day))


def _weekdays(start: date, count: int) -> list[date]:
    days: list[date] = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


class Builder:
    def __init__(self, years: int, end: date, seed: int) -> None:
        self.rng = random.Random(seed * 7919 + years)
        self.start = end - timedelta(days=365 * years - 1)
        self.end = end
        self.treatments: list[Treatment] = []
        self.reviews: list[Review] = []
        self.effects: dict[date, float] = {}
        self.episodes: dict[date, str] = {}
        self.counter = 0
        self.busy = False

    def next_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter:06d}"

    def add_effect(self, day: date, amount: float) -> None:
        self.effects[day] = self.effects.get(day, 0.0) + amount

    def plan_year(self, year_index: int) -> None:
        base = self.start + timedelta(days=365 * year_index)
        site = SITES[year_index % len(SITES)]
        stereotactic = year_index % 2 == 1
        rt_start = base + timedelta(days=50 + self.rng.randint(0, 20))
        self._radiotherapy(rt_start, site, stereotactic)
        self.treatments.append(
            Treatment(
                id=self.next_id("t"),
                kind="steroids",
                started_on=rt_start - timedelta(days=1),
                ended_on=rt_start + timedelta(days=6),
                note="Dexamethasone 8 mg, tapering",
            )
        )
        systemic = ("hormone_therapy", "chemotherapy", "targeted_therapy", "immunotherapy")
        sys_start = base + timedelta(days=120)
        self.treatments.append(
            Treatment(
                id=self.next_id("t"),
                kind=systemic[year_index % len(systemic)],
                started_on=sys_start,
                ended_on=sys_start + timedelta(days=120),
                sessions=tuple(
                    Session(at=uk_time(sys_start + timedelta(days=21 * k), 10, 0)) for k in range(6)
                ),
                note="Cycles every three weeks",
            )
        )
        physio = base + timedelta(days=260)
        self.treatments.append(
            Treatment(
                id=self.next_id("t"),
                kind="physiotherapy",
                started_on=physio,
                ended_on=physio + timedelta(days=42),
                note="Weekly, core strength and walking",
            )
        )
        for day in range(0, 42):
            self.add_effect(physio + timedelta(days=day), -0.3)
        if year_index % 2 == 0:
            kind = "kyphoplasty" if year_index % 4 == 0 else "vertebroplasty"
            when = base + timedelta(days=220)
            self.treatments.append(
                Treatment(id=self.next_id("t"), kind=kind, started_on=when, site="L2")
            )
            for day in range(-14, 0):
                self.add_effect(when + timedelta(days=day), 1.5)
            for day in range(3, 120):
                self.add_effect(when + timedelta(days=day), -2.0 * min(1.0, day / 14))
        self.episodes[base + timedelta(days=300)] = "weakness"
        self.episodes[base + timedelta(days=180)] = "night"

    def _radiotherapy(self, start: date, site: str, stereotactic: bool) -> None:
        fractions = 2 if stereotactic else 5
        days = _weekdays(start, fractions)
        self.treatments.append(
            Treatment(
                id=self.next_id("t"),
                kind="radiotherapy",
                started_on=days[0],
                ended_on=days[-1],
                site=site,
                technique="sbrt" if stereotactic else "conventional",
                dose_gy=24.0 if stereotactic else 20.0,
                fractions=fractions,
                sessions=tuple(Session(at=uk_time(d, 11, 0)) for d in days),
                note=f"Palliative radiotherapy to {site}",
            )
        )
        for day in range(-21, 0):
            self.add_effect(start + timedelta(days=day), 1.0 + day / 42)
        for day in range(1, 4):
            self.add_effect(days[-1] + timedelta(days=day), 2.5)
        for day in range(10, 150):
            self.add_effect(days[-1] + timedelta(days=day), -2.5 * min(1.0, (day - 10) / 20))
