"""The terms the red-flag rules compare (clinical/red-flags.md, "Terms"): each entry's symptom
levels, the entries recorded before the evaluated one, and each symptom key's baseline from the
care team's reviews. The engine (``tracker.domain.redflags``) fires a rule when a level rises
above its baseline.

Like the engine it needs no clock and no database. A "day" is the calendar date of a timestamp in
its own UTC offset. Where the table's words leave a choice, the comment marked "Ambiguity" says how
they are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tracker.domain import vocab
from tracker.domain.model import Entry, Review
from tracker.domain.timeutil import local_day
from tracker.domain.wording import CHOICE_LEVELS

_BLADDER_LEVEL = CHOICE_LEVELS["bladder"]
_BOWEL_LEVEL = CHOICE_LEVELS["bowel"]


# ---- symptom levels -----------------------------------------------------------------------------


def pain_present(entry: Entry) -> bool:
    """``pain.score`` >= 1 or ``pain.worst_24h`` >= 1."""
    worst = entry.pain.worst_24h
    return entry.pain.score >= 1 or (worst is not None and worst >= 1)


def _choice_level(levels: dict[str, int], answer: str | None) -> int | None:
    return None if answer is None else levels[answer]


def symptom_levels(entry: Entry) -> dict[str, int | None]:
    """Every symptom key of the table mapped to its whole-number level (0 = absent); None for a
    screening sign not asked, which no rule, baseline or comparison may read as a level."""
    pain = entry.pain
    present = pain_present(entry)
    radiating = set(pain.radiating)
    return {
        "weakness.left_arm": entry.weakness.left_arm,
        "weakness.right_arm": entry.weakness.right_arm,
        "weakness.left_leg": entry.weakness.left_leg,
        "weakness.right_leg": entry.weakness.right_leg,
        "numbness.arms": entry.numbness.arms,
        "numbness.legs": entry.numbness.legs,
        "numbness.trunk": entry.numbness.trunk,
        "numbness.saddle": entry.numbness.saddle,
        "walking": entry.walking,
        "bladder": _choice_level(_BLADDER_LEVEL, entry.bladder),
        "bowel": _choice_level(_BOWEL_LEVEL, entry.bowel),
        "sexual_change": int(entry.sexual_change),
        "pain.cervical": int(present and "cervical" in pain.regions),
        "pain.thoracic": int(present and "thoracic" in pain.regions),
        "pain.night": int(present and pain.night),
        "pain.straining": int(present and pain.straining),
        "pain.tender": int(present and pain.tender),
        # The table ties only the region and yes/no keys to "pain present"; the radiating keys
        # count whenever the direction is ticked.
        "pain.radiating.band": int("band" in radiating),
        "pain.radiating.arm": int(bool(radiating & {"left_arm", "right_arm"})),
        "pain.radiating.leg": int(bool(radiating & {"left_leg", "right_leg"})),
        "pain.radiating.both_legs": int({"left_leg", "right_leg"} <= radiating),
    }


# ---- which records the rules may see ------------------------------------------------------------


def _position(entries: Sequence[Entry], entry: Entry) -> int | None:
    """Where the evaluated entry itself sits in ``entries``: by id when it has one (the stored
    copy may be another object, or an older version of an edited entry), else the same object,
    else an equal record; None when it is not there."""
    if entry.id is not None:
        found = [i for i, e in enumerate(entries) if e.id == entry.id]
    else:
        found = [i for i, e in enumerate(entries) if e is entry]
        if not found:
            found = [i for i, e in enumerate(entries) if e == entry]
    return found[-1] if found else None


def entries_before(entries: Sequence[Entry], entry: Entry) -> list[Entry]:
    """The entries recorded before ``entry`` (by instant; on a tie, earlier in the sequence),
    without ``entry`` itself. When ``entry`` is not in the sequence it counts as stored last."""
    position = _position(entries, entry)
    last = len(entries) if position is None else position
    at = entry.recorded_at
    return [
        other
        for index, other in enumerate(entries)
        if index != position
        and (other.recorded_at < at or (other.recorded_at == at and index < last))
    ]


def latest_reviews(reviews: Iterable[Review], day: date) -> dict[str, tuple[date, int]]:
    """For each reviewed key: the day and level of its latest review on or before ``day``.

    Ambiguity: two reviews of one key on the same latest day. The table says "the latest
    review"; reviews carry only a date, so the lower level is taken (the one that alarms sooner),
    which does not depend on the order of the reviews.
    """
    latest: dict[str, tuple[date, int]] = {}
    for review in reviews:
        if review.reviewed_on > day:
            continue
        known = latest.get(review.symptom)
        if (
            known is None
            or review.reviewed_on > known[0]
            or (review.reviewed_on == known[0] and review.level < known[1])
        ):
            latest[review.symptom] = (review.reviewed_on, review.level)
    return latest


def baselines(prior: Iterable[Entry], reviews: Iterable[Review], day: date) -> dict[str, int]:
    """Each symptom key's baseline for an entry on ``day`` whose earlier entries are ``prior``:
    the latest review's level, lowered to the lowest level of any entry recorded on a day after
    ``reviewed_on`` (and before the evaluated entry); 0 for a key never reviewed."""
    result = dict.fromkeys(vocab.SYMPTOM_KEYS, 0)
    latest = latest_reviews(reviews, day)
    for key, (_, level) in latest.items():
        result[key] = level
    reviewed = [(key, reviewed_on) for key, (reviewed_on, level) in latest.items() if level > 0]
    if not reviewed:
        return result
    earliest = min(reviewed_on for _, reviewed_on in reviewed)
    for other in prior:
        other_day = local_day(other.recorded_at)
        if other_day <= earliest:
            continue
        levels = symptom_levels(other)
        for key, reviewed_on in reviewed:
            found = levels[key]  # a sign not asked (None) says nothing: it lowers nothing
            if other_day > reviewed_on and found is not None and found < result[key]:
                result[key] = found
    return result
