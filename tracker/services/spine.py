"""The spine map's data for a period: the treatments started by its end and its entries' pain
regions, read in one unit of work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tracker.domain.spine_map import SpineMapData, build_spine_map
from tracker.domain.trends import resolve_range
from tracker.storage import list_rows, queries
from tracker.storage.database import JournalDatabase
from tracker.storage.spine_counts import region_counts


class SpineService:
    def __init__(self, db: JournalDatabase, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._today = today

    def spine_map(self, start: date | None = None, end: date | None = None) -> SpineMapData:
        """The map of ``start..end`` (inclusive). A missing end is the journal's first or last
        recorded day, as the trend chart takes it (today when nothing is recorded). Raises
        ``ValueError`` when ``start`` is after ``end``."""
        with self._db.unit_of_work() as session:
            if start is None or end is None:
                span = queries.recorded_span(session)
                start, end = resolve_range(start, end, span, self._today())
            if start > end:
                raise ValueError(f"the first day {start} is after the last day {end}")
            treatments = list_rows.load_treatments(session)
            entries, counts = region_counts(session, start, end)
        return build_spine_map(start, end, treatments, entries, counts)
