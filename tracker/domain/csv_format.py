"""Entries as CSV, one row per entry, for spreadsheets (docs/csv-columns.md).

Writing: UTF-8 text that starts with a byte order mark (Excel needs it to read non-ASCII text as
UTF-8), CRLF line ends and the csv module's quoting; rows sorted like the JSON export (by instant,
ties by id). Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV
injection"), which reading takes away again, so every note comes back exactly.

Reading is all or nothing: the first problem raises a ValidationError that names the spreadsheet
row, the entry index and the column (``row 42 (entries[40]).pain_score: 11 is above 10``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from tracker.domain.errors import MAX_DIGITS, ValidationError, cut
from tracker.domain.model import Entry, Journal, Numbness, Pain, Weakness
from tracker.domain.timeutil import format_timestamp, parse_timestamp, to_utc_naive

T = TypeVar("T")

BOM = "\ufeff"
LIST_SEPARATOR = ";"

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "recorded_at",
    "pain_score",
    "pain_worst_24h",
    "pain_regions",
    "pain_night",
    "pain_straining",
    "pain_tender",
    "pain_radiating",
    "weakness_left_arm",
    "weakness_right_arm",
    "weakness_left_leg",
    "weakness_right_leg",
    "numbness_arms",
    "numbness_legs",
    "numbness_trunk",
    "numbness_saddle",
    "walking",
    "bladder",
    "bowel",
    "sexual_change",
    "fatigue",
    "note",
)
"""Every column, in the order the export writes them. Reading takes them in any order."""

# A cell starting with one of = + - @ TAB CR is run as a formula by some spreadsheet. Such a cell
# is written with a leading apostrophe. So that reading can tell an added apostrophe from one the
# person typed, text that already starts with apostrophes before one of those characters gets one
# more: reading removes exactly one apostrophe from any cell of that shape.
_GUARD_NEEDED = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")
_WHOLE_NUMBER = re.compile(r"-?[0-9]+")


def guard_formula(text: str) -> str:
    """The cell text to write: an apostrophe before text a spreadsheet would run."""
    return "'" + text if _GUARD_NEEDED.match(text) else text


def unguard_formula(text: str) -> str:
    """The text a written cell stands for: the inverse of guard_formula."""
    return text[1:] if _GUARDED.match(text) else text


# ---- writing --------------------------------------------------------------------------------


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _optional(value: int | None) -> str:
    return "" if value is None else str(value)


def entry_row(e: Entry) -> list[str]:
    """One entry's cells, in the order of CSV_COLUMNS."""
    return [
        "" if e.id is None else guard_formula(e.id),
        format_timestamp(e.recorded_at),
        str(e.pain.score),
        _optional(e.pain.worst_24h),
        LIST_SEPARATOR.join(e.pain.regions),
        _flag(e.pain.night),
        _flag(e.pain.straining),
        _flag(e.pain.tender),
        LIST_SEPARATOR.join(e.pain.radiating),
        str(e.weakness.left_arm),
        str(e.weakness.right_arm),
        str(e.weakness.left_leg),
        str(e.weakness.right_leg),
        str(e.numbness.arms),
        str(e.numbness.legs),
        str(e.numbness.trunk),
        str(e.numbness.saddle),
        str(e.walking),
        e.bladder,
        e.bowel,
        _flag(e.sexual_change),
        _optional(e.fatigue),
        guard_formula(e.note),
    ]


def dumps_csv(journal: Journal) -> str:
    """The journal's entries as CSV text, starting with a BOM, lines ending in CRLF.

    Write it unchanged as UTF-8 bytes (``newline=""`` when writing through a text file), or the
    line ends are translated a second time.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in sorted(journal.entries, key=lambda e: (to_utc_naive(e.recorded_at), e.id or "")):
        writer.writerow(entry_row(entry))
    return BOM + out.getvalue()


# ---- reading --------------------------------------------------------------------------------


class _Cells:
    """One row's cells by column name, converted with errors that name the column."""

    def __init__(self, cells: Mapping[str, str]) -> None:
        self.cells = cells

    def integer(self, column: str, default: int | None = 0) -> int | None:
        text = self.cells[column].strip()
        if not text:
            return default
        if not _WHOLE_NUMBER.fullmatch(text):
            raise ValidationError(column, f"{cut(repr(text))} is not a whole number")
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise ValidationError(column, f"{cut(text)} has more than {MAX_DIGITS} digits")
        return int(text)

    def required_integer(self, column: str) -> int:
        value = self.integer(column, None)
        if value is None:
            raise ValidationError(column, "is required")
        return value

    def level(self, column: str) -> int:
        value = self.integer(column)
        assert value is not None  # the default is 0
        return value

    def boolean(self, column: str) -> bool:
        text = self.cells[column].strip()
        if not text:
            return False
        if text.lower() not in ("true", "false"):
            raise ValidationError(column, f"{text!r} is not true or false")
        return text.lower() == "true"

    def choices(self, column: str) -> tuple[str, ...]:
        items = (item.strip() for item in self.cells[column].split(LIST_SEPARATOR))
        return tuple(item for item in items if item)

    def choice(self, column: str, default: str) -> str:
        return self.cells[column].strip() or default

    def text(self, column: str) -> str:
        return unguard_formula(self.cells[column])


def _prefixed(prefix: str, build: Callable[[], T]) -> T:
    """Name a nested record's field by its column: Pain's ``score`` is ``pain_score``."""
    try:
        return build()
    except ValidationError as error:
        raise ValidationError(prefix + error.field, error.problem) from None


def parse_row(cells: Mapping[str, str]) -> Entry:
    """One row (cells by column name) to an Entry; errors name the column."""
    c = _Cells(cells)
    recorded_text = cells["recorded_at"].strip()
    if not recorded_text:
        raise ValidationError("recorded_at", "is required")
    recorded_at = parse_timestamp(recorded_text, "recorded_at")
    score = c.required_integer("pain_score")
    worst = c.integer("pain_worst_24h", None)
    regions = c.choices("pain_regions")
    night, straining, tender = (
        c.boolean(f"pain_{name}") for name in ("night", "straining", "tender")
    )
    radiating = c.choices("pain_radiating")
    pain = _prefixed(
        "pain_",
        lambda: Pain(
            score=score,
            worst_24h=worst,
            regions=regions,
            night=night,
            straining=straining,
            tender=tender,
            radiating=radiating,
        ),
    )
    limbs = [
        c.level(f"weakness_{name}") for name in ("left_arm", "right_arm", "left_leg", "right_leg")
    ]
    weakness = _prefixed("weakness_", lambda: Weakness(*limbs))
    areas = [c.level(f"numbness_{name}") for name in ("arms", "legs", "trunk", "saddle")]
    numbness = _prefixed("numbness_", lambda: Numbness(*areas))
    record_id = c.text("id")
    return Entry(
        id=record_id or None,
        recorded_at=recorded_at,
        pain=pain,
        weakness=weakness,
        numbness=numbness,
        walking=c.level("walking"),
        bladder=c.choice("bladder", "normal"),
        bowel=c.choice("bowel", "normal"),
        sexual_change=c.boolean("sexual_change"),
        fatigue=c.integer("fatigue", None),
        note=c.text("note"),
    )


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(row number counting from 1, cells) for every CSV record; bad CSV names its row."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ValidationError(f"row {number}", f"is not valid CSV ({error})") from None
        yield number, row


def _header(row: list[str]) -> list[str]:
    names = [name.strip() for name in row]
    where = "row 1 (header)"
    for name in names:
        if name not in CSV_COLUMNS:
            raise ValidationError(where, f"{name!r} is not a column of this format")
        if names.count(name) > 1:
            raise ValidationError(where, f"lists the column {name!r} twice")
    for name in CSV_COLUMNS:
        if name not in names:
            raise ValidationError(where, f"the column {name!r} is missing")
    return names


def loads_csv(text: str) -> Journal:
    """CSV text (with or without a BOM) to a Journal holding only entries, in file order.

    Blank lines are skipped (they still count as rows in messages). Raises ValidationError
    naming the row, the entry index and the column of the first problem.
    """
    if text.startswith(BOM):
        text = text[len(BOM) :]
    records = _records(text)
    first = next(records, None)
    if first is None:
        raise ValidationError("", "the file is empty: a CSV export starts with a header row")
    header = _header(first[1])
    entries: list[Entry] = []
    rows_by_id: dict[str, tuple[int, int]] = {}
    for number, row in records:
        if not row:
            continue
        index = len(entries)
        where = f"row {number} (entries[{index}])"
        if len(row) != len(header):
            raise ValidationError(where, f"has {len(row)} cells, the header has {len(header)}")
        try:
            entry = parse_row(dict(zip(header, row, strict=True)))
        except ValidationError as error:
            raise error.within(where) from None
        if entry.id is not None:
            if entry.id in rows_by_id:
                first_number, first_index = rows_by_id[entry.id]
                raise ValidationError(
                    f"{where}.id",
                    f"{entry.id!r} is already used by row {first_number} (entries[{first_index}])",
                )
            rows_by_id[entry.id] = (number, index)
        entries.append(entry)
    return Journal(entries=tuple(entries))
