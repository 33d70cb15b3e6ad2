"""What the check-in stores for the nerve questions (issue 17): "None of these" 0/normal for
all five signs, a "Yes" the levels given and "no" for the rest, unanswered null for all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracker.domain import fields, journal_writing
from tracker.domain.model import entry_from_values
from tracker.domain.screening import answered, not_asked_signs, screening_answer

WHEN = datetime(2026, 3, 4, 8, 30, tzinfo=UTC)
PATHS = [
    "weakness.left_arm", "weakness.right_arm", "weakness.left_leg", "weakness.right_leg",
    "numbness.arms", "numbness.legs", "numbness.trunk", "numbness.saddle",
    "walking", "bladder", "bowel",
]  # fmt: skip


def test_the_screening_fields_are_the_five_signs_eleven_values() -> None:
    assert [f.path for f in fields.SCREENING] == PATHS
    assert all(f.nullable and f.empty is None for f in fields.SCREENING)
    assert not any(f.screening for f in fields.ENTRY_FIELDS if f.path not in PATHS)


def test_none_of_these_stores_no_for_all_five_signs() -> None:
    values = screening_answer(True)
    assert values == {**dict.fromkeys(PATHS[:9], 0), "bladder": "normal", "bowel": "normal"}
    entry = entry_from_values(WHEN, {"pain.score": 3, **values})
    assert answered(fields.flat_values(entry))
    assert not_asked_signs(fields.flat_values(entry)) == ()


def test_a_yes_stores_the_levels_given_and_no_for_the_others() -> None:
    values = screening_answer(True, {"weakness.left_leg": 2, "bladder": "changed"})
    assert values["weakness.left_leg"] == 2 and values["bladder"] == "changed"
    assert values["weakness.right_leg"] == 0 and values["walking"] == 0
    assert values["bowel"] == "normal"
    document = journal_writing.entry_doc(entry_from_values(WHEN, {"pain.score": 3, **values}))
    assert document["weakness"] == {"left_arm": 0, "right_arm": 0, "left_leg": 2, "right_leg": 0}


def test_saved_without_answering_stores_null_for_all() -> None:
    values = screening_answer(False)
    assert values == dict.fromkeys(PATHS)
    entry = entry_from_values(WHEN, {"pain.score": 3, **values})
    assert entry == entry_from_values(WHEN, {"pain.score": 3})  # the record's own default
    assert not_asked_signs(fields.flat_values(entry)) == (
        "weakness", "numbness", "walking", "bladder", "bowel",
    )  # fmt: skip
    document = journal_writing.entry_doc(entry)
    assert document["walking"] is None and document["numbness"]["saddle"] is None


def test_a_wrong_key_or_levels_without_an_answer_are_refused() -> None:
    with pytest.raises(ValueError, match=r"not a screening sign: pain\.score"):
        screening_answer(True, {"pain.score": 3})
    with pytest.raises(ValueError, match="unanswered check-in gives no levels"):
        screening_answer(False, {"walking": 1})


def test_a_partial_answer_names_the_signs_not_asked() -> None:
    values = {**screening_answer(True), "walking": None, "numbness.saddle": None}
    assert not_asked_signs(values) == ("numbness", "walking")
    assert not answered(values)
