"""Aggregating queries for the trend chart and the treatment response table (SQLAlchemy Core).

The sums, counts and daily groups are computed by SQLite; Python receives one row per day (or
per entry, for ranges short enough to draw entry by entry), never thousands of ORM objects.
Days are a record's own calendar day: ``entries.local_day`` for entries, and for doses (and
the weekly forms) the date of the UTC instant moved by the record's own offset, computed in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, column, func, select, values
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import CTE

from tracker.domain.model import Alert
from tracker.domain.timeutil import local_day
from tracker.domain.trends import (
    DayCount,
    DayStats,
    ScoredEntry,
    TrendPoint,
    Window,
    WindowStats,
)
from tracker.storage import mapping
from tracker.storage.repository import TABLES

ENTRIES = TABLES["entries"]
MEDICATIONS = TABLES["medications"]
ALERTS = TABLES["alerts"]
ESAS_FORMS = TABLES["esas_forms"]
NOTE_START = 80  # characters of an entry's note carried to the chart's hover text
COMPOUND_LIMIT = 200  # windows a query (600 parameters)

_WEAKNESS = (
    ENTRIES.c.weak_left_arm,
    ENTRIES.c.weak_right_arm,
    ENTRIES.c.weak_left_leg,
    ENTRIES.c.weak_right_leg,
)
_NUMBNESS = (ENTRIES.c.numb_arms, ENTRIES.c.numb_legs, ENTRIES.c.numb_trunk, ENTRIES.c.numb_saddle)


def _highest(columns: tuple[Any, ...]) -> ColumnElement[int]:
    """SQLite's ``max(a, b, ...)`` with several arguments: the largest value of one row among
    the places asked; NULL when none was (SQLite's own would be NULL when any one is)."""
    return func.nullif(func.max(*(func.coalesce(c, _NOT_ASKED) for c in columns)), _NOT_ASKED)


_NOT_ASKED = -1  # below every level, so never the highest of a place that was asked


def _level(value: Any) -> int | None:
    return None if value is None else int(value)


def _local_time(utc: datetime, offset_min: int) -> datetime:
    return utc + timedelta(minutes=offset_min)


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Instants that hold every record whose own day is in ``start..end``: offsets are at most
    a day either side of UTC (the tables' CHECK constraints)."""
    return (
        datetime.combine(start - timedelta(days=1), time()),
        datetime.combine(end + timedelta(days=2), time()),
    )


def entry_points(session: Session, start: date, end: date) -> list[TrendPoint]:
    """Every entry whose own day is in ``start..end`` as chart points, in order of their own
    wall-clock time (the chart's x axis; entries made in different offsets may order differently
    by instant)."""
    query = (
        select(
            ENTRIES.c.id,
            ENTRIES.c.recorded_utc,
            ENTRIES.c.utc_offset_min,
            ENTRIES.c.pain_score,
            ENTRIES.c.worst_24h,
            _highest(_WEAKNESS).label("weakness"),
            _highest(_NUMBNESS).label("numbness"),
            ENTRIES.c.walking,
            func.substr(ENTRIES.c.note, 1, NOTE_START).label("note"),
        )
        .where(ENTRIES.c.local_day.between(start, end))
        .order_by(ENTRIES.c.recorded_utc, ENTRIES.c.pk)
    )
    points = [
        TrendPoint(
            at=_local_time(row.recorded_utc, row.utc_offset_min),
            pain=float(row.pain_score),
            worst=None if row.worst_24h is None else float(row.worst_24h),
            weakness=_level(row.weakness),
            numbness=_level(row.numbness),
            walking=_level(row.walking),
            entry_id=row.id,
            note=row.note or "",
        )
        for row in session.execute(query)
    ]
    return sorted(points, key=lambda p: p.at)


def day_stats(session: Session, start: date, end: date) -> list[DayStats]:
    """One row per own calendar day with entries in ``start..end`` (``GROUP BY local_day``):
    pain sum and count, worst-pain sum and count, and the day's highest weakness, numbness and
    walking levels."""
    query = (
        select(
            ENTRIES.c.local_day,
            func.sum(ENTRIES.c.pain_score).label("pain_sum"),
            func.count().label("n"),
            func.coalesce(func.sum(ENTRIES.c.worst_24h), 0).label("worst_sum"),
            func.count(ENTRIES.c.worst_24h).label("worst_n"),
            func.max(_highest(_WEAKNESS)).label("weakness"),
            func.max(_highest(_NUMBNESS)).label("numbness"),
            func.max(ENTRIES.c.walking).label("walking"),
        )
        .where(ENTRIES.c.local_day.between(start, end))
        .group_by(ENTRIES.c.local_day)
        .order_by(ENTRIES.c.local_day)
    )
    # Rows unpacked as tuples and fetched at once: a row's attributes cost more than the
    # query over ten years of days.
    return [
        DayStats(
            day,
            int(pain_sum),
            int(count),
            int(worst_sum),
            int(worst_count),
            _level(weakness),
            _level(numbness),
            _level(walking),
        )
        for day, pain_sum, count, worst_sum, worst_count, weakness, numbness, walking in (
            session.execute(query).all()
        )
    ]


def _own_day(utc: Any, offset_min: Any) -> ColumnElement[str]:
    """The own calendar day of a record, in SQL: ``date(utc, '+60 minutes')``.
    ``printf('%+d')`` writes the sign of a negative offset once (``-300 minutes``), where
    ``'+' || offset`` would write ``+-300``."""
    return func.date(utc, func.printf("%+d minutes", offset_min))


def _dose_day() -> ColumnElement[str]:
    """The own calendar day of a dose."""
    return _own_day(MEDICATIONS.c.taken_utc, MEDICATIONS.c.utc_offset_min)


def as_needed_doses_per_day(session: Session, start: date, end: date) -> list[DayCount]:
    """The number of as-needed doses taken on each own calendar day in ``start..end``."""
    day = _dose_day().label("day")
    low, high = _utc_bounds(start, end)
    query = (
        select(day, func.count().label("n"))
        .where(
            MEDICATIONS.c.as_needed.is_(True),
            MEDICATIONS.c.taken_utc >= low,
            MEDICATIONS.c.taken_utc < high,
        )
        .group_by(day)
        .having(day.between(start.isoformat(), end.isoformat()))
        .order_by(day)
    )
    return [DayCount(date.fromisoformat(day), int(n)) for day, n in session.execute(query).all()]


def _windows_table(windows: list[Window]) -> CTE:
    """The windows as a ``VALUES`` table (a CTE): ``k`` (the index in ``windows``), ``first_day``
    and ``last_day``."""
    return (
        values(
            column("k", Integer),
            column("first_day", Date),
            column("last_day", Date),
            name="windows",
        )
        .data([(key, w.first_day, w.last_day) for key, w in enumerate(windows)])
        .cte("windows")
    )


def window_stats(session: Session, windows: Iterable[Window]) -> dict[Window, WindowStats]:
    """The pain sum and the number of entries in each window: the windows as a ``VALUES`` table
    joined to the entries by day, in one query per ``COMPOUND_LIMIT`` windows (a statement that
    compiles in a millisecond, where a ``UNION ALL`` of a select a window took tens)."""
    wanted = list(dict.fromkeys(windows))
    result: dict[Window, WindowStats] = {}
    for first in range(0, len(wanted), COMPOUND_LIMIT):
        chunk = wanted[first : first + COMPOUND_LIMIT]
        table = _windows_table(chunk)
        day = ENTRIES.c.local_day
        query = (
            select(
                table.c.k,
                func.coalesce(func.sum(ENTRIES.c.pain_score), 0),
                func.count(ENTRIES.c.pk),
            )
            .select_from(table.outerjoin(ENTRIES, day.between(table.c.first_day, table.c.last_day)))
            .group_by(table.c.k)
        )
        for key, pain_sum, count in session.execute(query).all():
            result[chunk[key]] = WindowStats(int(pain_sum), int(count))
    return result


def scored_entries(session: Session, windows: Iterable[Window]) -> dict[Window, list[ScoredEntry]]:
    """The local time and pain score of each entry in each window (flare searches: a few weeks
    each), in order of recording; one query for all of them (``COMPOUND_LIMIT`` windows a
    query)."""
    wanted = list(dict.fromkeys(windows))
    result: dict[Window, list[ScoredEntry]] = {w: [] for w in wanted}
    for first in range(0, len(wanted), COMPOUND_LIMIT):
        chunk = wanted[first : first + COMPOUND_LIMIT]
        table = _windows_table(chunk)
        query = (
            select(
                table.c.k, ENTRIES.c.recorded_utc, ENTRIES.c.utc_offset_min, ENTRIES.c.pain_score
            )
            .select_from(
                table.join(
                    ENTRIES, ENTRIES.c.local_day.between(table.c.first_day, table.c.last_day)
                )
            )
            .order_by(table.c.k, ENTRIES.c.recorded_utc, ENTRIES.c.pk)
        )
        for key, recorded, offset, score in session.execute(query).all():
            result[chunk[key]].append(ScoredEntry(_local_time(recorded, offset), int(score)))
    return result


def alerts_between(session: Session, start: date, end: date) -> list[Alert]:
    """Alerts raised on an own calendar day in ``start..end``, in time order."""
    low, high = _utc_bounds(start, end)
    query = (
        select(ALERTS)
        .where(ALERTS.c.raised_utc >= low, ALERTS.c.raised_utc < high)
        .order_by(ALERTS.c.raised_utc, ALERTS.c.pk)
    )
    alerts = [mapping.row_to_alert(r) for r in mapping.rows(session.execute(query))]
    return [a for a in alerts if start <= local_day(a.raised_at) <= end]


def recorded_span(session: Session) -> tuple[date, date] | None:
    """The first and last own calendar day with an entry, a dose or a weekly ESAS-r form;
    ``None`` when there is none of them."""
    entry_first, entry_last = session.execute(
        select(func.min(ENTRIES.c.local_day), func.max(ENTRIES.c.local_day))
    ).one()
    doses = _own_day_span(session, MEDICATIONS.c.taken_utc, MEDICATIONS.c.utc_offset_min)
    forms = _own_day_span(session, ESAS_FORMS.c.completed_utc, ESAS_FORMS.c.utc_offset_min)
    firsts = [d for d in (entry_first, doses[0], forms[0]) if d is not None]
    lasts = [d for d in (entry_last, doses[1], forms[1]) if d is not None]
    if not firsts:
        return None
    return min(firsts), max(lasts)


def _own_day_span(session: Session, utc: Any, offset_min: Any) -> tuple[date | None, date | None]:
    """The first and last own day of a table's records, kept by their UTC instant ``utc`` and
    own offset ``offset_min``. Only those within two days of the first (last) instant can be
    on the first (last) own day, an offset being at most a day: found through the index on
    the instant, where the days of every record ever kept were worked out before."""
    day = _own_day(utc, offset_min)
    earliest = func.datetime(select(func.min(utc)).scalar_subquery(), "+2 days")
    latest = func.datetime(select(func.max(utc)).scalar_subquery(), "-2 days")
    first = session.execute(select(func.min(day)).where(utc < earliest)).scalar()
    last = session.execute(select(func.max(day)).where(utc > latest)).scalar()
    return _as_date(first), _as_date(last)


def _as_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
