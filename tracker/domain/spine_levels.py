"""The spine's levels, C1 to the coccyx, and a treatment's free ``site`` text read as levels.

A site is read only when every part of it is a level or a range of levels written the way a
clinician writes them: "T8", "T9-T11", "T12-L1", "L2 and L4", "C5/C6", "t9 to t11", "T5, T7",
"T9-11". Anything else ("lower back", "T13", "L6", a range written downwards such as
"T11-T9") is not read: the map lists it in words instead, never guesses. A downward range is
refused because it is as likely a slip as a range (was "T11-T9" meant as T9-T11, or T11 and T9?).

"C5/C6" is two levels (the two vertebrae either side of a disc); "S" and "Co" are the sacrum and
coccyx as single levels: "S1".."S5", "Co1".."Co4", "sacrum" and "coccyx" are read as them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Top down. The sacrum and coccyx are each one level here (their segments are fused).
LEVELS: tuple[str, ...] = (
    *(f"C{n}" for n in range(1, 8)),
    *(f"T{n}" for n in range(1, 13)),
    *(f"L{n}" for n in range(1, 6)),
    "S",
    "Co",
)
REGION_OF_LEVEL = {
    level: region
    for region, prefix in (
        ("cervical", "C"),
        ("thoracic", "T"),
        ("lumbar", "L"),
        ("sacral", "S"),
        ("sacral", "Co"),
    )
    for level in LEVELS
    if level.rstrip("0123456789") == prefix
}
_COUNTS = {"C": 7, "T": 12, "L": 5, "S": 5, "CO": 4}
SITE_TEXT_MAX = 200  # longer text is not read (no site is that long)

_LEVEL = r"(co|c|t|l|s)\s*(\d{1,2})?"
_ONE = re.compile(rf"^{_LEVEL}$")
# The second end may leave out its letter when it is the first's: "T9-11" is T9 to T11.
_RANGE = re.compile(rf"^{_LEVEL}\s*(?:-|–|—|\bto\b)\s*(?:(co|c|t|l|s)\s*)?(\d{{1,2}})$")
_WORDS = {"sacrum": "S", "coccyx": "Co"}  # the two bones named in words
_SEPARATORS = re.compile(r"\s*(?:,|;|/|&|\+|\band\b)\s*")


@dataclass(frozen=True)
class SiteLevels:
    """A site's text and the levels read from it, top down (empty: not parsed)."""

    text: str
    levels: tuple[str, ...]

    @property
    def parsed(self) -> bool:
        return bool(self.levels)


def level_index(level: str) -> int:
    """A level's place from the top (C1 is 0, Co is the last)."""
    return LEVELS.index(level)


def _level(letters: str, number: str | None) -> str | None:
    """One level from its letters and number, or None when there is no such level."""
    prefix = letters.upper()
    if number is None:
        if prefix == "S":
            return "S"
        return "Co" if prefix == "CO" else None  # "C" or "T" alone is not a level
    value = int(number)
    if not 1 <= value <= _COUNTS[prefix] or number.startswith("0"):
        return None
    if prefix == "S":
        return "S"
    return "Co" if prefix == "CO" else f"{prefix}{value}"


def _part(text: str) -> tuple[str, ...] | None:
    """The levels of one part ("T8" or "T9-T11"), or None when it is not one."""
    if text in _WORDS:
        return (_WORDS[text],)
    single = _ONE.match(text)
    if single is not None:
        level = _level(single.group(1), single.group(2))
        return None if level is None else (level,)
    span = _RANGE.match(text)
    if span is None:
        return None
    letters, number = span.group(1), span.group(2)
    if span.group(3) is None and number is None:
        return None  # "T-11": no first number to share a letter with
    first = _level(letters, number)
    last = _level(span.group(3) or letters, span.group(4))
    if first is None or last is None:
        return None
    low, high = level_index(first), level_index(last)
    if low > high:  # downwards: not read (see the module's words)
        return None
    return LEVELS[low : high + 1]


def parse_site(text: str) -> SiteLevels:
    """The levels a site names, top down without repeats; none when any part of it cannot be
    read with confidence."""
    cleaned = " ".join(text.split()).lower()
    if not cleaned or len(cleaned) > SITE_TEXT_MAX:
        return SiteLevels(text, ())
    found: set[str] = set()
    pieces = [piece.strip() for piece in _SEPARATORS.split(cleaned)]
    if not any(pieces):
        return SiteLevels(text, ())
    for piece in pieces:
        if not piece:  # "T8, T9," or "T8,,T9": an empty part between separators
            continue
        levels = _part(piece)
        if levels is None:
            return SiteLevels(text, ())
        found.update(levels)
    return SiteLevels(text, tuple(sorted(found, key=level_index)))
