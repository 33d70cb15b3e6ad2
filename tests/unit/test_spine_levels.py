"""A treatment's site read as levels of the spine: each written form a clinician uses, and
every text that cannot be read with confidence left unread (never guessed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.spine_levels import LEVELS, REGION_OF_LEVEL, parse_site


def test_the_levels_run_from_c1_to_the_coccyx() -> None:
    assert LEVELS[0] == "C1" and LEVELS[-1] == "Co"
    assert len(LEVELS) == 7 + 12 + 5 + 2
    assert LEVELS[LEVELS.index("C7") + 1] == "T1"
    assert LEVELS[LEVELS.index("T12") + 1] == "L1"
    assert LEVELS[LEVELS.index("L5") + 1 :] == ("S", "Co")
    assert [REGION_OF_LEVEL[x] for x in ("C4", "T8", "L2", "S", "Co")] == [
        "cervical",
        "thoracic",
        "lumbar",
        "sacral",
        "sacral",
    ]


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("T8", ("T8",)),
        ("T9-T11", ("T9", "T10", "T11")),
        ("T12-L1", ("T12", "L1")),
        ("L2 and L4", ("L2", "L4")),
        ("C5/C6", ("C5", "C6")),
        ("t8", ("T8",)),
        ("  T 8 ", ("T8",)),
        ("T9 to T11", ("T9", "T10", "T11")),
        ("t9 to t11", ("T9", "T10", "T11")),
        ("T9 - T11", ("T9", "T10", "T11")),
        ("T9–T11", ("T9", "T10", "T11")),  # an en dash, as word processors write it
        ("T9-11", ("T9", "T10", "T11")),  # the second end's letter left out
        ("T5, T7", ("T5", "T7")),
        ("T5,T7, L1", ("T5", "T7", "L1")),
        ("L4 & T2", ("T2", "L4")),  # top down
        ("T8, T8-T9", ("T8", "T9")),  # no repeats
        ("L5-S1", ("L5", "S")),
        ("S1", ("S",)),
        ("S", ("S",)),
        ("sacrum", ("S",)),
        ("Co", ("Co",)),
        ("coccyx", ("Co",)),
        ("C1", ("C1",)),
        ("T8,", ("T8",)),
    ],
)
def test_each_written_form_is_read(text: str, levels: tuple[str, ...]) -> None:
    site = parse_site(text)
    assert site.parsed
    assert site.levels == levels
    assert site.text == text


@pytest.mark.parametrize(
    "text",
    [
        "lower back",  # a region, not a level
        "T13",  # there are twelve thoracic vertebrae
        "L6",  # a sixth lumbar vertebra exists in some people, but is not a level here
        "C8",  # a nerve root, not a vertebra
        "T0",
        "T08",
        "T11-T9",  # written downwards: a slip or two levels? not read
        "L2-T12",
        "T",
        "C",
        "T8 and lower back",  # one part not read: the whole site is not read
        "T8?",
        "near T8",
        "T8-",
        "-T8",
        "T-11",
        "",
        "   ",
        ", ,",
        "right hip",
        "T8 " * 100,  # longer than any site
    ],
)
def test_what_cannot_be_read_with_confidence_is_not_parsed(text: str) -> None:
    site = parse_site(text)
    assert not site.parsed
    assert site.levels == ()


@given(st.text(max_size=60))
def test_any_text_gives_levels_within_c1_to_co_or_not_parsed(text: str) -> None:
    site = parse_site(text)
    assert all(level in LEVELS for level in site.levels)
    assert list(site.levels) == sorted(set(site.levels), key=LEVELS.index)


@given(
    st.lists(st.sampled_from(LEVELS), min_size=1, max_size=4),
    st.sampled_from([", ", " and ", "/", " & "]),
)
def test_any_list_of_levels_is_read_back(levels: list[str], separator: str) -> None:
    text = separator.join(levels)
    assert parse_site(text).levels == tuple(sorted(set(levels), key=LEVELS.index))
