"""Trend maths: the ranges and the series the chart draws (what changed after each treatment:
``treatment_response``; a treatment's days: ``treatment_days``).

Plain Python over numbers the storage layer has already aggregated in SQL (daily sums, window
sums, per-entry rows of a short range); nothing here touches a database or draws anything.

Days are always a record's own calendar day (the day in the UTC offset written in its time).
A mean pain score is over entries: each entry counts once, so a day with three entries weighs
three times a day with one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from tracker.domain.model import Alert, Treatment

# Kept importable from here for the modules that read them as trends (storage, the summary, the
# response table's model); their home is ``treatment_days`` and ``treatment_response``.
from tracker.domain.treatment_days import overlaps as overlaps
from tracker.domain.treatment_days import treatment_label as treatment_label
from tracker.domain.treatment_response import Flare as Flare
from tracker.domain.treatment_response import ScoredEntry as ScoredEntry
from tracker.domain.treatment_response import TreatmentResponse as TreatmentResponse
from tracker.domain.treatment_response import Window as Window
from tracker.domain.treatment_response import WindowMean as WindowMean
from tracker.domain.treatment_response import WindowStats as WindowStats
from tracker.domain.treatment_response import build_responses as build_responses
from tracker.domain.treatment_response import response_windows as response_windows
from tracker.domain.wording import day_text, time_text

# Ranges up to this many days are drawn entry by entry; longer ones as daily means.
PER_ENTRY_MAX_DAYS = 90
ROLLING_DAYS = 7
NOON = time(12, 0)  # where a daily mean sits on the chart


# ---- ranges ------------------------------------------------------------------------------------


class Preset(Enum):
    """The chart's range buttons. The value is the number of days (0: the whole journal)."""

    DAYS_30 = 30
    DAYS_90 = 90
    YEAR = 365
    ALL = 0


FIRST_PRESET = Preset.DAYS_90  # what the chart shows when it is first opened

PRESET_WORDS = {
    Preset.DAYS_30: "30 days",
    Preset.DAYS_90: "90 days",
    Preset.YEAR: "1 year",
    Preset.ALL: "All",
}


def preset_range(preset: Preset, first_day: date, last_day: date) -> tuple[date, date]:
    """The days a preset shows: the last ``preset.value`` days ending on ``last_day`` (the
    journal's last recorded day, so that a pause in recording never shows an empty chart), or
    ``first_day`` to ``last_day`` for ``ALL``. Both ends inclusive."""
    if preset is Preset.ALL:
        return first_day, last_day
    return last_day - timedelta(days=preset.value - 1), last_day


def resolve_range(
    start: date | None, end: date | None, span: tuple[date, date] | None, today: date
) -> tuple[date, date]:
    """The days a chart shows when one end or both are left out: the journal's first or last
    recorded day (``span``; today when nothing is recorded), never a reversed range for one
    end given beyond the recorded days. A range given whole is returned as it is."""
    first, last = span if span is not None else (today, today)
    if start is None:
        start = first if end is None else min(first, end)
    if end is None:
        end = max(last, start)
    return start, end


def range_days(start: date, end: date) -> int:
    """The number of days from ``start`` to ``end``, both included."""
    return (end - start).days + 1


def uses_entry_points(start: date, end: date) -> bool:
    """Whether a range is short enough to draw each entry (else: daily means)."""
    return range_days(start, end) <= PER_ENTRY_MAX_DAYS


# ---- series ------------------------------------------------------------------------------------
# The series' records have slots: ten years of days make tens of thousands of them on each redraw
# of the chart, and without a dictionary each they take half the memory, the time and the
# garbage collector's attention.


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One point of the symptom series: an entry, or the mean of one day's entries.

    ``at`` is naive local wall-clock time (the entry's own offset); a daily mean sits at noon.
    ``weakness`` is the highest of the four limbs, ``numbness`` the highest of the four areas;
    for a daily mean they and ``walking`` are the highest of the day (a deficit is not averaged
    away). ``pain`` and ``worst`` are means over the day's entries (``worst`` over those that
    recorded it, ``None`` when none did). A nerve sign not asked is ``None``.
    """

    at: datetime
    pain: float
    worst: float | None
    weakness: int | None
    numbness: int | None
    walking: int | None
    entries: int = 1
    entry_id: str | None = None
    note: str = ""

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True, slots=True)
class DayStats:
    """One day's entries summed in SQL (``GROUP BY local_day``)."""

    day: date
    pain_sum: int
    count: int
    worst_sum: int
    worst_count: int
    weakness: int | None
    numbness: int | None
    walking: int | None

    @property
    def pain_mean(self) -> float:
        return self.pain_sum / self.count

    def to_point(self) -> TrendPoint:
        # Positional: ten years of days make thousands of points on each redraw.
        return TrendPoint(
            datetime.combine(self.day, NOON),
            self.pain_sum / self.count,
            self.worst_sum / self.worst_count if self.worst_count else None,
            self.weakness,
            self.numbness,
            self.walking,
            self.count,
        )


@dataclass(frozen=True, slots=True)
class DayValue:
    day: date
    value: float


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    count: int


def rolling_mean(
    days: Iterable[DayStats], window: int = ROLLING_DAYS, *, worst: bool = False
) -> list[DayValue]:
    """The trailing mean pain score (``worst``: of worst pain in 24 hours): for each day that
    has such a score, the mean of every one recorded on that day and the ``window - 1`` calendar
    days before it (days without entries add nothing; each entry counts once). ``days`` may come
    in any order; the result is in day order."""
    pain, worst_pain = rolling_means(days, window)
    return worst_pain if worst else pain


def rolling_means(
    days: Iterable[DayStats], window: int = ROLLING_DAYS, *, since: date | None = None
) -> tuple[list[DayValue], list[DayValue]]:
    """Both trailing means of ``rolling_mean`` in one pass: of the pain score, and of worst pain
    in 24 hours. ``since``: only the days from then on are returned (the days before it still
    count in the means)."""
    pain: list[DayValue] = []
    worst: list[DayValue] = []
    ordered = sorted(days, key=lambda s: s.day)
    ordinals = [s.day.toordinal() for s in ordered]
    oldest = 0  # the first day still in the window (an index: no record a day is kept)
    pain_total = pain_count = worst_total = worst_count = 0
    first = since.toordinal() if since is not None else None
    for stats, ordinal in zip(ordered, ordinals, strict=True):
        pain_total += stats.pain_sum
        pain_count += stats.count
        worst_total += stats.worst_sum
        worst_count += stats.worst_count
        while ordinals[oldest] <= ordinal - window:
            gone = ordered[oldest]
            pain_total -= gone.pain_sum
            pain_count -= gone.count
            worst_total -= gone.worst_sum
            worst_count -= gone.worst_count
            oldest += 1
        if first is not None and ordinal < first:
            continue
        if stats.count:
            pain.append(DayValue(stats.day, pain_total / pain_count))
        if stats.worst_count:
            worst.append(DayValue(stats.day, worst_total / worst_count))
    return pain, worst


# ---- everything the chart draws ----------------------------------------------------------------


@dataclass(frozen=True)
class TrendData:
    """What the trend chart draws for the days ``start`` to ``end`` (inclusive).

    ``points``: each entry when ``per_entry`` (ranges up to 90 days), else one daily mean per day
    with entries. ``pain_7day`` and ``worst_7day``: the trailing 7-day means of the pain score and
    of worst pain in 24 hours. ``doses``: as-needed
    painkiller doses per own calendar day of the time taken. ``treatments``: those that overlap
    the range. ``alerts``: raised in the range. ``flares``: radiotherapy pain flares (rule W1)
    that overlap the range.
    """

    start: date
    end: date
    per_entry: bool
    points: tuple[TrendPoint, ...] = ()
    pain_7day: tuple[DayValue, ...] = ()
    worst_7day: tuple[DayValue, ...] = ()
    doses: tuple[DayCount, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    alerts: tuple[Alert, ...] = ()
    flares: tuple[Flare, ...] = ()
    # Regular medicines (issue 19): the steroid dose due each day of the range (empty when no
    # steroid is), and the local times of the doses skipped and of those past with no record.
    steroid: tuple[float, ...] = ()
    skipped: tuple[datetime, ...] = ()
    unrecorded: tuple[datetime, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.points or self.doses or self.treatments or self.alerts)

    @property
    def days(self) -> int:
        return range_days(self.start, self.end)


def point_text(point: TrendPoint) -> str:
    """A chart point in words, for the line under the chart when it is pointed at."""
    worst = "" if point.worst is None else f", worst in 24 hours {_number(point.worst)}"
    if point.entry_id is None:
        noun = "entry" if point.entries == 1 else "entries"
        return (
            f"{day_text(point.at.date())}: mean pain {_number(point.pain)} from {point.entries} "
            f"{noun}{worst}"
        )
    text = f"{time_text(point.at)}: pain {_number(point.pain)}{worst}"
    note = " ".join(point.note.split())
    if note:
        cut = note if len(note) <= 60 else note[:59].rstrip() + "…"
        text += f". Note: “{cut}”"
    return text


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
