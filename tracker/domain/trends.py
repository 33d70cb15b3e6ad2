"""Trend maths: the series the chart draws and the "what changed after each treatment" table.

Plain Python over numbers the storage layer has already aggregated in SQL (daily sums, window
sums, per-entry rows of a short range); nothing here touches a database or draws anything.

Days are always a record's own calendar day (the day in the UTC offset written in its time).
A mean pain score is over entries: each entry counts once, so a day with three entries weighs
three times a day with one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from tracker.domain import vocab
from tracker.domain.model import Alert, Treatment
from tracker.domain.timeutil import local_day

# Ranges up to this many days are drawn entry by entry; longer ones as daily means.
PER_ENTRY_MAX_DAYS = 90
ROLLING_DAYS = 7
BEFORE_DAYS = 14
AFTER_DAYS = 14
LATER_FIRST, LATER_LAST = 28, 42
MIN_ENTRIES = 3
TOO_FEW = "too few entries"
FLARE_DAYS = 10  # W1: the evaluated day is 0 to 10 days after a radiotherapy session
FLARE_RISE = 2.0  # W1: at least 2 points above the course's pre-treatment mean
FLARE_PRE_DAYS = 7  # W1 (as A7): entries on the 7 days before started_on
NOON = time(12, 0)  # where a daily mean sits on the chart

# Rule W1's patient wording, verbatim from clinical/red-flags.md (rule set 1).
W1_WORDING = (
    "a pain flare after radiotherapy is common and usually settles within a few days; "
    "tell your team if it lasts more than 3 days or painkillers do not help"
)


def flare_explanation() -> str:
    """W1's plain words as one sentence, for the chart's note under a flare."""
    return "Pain flare after radiotherapy: " + W1_WORDING + "."


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


# ---- treatments --------------------------------------------------------------------------------

KIND_RADIOTHERAPY = "radiotherapy"


def is_procedure(treatment: Treatment) -> bool:
    """Kyphoplasty, vertebroplasty, the surgery kinds and nerve blocks: drawn as a line."""
    return treatment.kind in vocab.PROCEDURE_KINDS


def treatment_label(treatment: Treatment) -> str:
    """Plain words for a treatment: its kind, and its site when there is one."""
    words = vocab.TREATMENT_WORDS[treatment.kind]
    return f"{words} {treatment.site}" if treatment.site else words


def last_session_day(treatment: Treatment) -> date:
    """The day the treatment's effect is counted from.

    Radiotherapy: the own calendar day of the last session marked done; the course's last day
    (``ended_on``, else ``started_on``) when no session is marked done. Every other kind: its last
    day (a procedure's is ``started_on``; an ongoing course without ``ended_on`` also counts from
    ``started_on``).
    """
    if treatment.kind == KIND_RADIOTHERAPY:
        done = [local_day(s.at) for s in treatment.sessions if s.done]
        if done:
            return max(done)
    return treatment.last_day


def shown_until(treatment: Treatment) -> date:
    """The last day a treatment occupies on the chart (its last day or its last session)."""
    days = [treatment.last_day, *(local_day(s.at) for s in treatment.sessions)]
    return max(days)


def overlaps(treatment: Treatment, start: date, end: date) -> bool:
    return treatment.started_on <= end and shown_until(treatment) >= start


# ---- the response table ------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """A run of calendar days, both ends included."""

    first_day: date
    last_day: date


@dataclass(frozen=True)
class WindowStats:
    """The entries whose own day falls in a window, summed in SQL."""

    pain_sum: int = 0
    count: int = 0


@dataclass(frozen=True)
class WindowMean:
    window: Window
    count: int
    mean: float | None  # over every entry in the window; None when it holds none

    @property
    def enough(self) -> bool:
        return self.count >= MIN_ENTRIES

    @property
    def usable_mean(self) -> float | None:
        """The mean, or ``None`` when fewer than ``MIN_ENTRIES`` entries stand behind it."""
        return self.mean if self.enough else None

    def text(self) -> str:
        """``4.2 (9 entries)``, or ``too few entries (2)``."""
        if self.mean is None or not self.enough:
            return f"{TOO_FEW} ({self.count})"
        return f"{self.mean:.1f} ({self.count} entries)"


@dataclass(frozen=True)
class ResponseWindows:
    """The windows of the response table for one treatment (all days inclusive).

    - ``before``: the 14 days before ``started_on`` (days -14 to -1).
    - ``after``: days 1 to 14 after the treatment's last day: for a procedure the day after it,
      for a course the day after ``ended_on`` (``started_on`` when the course has no end yet),
      for radiotherapy the day after the last session marked done (see ``last_session_day``).
    - ``later``: radiotherapy only, days 28 to 42 after that last session, because pain relief
      from radiotherapy usually comes around four weeks after it.
    """

    before: Window
    after: Window
    later: Window | None

    def all(self) -> list[Window]:
        return [self.before, self.after, *([self.later] if self.later else [])]


def response_windows(treatment: Treatment) -> ResponseWindows:
    anchor = last_session_day(treatment)
    start = treatment.started_on
    later = None
    if treatment.kind == KIND_RADIOTHERAPY:
        later = Window(anchor + timedelta(days=LATER_FIRST), anchor + timedelta(days=LATER_LAST))
    return ResponseWindows(
        before=Window(start - timedelta(days=BEFORE_DAYS), start - timedelta(days=1)),
        after=Window(anchor + timedelta(days=1), anchor + timedelta(days=AFTER_DAYS)),
        later=later,
    )


@dataclass(frozen=True)
class TreatmentResponse:
    """One row of "what changed after each treatment"."""

    treatment: Treatment
    before: WindowMean
    after: WindowMean
    later: WindowMean | None

    @property
    def label(self) -> str:
        return treatment_label(self.treatment)

    @property
    def change_after(self) -> float | None:
        """Mean after minus mean before (negative: less pain), when both have enough entries."""
        return _difference(self.after, self.before)

    @property
    def change_later(self) -> float | None:
        return None if self.later is None else _difference(self.later, self.before)


def _difference(later: WindowMean, earlier: WindowMean) -> float | None:
    a, b = later.usable_mean, earlier.usable_mean
    return None if a is None or b is None else a - b


def window_mean(window: Window, stats: WindowStats) -> WindowMean:
    mean = stats.pain_sum / stats.count if stats.count else None
    return WindowMean(window, stats.count, mean)


def build_responses(
    treatments: Sequence[Treatment], stats: Mapping[Window, WindowStats]
) -> list[TreatmentResponse]:
    """The table's rows, in the order of ``treatments``; a window missing from ``stats`` holds
    no entries."""
    rows: list[TreatmentResponse] = []
    for treatment in treatments:
        windows = response_windows(treatment)

        def mean(window: Window) -> WindowMean:
            return window_mean(window, stats.get(window, WindowStats()))

        rows.append(
            TreatmentResponse(
                treatment=treatment,
                before=mean(windows.before),
                after=mean(windows.after),
                later=None if windows.later is None else mean(windows.later),
            )
        )
    return rows


# ---- radiotherapy pain flare (rule W1) ----------------------------------------------------------


@dataclass(frozen=True)
class Flare:
    """A radiotherapy pain flare as rule W1 defines it: entries 0 to 10 days after a session day
    (``started_on`` when the course lists no sessions) whose pain score is at least 2 points above
    the mean of the entries on the 7 days before ``started_on``."""

    treatment_id: str | None
    label: str
    first_day: date
    last_day: date
    peak_at: datetime  # naive local time of the highest flare entry
    peak_score: int
    before_mean: float
    explanation: str


@dataclass(frozen=True)
class ScoredEntry:
    at: datetime  # naive local wall-clock time
    score: int

    @property
    def day(self) -> date:
        return self.at.date()


def flare_before_window(treatment: Treatment) -> Window:
    start = treatment.started_on
    return Window(start - timedelta(days=FLARE_PRE_DAYS), start - timedelta(days=1))


def flare_days(treatment: Treatment) -> list[Window]:
    """The windows in which W1 looks for a flare: each session day and the 10 days after."""
    days = sorted({local_day(s.at) for s in treatment.sessions}) or [treatment.started_on]
    return [Window(day, day + timedelta(days=FLARE_DAYS)) for day in days]


def flare_search_window(treatment: Treatment) -> Window:
    windows = flare_days(treatment)
    return Window(windows[0].first_day, windows[-1].last_day)


def find_flare(
    treatment: Treatment, before: WindowStats, entries: Iterable[ScoredEntry]
) -> Flare | None:
    """The flare after a radiotherapy course, if any: ``before`` sums the 7 days before it,
    ``entries`` are the entries of ``flare_search_window`` (others are ignored)."""
    if treatment.kind != KIND_RADIOTHERAPY or before.count == 0:
        return None
    before_mean = before.pain_sum / before.count
    windows = flare_days(treatment)
    flaring = [
        e
        for e in entries
        if e.score >= before_mean + FLARE_RISE
        and any(w.first_day <= e.day <= w.last_day for w in windows)
    ]
    if not flaring:
        return None
    peak = max(sorted(flaring, key=lambda e: e.at), key=lambda e: e.score)  # earliest highest
    return Flare(
        treatment_id=treatment.id,
        label=treatment_label(treatment),
        first_day=min(e.day for e in flaring),
        last_day=max(e.day for e in flaring),
        peak_at=peak.at,
        peak_score=peak.score,
        before_mean=before_mean,
        explanation=flare_explanation(),
    )


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
            f"{point.at:%a %d %b %Y}: mean pain {_number(point.pain)} from {point.entries} "
            f"{noun}{worst}"
        )
    text = f"{point.at:%a %d %b %Y %H:%M}: pain {_number(point.pain)}{worst}"
    note = " ".join(point.note.split())
    if note:
        cut = note if len(note) <= 60 else note[:59].rstrip() + "…"
        text += f". Note: “{cut}”"
    return text


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
