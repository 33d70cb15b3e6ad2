"""The ESAS-r as the app holds it: the instrument file's wording, order, anchors, scale and
acknowledgement exactly (tests/fixtures/clinical/esas-r.md), and a form that refuses bad values
with a clear message. Unanswered is None, never 0."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import ESAS_MD
from tracker.domain import esas
from tracker.domain.errors import ValidationError

WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=1)))


def instrument_rows() -> list[tuple[str, str, str, str]]:
    """The form's table, row by row: (number, left anchor, definition, right anchor)."""
    rows = []
    for line in ESAS_MD.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def test_the_items_are_the_instruments_in_its_order_and_words() -> None:
    rows = instrument_rows()
    assert len(rows) == 10
    for number, (item, row) in enumerate(zip(esas.ITEMS, rows, strict=True), start=1):
        assert row[0] == str(number)
        assert (item.left, item.definition, item.right) == row[1:]


def test_the_instruction_completed_by_and_scale_are_the_instruments() -> None:
    text = ESAS_MD.read_text(encoding="utf-8")
    assert f'"{esas.PAPER_INSTRUCTION}"' in text
    assert f'on screen: "{esas.INSTRUCTION}"' in re.sub(r"\s+", " ", text)
    assert "Completed by (one of): " + ", ".join(esas.COMPLETED_BY.values()) + "." in text
    assert esas.HIGHEST == 10


def test_the_acknowledgement_cites_the_source_as_the_file_gives_it() -> None:
    text = re.sub(r"\s+", " ", ESAS_MD.read_text(encoding="utf-8"))
    source = text.split("Source: ", 1)[1].split(" Licence", 1)[0]
    assert source in esas.ACKNOWLEDGEMENT
    assert "Edmonton Symptom Assessment System" in esas.ACKNOWLEDGEMENT


def test_the_band_labels_are_the_files_and_labels_only() -> None:
    text = re.sub(r"\s+", " ", ESAS_MD.read_text(encoding="utf-8"))
    for _low, _high, label in esas.BANDS:
        assert f'"{label}"' in text
    assert [esas.band(s) for s in (None, 0, 1, 3, 4, 6, 7, 10)] == [
        "", "", "mild (1-3)", "mild (1-3)", "moderate (4-6)", "moderate (4-6)",
        "severe (7-10)", "severe (7-10)",
    ]  # fmt: skip


def test_a_form_keeps_unanswered_as_none() -> None:
    form = esas.EsasForm(WHEN, "patient", pain=0, tiredness=7)
    assert form.scores()["pain"] == 0
    assert form.scores()["nausea"] is None
    assert list(form.scores()) == list(esas.KEYS)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pain": 11}, "pain: 11 is not from 0 to 10"),
        ({"pain": -1}, "pain: -1 is not from 0 to 10"),
        ({"nausea": 2.5}, "nausea: 2.5 is not a whole number"),
        ({"anxiety": True}, "anxiety: true is not a whole number"),
        ({"completed_by": "doctor"}, "completed_by: 'doctor' is not one of"),
        ({"other": 4}, "other_name: a score is given: name the problem too"),
        ({"other": 4, "other_name": "   "}, "other_name: a score is given"),
        ({"other_name": "x" * 61}, "other_name: is 61 characters long, the most is 60"),
        ({"other_name": "a\x00b"}, "other_name: contains a character that cannot be stored"),
        ({"pain": None}, "no item is answered: answer at least one"),
        ({"completed_at": datetime(2026, 3, 2, 10, 30)}, "completed_at"),
        ({"id": ""}, "id: must not be empty"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(
    changes: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {"completed_at": WHEN, "completed_by": "patient", "pain": 3}
    values.update(changes)
    with pytest.raises(ValidationError, match=re.escape(message)):
        esas.EsasForm(**values)  # type: ignore[arg-type]


def test_the_other_problem_is_named_with_its_name() -> None:
    other = esas.BY_KEY["other"]
    assert esas.item_name(other, " constipation ") == "Other Problem: constipation"
    assert esas.item_name(other) == "Other Problem"
    assert esas.item_name(esas.BY_KEY["pain"], "ignored") == "Pain"
