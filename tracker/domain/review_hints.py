"""From an alert to the care-team review that would record "my team has assessed this".

Only symptom keys can be reviewed (red-flags.md, "Baseline"); rules built on pain scores over
time (A2, A3, A7, W1, W3), R10 and R5 (saddle numbness, which cannot be reviewed) have none.
"""

from __future__ import annotations

from tracker.domain import redflags, vocab
from tracker.domain.model import Entry
from tracker.domain.symptom_levels import symptom_levels

RULE_KEYS: dict[str, tuple[str, ...]] = {
    rule: reviewable
    for rule, keys in (
        *redflags.EMERGENCY_KEYS.items(),
        *redflags.URGENT_KEYS.items(),
        *redflags.WATCH_KEYS.items(),
    )
    if (reviewable := tuple(key for key in keys if key in vocab.REVIEWABLE_KEYS))
}
"""The engine's symptom keys of each rule that a review can record."""


def review_suggestion(rule: str, entry: Entry | None) -> tuple[str, int] | None:
    """The symptom key of ``rule`` with the highest level in ``entry``, and that level."""
    keys = RULE_KEYS.get(rule, ())
    if not keys:
        return None
    if entry is None:
        return keys[0], 1
    levels = symptom_levels(entry)

    def level(key: str) -> int:
        return levels.get(key) or 0  # a sign not asked suggests no level

    best = max(keys, key=level)
    return best, max(level(best), 1)
