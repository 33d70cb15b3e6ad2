"""The red-flag rules over a whole journal at once, as the app would have met each entry.

``evaluate_all`` gives, for every entry in time order, the same evaluation as
``redflags.evaluate(whole history, entry)``, but looks at only the stretch of history each entry
needs (``redflags.history_start``) plus, for each care-team review, the one earlier entry with
the lowest level of its key since the review (all that a baseline needs). That keeps ten years
of entries linear rather than quadratic. The demo journal and ``alerts_as_met`` use it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from tracker.domain import flag_results, redflags
from tracker.domain.model import Alert, Entry
from tracker.domain.redflags import Evaluation, History
from tracker.domain.symptom_levels import symptom_levels
from tracker.domain.timeutil import local_day

# An entry's own day is at most a day either side of its UTC day (offsets are within +-14:00).
_DAY_SLACK = timedelta(days=2)


@dataclass(frozen=True)
class MetAlert:
    """An alert as the app would have stored it when the entry was saved."""

    alert: Alert
    interrupted: bool


def evaluate_all(history: History) -> list[Evaluation]:
    """Every entry of ``history``, each against what was recorded at or before it, in time
    order (ties: the order of ``history.entries``)."""
    order = sorted(range(len(history.entries)), key=lambda i: (history.entries[i].recorded_at, i))
    ordered = [history.entries[i] for i in order]
    days = [local_day(e.recorded_at) for e in ordered]
    instants = [e.recorded_at for e in ordered]
    reviews = [r for r in history.reviews if r.level > 0]  # a baseline of 0 cannot be lowered
    lowest: list[tuple[int, Entry] | None] = [None] * len(reviews)
    results: list[Evaluation] = []
    for index, entry in enumerate(ordered):
        day = days[index]
        start = redflags.history_start(entry, (), history.treatments)
        first = bisect_left(instants, datetime.combine(start - _DAY_SLACK, time(), tzinfo=UTC))
        window = [ordered[j] for j in range(first, index) if days[j] >= start]
        extra = [
            found[1]
            for review, found in zip(reviews, lowest, strict=True)
            if found is not None
            and review.reviewed_on <= day
            and local_day(found[1].recorded_at) < start
        ]
        unique = list({id(e): e for e in [*extra, *window]}.values())
        evaluation = redflags.evaluate(
            History((*unique, entry), history.reviews, history.treatments), entry
        )
        results.append(evaluation)
        levels = symptom_levels(entry)
        for position, review in enumerate(reviews):
            level = levels[review.symptom]
            if day > review.reviewed_on and level is not None:  # not asked lowers nothing
                found = lowest[position]
                if found is None or level < found[0]:
                    lowest[position] = (level, entry)
    return results


def alerts_as_met(history: History) -> list[MetAlert]:
    """The alerts the app would have stored had every entry been saved in time order: every
    firing, each marked whether it interrupted ("How the app alerts": the first entry of an
    episode, a rise of the highest tier, or a further rise of an emergency rule's level)."""
    met: list[MetAlert] = []
    previous: Evaluation | None = None
    for evaluation in evaluate_all(history):
        interrupts = {f.rule for f in flag_results.interrupting(previous, evaluation)}
        for flag in evaluation.flags:
            alert = Alert(
                raised_at=evaluation.recorded_at,
                rule=flag.rule,
                tier=flag.tier,
                entry_id=evaluation.entry_id,
            )
            met.append(MetAlert(alert, flag.rule in interrupts))
        previous = evaluation
    return met
