"""The red-flag engine against clinical/red-flags.md (rule set 1): every rule at its edges,
baselines and reviews, days in the timestamp's own offset, what an entry may see, the order of
entries, alerting episodes, and properties (more symptoms never lower the tier; the result does not
depend on the order of the records or on the machine's time zone)."""

from __future__ import annotations

import itertools
import os
import random
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock_time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import RED_FLAGS_MD
from tracker.domain import flag_results, journal_format, journal_writing, redflags, rules, vocab
from tracker.domain.errors import ValidationError
from tracker.domain.model import (
    Entry,
    Journal,
    Numbness,
    Pain,
    Review,
    Session,
    Treatment,
    Weakness,
    entry_from_values,
)
from tracker.domain.redflags import Evaluation, History, evaluate
from tracker.domain.screening import screening_answer
from tracker.domain.symptom_levels import baselines, entries_before, symptom_levels

UTC = timezone.utc
D0 = date(2026, 3, 1)


def zone(hours: float) -> timezone:
    return timezone(timedelta(minutes=round(hours * 60)))


def at(day: int, hour: int = 9, minute: int = 0, offset: float = 0) -> datetime:
    """A time on day ``day`` after D0, written in the UTC offset ``offset`` (hours)."""
    return datetime.combine(D0 + timedelta(days=day), clock_time(hour, minute), tzinfo=zone(offset))


def e(
    day: int,
    score: int = 0,
    *,
    hour: int = 9,
    minute: int = 0,
    offset: float = 0,
    worst: int | None = None,
    regions: tuple[str, ...] = (),
    night: bool = False,
    straining: bool = False,
    tender: bool = False,
    radiating: tuple[str, ...] = (),
    **fields: object,
) -> Entry:
    pain = Pain(
        score=score,
        worst_24h=worst,
        regions=regions,
        night=night,
        straining=straining,
        tender=tender,
        radiating=radiating,
    )
    return Entry(recorded_at=at(day, hour, minute, offset), pain=pain, **fields)  # type: ignore[arg-type]


def review(day: int, symptom: str, level: int) -> Review:
    return Review(reviewed_on=D0 + timedelta(days=day), symptom=symptom, level=level)


def run(
    entries: Sequence[Entry],
    target: Entry | None = None,
    reviews: Sequence[Review] = (),
    treatments: Sequence[Treatment] = (),
) -> Evaluation:
    """Evaluate ``target`` (default: the last of ``entries``) against the whole history."""
    history = History(tuple(entries), tuple(reviews), tuple(treatments))
    return evaluate(history, entries[-1] if target is None else target)


def fired(
    entries: Sequence[Entry],
    target: Entry | None = None,
    reviews: Sequence[Review] = (),
    treatments: Sequence[Treatment] = (),
) -> set[str]:
    return set(run(entries, target, reviews, treatments).rule_ids)


def day_of(n: int) -> date:
    return D0 + timedelta(days=n)


# ---- the wording is the table's, verbatim -------------------------------------------------------


def _table_rows() -> dict[str, str]:
    """Rule id -> the last column (patient wording) of the rule tables in red-flags.md."""
    rows: dict[str, str] = {}
    for line in RED_FLAGS_MD.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| ([RAW]\d+) \|.*\| ([^|]+) \|$", line)
        if match:
            rows[match.group(1)] = match.group(2).strip()
    return rows


def test_every_rule_of_the_table_is_implemented_with_its_wording_verbatim() -> None:
    table = _table_rows()
    assert tuple(table) == vocab.RULE_IDS
    for rule_id, wording in table.items():
        assert rules.RULES[rule_id].title == wording, rule_id


def test_tier_and_advice_of_each_rule() -> None:
    emergency = (
        "Call your 24-hour cancer helpline (acute oncology service) now. If you cannot reach "
        "them, call emergency services or go to A&E. Do not wait for your next appointment."
    )
    urgent = "Contact your cancer care team today, within 24 hours."
    watch = "Keep recording; mention this to your care team at your next contact."
    text = RED_FLAGS_MD.read_text(encoding="utf-8")
    for advice in (emergency, urgent, watch):
        assert f'"{advice}"' in text  # the test's copy is the table's
    for rule_id, rule in rules.RULES.items():
        tier = {"R": "emergency", "A": "urgent", "W": "watch"}[rule_id[0]]
        assert rule.tier == tier
        expected = {"emergency": emergency, "urgent": urgent, "watch": watch}[tier]
        assert rule.advice == ("Go to A&E now." if rule_id == "R5" else expected), rule_id
        assert rule.source


def test_a_flag_carries_the_rules_wording() -> None:
    flag = run([e(0, numbness=Numbness(saddle=1))]).flags[0]
    assert (flag.rule, flag.tier, flag.advice) == ("R5", "emergency", "Go to A&E now.")
    assert flag.title == (
        "numbness between the legs, around the back passage or buttocks, or altered feeling "
        "when wiping (go to A&E now)"
    )


# ---- symptom levels -----------------------------------------------------------------------------


def test_symptom_levels_follow_the_table() -> None:
    entry = e(
        0,
        0,
        worst=3,
        regions=("cervical", "lumbar"),
        night=True,
        radiating=("band", "right_arm", "left_leg"),
        weakness=Weakness(right_leg=2),
        numbness=Numbness(trunk=3),
        walking=1,
        bladder="cannot_pass",
        bowel="constipated",
        sexual_change=True,
    )
    levels = symptom_levels(entry)
    assert set(levels) == set(vocab.SYMPTOM_KEYS)
    assert {k: v for k, v in levels.items() if v} == {
        "weakness.right_leg": 2,
        "numbness.trunk": 3,
        "walking": 1,
        "bladder": 2,
        "bowel": 1,
        "sexual_change": 1,
        "pain.cervical": 1,
        "pain.night": 1,
        "pain.radiating.band": 1,
        "pain.radiating.arm": 1,
        "pain.radiating.leg": 1,
    }


@pytest.mark.parametrize(
    ("bladder", "level"), [("normal", 0), ("changed", 1), ("cannot_pass", 2), ("leaking", 2)]
)
def test_bladder_levels(bladder: str, level: int) -> None:
    assert symptom_levels(e(0, bladder=bladder))["bladder"] == level


@pytest.mark.parametrize(
    ("bowel", "level"), [("normal", 0), ("constipated", 1), ("leaking_or_no_feeling", 2)]
)
def test_bowel_levels(bowel: str, level: int) -> None:
    assert symptom_levels(e(0, bowel=bowel))["bowel"] == level


@pytest.mark.parametrize(
    ("pain", "rule", "key"),
    [
        ({"regions": ("cervical",)}, "A1", "pain.cervical"),
        ({"regions": ("thoracic",)}, "A1", "pain.thoracic"),
        ({"straining": True}, "A4", "pain.straining"),
        ({"tender": True}, "A5", "pain.tender"),
        ({"night": True}, "A6", "pain.night"),
    ],
)
def test_pain_keys_count_only_when_pain_is_present(
    pain: dict[str, object], rule: str, key: str
) -> None:
    absent = e(0, 0, **pain)  # type: ignore[arg-type]
    assert symptom_levels(absent)[key] == 0
    assert fired([absent]) == set()
    by_score = e(0, 1, **pain)  # type: ignore[arg-type]
    assert symptom_levels(by_score)[key] == 1
    assert fired([by_score]) == {rule}
    # Night pain is often logged in a calm moment: the worst of the last 24 hours counts.
    by_worst = e(0, 0, worst=1, **pain)  # type: ignore[arg-type]
    assert fired([by_worst]) == {rule}
    assert fired([e(0, 0, worst=0, **pain)]) == set()  # type: ignore[arg-type]


def test_lower_spine_regions_alone_are_not_a1() -> None:
    assert fired([e(0, 6, regions=("lumbar", "sacral"))]) == set()


@pytest.mark.parametrize(
    ("radiating", "expected"),
    [
        (("band",), {"R4"}),
        (("left_arm",), {"R4"}),
        (("right_arm",), {"R4"}),
        (("left_leg",), {"R4"}),
        (("right_leg",), {"R4"}),
        (("left_leg", "right_leg"), {"R4", "R9"}),
        (("right_leg", "left_arm"), {"R4"}),
        ((), set()),
    ],
)
def test_radiating_pain_r4_and_r9_need_no_pain_score(
    radiating: tuple[str, ...], expected: set[str]
) -> None:
    assert fired([e(0, 0, radiating=radiating)]) == expected


# ---- the emergency rules ------------------------------------------------------------------------


@pytest.mark.parametrize("limb", vocab.LIMBS)
def test_r1_any_limb(limb: str) -> None:
    assert fired([e(0, weakness=Weakness(**{limb: 1}))]) == {"R1"}
    assert fired([e(0, weakness=Weakness(**{limb: 0}))]) == set()


def test_r2_walking() -> None:
    assert fired([e(0, walking=1)]) == {"R2"}
    assert fired([e(0, walking=0)]) == set()


@pytest.mark.parametrize("area", ["arms", "legs", "trunk"])
def test_r3_numbness_but_not_saddle(area: str) -> None:
    assert fired([e(0, numbness=Numbness(**{area: 1}))]) == {"R3"}
    assert fired([e(0, numbness=Numbness(saddle=1))]) == {"R5"}


@pytest.mark.parametrize("bladder", ["changed", "cannot_pass", "leaking"])
def test_r6_bladder(bladder: str) -> None:
    assert fired([e(0, bladder=bladder)]) == {"R6"}


def test_r7_only_at_level_2_and_constipation_is_w2() -> None:
    assert fired([e(0, bowel="leaking_or_no_feeling")]) == {"R7"}
    assert fired([e(0, bowel="constipated")]) == {"W2"}
    assert fired([e(0, bowel="normal")]) == set()


def test_r7_above_a_reviewed_constipation() -> None:
    reviews = [review(0, "bowel", 1)]
    assert fired([e(1, bowel="constipated")], reviews=reviews) == set()  # baseline 1: no W2
    assert fired([e(1, bowel="leaking_or_no_feeling")], reviews=reviews) == {"R7"}
    assert fired([e(1, bowel="leaking_or_no_feeling")], reviews=[review(0, "bowel", 2)]) == set()


def test_w2_fires_again_once_a_reviewed_constipation_settled() -> None:
    history = [e(1, bowel="normal"), e(2, bowel="constipated")]
    assert fired(history, reviews=[review(0, "bowel", 1)]) == {"W2"}


def test_r8_sexual_change() -> None:
    assert fired([e(0, sexual_change=True)]) == {"R8"}


def test_r5_cannot_be_reviewed_away() -> None:
    with pytest.raises(ValidationError, match="symptom"):
        Review(reviewed_on=D0, symptom="numbness.saddle", level=3)
    document = _document(
        entries=[{"recorded_at": "2026-03-02T09:00:00+00:00", "pain": {"score": 0}}],
        reviews=[{"reviewed_on": "2026-03-01", "symptom": "numbness.saddle", "level": 1}],
    )
    with pytest.raises(ValidationError, match=r"reviews\[0\]\.symptom"):
        journal_format.parse_journal(document)
    # A stable saddle numbness alarms every day; other reviews do not touch it.
    days = [e(d, numbness=Numbness(saddle=1, legs=1)) for d in range(4)]
    reviews = [review(0, "numbness.legs", 3)]
    for d in range(4):
        assert fired(days, days[d], reviews) == {"R5"}


def test_r10_when_two_different_urgent_rules_fire() -> None:
    both = run([e(0, 3, regions=("thoracic",), night=True)])
    assert both.rule_ids == ("R10", "A1", "A6")
    assert both.highest == "emergency"
    # Two keys of one rule are one rule.
    one = run([e(0, 3, regions=("cervical", "thoracic"))])
    assert one.rule_ids == ("A1",)
    assert one.highest == "urgent"


def test_r10_counts_rules_that_are_not_symptom_keys() -> None:
    # A2 and A3 together: 3 days of 8 after a week at 2.
    history = [e(d, 2) for d in range(7)] + [e(d, 8) for d in range(7, 10)]
    assert fired(history) == {"A2", "A3", "R10"}


def test_r10_goes_when_a_review_silences_one_of_its_urgent_rules() -> None:
    history = [e(1, 3, regions=("thoracic",), tender=True)]
    assert fired(history) == {"A1", "A5", "R10"}
    assert fired(history, reviews=[review(0, "pain.tender", 1)]) == {"A1"}


def test_several_rules_are_all_reported_highest_tier_first() -> None:
    entry = e(0, 4, regions=("thoracic",), walking=1, bowel="constipated")
    evaluation = run([entry])
    assert evaluation.rule_ids == ("R2", "A1", "W2")
    assert [f.tier for f in evaluation.flags] == ["emergency", "urgent", "watch"]
    assert evaluation.highest == "emergency"


def test_nothing_recorded_gives_no_flag() -> None:
    evaluation = run([e(0, 5, regions=("lumbar",), worst=6)])
    assert evaluation.flags == ()
    assert evaluation.highest == "none"


# ---- A2: progressive pain -----------------------------------------------------------------------


def _a2_history(earlier: Sequence[int], recent: Sequence[int]) -> list[Entry]:
    """``earlier`` scores on the days 0..6 (one per day from day 0), ``recent`` on days 7..9."""
    entries = [e(d, s) for d, s in enumerate(earlier)]
    entries += [e(7 + d, s) for d, s in enumerate(recent)]
    return entries


def test_a2_at_exactly_2_points_fires() -> None:
    # earlier mean 1.5, recent mean 3.5: exactly 2.0 above
    assert fired(_a2_history([1, 2], [3, 4])) == {"A2"}
    # thirds: earlier 1/3, recent 7/3 (floating point would not give exactly 2.0)
    assert fired(_a2_history([0, 0, 1], [2, 2, 3])) == {"A2"}


def test_a2_just_under_2_points_is_silent() -> None:
    # earlier mean 1.5, recent mean 3.33: 1.83 above
    assert fired(_a2_history([1, 2], [3, 3, 4])) == set()
    # earlier 1/3, recent 2.0: 1.67 above
    assert fired(_a2_history([0, 0, 1], [2, 2, 2])) == set()


def test_a2_needs_two_entries_in_the_earlier_window() -> None:
    assert fired(_a2_history([0], [6, 6, 6])) == set()
    assert fired(_a2_history([0, 0], [6, 6, 6])) == {"A2"}


def test_a2_windows_are_the_3_days_and_the_7_days_before() -> None:
    low = [e(0, 0), e(1, 0)]  # days 0 and 1: in the earlier window of day 9 (days 0..6)
    assert fired([*low, e(9, 2)]) == {"A2"}
    # Evaluated on day 10 the earlier window is days 1..7: only one low entry is left.
    assert fired([*low, e(10, 6)]) == set()
    # An entry on day 7 belongs to the recent window of day 9 (days 7..9), not the earlier one.
    assert fired([*low, e(7, 0), e(9, 4)]) == {"A2"}  # recent mean 2.0, earlier 0
    assert fired([*low, e(7, 0), e(9, 3)]) == set()  # recent mean 1.5


def test_a2_uses_every_entry_of_a_day() -> None:
    history = [e(0, 1), e(1, 1), e(8, 5, hour=8), e(8, 1, hour=20)]  # recent mean 3.0
    assert fired(history) == {"A2"}
    history = [e(0, 1), e(1, 1), e(8, 4, hour=8), e(8, 1, hour=20)]  # recent mean 2.5
    assert fired(history) == set()


# ---- A3: severe unremitting pain ----------------------------------------------------------------


def test_a3_three_days_all_at_least_7() -> None:
    assert fired([e(0, 7), e(1, 9), e(2, 7)]) == {"A3"}


def test_a3_silent_with_a_missing_day() -> None:
    assert fired([e(0, 8), e(2, 8, hour=7), e(2, 8)]) == set()
    assert fired([e(1, 8), e(2, 8)]) == set()


def test_a3_silent_with_one_entry_below_7() -> None:
    assert fired([e(0, 8), e(1, 9, hour=8), e(1, 6, hour=21), e(2, 8)]) == set()
    assert fired([e(0, 8), e(1, 8), e(2, 6)]) == set()


# ---- A7: after stereotactic radiotherapy --------------------------------------------------------


def _sbrt(start: int, end: int | None = None, technique: str | None = "sbrt") -> Treatment:
    return Treatment(
        kind="radiotherapy",
        started_on=day_of(start),
        ended_on=None if end is None else day_of(end),
        technique=technique,
    )


def test_a7_window_is_21_to_180_days_after_the_last_day() -> None:
    course = _sbrt(10, 14)
    base = [e(3, 2), e(9, 2)]  # the 7 days before started_on (days 3..9)
    for after, expected in [(20, set()), (21, {"A7"}), (180, {"A7"}), (181, set())]:
        assert fired([*base, e(14 + after, 4)], treatments=[course]) == expected, after


def test_a7_counts_from_started_on_when_the_course_has_no_end() -> None:
    base = [e(5, 1)]
    assert fired([*base, e(10 + 21, 3)], treatments=[_sbrt(10)]) == {"A7"}
    assert fired([*base, e(10 + 20, 3)], treatments=[_sbrt(10)]) == set()


def test_a7_needs_2_points_above_the_pre_treatment_mean() -> None:
    base = [e(4, 2), e(8, 3)]  # mean 2.5: at least 4.5 is needed
    assert fired([*base, e(40, 5)], treatments=[_sbrt(10)]) == {"A7"}
    assert fired([*base, e(40, 4)], treatments=[_sbrt(10)]) == set()
    base = [e(4, 2), e(8, 2)]  # mean 2: exactly 2 above fires
    assert fired([*base, e(40, 4)], treatments=[_sbrt(10)]) == {"A7"}
    assert fired([*base, e(40, 3)], treatments=[_sbrt(10)]) == set()


def test_a7_needs_a_pre_treatment_entry() -> None:
    # Day 2 is 8 days before day 10: outside the 7 days before started_on.
    assert fired([e(2, 0), e(10, 0), e(40, 6)], treatments=[_sbrt(10)]) == set()
    assert fired([e(3, 0), e(40, 6)], treatments=[_sbrt(10)]) == {"A7"}


@pytest.mark.parametrize(("technique", "expected"), [("sbrt", {"A7"}), ("srs", {"A7"})])
def test_a7_stereotactic_only(technique: str, expected: set[str]) -> None:
    history = [e(5, 1), e(40, 4)]
    assert fired(history, treatments=[_sbrt(10, technique=technique)]) == expected
    assert fired(history, treatments=[_sbrt(10, technique="conventional")]) == set()
    assert fired(history, treatments=[_sbrt(10, technique=None)]) == set()


# ---- W1: pain flare after radiotherapy ----------------------------------------------------------


def _course(
    start: int, sessions: Sequence[datetime] = (), technique: str | None = None
) -> Treatment:
    return Treatment(
        kind="radiotherapy",
        started_on=day_of(start),
        technique=technique,
        sessions=tuple(Session(at=s) for s in sessions),
    )


def test_w1_0_to_10_days_after_a_session() -> None:
    course = _course(10, [at(10, 8), at(13, 8)])
    base = [e(5, 1), e(9, 1)]
    for day, expected in [(10, {"W1"}), (23, {"W1"}), (24, set())]:
        assert fired([*base, e(day, 3)], treatments=[course]) == expected, day
    assert fired([*base, e(12, 2)], treatments=[course]) == set()  # 1 point above


def test_w1_without_sessions_uses_started_on() -> None:
    base = [e(5, 1)]
    assert fired([*base, e(20, 3)], treatments=[_course(10)]) == {"W1"}
    assert fired([*base, e(21, 3)], treatments=[_course(10)]) == set()
    # The same course with a session on day 15 is judged by that session, not by started_on.
    assert fired([*base, e(25, 3)], treatments=[_course(10, [at(15, 8)])]) == {"W1"}
    assert fired([*base, e(25, 3)], treatments=[_course(10)]) == set()


def test_w1_ignores_a_session_recorded_after_the_entry() -> None:
    course = _course(10, [at(10, 12)])
    base = [e(5, 1)]
    assert fired([*base, e(10, 4, hour=11)], treatments=[course]) == set()
    assert fired([*base, e(10, 4, hour=13)], treatments=[course]) == {"W1"}


def test_w1_needs_a_pre_treatment_entry() -> None:
    assert fired([e(12, 8)], treatments=[_course(10)]) == set()


# ---- W2 is above; W3: pain not improved after kyphoplasty or vertebroplasty ---------------------


def _procedure(start: int, kind: str = "kyphoplasty") -> Treatment:
    return Treatment(kind=kind, started_on=day_of(start))


@pytest.mark.parametrize("kind", ["kyphoplasty", "vertebroplasty"])
def test_w3_14_to_42_days_after(kind: str) -> None:
    base = [e(3, 5), e(9, 5)]
    for day, expected in [(13, set()), (14, {"W3"}), (42, {"W3"}), (43, set())]:
        history = [*base, e(10 + 7, 5), e(10 + day, 5)]
        assert fired(history, treatments=[_procedure(10, kind)]) == expected, day


def test_w3_fires_unless_pain_is_lower_after() -> None:
    base = [e(3, 5), e(9, 6)]  # mean 5.5
    procedure = [_procedure(10)]
    assert fired([*base, e(17, 6), e(24, 5)], treatments=procedure) == {"W3"}  # equal: not lower
    assert fired([*base, e(17, 6), e(24, 6)], treatments=procedure) == {"W3"}
    assert fired([*base, e(17, 6), e(24, 4)], treatments=procedure) == set()  # 5.0
    assert fired([*base, e(17, 5), e(24, 5)], treatments=procedure) == set()


def test_w3_after_window_starts_on_day_7() -> None:
    # A high score on day 6 after the procedure is not in the "after" mean.
    history = [e(9, 4), e(16, 9), e(24, 3)]
    assert fired(history, treatments=[_procedure(10)]) == set()
    history = [e(9, 4), e(17, 9), e(24, 3)]
    assert fired(history, treatments=[_procedure(10)]) == {"W3"}


def test_w3_needs_an_entry_before() -> None:
    assert fired([e(2, 0), e(24, 3)], treatments=[_procedure(10)]) == set()


def test_w3_not_after_other_procedures() -> None:
    history = [e(9, 4), e(24, 5)]
    for kind in ("decompression_surgery", "stabilisation_surgery", "nerve_block"):
        assert fired(history, treatments=[_procedure(10, kind)]) == set()


# ---- baselines and reviews ----------------------------------------------------------------------


def test_a_review_at_the_level_removes_only_that_keys_rules() -> None:
    entry = e(1, weakness=Weakness(left_leg=2), walking=2)
    assert fired([entry]) == {"R1", "R2"}
    assert fired([entry], reviews=[review(0, "weakness.left_leg", 2)]) == {"R2"}
    assert fired([entry], reviews=[review(0, "weakness.left_leg", 3)]) == {"R2"}  # above
    assert fired([entry], reviews=[review(0, "weakness.left_leg", 1)]) == {"R1", "R2"}
    # Another key of the same rule still fires it.
    both = e(1, weakness=Weakness(left_leg=2, right_arm=1), walking=2)
    assert fired([both], reviews=[review(0, "weakness.left_leg", 2)]) == {"R1", "R2"}
    # Raising the level above the review brings the rule back.
    worse = e(1, weakness=Weakness(left_leg=3), walking=2)
    assert fired([worse], reviews=[review(0, "weakness.left_leg", 2)]) == {"R1", "R2"}


@pytest.mark.parametrize(
    ("symptom", "rule", "fields"),
    [
        ("walking", "R2", {"walking": 1}),
        ("numbness.legs", "R3", {"numbness": Numbness(legs=1)}),
        ("pain.radiating.band", "R4", {"radiating": ("band",)}),
        ("bladder", "R6", {"bladder": "changed"}),
        ("sexual_change", "R8", {"sexual_change": True}),
        ("pain.thoracic", "A1", {"score": 3, "regions": ("thoracic",)}),
        ("pain.straining", "A4", {"score": 3, "straining": True}),
        ("pain.tender", "A5", {"score": 3, "tender": True}),
        ("pain.night", "A6", {"score": 3, "night": True}),
    ],
)
def test_each_reviewable_rule_is_silenced_by_its_review(
    symptom: str, rule: str, fields: dict[str, object]
) -> None:
    entry = e(1, **fields)  # type: ignore[arg-type]
    assert fired([entry]) == {rule}
    assert fired([entry], reviews=[review(1, symptom, 1)]) == set()  # reviewed on the same day
    assert fired([entry], reviews=[review(2, symptom, 1)]) == {rule}  # a review after the entry


def test_a_review_dated_after_the_entry_is_ignored() -> None:
    entries = [e(1, walking=2), e(5, walking=2)]
    reviews = [review(3, "walking", 2)]
    assert fired(entries, entries[0], reviews) == {"R2"}
    assert fired(entries, entries[1], reviews) == set()


def test_the_latest_review_sets_the_baseline() -> None:
    entry = e(5, walking=1)
    assert fired([entry], reviews=[review(0, "walking", 2), review(3, "walking", 0)]) == {"R2"}
    assert fired([entry], reviews=[review(3, "walking", 0), review(0, "walking", 2)]) == {"R2"}
    assert fired([entry], reviews=[review(0, "walking", 0), review(3, "walking", 2)]) == set()


def test_two_reviews_of_a_key_on_one_day_the_lower_counts_in_any_order() -> None:
    entry = e(5, walking=2)
    same_day = [review(3, "walking", 2), review(3, "walking", 1)]
    assert fired([entry], reviews=same_day) == {"R2"}
    assert fired([entry], reviews=same_day[::-1]) == {"R2"}


def test_an_improvement_after_the_review_lowers_the_baseline() -> None:
    reviews = [review(0, "weakness.left_leg", 2)]
    stable = [e(1, weakness=Weakness(left_leg=2)), e(2, weakness=Weakness(left_leg=2))]
    assert fired(stable, reviews=reviews) == set()
    came_back = [e(1, weakness=Weakness(left_leg=0)), e(2, weakness=Weakness(left_leg=2))]
    assert fired(came_back, reviews=reviews) == {"R1"}
    partly = [e(1, weakness=Weakness(left_leg=1)), e(2, weakness=Weakness(left_leg=2))]
    assert fired(partly, reviews=reviews) == {"R1"}
    assert baselines(partly[:1], reviews, day_of(2))["weakness.left_leg"] == 1
    # Improved earlier on the evaluated day itself counts too.
    same_day = [
        e(2, hour=7, weakness=Weakness(left_leg=0)),
        e(2, hour=19, weakness=Weakness(left_leg=2)),
    ]
    assert fired(same_day, reviews=reviews) == {"R1"}


def test_an_entry_on_the_review_day_does_not_lower_the_baseline() -> None:
    reviews = [review(1, "weakness.left_leg", 2)]
    history = [e(1, hour=7, weakness=Weakness(left_leg=0)), e(2, weakness=Weakness(left_leg=2))]
    assert fired(history, reviews=reviews) == set()


def test_an_improvement_before_the_review_does_not_lower_the_baseline() -> None:
    reviews = [review(3, "weakness.left_leg", 2)]
    history = [e(1, weakness=Weakness(left_leg=0)), e(5, weakness=Weakness(left_leg=2))]
    assert fired(history, reviews=reviews) == set()


def test_a_later_improvement_does_not_lower_an_earlier_entrys_baseline() -> None:
    reviews = [review(0, "walking", 2)]
    history = [e(1, walking=2), e(2, walking=0), e(3, walking=2)]
    assert fired(history, history[0], reviews) == set()
    assert fired(history, history[2], reviews) == {"R2"}


def test_pain_absent_lowers_a_reviewed_pain_key() -> None:
    # Night pain reviewed; a pain-free day (level 0) then night pain again alarms again.
    reviews = [review(0, "pain.night", 1)]
    night = e(1, 3, night=True)
    assert fired([night], reviews=reviews) == set()
    history = [e(1, 3, night=True), e(2, 0, night=True), e(3, 3, night=True)]
    assert fired(history, reviews=reviews) == {"A6"}


# ---- days, and what the evaluated entry may see -------------------------------------------------


def test_the_day_is_the_calendar_date_in_the_timestamps_own_offset() -> None:
    late = e(1, hour=23, minute=30, offset=-8, walking=2)  # 07:30 UTC on day 2
    assert redflags.local_day(late.recorded_at) == day_of(1)
    assert fired([late], reviews=[review(2, "walking", 2)]) == {"R2"}  # reviewed the next day
    assert fired([late], reviews=[review(1, "walking", 2)]) == set()
    early = e(2, hour=1, offset=14, walking=2)  # 11:00 UTC on day 1
    assert fired([early], reviews=[review(2, "walking", 2)]) == set()


def test_a3_days_are_counted_in_each_entrys_own_offset() -> None:
    # In UTC all three are on day 1; in their own offsets on days 0, 1 and 2.
    history = [e(0, 8, hour=23, offset=-5), e(1, 8, hour=20), e(2, 8, hour=9, offset=10)]
    assert {x.recorded_at.astimezone(UTC).date() for x in history} == {day_of(1)}
    assert [redflags.local_day(x.recorded_at) for x in history] == [day_of(n) for n in range(3)]
    assert fired(history) == {"A3"}


def test_the_evaluated_entry_sees_only_entries_at_or_before_it() -> None:
    # A pain-free entry later on day 9 ends A3 (and so R10) for day 9, but only from itself on.
    history = [e(0, 2), e(1, 2), e(7, 8), e(8, 8), e(9, 8), e(9, 0, hour=20, walking=1)]
    assert fired(history, history[4]) == {"A2", "A3", "R10"}
    assert fired(history, history[5]) == {"A2", "R2"}
    day = [e(0, 8), e(1, 8), e(2, 8, hour=8), e(2, 3, hour=20)]
    assert fired(day, day[2]) == {"A3"}
    assert fired(day, day[3]) == set()


def test_a_tie_in_recorded_at_is_broken_by_position() -> None:
    first = e(2, 3, hour=8)
    second = e(2, 8, hour=9, offset=1)  # the same instant, written in +01:00
    assert first.recorded_at == second.recorded_at
    history = [e(0, 8), e(1, 8), first, second]
    assert fired(history, history[3]) == set()  # sees the 3 before it
    assert fired(history, history[2]) == set()
    swapped = [e(0, 8), e(1, 8), second, first]
    assert fired(swapped, swapped[2]) == {"A3"}  # does not see the 3 stored after it
    assert entries_before(history, second) == history[:3]
    assert entries_before(swapped, second) == swapped[:2]


def test_an_entry_not_in_the_history_counts_as_stored_last() -> None:
    history = [e(0, 8), e(1, 8), e(2, 3, hour=8)]
    draft = e(2, 8, hour=8)
    assert fired(history, draft) == set()
    assert fired(history[:2], draft) == {"A3"}


def test_an_edited_entry_replaces_its_stored_version() -> None:
    stored = replace(e(2, 3), id="e3")
    history = [replace(e(0, 8), id="e1"), replace(e(1, 8), id="e2"), stored]
    edited = replace(stored, pain=Pain(score=9))
    assert fired(history, edited) == {"A3"}


# ---- the most recent entry ----------------------------------------------------------------------


def test_latest_entry_by_instant_ties_to_the_later_in_the_file() -> None:
    assert flag_results.latest_entry([]) is None
    a = e(3, hour=10)
    b = e(3, hour=11, offset=1)  # the same instant as a
    c = e(3, hour=5, offset=-8)  # 13:00 UTC: the latest instant, first in the file
    assert flag_results.latest_entry([c, a, b]) is c
    assert flag_results.latest_entry([a, b]) is b
    assert flag_results.latest_entry([b, a]) is a


def test_evaluate_latest_and_the_flags_document() -> None:
    assert flag_results.evaluate_latest(Journal()) is None
    assert flag_results.flags_document(None) == {
        "evaluated_entry": None,
        "highest": "none",
        "flags": [],
    }
    late = e(4, 2, hour=7, offset=5.5, numbness=Numbness(saddle=1))
    journal = Journal(entries=(late, e(4, 0, hour=1)))  # 01:30 UTC vs 01:00 UTC
    evaluation = flag_results.evaluate_latest(journal)
    assert evaluation is not None
    document = flag_results.flags_document(evaluation)
    assert document == {
        "evaluated_entry": "2026-03-05T07:00:00+05:30",
        "highest": "emergency",
        "flags": [
            {
                "rule": "R5",
                "tier": "emergency",
                "title": rules.RULES["R5"].title,
                "advice": "Go to A&E now.",
                "source": rules.RULES["R5"].source,
            }
        ],
    }


# ---- alerting: episodes -------------------------------------------------------------------------


def _ev(*entries: Entry) -> list[Evaluation]:
    return [evaluate(History(entries), x) for x in entries]


def test_the_first_entry_of_an_episode_interrupts() -> None:
    first, again = _ev(e(0, weakness=Weakness(left_leg=1)), e(1, weakness=Weakness(left_leg=1)))
    assert [f.rule for f in flag_results.interrupting(None, first)] == ["R1"]
    assert flag_results.interrupting(first, again) == ()


def test_an_episode_ends_when_the_rule_stops_firing() -> None:
    evs = _ev(e(0, walking=1), e(1), e(2, walking=1))
    assert flag_results.interrupting(evs[0], evs[1]) == ()
    assert [f.rule for f in flag_results.interrupting(evs[1], evs[2])] == ["R2"]


def test_a_new_rule_within_another_episode_interrupts_alone() -> None:
    evs = _ev(e(0, walking=1, weakness=Weakness(left_leg=1)), e(1, walking=1, bladder="changed"))
    assert [f.rule for f in flag_results.interrupting(evs[0], evs[1])] == ["R6"]


def test_an_emergency_level_rising_further_interrupts_again() -> None:
    evs = _ev(
        e(0, weakness=Weakness(left_leg=1)),
        e(1, weakness=Weakness(left_leg=2)),
        e(2, weakness=Weakness(left_leg=1)),
        e(3, weakness=Weakness(left_leg=1)),
        e(4, weakness=Weakness(left_leg=2)),
    )
    interrupts = [
        [f.rule for f in flag_results.interrupting(prev, cur)]
        for prev, cur in itertools.pairwise(evs)
    ]
    assert interrupts == [["R1"], [], [], ["R1"]]


def test_a_new_key_of_an_emergency_rule_is_a_level_rising() -> None:
    # Weakness spreads to the other leg at a lower level than the first: a level rose (0 -> 1).
    evs = _ev(
        e(0, weakness=Weakness(left_leg=3)),
        e(1, weakness=Weakness(left_leg=3, right_leg=1)),
        e(2, weakness=Weakness(left_leg=3, right_leg=1)),
    )
    assert [f.rule for f in flag_results.interrupting(evs[0], evs[1])] == ["R1"]
    assert flag_results.interrupting(evs[1], evs[2]) == ()
    evs = _ev(e(0, numbness=Numbness(legs=2)), e(1, numbness=Numbness(legs=2, trunk=1)))
    assert [f.rule for f in flag_results.interrupting(evs[0], evs[1])] == ["R3"]


def test_an_urgent_rule_does_not_interrupt_again_as_its_pain_grows() -> None:
    evs = _ev(e(0, 2, regions=("thoracic",)), e(1, 9, regions=("thoracic",)))
    assert flag_results.interrupting(evs[0], evs[1]) == ()


def test_a_rise_of_the_highest_tier_interrupts_with_every_flag() -> None:
    evs = _ev(
        e(0, bowel="constipated"),
        e(1, 3, regions=("thoracic",), bowel="constipated"),
        e(2, 3, regions=("thoracic",), night=True, bowel="constipated"),
    )
    assert [f.rule for f in flag_results.interrupting(None, evs[0])] == ["W2"]
    assert [f.rule for f in flag_results.interrupting(evs[0], evs[1])] == ["A1", "W2"]
    assert [f.rule for f in flag_results.interrupting(evs[1], evs[2])] == ["R10", "A1", "A6", "W2"]


# ---- history_start: what the service loads ------------------------------------------------------


def test_history_start_covers_reviews_and_courses() -> None:
    entry = e(60, 3)
    assert redflags.history_start(entry, [], []) == day_of(60 - 9)
    reviews = [review(20, "walking", 2), review(30, "bowel", 0)]
    assert redflags.history_start(entry, reviews, []) == day_of(21)
    assert redflags.history_start(entry, [], [_sbrt(30)]) == day_of(23)
    assert redflags.history_start(entry, [], [_sbrt(59, technique="conventional")]) == day_of(51)


# ---- properties ---------------------------------------------------------------------------------

_OFFSETS = (-10.0, -8.0, 0.0, 5.5, 14.0)
_CALM = entry_from_values(at(0), {"pain.score": 0, **screening_answer(True)})  # "None of these"
_UNASKED = Entry(recorded_at=at(0), pain=Pain(score=0))  # saved without answering


@st.composite
def _entry_body(draw: st.DrawFn, high: bool) -> Entry:
    """Mostly calm entries (so that the rules are not all firing at once) with a pain score,
    sometimes one or two symptoms."""
    scores = st.integers(5, 10) if high else st.integers(0, 10)
    worst = draw(st.one_of(st.none(), st.integers(0, 10)))
    calm = draw(st.sampled_from((_CALM, _CALM, _UNASKED)))
    entry = replace(calm, pain=Pain(score=draw(scores), worst_24h=worst))
    for _ in range(draw(st.sampled_from((0, 0, 0, 1, 1, 2)))):
        entry = _raise_one(entry, draw)
    return entry


@st.composite
def _entries(draw: st.DrawFn) -> list[Entry]:
    """3 to 20 entries over 35 days with distinct instants, written in various offsets."""
    minutes = draw(st.lists(st.integers(0, 35 * 24 * 60), min_size=3, max_size=20, unique=True))
    high = draw(st.booleans())
    entries = []
    for index, minute in enumerate(sorted(minutes)):
        offset = draw(st.sampled_from(_OFFSETS))
        instant = datetime.combine(D0, clock_time(), tzinfo=UTC) + timedelta(minutes=minute)
        body = draw(_entry_body(high))
        entries.append(replace(body, recorded_at=instant.astimezone(zone(offset)), id=f"e{index}"))
    return entries


_REVIEWS = st.lists(
    st.sampled_from(vocab.REVIEWABLE_KEYS).flatmap(
        lambda key: st.builds(
            Review,
            reviewed_on=st.integers(-3, 40).map(day_of),
            symptom=st.just(key),
            level=st.integers(0, vocab.max_level(key)),
        )
    ),
    max_size=4,
)


@st.composite
def _treatment(draw: st.DrawFn) -> Treatment:
    kinds = ("radiotherapy", "radiotherapy", "kyphoplasty", "vertebroplasty", "steroids")
    kind = draw(st.sampled_from(kinds))
    start = draw(st.integers(1, 14))
    if kind != "radiotherapy":
        return Treatment(kind=kind, started_on=day_of(start))
    sessions = draw(st.lists(st.integers(0, 6), max_size=3, unique=True))
    return Treatment(
        kind=kind,
        started_on=day_of(start),
        ended_on=draw(st.one_of(st.none(), st.just(day_of(start + 5)))),
        technique=draw(st.sampled_from((None, "conventional", "sbrt", "srs", "sbrt"))),
        sessions=tuple(Session(at=at(start + s, 10)) for s in sorted(sessions)),
    )


_TREATMENTS = st.lists(_treatment(), max_size=3)
_FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _raise_one(entry: Entry, draw: st.DrawFn) -> Entry:
    """``entry`` with one symptom level (or the pain score) raised; a sign not asked is raised
    to any level (an answer where there was none)."""
    pain, what = entry.pain, draw(st.sampled_from(("weakness", "numbness", "other", "pain")))
    if what == "weakness":
        limb = draw(st.sampled_from(vocab.LIMBS))
        value = draw(st.integers(getattr(entry.weakness, limb) or 0, 3))
        return replace(entry, weakness=replace(entry.weakness, **{limb: value}))
    if what == "numbness":
        area = draw(st.sampled_from(vocab.NUMB_AREAS))
        value = draw(st.integers(getattr(entry.numbness, area) or 0, 3))
        return replace(entry, numbness=replace(entry.numbness, **{area: value}))
    if what == "other":
        field = draw(st.sampled_from(("walking", "bladder", "bowel", "sexual_change")))
        if field == "walking":
            return replace(entry, walking=draw(st.integers(entry.walking or 0, 3)))
        if field == "sexual_change":
            return replace(entry, sexual_change=True)
        order = {"bladder": vocab.BLADDER, "bowel": vocab.BOWEL}[field]
        level = symptom_levels(entry)[field] or 0
        higher = [
            v for v in order if (symptom_levels(replace(entry, **{field: v}))[field] or 0) >= level
        ]
        return replace(entry, **{field: draw(st.sampled_from(higher))})
    part = draw(
        st.sampled_from(
            ("score", "worst_24h", "regions", "radiating", "night", "straining", "tender")
        )
    )
    if part == "score":
        return replace(entry, pain=replace(pain, score=draw(st.integers(pain.score, 10))))
    if part == "worst_24h":
        worst = draw(st.integers(pain.worst_24h or 0, 10))
        return replace(entry, pain=replace(pain, worst_24h=worst))
    if part in ("regions", "radiating"):
        choices = {"regions": vocab.REGIONS, "radiating": vocab.RADIATING}[part]
        current: tuple[str, ...] = getattr(pain, part)
        extra = draw(st.sampled_from(choices))
        added = current if extra in current else (*current, extra)
        return replace(entry, pain=replace(pain, **{part: added}))
    return replace(entry, pain=replace(pain, **{part: True}))


@_FAST
@given(entries=_entries(), reviews=_REVIEWS, treatments=_TREATMENTS, data=st.data())
def test_raising_a_symptom_never_lowers_the_highest_tier(
    entries: list[Entry],
    reviews: list[Review],
    treatments: list[Treatment],
    data: st.DataObject,
) -> None:
    index = data.draw(st.integers(0, len(entries) - 1))
    target = entries[index]
    raised = target
    for _ in range(data.draw(st.integers(1, 3))):
        raised = _raise_one(raised, data.draw)
    before = run(entries, target, reviews, treatments)
    after_entries = [*entries[:index], raised, *entries[index + 1 :]]
    after = run(after_entries, raised, reviews, treatments)
    rank = vocab.TIERS.index
    assert rank(after.highest) >= rank(before.highest)


@_FAST
@given(
    entries=_entries(),
    reviews=_REVIEWS,
    treatments=_TREATMENTS,
    order=st.randoms(use_true_random=False),
)
def test_the_result_does_not_depend_on_the_order_of_the_records(
    entries: list[Entry],
    reviews: list[Review],
    treatments: list[Treatment],
    order: random.Random,
) -> None:
    shuffled = entries[:]
    order.shuffle(shuffled)
    other_reviews, other_treatments = reviews[:], treatments[:]
    order.shuffle(other_reviews)
    order.shuffle(other_treatments)
    for entry in entries:
        assert run(shuffled, entry, other_reviews, other_treatments) == run(
            entries, entry, reviews, treatments
        )
    assert flag_results.latest_entry(shuffled) is flag_results.latest_entry(entries)


@_FAST
@given(entries=_entries(), reviews=_REVIEWS, treatments=_TREATMENTS)
def test_history_start_leaves_out_only_entries_no_rule_needs(
    entries: list[Entry], reviews: list[Review], treatments: list[Treatment]
) -> None:
    for entry in entries:
        start = redflags.history_start(entry, reviews, treatments)
        needed = [x for x in entries if redflags.local_day(x.recorded_at) >= start]
        assert run(needed, entry, reviews, treatments) == run(entries, entry, reviews, treatments)


@contextmanager
def machine_zone(name: str) -> Iterator[None]:
    """The process's local time zone set to ``name`` for the block, then put back."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


_ZONES = {"Pacific/Kiritimati": 14 * 3600, "America/Los_Angeles": -8 * 3600, "UTC": 0}


def test_machine_zone_really_changes_the_local_zone() -> None:
    january = datetime(2026, 1, 15, 12, tzinfo=UTC).timestamp()
    for name, offset in _ZONES.items():
        with machine_zone(name):
            assert time.localtime(january).tm_gmtoff == offset
            assert datetime.fromtimestamp(january).astimezone().utcoffset() == timedelta(
                seconds=offset
            )


@settings(max_examples=25, deadline=None)
@given(entries=_entries(), reviews=_REVIEWS, treatments=_TREATMENTS)
def test_flags_do_not_depend_on_the_machines_time_zone(
    entries: list[Entry], reviews: list[Review], treatments: list[Treatment]
) -> None:
    text = journal_writing.dumps(
        Journal(entries=tuple(entries), reviews=tuple(reviews), treatments=tuple(treatments))
    )
    results = []
    for name in _ZONES:
        with machine_zone(name):
            journal = journal_format.loads(text)
            history = History.from_journal(journal)
            results.append(
                (
                    flag_results.flags_document(flag_results.evaluate_latest(journal)),
                    [evaluate(history, x) for x in journal.entries],
                )
            )
    assert results[1:] == results[:1] * (len(results) - 1)


# ---- helpers for file documents -----------------------------------------------------------------


def _document(**lists: list[dict[str, object]]) -> dict[str, object]:
    document: dict[str, object] = {"format": "spine-journal", "version": 1}
    for name in ("entries", "treatments", "medications", "reviews", "alerts", "appointments"):
        document[name] = lists.get(name, [])
    return document
