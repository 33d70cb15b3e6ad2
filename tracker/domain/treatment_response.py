"""What changed after each treatment (the response table: the pain before, after and later,
over windows of days) and the radiotherapy pain flare (rule W1), from window sums the storage
layer has already aggregated."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tracker.domain.model import Treatment
from tracker.domain.timeutil import local_day
from tracker.domain.treatment_days import KIND_RADIOTHERAPY, last_session_day, treatment_label

BEFORE_DAYS = 14
AFTER_DAYS = 14
LATER_FIRST, LATER_LAST = 28, 42
MIN_ENTRIES = 3
TOO_FEW = "too few entries"
FLARE_DAYS = 10  # W1: the evaluated day is 0 to 10 days after a radiotherapy session
FLARE_RISE = 2.0  # W1: at least 2 points above the course's pre-treatment mean
FLARE_PRE_DAYS = 7  # W1 (as A7): entries on the 7 days before started_on

# Rule W1's patient wording, verbatim from clinical/red-flags.md (rule set 1).
W1_WORDING = (
    "a pain flare after radiotherapy is common and usually settles within a few days; "
    "tell your team if it lasts more than 3 days or painkillers do not help"
)


def flare_explanation() -> str:
    """W1's plain words as one sentence, for the chart's note under a flare."""
    return "Pain flare after radiotherapy: " + W1_WORDING + "."


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
