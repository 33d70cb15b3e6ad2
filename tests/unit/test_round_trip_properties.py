"""Property tests: every valid value of every field round-trips through the database and the
file; every invalid one is refused by the domain with a message that names the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.domain import esas, fields, journal_format, journal_writing, vocab
from tracker.domain.errors import ValidationError
from tracker.domain.model import (
    Alert,
    Appointment,
    Contacts,
    Entry,
    Journal,
    MedicationDose,
    Numbness,
    Pain,
    Profile,
    Review,
    Session,
    Treatment,
    Weakness,
    entry_from_values,
)
from tracker.storage import list_rows
from tracker.storage.database import open_journal

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
timestamps = st.builds(
    lambda naive, zone: naive.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30)),
    offsets,
)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


def text(**kwargs: int) -> st.SearchStrategy[str]:
    """Any text that can be stored: every character but NUL and lone surrogates (both
    refused, see below)."""
    chars = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
    return st.text(alphabet=chars, **kwargs)


texts = text(max_size=60)
subsets = lambda values: st.lists(st.sampled_from(values), unique=True).map(tuple)  # noqa: E731


def field_values(f: fields.Field) -> st.SearchStrategy[object]:
    """Every valid value of one field of the entry's table, "not recorded" included."""
    values: st.SearchStrategy[object]
    if f.kind == "number":
        values = st.integers(f.low, f.high)
    elif f.kind == "flag":
        values = st.booleans()
    elif f.kind == "choice":
        values = st.sampled_from(f.vocabulary)
    elif f.kind == "choices":
        values = subsets(f.vocabulary)
    else:
        values = texts
    return st.none() | values if f.nullable else values


entries = st.builds(
    entry_from_values,
    recorded_at=timestamps,
    values=st.fixed_dictionaries({f.path: field_values(f) for f in fields.ENTRY_FIELDS}),
)


@st.composite
def treatments(draw: st.DrawFn) -> Treatment:
    kind = draw(st.sampled_from(vocab.TREATMENT_KINDS))
    start = draw(days)
    end = draw(st.none() | st.integers(0, 400).map(lambda n: start + timedelta(days=n)))
    return Treatment(
        kind=kind,
        started_on=start,
        ended_on=end if end is None or end.year < 2100 else None,
        site=draw(st.none() | text(max_size=40)),
        technique=draw(st.none() | st.sampled_from(vocab.TECHNIQUES))
        if kind == "radiotherapy"
        else None,
        dose_gy=draw(st.none() | st.floats(min_value=0.1, max_value=100, allow_nan=False)),
        fractions=draw(st.none() | st.integers(1, 60)),
        sessions=tuple(
            draw(
                st.lists(
                    st.builds(Session, at=timestamps, done=st.booleans(), note=texts), max_size=4
                )
            )
        ),
        note=draw(texts),
    )


@st.composite
def reviews(draw: st.DrawFn) -> Review:
    key = draw(st.sampled_from(vocab.REVIEWABLE_KEYS))
    return Review(
        reviewed_on=draw(days),
        symptom=key,
        level=draw(st.integers(0, vocab.max_level(key))),
        note=draw(texts),
    )


@st.composite
def esas_forms(draw: st.DrawFn) -> esas.EsasForm:
    scores = {key: draw(st.none() | st.integers(0, esas.HIGHEST)) for key in esas.KEYS}
    if all(score is None for score in scores.values()):
        scores["pain"] = draw(st.integers(0, esas.HIGHEST))
    name = draw(text(max_size=esas.OTHER_NAME_MAX))
    if scores["other"] is not None and not name.strip():
        name = "constipation"
    who = draw(st.sampled_from(tuple(esas.COMPLETED_BY)))
    return esas.form_of(draw(timestamps), who, scores, name)


journals = st.builds(
    Journal,
    esas_forms=st.lists(esas_forms(), max_size=3).map(tuple),
    entries=st.lists(entries, max_size=4).map(tuple),
    treatments=st.lists(treatments(), max_size=3).map(tuple),
    medications=st.lists(
        st.builds(
            MedicationDose,
            taken_at=timestamps,
            name=text(min_size=1, max_size=30).filter(str.strip),
            dose=texts,
            as_needed=st.booleans(),
            note=texts,
        ),
        max_size=3,
    ).map(tuple),
    reviews=st.lists(reviews(), max_size=3).map(tuple),
    alerts=st.lists(
        st.builds(
            Alert,
            raised_at=timestamps,
            rule=st.sampled_from(vocab.RULE_IDS),
            tier=st.sampled_from(vocab.ALERT_TIERS),
            acknowledged_at=st.none() | timestamps,
            action=st.none() | st.sampled_from(vocab.ACTIONS),
            note=texts,
        ),
        max_size=3,
    ).map(tuple),
    appointments=st.lists(
        st.builds(
            Appointment,
            at=timestamps,
            with_whom=text(max_size=50),
            questions=texts,
            notes=texts,
        ),
        max_size=2,
    ).map(tuple),
    profile=st.builds(Profile, display_name=text(max_size=50)),
    contacts=st.builds(Contacts, helpline=text(max_size=50), emergency=texts, team=texts),
)


def normalised(journal: Journal) -> str:
    return journal_writing.dumps(journal)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(journal=journals)
def test_valid_journals_round_trip_through_the_database_and_the_file(
    tmp_path_factory: pytest.TempPathFactory, journal: Journal
) -> None:
    folder: Path = tmp_path_factory.mktemp("rt")
    db = open_journal(folder)
    try:
        with db.unit_of_work() as session:
            stored = list_rows.insert_journal(session, journal)
        with db.unit_of_work() as session:
            loaded = list_rows.load_journal(session)
    finally:
        db.close()
    assert normalised(loaded) == normalised(stored)
    # and through the file
    assert normalised(journal_format.loads(journal_writing.dumps(loaded))) == normalised(loaded)
    # timestamps keep their own offsets
    for before, after in zip(
        sorted(stored.entries, key=lambda e: str(e.id)),
        sorted(loaded.entries, key=lambda e: str(e.id)),
        strict=True,
    ):
        assert after.recorded_at.utcoffset() == before.recorded_at.utcoffset()
        assert after.recorded_at == before.recorded_at


def test_text_with_a_nul_character_is_refused_by_name() -> None:
    with pytest.raises(ValidationError, match=r"note: contains a NUL character"):
        replace(BASE_ENTRY, note="a\x00b")


def test_text_with_a_lone_surrogate_is_refused_by_name() -> None:
    with pytest.raises(ValidationError, match=r"note: contains a character that is not valid"):
        replace(BASE_ENTRY, note="a\ud800b")


BASE_ENTRY = Entry(recorded_at=datetime(2026, 11, 3, 8, 15, tzinfo=UTC), pain=Pain(score=3))


@given(st.integers().filter(lambda n: not 0 <= n <= 10))
def test_pain_score_out_of_range_is_refused(score: int) -> None:
    with pytest.raises(ValidationError, match=r"^score: -?\d+(\.\.\.)? is (above 10|below 0)$"):
        Pain(score=score)


@given(st.integers().filter(lambda n: not 0 <= n <= 3), st.sampled_from(vocab.LIMBS))
def test_weakness_out_of_range_is_refused(level: int, limb: str) -> None:
    with pytest.raises(ValidationError, match=rf"^{limb}: "):
        Weakness(**{limb: level})


@given(st.integers().filter(lambda n: not 0 <= n <= 3), st.sampled_from(vocab.NUMB_AREAS))
def test_numbness_out_of_range_is_refused(level: int, area: str) -> None:
    with pytest.raises(ValidationError, match=rf"^{area}: "):
        Numbness(**{area: level})


@given(st.integers().filter(lambda n: not 0 <= n <= 3))
def test_walking_out_of_range_is_refused(level: int) -> None:
    with pytest.raises(ValidationError, match=r"^walking: "):
        replace(BASE_ENTRY, walking=level)


@given(st.integers().filter(lambda n: not 0 <= n <= 10))
def test_fatigue_and_worst_out_of_range_are_refused(value: int) -> None:
    with pytest.raises(ValidationError, match=r"^fatigue: "):
        replace(BASE_ENTRY, fatigue=value)
    with pytest.raises(ValidationError, match=r"^worst_24h: "):
        Pain(score=1, worst_24h=value)


@given(st.text().filter(lambda t: t not in vocab.BLADDER))
def test_unknown_bladder_state_is_refused(state: str) -> None:
    with pytest.raises(ValidationError, match=r"^bladder: .* is not one of normal, changed"):
        replace(BASE_ENTRY, bladder=state)


@given(st.sampled_from(vocab.REVIEWABLE_KEYS), st.integers(min_value=1, max_value=50))
def test_review_level_above_the_keys_range_is_refused(key: str, excess: int) -> None:
    with pytest.raises(ValidationError, match=r"^level: \d+ is above [123]$"):
        Review(reviewed_on=date(2026, 1, 1), symptom=key, level=vocab.max_level(key) + excess)


def test_a_time_without_offset_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^recorded_at: a time must carry its UTC offset$"):
        Entry(recorded_at=datetime(2026, 1, 1, 8, 0), pain=Pain(score=1))


def test_a_note_over_5000_characters_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^note: is 5001 characters long, the most is 5000$"):
        replace(BASE_ENTRY, note="a" * 5001)
