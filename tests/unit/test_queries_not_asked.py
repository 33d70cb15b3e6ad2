"""The chart's nerve series from SQL with signs not asked: the highest level among the places
asked, None where nothing was asked (never 0), and a gap in the drawn line."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from typing import Any

from tracker.domain.model import Entry, Pain, Weakness, entry_from_values
from tracker.domain.screening import screening_answer
from tracker.storage import queries, repository

D0 = datetime(2026, 9, 1, 8, 0, tzinfo=timezone(timedelta(hours=2)))


def made(hours: int, answer: dict[str, object] | None) -> Entry:
    values = {"pain.score": 3, **screening_answer(answer is not None, answer)}
    return entry_from_values(D0 + timedelta(hours=hours), values, f"e{hours}")


def test_points_and_days_keep_not_asked_apart_from_none(db: Any) -> None:
    partly = Entry(
        id="p",
        recorded_at=D0 + timedelta(days=2),
        pain=Pain(score=1),
        weakness=Weakness(left_leg=1),  # the other limbs not asked
    )
    entries = [made(0, None), made(4, {}), made(24, None), made(30, None), partly]
    with db.unit_of_work() as session:
        for entry in entries:
            repository.insert_entry(session, entry)
    first, last = D0.date(), D0.date() + timedelta(days=2)
    with db.unit_of_work() as session:
        points = queries.entry_points(session, first, last)
        days = queries.day_stats(session, first, last)
    by_id = {p.entry_id: p for p in points}
    assert (by_id["e0"].weakness, by_id["e0"].walking) == (None, None)
    assert (by_id["e4"].weakness, by_id["e4"].walking) == (0, 0)
    assert (by_id["p"].weakness, by_id["p"].numbness, by_id["p"].walking) == (1, None, None)
    assert [(d.weakness, d.walking) for d in days] == [(0, 0), (None, None), (1, None)]
    point = days[1].to_point()
    assert point.weakness is None and not math.isnan(point.pain)
