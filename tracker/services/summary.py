"""The appointment summary's data: one period's records, read in one unit of work.

Only the period's rows are read (entries, doses and alerts by their indexed time columns); the
treatments, appointments and settings are a handful of rows whatever the journal's age. The
trend chart's series come from ``TrendsService.trend_data``, the same call the trends view
makes, so the printed chart is the chart on the screen.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

from tracker.domain import summary, trends, vocab
from tracker.domain.model import Treatment
from tracker.domain.spine_map import build_spine_map, region_counts_of
from tracker.domain.summary import SummaryData
from tracker.domain.summary_medicines import regular_medicines
from tracker.services.trends import TrendsService
from tracker.storage import list_rows, medicine_rows, queries, repository
from tracker.storage.database import JournalDatabase

# A record's own day is at most a day away from its UTC day (the tables' offset CHECKs).
MARGIN = timedelta(days=1)


def _instants(start: date, end: date) -> tuple[datetime, datetime]:
    """Instants that hold every record whose own day is in ``start..end``."""
    return (
        datetime.combine(start - MARGIN, time(), tzinfo=timezone.utc),
        datetime.combine(end + MARGIN + timedelta(days=1), time(), tzinfo=timezone.utc),
    )


def shown_treatment(treatment: Treatment, start: date, end: date) -> bool:
    """A course or procedure in ``start..end``, or a course started before its end and still
    running (no end date recorded: the chart marks only its first day)."""
    ongoing = treatment.ended_on is None and treatment.kind not in vocab.PROCEDURE_KINDS
    return trends.overlaps(treatment, start, end) or (ongoing and treatment.started_on <= end)


def response_relevant(treatment: Treatment, start: date, end: date) -> bool:
    """Whether a treatment's response row belongs in the summary of ``start..end``: it is in the
    period, or its after or later window reaches into it (relief after radiotherapy comes weeks
    later)."""
    windows = trends.response_windows(treatment)
    reaching = [windows.after, *([windows.later] if windows.later else [])]
    return trends.overlaps(treatment, start, end) or any(
        w.first_day <= end and w.last_day >= start for w in reaching
    )


class SummaryService:
    def __init__(self, db: JournalDatabase) -> None:
        self._db = db
        self._trends = TrendsService(db)

    def default_period(self, today: date) -> tuple[date, date]:
        """Since the last appointment before ``today`` (its day included), else the last 30
        days; both end on ``today``."""
        with self._db.unit_of_work() as session:
            appointments = list_rows.load_appointments(session)
        return summary.default_period(appointments, today)

    def summary_data(self, start: date, end: date) -> SummaryData:
        """Everything the summary of ``start..end`` shows. Raises ``ValueError`` when ``start``
        is after ``end``."""
        if start > end:
            raise ValueError(f"the first day {start} is after the last day {end}")
        since, until = _instants(start, end)
        with self._db.unit_of_work() as session:
            entries = list_rows.load_entries(session, since, until)
            doses = list_rows.load_medications(session, since, until)
            alerts = queries.alerts_between(session, start, end)
            appointments = list_rows.load_appointments(session)
            treatments = list_rows.load_treatments(session)
            profile, contacts = repository.profile_and_contacts(session)
            medicines = medicine_rows.load_medicines(session)
            records = medicine_rows.load_dose_records(session, start, end)
            forms = list_rows.load_esas_forms(session)
            relevant = [t for t in treatments if response_relevant(t, start, end)]
            windows = [w for t in relevant for w in trends.response_windows(t).all()]
            stats = queries.window_stats(session, windows) if windows else {}
        trend = self._trends.trend_data(start, end)
        data = summary.build_summary(
            start=start,
            end=end,
            entries=entries,
            doses=doses,
            alerts=alerts,
            treatments=[t for t in treatments if shown_treatment(t, start, end)],
            responses=trends.build_responses(relevant, stats),
            appointments=appointments,
            trend=trend,
            display_name=profile.display_name,
            helpline=contacts.helpline,
            # no section for a journal without regular medicines: they are not "none"
            medicines=regular_medicines(medicines, records, start, end, date.today())
            if medicines
            else None,
            esas_forms=forms,
        )
        counted, counts = region_counts_of(summary.in_period(entries, start, end))
        spine = build_spine_map(start, end, treatments, counted, counts)
        return replace(data, spine=spine)
