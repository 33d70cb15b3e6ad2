"""The summary's neurological status with signs not asked, and the worst level in the period
(issue 17): a three-day leg weakness in the middle of a period is shown, and "not asked" is never
"none" or a change."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tracker.domain.model import Entry, entry_from_values
from tracker.domain.neuro_status import NOT_COMPARED, neuro_short, neuro_status
from tracker.domain.screening import screening_answer

D0 = datetime(2026, 9, 1, 8, 30, tzinfo=timezone(timedelta(hours=1)))


def entry(day: int, answer: dict[str, object] | None) -> Entry:
    values = {"pain.score": 3, **screening_answer(answer is not None, answer)}
    return entry_from_values(D0 + timedelta(days=day), values, f"e{day}")


def rows(entries: list[Entry]) -> dict[str, tuple[str, str, str, str]]:
    status = neuro_status(entries)
    return {r.sign: (r.start, r.end, r.change, r.worst) for r in status.rows}


def test_an_episode_in_the_middle_of_the_period_shows_as_the_worst() -> None:
    """First and last entry say no weakness; the worst column shows the episode with its day."""
    weak: dict[str, object] = {"weakness.left_leg": 2, "walking": 1}
    entries = [entry(0, {}), *(entry(d, weak) for d in (10, 11, 12)), entry(29, {})]
    found = rows(entries)
    start, end, change, worst = found["Weakness"]
    assert (start, end, change) == ("none recorded", "none recorded", "no change")
    assert worst == "left leg: struggles with everyday tasks (Fri 11 Sep 2026 08:30)"
    assert found["Walking"][3] == "unsteady (Fri 11 Sep 2026 08:30)"
    assert found["Bladder"][3] == "none recorded"


def test_signs_not_asked_read_not_asked_and_are_not_compared() -> None:
    entries = [entry(0, None), entry(5, {"weakness.right_arm": 1}), entry(9, None)]
    found = rows(entries)
    assert found["Weakness"] == (
        "not asked",
        "not asked",
        NOT_COMPARED,
        "right arm: slight (Sun 6 Sep 2026 08:30)",
    )
    assert found["Bowel"] == ("not asked", "not asked", NOT_COMPARED, "none recorded")
    status = neuro_status(entries)
    assert status.answered_text == "answered in 1 of 3 entries"


def test_a_sign_never_asked_in_the_period_is_not_asked_everywhere() -> None:
    status = neuro_status([entry(0, None), entry(1, None)])
    for row in status.rows:
        assert (row.start, row.end, row.change, row.worst) == (
            "not asked",
            "not asked",
            NOT_COMPARED,
            "not asked",
        )
    assert status.answered_text == "answered in 0 of 2 entries"


def test_a_sign_asked_at_the_start_only_is_no_improvement() -> None:
    """Weakness at the first entry, not asked at the last: never "lower"."""
    found = rows([entry(0, {"weakness.left_leg": 2}), entry(3, None)])
    assert found["Weakness"][2] == NOT_COMPARED


def test_partly_asked_names_the_places_not_asked() -> None:
    values = {"pain.score": 2, **screening_answer(True, {"numbness.legs": 1})}
    values |= {"numbness.saddle": None, "bladder": None}
    partly = entry_from_values(D0, values, "p")
    start = rows([partly])["Numbness or pins and needles"][0]
    assert start == "legs: now and then; not asked: saddle area"
    assert neuro_short(partly) == "numb legs 1, not asked: numbness, bladder"
    assert neuro_short(entry(0, None)) == "nerve questions not asked"
    assert neuro_short(entry(0, {})) == "none recorded"
