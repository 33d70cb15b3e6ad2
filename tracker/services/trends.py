"""The trend chart's data and the "what changed after each treatment" table.

One unit of work per public method. The sums and daily groups come from SQL
(``storage.queries``); the maths on them from ``domain.trends`` and
``domain.treatment_response``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain import medicine_days, treatment_days, treatment_response, trends
from tracker.domain.model import Treatment
from tracker.domain.timeutil import check_in_range
from tracker.domain.treatment_response import Flare, TreatmentResponse
from tracker.domain.trends import TrendData
from tracker.storage import list_rows, medicine_rows, queries
from tracker.storage.database import ChangeMark, JournalDatabase, change_mark

KEPT_RANGES = 8  # the presets, and a few chosen dates


class TrendsService:
    def __init__(self, db: JournalDatabase, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._today = today
        # What was read, kept while the journal has not changed (``change_mark``): showing
        # the same days again, or another preset and back, reads nothing. Any change, by
        # this program or another, and the next call reads again.
        self._mark: ChangeMark | None = None
        self._span: tuple[tuple[date, date] | None] | None = None
        self._series: dict[tuple[date, date], TrendData] = {}

    def prepare_first_chart(self) -> None:
        """Read the series the chart shows when first opened (kept, as every read is, while
        the journal is unchanged): the start does it beside the window's own work."""
        span = self.span()
        if span is not None:
            self.trend_data(*trends.preset_range(trends.FIRST_PRESET, *span))

    def span(self) -> tuple[date, date] | None:
        """The first and last own calendar day with an entry, a dose or a weekly form (``None``:
        none of them)."""
        with self._db.unit_of_work() as session:
            return self._recorded_span(session)

    def _unchanged(self, session: Session) -> bool:
        """Whether the journal is as it was at the last read; if not, forget that read."""
        mark = change_mark(session)
        if mark == self._mark:
            return True
        self._mark, self._span, self._series = mark, None, {}
        return False

    def _recorded_span(self, session: Session) -> tuple[date, date] | None:
        if not self._unchanged(session) or self._span is None:
            span = queries.recorded_span(session)
            for day in span or ():  # only an older version stored one outside (see database)
                check_in_range(day, "recorded day")
            self._span = (span,)
        return self._span[0]

    def trend_data(self, start: date | None = None, end: date | None = None) -> TrendData:
        """The chart's series for ``start..end`` (inclusive). A missing end is the journal's
        first or last recorded day (today when the journal holds no entry, dose or form).
        Raises ``ValueError`` when ``start`` is after ``end``."""
        with self._db.unit_of_work() as session:
            if start is None or end is None:
                span = self._recorded_span(session)
                start, end = trends.resolve_range(start, end, span, self._today())
            if start > end:
                raise ValueError(f"the first day {start} is after the last day {end}")
            if not self._unchanged(session) or (start, end) not in self._series:
                if len(self._series) >= KEPT_RANGES:
                    self._series.clear()
                self._series[start, end] = self._trend_data(session, start, end)
            return self._series[start, end]

    def responses(self) -> list[TreatmentResponse]:
        """One row per treatment, in the order treatments started."""
        with self._db.unit_of_work() as session:
            treatments = list_rows.load_treatments(session)
            windows = [w for t in treatments for w in treatment_response.response_windows(t).all()]
            stats = queries.window_stats(session, windows)
        return treatment_response.build_responses(treatments, stats)

    def _trend_data(self, session: Session, start: date, end: date) -> TrendData:
        per_entry = trends.uses_entry_points(start, end)
        before = start - timedelta(days=trends.ROLLING_DAYS - 1)
        days = queries.day_stats(session, before, end)
        if per_entry:
            points = queries.entry_points(session, start, end)
        else:
            points = [d.to_point() for d in days if d.day >= start]
        rolling, worst = trends.rolling_means(days, since=start)
        treatments = [
            t for t in list_rows.load_treatments(session) if treatment_days.overlaps(t, start, end)
        ]
        return TrendData(
            start=start,
            end=end,
            per_entry=per_entry,
            points=tuple(points),
            pain_7day=tuple(rolling),
            worst_7day=tuple(worst),
            doses=tuple(queries.as_needed_doses_per_day(session, start, end)),
            treatments=tuple(treatments),
            alerts=tuple(queries.alerts_between(session, start, end)),
            flares=tuple(self._flares(session, treatments, start, end)),
            **_medicine_lane(session, start, end),
        )

    @staticmethod
    def _flares(
        session: Session, treatments: list[Treatment], start: date, end: date
    ) -> list[Flare]:
        courses = [t for t in treatments if t.kind == treatment_days.KIND_RADIOTHERAPY]
        before, search = (
            treatment_response.flare_before_window,
            treatment_response.flare_search_window,
        )
        befores = queries.window_stats(session, [before(t) for t in courses])
        searches = queries.scored_entries(session, [search(t) for t in courses])
        found: list[Flare] = []
        for course in courses:
            flare = treatment_response.find_flare(
                course,
                befores[before(course)],
                searches[search(course)],
            )
            if flare is not None and flare.first_day <= end and flare.last_day >= start:
                found.append(flare)
        return found


def _medicine_lane(session: Session, start: date, end: date) -> dict[str, Any]:
    """The regular medicines' lane: the steroid dose per day, the doses skipped, and those
    due before today with nothing recorded (today's may still be ticked)."""
    medicines = medicine_rows.load_medicines(session)
    if not medicines:
        return {}
    records = medicine_rows.load_dose_records(session, start, end)
    steroid = medicine_days.steroid_per_day(medicines, start, end)
    today = date.today()
    found = medicine_days.outcomes(medicines, records, start, end)
    return {
        "steroid": tuple(steroid) if any(steroid) else (),
        "skipped": tuple(o.at for o in found if o.status == "skipped"),
        "unrecorded": tuple(o.at for o in found if o.status == "not recorded" and o.day < today),
    }
