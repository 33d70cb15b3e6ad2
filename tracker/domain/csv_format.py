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
from typing import Any, TypeVar

from tracker.domain import fields
from tracker.domain.errors import MAX_DIGITS, ValidationError, cut
from tracker.domain.model import Entry, Journal, Numbness, Pain, Weakness
from tracker.domain.timeutil import format_timestamp, parse_timestamp, to_utc_naive

T = TypeVar("T")

BOM = "\ufeff"
LIST_SEPARATOR = ";"

CSV_COLUMNS: tuple[str, ...] = ("id", "recorded_at", *(f.csv for f in fields.ENTRY_FIELDS))
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


def _cell(f: fields.Field, value: object) -> str:
    if f.kind == "flag":
        return _flag(bool(value))
    if f.kind == "choices":
        assert isinstance(value, tuple)
        return LIST_SEPARATOR.join(value)
    if f.kind == "text":
        return guard_formula(str(value))
    return "" if value is None else str(value)


def entry_row(e: Entry) -> list[str]:
    """One entry's cells, in the order of CSV_COLUMNS."""
    cells = [
        _cell(f, value)
        for f, value in zip(fields.ENTRY_FIELDS, fields.flat_values(e).values(), strict=True)
    ]
    return ["" if e.id is None else guard_formula(e.id), format_timestamp(e.recorded_at), *cells]


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

    def choice(self, column: str, default: object) -> object:
        """The cell's value, or ``default`` when it is empty."""
        return self.cells[column].strip() or default

    def text(self, column: str) -> str:
        return unguard_formula(self.cells[column])


def _prefixed(prefix: str, build: Callable[[], T]) -> T:
    """Name a nested record's field by its column: Pain's ``score`` is ``pain_score``."""
    try:
        return build()
    except ValidationError as error:
        raise ValidationError(prefix + error.field, error.problem) from None


def _value(c: _Cells, f: fields.Field) -> Any:
    """One field's cell (empty: its "not recorded" value); the domain checks the rest."""
    if f.kind == "number":
        if f.required:
            return c.required_integer(f.csv)
        value = c.integer(f.csv, None)
        return f.empty if value is None else value
    if f.kind == "flag":
        return c.boolean(f.csv)
    if f.kind == "choices":
        return c.choices(f.csv)
    if f.kind == "text":
        return c.text(f.csv)
    return c.choice(f.csv, f.empty)


def _group(c: _Cells, group: str, build: Callable[..., T]) -> T:
    values = {f.name: _value(c, f) for f in fields.group_fields(group)}
    return _prefixed(f"{group}_", lambda: build(**values))


def parse_row(cells: Mapping[str, str]) -> Entry:
    """One row (cells by column name) to an Entry; errors name the column."""
    c = _Cells(cells)
    recorded_text = cells["recorded_at"].strip()
    if not recorded_text:
        raise ValidationError("recorded_at", "is required")
    recorded_at = parse_timestamp(recorded_text, "recorded_at")
    pain = _group(c, "pain", Pain)
    weakness = _group(c, "weakness", Weakness)
    numbness = _group(c, "numbness", Numbness)
    record_id = c.text("id")
    own = {f.name: _value(c, f) for f in fields.group_fields("")}
    return Entry(
        id=record_id or None,
        recorded_at=recorded_at,
        pain=pain,
        weakness=weakness,
        numbness=numbness,
        **own,
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
