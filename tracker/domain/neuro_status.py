"""The summary's neurological status: each nerve sign at the first and the last entry of the
period, how its level moved, the worst level in the period with its day, and how many entries
answered the nerve questions; and an entry's signs in a few words. A sign at level 0 reads
"none recorded", never that the person is well; a sign not asked (None) reads "not asked",
never "none", and is never compared: it is not a change, higher or lower."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from tracker.domain import fields, vocab
from tracker.domain.model import Entry
from tracker.domain.screening import NOT_ASKED, answered
from tracker.domain.wording import CHOICE_LEVELS, time_text

NO_SIGNS = "none recorded"
LIMB_SHORT = {"left_arm": "L arm", "right_arm": "R arm", "left_leg": "L leg", "right_leg": "R leg"}
AREA_WORDS = {"arms": "arms", "legs": "legs", "trunk": "chest or tummy", "saddle": "saddle area"}
NOT_COMPARED = "cannot tell: not asked"


@dataclass(frozen=True)
class NeuroRow:
    """One sign at the first and the last entry of the period, how its level moved, and its
    worst level in the period."""

    sign: str
    start: str
    end: str
    change: str  # "no change", "higher", "lower", "some higher, some lower" or NOT_COMPARED
    worst: str = ""  # "slight: left leg (Tue 3 Mar 2026 08:30)", NO_SIGNS or NOT_ASKED


@dataclass(frozen=True)
class NeuroStatus:
    first_at: datetime | None  # None: no entry in the period
    last_at: datetime | None
    rows: tuple[NeuroRow, ...] = ()
    answered: int = 0  # entries of the period that answered every nerve question
    entries: int = 0  # entries in the period

    @property
    def answered_text(self) -> str:
        """``answered in 52 of 60 entries``."""
        return f"answered in {self.answered} of {self.entries} entries"


Levels = tuple[int | None, ...]


def _places_text(record: object, places: dict[str, str], words: tuple[str, ...]) -> str:
    """Each place above level 0 with its level's words: "left leg: slight; ..."; the places
    not asked after them; "not asked" when none was."""
    levels = {name: getattr(record, name) for name in places}
    if all(level is None for level in levels.values()):
        return NOT_ASKED
    parts = [f"{places[name]}: {words[level]}" for name, level in levels.items() if level]
    unasked = [places[name] for name, level in levels.items() if level is None]
    if unasked:
        parts.append(f"{NOT_ASKED}: {', '.join(unasked)}")
    return "; ".join(parts) if parts else NO_SIGNS


def weakness_text(entry: Entry) -> str:
    limbs = {name: name.replace("_", " ") for name in vocab.LIMBS}
    return _places_text(entry.weakness, limbs, vocab.WEAKNESS_WORDS)


def numbness_text(entry: Entry) -> str:
    areas = {name: AREA_WORDS[name] for name in vocab.NUMB_AREAS}
    return _places_text(entry.numbness, areas, vocab.NUMBNESS_WORDS)


def _answer_text(words: dict[str, str], answer: str | None) -> str:
    return NOT_ASKED if answer is None else words[answer]


def _walking_text(entry: Entry) -> str:
    return NOT_ASKED if entry.walking is None else vocab.WALKING_WORDS[entry.walking]


def _level(levels: dict[str, int], answer: str | None) -> int | None:
    return None if answer is None else levels[answer]


_BLADDER_LEVEL = CHOICE_LEVELS["bladder"]
_BOWEL_LEVEL = CHOICE_LEVELS["bowel"]

# (sign, words of an entry, levels of an entry)
_SIGNS: tuple[tuple[str, Callable[[Entry], str], Callable[[Entry], Levels]], ...] = (
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
    ("Walking", _walking_text, lambda e: (e.walking,)),
    (
        "Bladder",
        lambda e: _answer_text(vocab.BLADDER_WORDS, e.bladder),
        lambda e: (_level(_BLADDER_LEVEL, e.bladder),),
    ),
    (
        "Bowel",
        lambda e: _answer_text(vocab.BOWEL_WORDS, e.bowel),
        lambda e: (_level(_BOWEL_LEVEL, e.bowel),),
    ),
)


def _change(before: Levels, after: Levels) -> str:
    """How the levels moved, place by place; a place not asked at either end is not compared,
    and when no place can be, the change cannot be told."""
    pairs = [(a, b) for a, b in zip(before, after, strict=True) if a is not None and b is not None]
    if not pairs:
        return NOT_COMPARED
    rose = any(b > a for a, b in pairs)
    fell = any(b < a for a, b in pairs)
    if rose and fell:
        return "some higher, some lower"
    if rose:
        return "higher"
    return "lower" if fell else "no change"


def _highest(levels: Levels) -> int | None:
    asked = [level for level in levels if level is not None]
    return max(asked) if asked else None


def _worst(
    entries: Sequence[Entry], words: Callable[[Entry], str], levels: Callable[[Entry], Levels]
) -> str:
    """The first entry with the sign's highest level in the period, in words with its time."""
    worst: tuple[int, Entry] | None = None
    for entry in entries:
        level = _highest(levels(entry))
        if level is not None and (worst is None or level > worst[0]):
            worst = (level, entry)
    if worst is None:
        return NOT_ASKED
    if worst[0] == 0:
        return NO_SIGNS
    return f"{words(worst[1])} ({time_text(worst[1].recorded_at)})"


def neuro_status(entries: Sequence[Entry]) -> NeuroStatus:
    """The signs at the first and the last entry of ``entries`` (in time order), the worst
    of each in between, and how many entries answered the nerve questions."""
    if not entries:
        return NeuroStatus(None, None)
    first, last = entries[0], entries[-1]
    rows = tuple(
        NeuroRow(
            sign,
            words(first),
            words(last),
            _change(levels(first), levels(last)),
            _worst(entries, words, levels),
        )
        for sign, words, levels in _SIGNS
    )
    count = sum(1 for e in entries if answered(fields.flat_values(e)))
    return NeuroStatus(first.recorded_at, last.recorded_at, rows, count, len(entries))


def neuro_short(entry: Entry) -> str:
    """An entry's nerve signs in a few words for the entries table: what is above 0, then the
    signs not asked."""
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
    if entry.bladder is not None and entry.bladder != "normal":
        parts.append(f"bladder: {vocab.BLADDER_WORDS[entry.bladder]}")
    if entry.bowel is not None and entry.bowel != "normal":
        parts.append(f"bowel: {vocab.BOWEL_WORDS[entry.bowel]}")
    if entry.sexual_change:
        parts.append("sexual or genital change")
    unasked = _unasked_signs(entry)
    if unasked:
        parts.append(unasked)
    return ", ".join(parts) if parts else NO_SIGNS


def _unasked_signs(entry: Entry) -> str:
    """The signs not asked in words ("not asked: walking, bladder"), "" when all were."""
    names = [sign.split(" ")[0].lower() for sign, _, levels in _SIGNS if None in levels(entry)]
    if len(names) == len(_SIGNS):
        return f"nerve questions {NOT_ASKED}"
    return f"{NOT_ASKED}: {', '.join(names)}" if names else ""
