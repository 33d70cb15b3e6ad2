"""From an alert to the care-team review that would record "my team has assessed this".

Only symptom keys can be reviewed (red-flags.md, "Baseline"); rules built on pain scores over
time (A2, A3, A7, W1, W3), R10 and R5 (saddle numbness, which cannot be reviewed) have none.
"""

from __future__ import annotations

from tracker.domain.model import Entry

RULE_KEYS: dict[str, tuple[str, ...]] = {
    "R1": ("weakness.left_arm", "weakness.right_arm", "weakness.left_leg", "weakness.right_leg"),
    "R2": ("walking",),
    "R3": ("numbness.arms", "numbness.legs", "numbness.trunk"),
    "R4": ("pain.radiating.band", "pain.radiating.arm", "pain.radiating.leg"),
    "R6": ("bladder",),
    "R7": ("bowel",),
    "R8": ("sexual_change",),
    "R9": ("pain.radiating.both_legs",),
    "A1": ("pain.cervical", "pain.thoracic"),
    "A4": ("pain.straining",),
    "A5": ("pain.tender",),
    "A6": ("pain.night",),
    "W2": ("bowel",),
}


def review_suggestion(rule: str, entry: Entry | None) -> tuple[str, int] | None:
    """The symptom key of ``rule`` with the highest level in ``entry``, and that level."""
    from tracker.domain.redflags import symptom_levels

    keys = RULE_KEYS.get(rule, ())
    if not keys:
        return None
    if entry is None:
        return keys[0], 1
    levels = symptom_levels(entry)
    best = max(keys, key=lambda k: levels.get(k, 0))
    return best, max(levels.get(best, 0), 1)
