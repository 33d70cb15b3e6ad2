"""Messages stay short and safe: a missing value is worded one way wherever it comes from, long
values are cut, and control characters in a name never reach the terminal."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime

import pytest

from tests.conftest import EXAMPLE_JOURNAL
from tracker.commands.base import safe
from tracker.domain import journal_format
from tracker.domain.errors import ValidationError, shown
from tracker.domain.model import Pain, Treatment


def refusal(document: dict[str, object]) -> str:
    with pytest.raises(ValidationError) as caught:
        journal_format.loads(json.dumps(document))
    return str(caught.value)


def test_a_missing_value_is_an_empty_value_from_a_file_and_from_code_alike() -> None:
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    document["entries"][0]["pain"]["score"] = None
    assert refusal(document) == "entries[0].pain.score: an empty value is not a whole number"
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    document["treatments"][0]["kind"] = None
    assert "an empty value is not" in refusal(document)
    with pytest.raises(ValidationError, match=r"^score: an empty value is not a whole number$"):
        Pain(score=None)  # type: ignore[arg-type]
    assert "None" not in shown(None) and "null" not in shown(None)


def test_long_values_are_cut() -> None:
    with pytest.raises(ValidationError) as caught:
        Pain(score=10**3999)
    assert str(caught.value) == "score: 1" + "0" * 36 + "... is above 10"
    with pytest.raises(ValidationError) as caught:
        Pain(score=10**5000)  # more digits than Python writes out
    assert str(caught.value) == "score: a number of more than 4,300 digits is above 10"
    with pytest.raises(ValidationError) as caught:
        Treatment(kind="x" * 5000, started_on=datetime(2026, 1, 1).date())
    assert str(caught.value).startswith("kind: '" + "x" * 36 + "... is not one of radiotherapy")
    assert "x" * 37 not in str(caught.value)


def test_doses_above_100_gy_are_refused() -> None:
    start = datetime(2026, 1, 1).date()
    assert Treatment(kind="radiotherapy", started_on=start, dose_gy=100).dose_gy == 100
    with pytest.raises(ValidationError, match=r"^dose_gy: 100\.5 is above 100 Gy for one course$"):
        Treatment(kind="radiotherapy", started_on=start, dose_gy=100.5)
    with pytest.raises(
        ValidationError,
        match=r"dose_gy: 1000000000000000000000000000000000000\.\.\. is above 100 Gy",
    ):
        Treatment(kind="radiotherapy", started_on=start, dose_gy=10**3999)


def test_control_characters_are_escaped() -> None:
    assert safe("/tmp/a\nb\x1b[31mc\x7f\u2028d") == "/tmp/a\\nb\\x1b[31mc\\x7f\\u2028d"
    assert safe("/tmp/ünïcode name") == "/tmp/ünïcode name"
    assert safe("bad\udcffbyte") == "bad\\udcffbyte"  # an undecodable byte in a file name


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "the disk is full"),
        (errno.EFBIG, "the file would be larger than the disk or the account allows"),
        (errno.EACCES, "Permission denied"),
    ],
)
def test_a_full_disk_is_said_as_such(number: int, reason: str) -> None:
    from tracker.storage.errors import plain_reason

    assert plain_reason(OSError(number, os.strerror(number))) == reason
