"""The words and levels that the window, the printed summary and the SQL level expressions
share, so that a value reads the same on screen and on paper.

Plain functions of plain values: no record types here (``treatment_text`` words treatments).
"""

from __future__ import annotations

from datetime import date, datetime

from tracker.domain import vocab
from tracker.domain.timeutil import local_day

CHOICE_LEVELS: dict[str, dict[str, int]] = {
    "bladder": {"normal": 0, "changed": 1, "cannot_pass": 2, "leaking": 2},
    "bowel": {"normal": 0, "constipated": 1, "leaking_or_no_feeling": 2},
}
"""The level of each bladder and bowel answer (red-flags.md, "Symptom keys and levels"): the
red-flag engine, the summary and the SQL baseline query all read it here."""

# The levels in the words of the entry form (a review records a level, not an answer).
LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "bladder": ("normal", "changed", "cannot pass urine, or leaking"),
    "bowel": ("normal", "constipated", "leaking or no feeling"),
    "walking": vocab.WALKING_WORDS,
}
YES_NO_WORDS = ("no", "yes")


def level_words(symptom_key: str) -> tuple[str, ...]:
    """The words for each level of a reviewable symptom, from 0 up to its highest level."""
    words: tuple[str, ...]
    if symptom_key.startswith("weakness."):
        words = vocab.WEAKNESS_WORDS
    elif symptom_key.startswith("numbness."):
        words = vocab.NUMBNESS_WORDS
    else:
        words = LEVEL_WORDS.get(symptom_key, YES_NO_WORDS)
    return tuple(words[: vocab.max_level(symptom_key) + 1])


def level_text(symptom_key: str, level: int) -> str:
    words = level_words(symptom_key)
    return words[level] if 0 <= level < len(words) else str(level)


def dose_text(dose_gy: float) -> str:
    """20.0 -> "20", 7.5 -> "7.5": a dose as people write it; a dose above 0 that two
    decimals would show as 0 is "under 0.01", never "0"."""
    text = f"{dose_gy:.2f}".rstrip("0").rstrip(".")
    return "under 0.01" if text == "0" and dose_gy > 0 else text


def day_text(day: date) -> str:
    """``Mon 3 Nov 2026``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day(day: date) -> str:
    """``3 Nov 2026``."""
    return f"{day.day} {day:%b %Y}"


def short_time(at: datetime) -> str:
    """A time within the weeks around it, where the year would crowd: ``3 Nov 08:30``."""
    return f"{at.day} {at:%b %H:%M}"


def time_text(at: datetime) -> str:
    """A record's own wall-clock time: ``Mon 3 Nov 2026 08:30`` (the offset is not shown)."""
    return f"{day_text(local_day(at))} {at:%H:%M}"


def period_text(start: date, end: date) -> str:
    days = (end - start).days + 1
    return f"{short_day(start)} to {short_day(end)} ({days} day{'' if days == 1 else 's'})"


def change_text(change: float | None) -> str:
    """A change in mean pain: "1.5 less", "0.5 more", "no change" or "cannot tell"."""
    if change is None:
        return "cannot tell"
    if abs(change) < 0.05:
        return "no change"
    return f"{abs(change):.1f} {'less' if change < 0 else 'more'}"
