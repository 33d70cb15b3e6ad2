"""CSV export of entries: spreadsheet-safe text that reads back exactly, and an all-or-nothing
reader whose errors name the row, the entry index and the column."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE_JOURNAL, REPO
from tracker.domain import journal_format, journal_writing, vocab
from tracker.domain.csv_format import (
    BOM,
    CSV_COLUMNS,
    dumps_csv,
    guard_formula,
    loads_csv,
    unguard_formula,
)
from tracker.domain.demo import build_demo_journal
from tracker.domain.errors import ValidationError
from tracker.domain.model import (
    NOTE_MAX,
    Entry,
    Journal,
    Numbness,
    Pain,
    Weakness,
    entry_from_values,
)
from tracker.domain.screening import screening_answer
from tracker.domain.timeutil import to_utc_naive

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UTC_PLUS_2 = timezone(timedelta(hours=2))


def export_order(entries: tuple[Entry, ...]) -> list[Entry]:
    return sorted(entries, key=lambda e: (to_utc_naive(e.recorded_at), e.id or ""))


def assert_same_entries(loaded: tuple[Entry, ...], original: tuple[Entry, ...]) -> None:
    expected = export_order(original)
    assert list(loaded) == expected
    # Aware datetimes compare as instants, so compare the written form too: offsets must survive.
    assert [journal_writing.entry_doc(e) for e in loaded] == [
        journal_writing.entry_doc(e) for e in expected
    ]


def rows(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))


def refused(text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        loads_csv(text)
    return str(caught.value)


def one_entry(**changes: object) -> Entry:
    """An entry whose nerve questions were answered "None of these", with ``changes``."""
    when = datetime(2026, 9, 22, 9, 15, tzinfo=UTC_PLUS_2)
    answered = entry_from_values(when, {"pain.score": 4, **screening_answer(True)}, "e1")
    return replace(answered, **changes)


def table(entries: list[Entry]) -> list[list[str]]:
    return rows(dumps_csv(Journal(entries=tuple(entries))))


def to_text(table_rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(table_rows)
    return out.getvalue()


# ---- writing ------------------------------------------------------------------------------------


def test_the_file_opens_in_excel_bom_crlf_header_and_one_row_per_entry() -> None:
    journal = build_demo_journal(1)
    text = dumps_csv(journal)
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    body = text[len(BOM) :]
    assert body.startswith(",".join(CSV_COLUMNS) + "\r\n")
    assert body.endswith("\r\n")
    assert "\n" not in body.replace("\r\n", "")  # demo notes have no line breaks
    table_rows = rows(text)
    assert table_rows[0] == list(CSV_COLUMNS)
    assert len(table_rows) == 1 + len(journal.entries)
    assert all(len(row) == len(CSV_COLUMNS) for row in table_rows)


def test_columns_cover_every_entry_field_once() -> None:
    assert len(set(CSV_COLUMNS)) == len(CSV_COLUMNS) == 23
    doc = journal_writing.entry_doc(one_entry())
    flat = {
        f"{key}_{inner}" if isinstance(value, dict) else key
        for key, value in doc.items()
        for inner in (value if isinstance(value, dict) else [None])
    }
    assert flat == set(CSV_COLUMNS)


def test_cells_spell_values_as_documented() -> None:
    entry = one_entry(
        pain=Pain(
            score=7,
            worst_24h=None,
            regions=("thoracic", "lumbar"),
            night=True,
            radiating=("band", "left_leg"),
        ),
        weakness=Weakness(left_arm=0, right_arm=0, left_leg=0, right_leg=2),
        numbness=Numbness(arms=0, legs=0, trunk=0, saddle=3),
        walking=1,
        bladder="cannot_pass",
        bowel="constipated",
        sexual_change=True,
        fatigue=None,
        note='Ça va, "mostly"\nsecond line',
    )
    header, row = table([entry])
    cells = dict(zip(header, row, strict=True))
    assert cells == {
        "id": "e1",
        "recorded_at": "2026-09-22T09:15:00+02:00",
        "pain_score": "7",
        "pain_worst_24h": "",
        "pain_regions": "thoracic;lumbar",
        "pain_night": "true",
        "pain_straining": "false",
        "pain_tender": "false",
        "pain_radiating": "band;left_leg",
        "weakness_left_arm": "0",
        "weakness_right_arm": "0",
        "weakness_left_leg": "0",
        "weakness_right_leg": "2",
        "numbness_arms": "0",
        "numbness_legs": "0",
        "numbness_trunk": "0",
        "numbness_saddle": "3",
        "walking": "1",
        "bladder": "cannot_pass",
        "bowel": "constipated",
        "sexual_change": "true",
        "fatigue": "",
        "note": 'Ça va, "mostly"\nsecond line',
    }


def test_rows_are_sorted_by_instant_then_id_whatever_the_offset() -> None:
    summer = timezone(timedelta(hours=1))
    a = one_entry(id="a", recorded_at=datetime(2026, 9, 22, 9, 0, tzinfo=summer))  # 08:00Z
    z = one_entry(id="z", recorded_at=datetime(2026, 9, 22, 9, 30, tzinfo=UTC_PLUS_2))  # 07:30Z
    b = one_entry(id="b", recorded_at=datetime(2026, 9, 22, 8, 0, tzinfo=summer))  # 07:00Z
    assert [row[0] for row in table([a, b, z])[1:]] == ["b", "z", "a"]
    c = one_entry(id="c", recorded_at=datetime(2026, 9, 22, 7, 0, tzinfo=timezone.utc))  # 07:00Z
    assert [row[0] for row in table([c, b])[1:]] == ["b", "c"]


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("+1 more dose", "'+1 more dose"),
        ("-2 since yesterday", "'-2 since yesterday"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rcarriage", "'\rcarriage"),
        ("'=already quoted", "''=already quoted"),
        ("'plain apostrophe", "'plain apostrophe"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised_and_read_back_exactly(note: str, cell: str) -> None:
    assert guard_formula(note) == cell
    assert unguard_formula(cell) == note
    entry = one_entry(note=note)
    _, row = table([entry])
    assert row[-1] == cell
    assert loads_csv(dumps_csv(Journal(entries=(entry,)))).entries == (entry,)


def test_an_id_that_looks_like_a_formula_is_neutralised_too() -> None:
    entry = one_entry(id="-1+1")
    _, row = table([entry])
    assert row[0] == "'-1+1"
    assert loads_csv(dumps_csv(Journal(entries=(entry,)))).entries[0].id == "-1+1"


def test_no_exported_cell_starts_like_a_formula() -> None:
    entries = [one_entry(id=f"e{i}", note=start + "x") for i, start in enumerate(FORMULA_STARTS)]
    for row in table(entries)[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


# ---- round trips --------------------------------------------------------------------------------


def test_demo_journal_entries_survive_the_round_trip() -> None:
    journal = build_demo_journal(2)
    loaded = loads_csv(dumps_csv(journal))
    assert_same_entries(loaded.entries, journal.entries)
    assert (len(loaded.treatments), len(loaded.medications), len(loaded.reviews)) == (0, 0, 0)


def test_example_journal_entries_survive_the_round_trip_with_their_offsets() -> None:
    journal = journal_format.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    loaded = loads_csv(dumps_csv(journal))
    assert_same_entries(loaded.entries, journal.entries)
    spain = next(e for e in loaded.entries if e.id == "e2109")
    assert spain.recorded_at.utcoffset() == timedelta(hours=2)


def test_reading_works_without_the_bom_and_without_ids() -> None:
    journal = Journal(entries=(one_entry(id=None, note="no id"),))
    text = dumps_csv(journal)
    assert loads_csv(text[len(BOM) :]).entries == journal.entries
    assert loads_csv(text).entries[0].id is None


RISKY_STARTS = ("", *FORMULA_STARTS, "'", "'=", "''+", "'\t", '"', ",", ";", "\n", "\r\n", " ")
notes = st.builds(
    lambda start, rest: (start + rest)[:NOTE_MAX],
    st.sampled_from(RISKY_STARTS),
    st.text(
        alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
        max_size=80,
    )
    | st.text(alphabet="=+-@'\"\t\r\n,; éß中😀", max_size=20),
)
levels = st.integers(0, 3)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
entries = st.builds(
    Entry,
    recorded_at=st.builds(
        lambda naive, zone: naive.replace(tzinfo=zone),
        st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30)),
        offsets,
    ),
    pain=st.builds(
        Pain,
        score=st.integers(0, 10),
        worst_24h=st.none() | st.integers(0, 10),
        regions=st.lists(st.sampled_from(vocab.REGIONS), unique=True).map(tuple),
        night=st.booleans(),
        straining=st.booleans(),
        tender=st.booleans(),
        radiating=st.lists(st.sampled_from(vocab.RADIATING), unique=True).map(tuple),
    ),
    weakness=st.builds(Weakness, levels, levels, levels, levels),
    numbness=st.builds(Numbness, levels, levels, levels, levels),
    walking=levels,
    bladder=st.sampled_from(vocab.BLADDER),
    bowel=st.sampled_from(vocab.BOWEL),
    sexual_change=st.booleans(),
    fatigue=st.none() | st.integers(0, 10),
    note=notes,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(entries, max_size=4), st.lists(st.none() | notes.filter(bool), min_size=4))
def test_any_entries_and_any_note_text_round_trip(
    drawn: list[Entry], ids: list[str | None]
) -> None:
    # ids: None or arbitrary text (made unique by a suffix), so ids go through the guard too
    with_ids = [
        Entry(**{**e.__dict__, "id": None if ident is None else f"{ident[:90]}#{index}"})
        for index, (e, ident) in enumerate(zip(drawn, ids, strict=False))
    ]
    journal = Journal(entries=tuple(with_ids))
    text = dumps_csv(journal)
    for row in rows(text)[1:]:
        assert not row[0].startswith(FORMULA_STARTS)
        assert not row[-1].startswith(FORMULA_STARTS)
    assert_same_entries(loads_csv(text).entries, journal.entries)


# ---- reading: what it accepts -------------------------------------------------------------------


def test_empty_optional_cells_take_the_nothing_recorded_values() -> None:
    header = list(CSV_COLUMNS)
    row = ["" for _ in header]
    row[header.index("recorded_at")] = "2026-09-22T09:15:00+02:00"
    row[header.index("pain_score")] = "3"
    (entry,) = loads_csv(to_text([header, row])).entries
    assert entry == Entry(
        recorded_at=datetime(2026, 9, 22, 9, 15, tzinfo=UTC_PLUS_2), pain=Pain(score=3)
    )
    assert entry.id is None
    assert entry.pain.worst_24h is None and entry.fatigue is None
    assert entry.bladder is None and entry.bowel is None  # empty = not asked, never "normal"
    assert entry.walking is None and entry.weakness.left_leg is None
    assert entry.note == ""


def test_columns_in_any_order_spreadsheet_booleans_and_spaces_are_read() -> None:
    header = list(reversed(CSV_COLUMNS))
    cells = {name: "" for name in CSV_COLUMNS}
    cells |= {
        "recorded_at": " 2026-09-22T09:15:00+02:00 ",
        "pain_score": " 5",
        "pain_night": "TRUE",
        "pain_tender": "False",
        "pain_regions": "thoracic; lumbar;",
        "walking": "2 ",
        "note": "  kept as typed  ",
    }
    (entry,) = loads_csv(BOM + to_text([header, [cells[name] for name in header]])).entries
    assert entry.pain.score == 5
    assert entry.pain.night is True and entry.pain.tender is False
    assert entry.pain.regions == ("thoracic", "lumbar")
    assert entry.walking == 2
    assert entry.note == "  kept as typed  "


def test_blank_lines_are_skipped_but_still_counted_as_rows() -> None:
    text = dumps_csv(Journal(entries=(one_entry(id="a"), one_entry(id="b", walking=1))))
    lines = text.split("\r\n")
    spaced = "\r\n".join([lines[0], lines[1], "", lines[2], "", ""])
    loaded = loads_csv(spaced)
    assert [e.id for e in loaded.entries] == ["a", "b"]
    bad = spaced.replace(",1,normal", ",9,normal")
    assert refused(bad) == "row 4 (entries[1]).walking: 9 is above 3"


# ---- reading: what it refuses, and how it says so ----------------------------------------------


def demo_table() -> list[list[str]]:
    return rows(dumps_csv(build_demo_journal(1)))


def with_cell(row_number: int, column: str, value: str) -> str:
    table_rows = demo_table()
    table_rows[row_number - 1][CSV_COLUMNS.index(column)] = value
    return BOM + to_text(table_rows)


def test_an_error_names_row_entry_index_and_column() -> None:
    assert (
        refused(with_cell(42, "pain_score", "11"))
        == "row 42 (entries[40]).pain_score: 11 is above 10"
    )


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("pain_score", "", "pain_score: is required"),
        ("pain_score", "five", "pain_score: 'five' is not a whole number"),
        ("pain_score", "5.0", "pain_score: '5.0' is not a whole number"),
        ("pain_score", "-1", "pain_score: -1 is below 0"),
        ("pain_worst_24h", "12", "pain_worst_24h: 12 is above 10"),
        ("pain_regions", "thoracic;neck", "pain_regions[1]: 'neck' is not one of"),
        ("pain_regions", "lumbar;lumbar", "pain_regions: lists the same value twice"),
        ("pain_night", "yes", "pain_night: 'yes' is not true or false"),
        ("pain_radiating", "both_legs", "pain_radiating[0]: 'both_legs' is not one of"),
        ("weakness_left_leg", "4", "weakness_left_leg: 4 is above 3"),
        ("numbness_saddle", "x", "numbness_saddle: 'x' is not a whole number"),
        ("walking", "3 ", None),
        ("bladder", "blocked", "bladder: 'blocked' is not one of"),
        ("bowel", "Normal", "bowel: 'Normal' is not one of"),
        ("sexual_change", "1", "sexual_change: '1' is not true or false"),
        ("fatigue", "11", "fatigue: 11 is above 10"),
        ("recorded_at", "", "recorded_at: is required"),
        (
            "recorded_at",
            "2026-09-22T09:15:00",
            "recorded_at: '2026-09-22T09:15:00' is not a timestamp",
        ),
        ("recorded_at", "22/09/2026 09:15", "recorded_at: '22/09/2026 09:15' is not a timestamp"),
        ("note", "x" * (NOTE_MAX + 1), "note: is 5001 characters long, the most is 5000"),
    ],
)
def test_bad_cells_are_refused_naming_the_column(
    column: str, value: str, message: str | None
) -> None:
    text = with_cell(5, column, value)
    if message is None:
        assert loads_csv(text).entries[3].walking == 3
        return
    assert refused(text).startswith(f"row 5 (entries[3]).{message}")


def test_a_repeated_id_names_both_rows() -> None:
    table_rows = demo_table()
    table_rows[9][0] = table_rows[3][0]
    assert refused(to_text(table_rows)) == (
        f"row 10 (entries[8]).id: {table_rows[3][0]!r} is already used by row 4 (entries[2])"
    )


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    table_rows = demo_table()
    table_rows[6].append("extra")
    assert refused(to_text(table_rows)) == "row 7 (entries[5]): has 24 cells, the header has 23"
    table_rows = demo_table()
    del table_rows[2][-1]
    assert refused(to_text(table_rows)) == "row 3 (entries[1]): has 22 cells, the header has 23"


def test_unknown_missing_and_repeated_columns_are_refused() -> None:
    table_rows = demo_table()
    table_rows[0][5] = "pain_at_night"
    assert refused(to_text(table_rows)) == (
        "row 1 (header): 'pain_at_night' is not a column of this format"
    )
    table_rows = [row[:-1] for row in demo_table()]
    assert refused(to_text(table_rows)) == "row 1 (header): the column 'note' is missing"
    table_rows = [[*row, row[-1]] for row in demo_table()]
    assert refused(to_text(table_rows)) == "row 1 (header): lists the column 'note' twice"


def test_empty_text_and_broken_csv_are_refused() -> None:
    assert "empty" in refused("")
    assert "empty" in refused(BOM)
    header = ",".join(CSV_COLUMNS)
    broken = f'{header}\r\ne1,"2026-09-22T09:15:00+02:00"x,3\r\n'
    assert refused(broken).startswith("row 2: is not valid CSV")


def test_a_refused_file_gives_nothing_back() -> None:
    # all or nothing: the last row is bad, so the good rows before it are not returned either
    table_rows = demo_table()
    table_rows[-1][CSV_COLUMNS.index("walking")] = "7"
    with pytest.raises(ValidationError, match=rf"row {len(table_rows)} \(entries\["):
        loads_csv(to_text(table_rows))


def test_the_column_table_documents_every_column() -> None:
    doc = (REPO / "docs" / "csv-columns.md").read_text(encoding="utf-8")
    table_names = [
        line.split("|")[1].strip().strip("`") for line in doc.splitlines() if line.startswith("| `")
    ]
    assert table_names == list(CSV_COLUMNS)
