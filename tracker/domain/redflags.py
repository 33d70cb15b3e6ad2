"""The red-flag engine: clinical/red-flags.md (rule set 1), computed from records only.

No clock, no database, no time zone of the machine: everything comes from the entries, reviews and
treatments passed in. A "day" is the calendar date of a timestamp in its own UTC offset; entries
are ordered by instant, ties broken by position in the given sequence (the later one is the more
recent). The wording, advice, sources and thresholds live in ``tracker.domain.rules``; the symptom
levels and baselines the rules compare, in ``symptom_levels``; the most recent entry, the ``flags``
command's document and which flags interrupt, in ``flag_results``.

Where the table's words leave a choice, the comment marked "Ambiguity" says how they are read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tracker.domain import rules, vocab
from tracker.domain.model import Entry, Journal, Review, Treatment
from tracker.domain.rules import Flag as Flag  # the engine's flag is the rule table's
from tracker.domain.symptom_levels import baselines, entries_before, symptom_levels
from tracker.domain.symptom_levels import latest_reviews as _latest_reviews
from tracker.domain.timeutil import local_day

# The rules that compare symptom levels with their baselines, and their keys.
EMERGENCY_KEYS: dict[str, tuple[str, ...]] = {
    "R1": ("weakness.left_arm", "weakness.right_arm", "weakness.left_leg", "weakness.right_leg"),
    "R2": ("walking",),
    "R3": ("numbness.arms", "numbness.legs", "numbness.trunk"),
    "R4": ("pain.radiating.band", "pain.radiating.arm", "pain.radiating.leg"),
    "R5": ("numbness.saddle",),
    "R6": ("bladder",),
    "R7": ("bowel",),
    "R8": ("sexual_change",),
    "R9": ("pain.radiating.both_legs",),
}
URGENT_KEYS: dict[str, tuple[str, ...]] = {
    "A1": ("pain.cervical", "pain.thoracic"),
    "A4": ("pain.straining",),
    "A5": ("pain.tender",),
    "A6": ("pain.night",),
}
URGENT_RULES = ("A1", "A2", "A3", "A4", "A5", "A6", "A7")
_R7_LEVEL = 2  # only leaking_or_no_feeling counts for R7
_W2_LEVEL = 1  # constipated
WATCH_KEYS: dict[str, tuple[str, ...]] = {"W2": ("bowel",)}  # constipated, from a 0 baseline


@dataclass(frozen=True)
class Evaluation:
    entry_id: str | None
    recorded_at: datetime
    flags: tuple[Flag, ...]  # tier descending, then the order of vocab.RULE_IDS

    @property
    def highest(self) -> str:
        """The highest tier among the flags, or "none"."""
        rank = max((vocab.TIERS.index(f.tier) for f in self.flags), default=0)
        return vocab.TIERS[rank]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(f.rule for f in self.flags)

    def level_of(self, rule: str) -> int | None:
        """The level of ``rule``'s flag, or None when the rule did not fire."""
        return next((f.level for f in self.flags if f.rule == rule), None)


@dataclass(frozen=True)
class History:
    """What the rules may look at. Entries in any order; those after the evaluated entry are
    ignored, so the whole journal can be passed."""

    entries: tuple[Entry, ...] = ()
    reviews: tuple[Review, ...] = ()
    treatments: tuple[Treatment, ...] = ()

    @classmethod
    def from_journal(cls, journal: Journal) -> History:
        return cls(
            entries=tuple(journal.entries),
            reviews=tuple(journal.reviews),
            treatments=tuple(journal.treatments),
        )


# ---- pain scores by day -------------------------------------------------------------------------


class _Scores:
    """Pain scores of the entries at or before the evaluated entry, by their own day."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._by_day: dict[date, list[int]] = defaultdict(list)
        for entry in entries:
            self._by_day[local_day(entry.recorded_at)].append(entry.pain.score)

    def on(self, day: date) -> list[int]:
        return self._by_day.get(day, [])

    def window(self, first: date, last: date) -> tuple[int, int]:
        """Sum and count of the scores on the days ``first`` to ``last``, both included."""
        total = count = 0
        day = first
        while day <= last:
            scores = self._by_day.get(day, ())
            total += sum(scores)
            count += len(scores)
            day += timedelta(days=1)
        return total, count

    def pre_treatment(self, treatment: Treatment) -> tuple[int, int]:
        """Sum and count of the entries on the 7 days before ``started_on`` (A7, W1, W3)."""
        start = treatment.started_on
        return self.window(start - timedelta(days=rules.PRE_TREATMENT_DAYS), start - _ONE_DAY)


_ONE_DAY = timedelta(days=1)


def _at_least_above(score_sum: int, count: int, base_sum: int, base_count: int, rise: int) -> bool:
    """mean(score) >= mean(base) + rise, in whole numbers (no rounding at exactly 2.0)."""
    return score_sum * base_count >= base_sum * count + rise * count * base_count


# ---- the rules ----------------------------------------------------------------------------------


def _a2(scores: _Scores, day: date) -> bool:
    """Progressive pain: the mean of the evaluated day and the 2 days before is at least 2.0
    above the mean of the 7 days before those; at least 2 entries in that earlier window."""
    recent_first = day - timedelta(days=rules.A2_RECENT_DAYS - 1)
    recent = scores.window(recent_first, day)
    earlier = scores.window(
        recent_first - timedelta(days=rules.A2_EARLIER_DAYS), recent_first - _ONE_DAY
    )
    if earlier[1] < rules.A2_MIN_EARLIER_ENTRIES or recent[1] == 0:
        return False
    return _at_least_above(*recent, *earlier, rules.A2_RISE)


def _a3(scores: _Scores, day: date) -> bool:
    """Severe unremitting pain: each of the 3 days has an entry, and every one scores >= 7."""
    days = [day - timedelta(days=back) for back in range(rules.A3_DAYS)]
    return all(scores.on(d) and all(s >= rules.A3_MIN_SCORE for s in scores.on(d)) for d in days)


def _above_pre_treatment(
    scores: _Scores, entry: Entry, courses: Iterable[Treatment], rise: int
) -> bool:
    """The entry's pain score is at least ``rise`` above the pre-treatment mean of one of
    ``courses`` (a mean that needs at least one entry): A7 and W1."""
    for treatment in courses:
        base = scores.pre_treatment(treatment)
        if base[1] and _at_least_above(entry.pain.score, 1, *base, rise):
            return True
    return False


def _a7(scores: _Scores, entry: Entry, day: date, treatments: Iterable[Treatment]) -> bool:
    """New pain 21 to 180 days after the last day of an SBRT or SRS course, at least 2 points
    above that course's pre-treatment mean (which needs at least one entry)."""
    courses = [t for t in treatments if _a7_course(t, day)]
    return _above_pre_treatment(scores, entry, courses, rules.A7_RISE)


def _a7_course(treatment: Treatment, day: date) -> bool:
    return (
        treatment.kind == "radiotherapy"
        and treatment.technique in rules.A7_TECHNIQUES
        and rules.A7_FIRST_DAY <= (day - treatment.last_day).days <= rules.A7_LAST_DAY
    )


def _w1_course(treatment: Treatment, entry: Entry) -> bool:
    """Whether the evaluated day is 0 to 10 days after one of the course's session days (its
    ``started_on`` when it lists no sessions).

    Ambiguity: the table says "any radiotherapy sessions[].at day", so a session marked
    ``done: false`` (planned) counts too. A session is a treatment record with a time, and the
    rules look only at what was recorded at or before the evaluated entry: a session later than
    the entry (even on the same day) does not count yet.
    """
    if treatment.kind != "radiotherapy":
        return False
    day = local_day(entry.recorded_at)
    if treatment.sessions:
        session_days = [local_day(s.at) for s in treatment.sessions if s.at <= entry.recorded_at]
    else:
        session_days = [treatment.started_on]
    return any(0 <= (day - d).days <= rules.W1_LAST_DAY for d in session_days)


def _w1(scores: _Scores, entry: Entry, treatments: Iterable[Treatment]) -> bool:
    courses = [t for t in treatments if _w1_course(t, entry)]
    return _above_pre_treatment(scores, entry, courses, rules.W1_RISE)


def _w3_course(treatment: Treatment, day: date) -> bool:
    return (
        treatment.kind in rules.W3_KINDS
        and rules.W3_FIRST_DAY <= (day - treatment.started_on).days <= rules.W3_LAST_DAY
    )


def _w3(scores: _Scores, day: date, treatments: Iterable[Treatment]) -> bool:
    """Pain not improved 14 to 42 days after a kyphoplasty or vertebroplasty: the mean from day 7
    after it up to the evaluated day is not lower than the mean of the 7 days before it."""
    for treatment in treatments:
        if not _w3_course(treatment, day):
            continue
        before = scores.pre_treatment(treatment)
        after_first = treatment.started_on + timedelta(days=rules.W3_AFTER_FROM_DAY)
        after = scores.window(after_first, day)
        if before[1] and after[1] and _at_least_above(*after, *before, 0):
            return True
    return False


def _level_rules(
    keys: dict[str, tuple[str, ...]], levels: dict[str, int | None], base: dict[str, int]
) -> dict[str, dict[str, int]]:
    """The rules whose keys rise above their baselines, with the level of each such key; a key
    not asked (None) never fires."""
    fired: dict[str, dict[str, int]] = {}
    for rule, rule_keys in keys.items():
        above = {
            k: level for k in rule_keys if (level := levels[k]) is not None and level > base[k]
        }
        if rule == "R7":
            above = {k: level for k, level in above.items() if level == _R7_LEVEL}
        if above:
            fired[rule] = above
    return fired


def evaluate(history: History, entry: Entry) -> Evaluation:
    """Every rule of the table for ``entry``, looking only at the entries recorded at or before
    it, the reviews dated on or before its day, and the treatments as each rule says."""
    day = local_day(entry.recorded_at)
    prior = entries_before(history.entries, entry)
    base = baselines(prior, history.reviews, day)
    levels = symptom_levels(entry)
    scores = _Scores([*prior, entry])

    emergency = _level_rules(EMERGENCY_KEYS, levels, base)
    urgent = set(_level_rules(URGENT_KEYS, levels, base))
    if _a2(scores, day):
        urgent.add("A2")
    if _a3(scores, day):
        urgent.add("A3")
    if _a7(scores, entry, day, history.treatments):
        urgent.add("A7")
    # R10 has no symptom key, so no level: it re-interrupts only through its first entry or a
    # rise of the highest tier (Ambiguity: "a level rises further" has no meaning for R10).
    if len(urgent) >= rules.R10_MIN_URGENT:
        emergency["R10"] = {}
    watch: set[str] = set()
    if _w1(scores, entry, history.treatments):
        watch.add("W1")
    (w2_key,) = WATCH_KEYS["W2"]
    if levels[w2_key] == _W2_LEVEL and base[w2_key] == 0:
        watch.add("W2")
    if _w3(scores, day, history.treatments):
        watch.add("W3")

    fired = {**emergency, **{rule: {} for rule in (*urgent, *watch)}}
    flags = [_flag(rule, key_levels) for rule, key_levels in fired.items()]
    return Evaluation(entry.id, entry.recorded_at, _sorted(flags))


def _flag(rule_id: str, key_levels: dict[str, int]) -> Flag:
    rule = rules.RULES[rule_id]
    level = max(key_levels.values(), default=0)
    keys = tuple(sorted(key_levels.items()))
    return Flag(rule.id, rule.tier, rule.title, rule.advice, rule.source, level, keys)


def _sorted(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    return tuple(
        sorted(flags, key=lambda f: (-vocab.TIERS.index(f.tier), vocab.RULE_IDS.index(f.rule)))
    )


# ---- how much history the rules need ------------------------------------------------------------


def history_start(entry: Entry, reviews: Sequence[Review], treatments: Sequence[Treatment]) -> date:
    """The earliest own calendar day of the entries the rules can need to evaluate ``entry``.

    Every rule selects entries by their own day, so the entries of earlier days can be left out
    without changing the result: baselines need the days after each key's latest review, A2 the
    9 days before, A3 the 2 days before, and A7, W1 and W3 the 7 days before ``started_on`` of
    each course that is in its window for this day.
    """
    day = local_day(entry.recorded_at)
    start = day - timedelta(days=rules.A2_RECENT_DAYS - 1 + rules.A2_EARLIER_DAYS)
    for reviewed_on, level in _latest_reviews(reviews, day).values():
        if level > 0:  # a baseline of 0 cannot be lowered
            start = min(start, reviewed_on + _ONE_DAY)
    for treatment in treatments:
        if _a7_course(treatment, day) or _w1_course(treatment, entry) or _w3_course(treatment, day):
            start = min(start, treatment.started_on - timedelta(days=rules.PRE_TREATMENT_DAYS))
    return start
