"""The summary's neurological status: each nerve sign at the first and the last entry of the
period and how its level moved, and an entry's signs in a few words. A sign at level 0 reads
"none recorded", never that the person is well."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from tracker.domain import vocab
from tracker.domain.model import Entry
from tracker.domain.wording import CHOICE_LEVELS

NO_SIGNS = "none recorded"
LIMB_SHORT = {"left_arm": "L arm", "right_arm": "R arm", "left_leg": "L leg", "right_leg": "R leg"}
AREA_WORDS = {"arms": "arms", "legs": "legs", "trunk": "chest or tummy", "saddle": "saddle area"}


@dataclass(frozen=True)
class NeuroRow:
    """One sign at the first and the last entry of the period, and how its level moved."""

    sign: str
    start: str
    end: str
    change: str  # "no change", "higher", "lower" or "some higher, some lower"


@dataclass(frozen=True)
class NeuroStatus:
    first_at: datetime | None  # None: no entry in the period
    last_at: datetime | None
    rows: tuple[NeuroRow, ...] = ()


def _places_text(record: object, places: dict[str, str], words: tuple[str, ...]) -> str:
    """Each place above level 0 with its level's words: "left leg: slight; ..."."""
    parts = [
        f"{place}: {words[level]}"
        for name, place in places.items()
        if (level := getattr(record, name))
    ]
    return "; ".join(parts) if parts else NO_SIGNS


def weakness_text(entry: Entry) -> str:
    limbs = {name: name.replace("_", " ") for name in vocab.LIMBS}
    return _places_text(entry.weakness, limbs, vocab.WEAKNESS_WORDS)


def numbness_text(entry: Entry) -> str:
    areas = {name: AREA_WORDS[name] for name in vocab.NUMB_AREAS}
    return _places_text(entry.numbness, areas, vocab.NUMBNESS_WORDS)


_BLADDER_LEVEL = CHOICE_LEVELS["bladder"]
_BOWEL_LEVEL = CHOICE_LEVELS["bowel"]

# (sign, words of an entry, levels of an entry)
_SIGNS: tuple[tuple[str, Callable[[Entry], str], Callable[[Entry], tuple[int, ...]]], ...] = (
    (
        "Weakness",
        weakness_text,
        lambda e: tuple(getattr(e.weakness, n) for n in vocab.LIMBS),
    ),
    (
        "Numbness or pins and needles",
        numbness_text,
        lambda e: tuple(getattr(e.numbness, n) for n in vocab.NUMB_AREAS),
    ),
    ("Walking", lambda e: vocab.WALKING_WORDS[e.walking], lambda e: (e.walking,)),
    ("Bladder", lambda e: vocab.BLADDER_WORDS[e.bladder], lambda e: (_BLADDER_LEVEL[e.bladder],)),
    ("Bowel", lambda e: vocab.BOWEL_WORDS[e.bowel], lambda e: (_BOWEL_LEVEL[e.bowel],)),
)


def _change(before: tuple[int, ...], after: tuple[int, ...]) -> str:
    rose = any(b > a for a, b in zip(before, after, strict=True))
    fell = any(b < a for a, b in zip(before, after, strict=True))
    if rose and fell:
        return "some higher, some lower"
    if rose:
        return "higher"
    return "lower" if fell else "no change"


def neuro_status(entries: Sequence[Entry]) -> NeuroStatus:
    """The signs at the first and the last entry of ``entries`` (in time order)."""
    if not entries:
        return NeuroStatus(None, None)
    first, last = entries[0], entries[-1]
    rows = tuple(
        NeuroRow(sign, words(first), words(last), _change(levels(first), levels(last)))
        for sign, words, levels in _SIGNS
    )
    return NeuroStatus(first.recorded_at, last.recorded_at, rows)


def neuro_short(entry: Entry) -> str:
    """An entry's nerve signs in a few words for the entries table: only what is above 0."""
    parts = [
        f"weak {LIMB_SHORT[name]} {level}"
        for name in vocab.LIMBS
        if (level := getattr(entry.weakness, name))
    ]
    parts += [
        f"numb {AREA_WORDS[name]} {level}"
        for name in vocab.NUMB_AREAS
        if (level := getattr(entry.numbness, name))
    ]
    if entry.walking:
        parts.append(f"walking {entry.walking}")
    if entry.bladder != "normal":
        parts.append(f"bladder: {vocab.BLADDER_WORDS[entry.bladder]}")
    if entry.bowel != "normal":
        parts.append(f"bowel: {vocab.BOWEL_WORDS[entry.bowel]}")
    if entry.sexual_change:
        parts.append("sexual or genital change")
    return ", ".join(parts) if parts else NO_SIGNS
