"""A screening sign not asked (None) never fires a rule, never counts as an improvement and never
lowers a baseline (issue 17): each rule family with None in the evaluated entry, in the entries
before it and after a care-team review."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from tracker.domain import vocab
from tracker.domain.alert_history import alerts_as_met, evaluate_all
from tracker.domain.model import Entry, Review, entry_from_values
from tracker.domain.redflags import History, evaluate
from tracker.domain.screening import screening_answer
from tracker.domain.symptom_levels import baselines, symptom_levels

D0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))

# (screening path, a value that fires, the rule it fires)
FIRING = [
    *((f"weakness.{limb}", 2, "R1") for limb in vocab.LIMBS),
    ("walking", 2, "R2"),
    *((f"numbness.{area}", 1, "R3") for area in ("arms", "legs", "trunk")),
    ("numbness.saddle", 1, "R5"),
    ("bladder", "cannot_pass", "R6"),
    ("bowel", "leaking_or_no_feeling", "R7"),
    ("bowel", "constipated", "W2"),
]
IDS = [f"{rule}-{path}" for path, _, rule in FIRING]


def entry(day: int, answer: dict[str, object] | None, score: int = 2, **pain: object) -> Entry:
    """An entry on day ``day``: ``answer`` None is saved without answering (every sign not
    asked), else the signs said yes to (``{}``: "None of these")."""
    values: dict[str, object] = {"pain.score": score, **{f"pain.{k}": v for k, v in pain.items()}}
    values |= screening_answer(answer is not None, answer)
    return entry_from_values(D0 + timedelta(days=day), values, f"e{day}")


def rules_of(entries: list[Entry], reviews: tuple[Review, ...] = ()) -> tuple[str, ...]:
    history = History(tuple(entries), reviews)
    assert evaluate_all(history)[-1] == evaluate(history, entries[-1])  # the fast engine agrees
    return evaluate(history, entries[-1]).rule_ids


def only_unasked(path: str) -> Entry:
    """Every sign answered "no" but ``path``, which was not asked."""
    base = entry(5, {})
    group, _, name = path.rpartition(".")
    unasked: dict[str, Any] = {name: None}
    if not group:
        return replace(base, **unasked)
    return replace(base, **{group: replace(getattr(base, group), **unasked)})


@pytest.mark.parametrize(("path", "value", "rule"), FIRING, ids=IDS)
def test_the_value_fires_its_rule_when_answered(path: str, value: object, rule: str) -> None:
    """The control: the same journals with the sign answered do fire (so the tests below can
    fail)."""
    assert rule in rules_of([entry(0, {}), entry(5, {path: value})])


@pytest.mark.parametrize(("path", "value", "rule"), FIRING, ids=IDS)
def test_a_sign_not_asked_now_fires_nothing(path: str, value: object, rule: str) -> None:
    """Not asked today, after days that had the sign: no rule, whatever came before."""
    assert symptom_levels(only_unasked(path))[path] is None
    assert rule not in rules_of([entry(0, {path: value}), only_unasked(path)])
    assert rules_of([entry(0, None), entry(5, None)]) == ()


@pytest.mark.parametrize(("path", "value", "rule"), FIRING, ids=IDS)
def test_a_sign_not_asked_before_is_no_baseline(path: str, value: object, rule: str) -> None:
    """Not asked on every earlier day: the first answer with the sign fires as new."""
    assert rule in rules_of([entry(0, None), entry(3, None), entry(5, {path: value})])


REVIEWABLE = [(p, v, r) for p, v, r in FIRING if p in vocab.REVIEWABLE_KEYS and r != "W2"]


@pytest.mark.parametrize(
    ("path", "value", "rule"), REVIEWABLE, ids=[f"{r}-{p}" for p, _, r in REVIEWABLE]
)
def test_a_sign_not_asked_after_a_review_lowers_no_baseline(
    path: str, value: object, rule: str
) -> None:
    """The team reviewed the sign at its level; a day not asked between is no improvement, so
    the sign at the same level stays known and does not alarm. A day answered "no" between
    does lower it (the control), and the same level alarms again."""
    level = symptom_levels(entry(5, {path: value}))[path]
    assert level is not None
    reviews = (Review(reviewed_on=D0.date(), symptom=path, level=level, id="r1"),)
    assert rule not in rules_of([entry(1, None), entry(3, {path: value})], reviews)
    between = [entry(1, {path: value}), entry(2, None), entry(3, {path: value})]
    assert rule not in rules_of(between, reviews)
    assert rule in rules_of([entry(1, {}), entry(3, {path: value})], reviews)
    assert baselines([entry(1, None)], reviews, date(2026, 3, 10))[path] == level


def test_w2_needs_an_answered_zero_baseline_and_a_null_is_not_constipation() -> None:
    reviews = (Review(reviewed_on=D0.date(), symptom="bowel", level=1, id="r1"),)
    assert "W2" not in rules_of([entry(1, None), entry(3, {"bowel": "constipated"})], reviews)
    assert "W2" not in rules_of([entry(1, {"bowel": "constipated"}), entry(3, None)])


def test_pain_rules_and_r10_do_not_depend_on_the_nerve_answers() -> None:
    """A1 (upper back), A4, A5, A6 and with them R10 read the pain, which is always asked."""
    pain: dict[str, Any] = {
        "regions": ("thoracic",),
        "straining": True,
        "tender": True,
        "night": True,
    }
    answers: tuple[dict[str, object] | None, ...] = (None, {})
    for answer in answers:
        fired = rules_of([entry(0, answer, **pain)])
        assert {"A1", "A4", "A5", "A6", "R10"} <= set(fired)


def test_a_day_not_asked_inside_an_episode_is_not_an_improvement_of_the_level() -> None:
    """Weakness 2, a day not asked, weakness 2: the rule did not fire on the middle day (nothing
    was recorded), and the recorded level is the same as before it. The alert comes again at the
    third entry (the episode was broken by the gap): the cautious reading, never a silence."""
    entries = (
        entry(0, {"weakness.left_leg": 2}),
        entry(1, None),
        entry(2, {"weakness.left_leg": 2}),
    )
    met = [m for m in alerts_as_met(History(entries)) if m.alert.rule == "R1"]
    assert [(m.alert.entry_id, m.interrupted) for m in met] == [("e0", True), ("e2", True)]
