"""The entry's fields, declared once.

Every value an entry records is one line of ``ENTRY_FIELDS``: its place (``pain.score``), its
kind, its range or vocabulary, its "not recorded" value, its plain words and unit, its storage
column and its FHIR display. Validation (``tracker.domain.model``), the storage mapping and CHECK
constraints, the JSON, CSV and FHIR formats, the entry form's fill and gather, the demo data and
the round-trip property test all read this table. A new field is one line here, its typed
attribute in the record class (``model.py``) and its column in ``storage/models.py``, plus a
migration; ``tests/unit/test_fields.py`` and ``tests/gui/test_entry_form_fields.py`` fail when
any of them, or the form's control, is missing. A field whose ``empty`` is None may be left
unanswered (null) in every format. The five screening signs (``SCREENING``: every weakness and
numbness level, walking, bladder, bowel) are such fields, None meaning "not asked"; their ``no``
is the answer "None of these" stores, and what a version 1 file's missing value reads as.

The entry's identity and time (``id``, ``recorded_at``) are not in the table: every format
treats them on their own (the time is three storage columns, for instance).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from tracker.domain import vocab

Kind = Literal["number", "flag", "choice", "choices", "text"]
"""number: a whole number from ``low`` to ``high``; flag: yes or no; choice: one value of the
vocabulary; choices: a list of values of the vocabulary, each at most once; text: at most
``high`` characters."""

GROUPS = ("pain", "weakness", "numbness")
"""The nested records of an entry, in the order the formats write them; "" is the entry itself."""

NOTE_MAX = 5000


def _scale(words: Sequence[str]) -> str:
    return ", ".join(f"{level} {word}" for level, word in enumerate(words))


@dataclass(frozen=True)
class Field:
    group: str  # "" for a field of the entry itself, else one of GROUPS
    name: str  # the key inside its group
    kind: Kind
    words: str  # plain words, for messages and labels
    empty: object  # the "not recorded" value: a missing field reads as this
    low: int = 0
    high: int = 0  # number: highest value; text: most characters
    vocabulary: tuple[str, ...] = ()
    unit: str = ""
    column: str = ""  # storage column; "" means the CSV column name
    fhir: str | None = None  # FHIR Observation display; None: not in the FHIR export
    required: bool = False  # no "not recorded" value: every entry has one
    # a screening sign (issue 17): its "no" answer (0, "normal"), which version 1 files read a
    # missing value as; None for a field that is not a screening sign
    no: object = None
    # choice, choices: each value's plain words
    value_words: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def path(self) -> str:
        """``pain.score``, ``walking``: the JSON path, the symptom key and the FHIR code."""
        return f"{self.group}.{self.name}" if self.group else self.name

    @property
    def csv(self) -> str:
        """The CSV column: the path with ``_`` for ``.``."""
        return self.path.replace(".", "_")

    @property
    def storage(self) -> str:
        return self.column or self.csv

    @property
    def nullable(self) -> bool:
        """Whether the field may hold None ("not recorded")."""
        return self.empty is None and not self.required

    @property
    def screening(self) -> bool:
        """One of the five nerve signs asked together; None there means "not asked"."""
        return self.no is not None

    @property
    def v1_empty(self) -> object:
        """What a missing value reads as in a version 1 file: a screening sign's "no" (version 1
        had no "not asked"), else the "not recorded" value."""
        return self.no if self.screening else self.empty


def _level(
    group: str, name: str, words: str, scale: tuple[str, ...], column: str, fhir: str
) -> Field:
    return Field(
        group, name, "number", words, None, high=3, column=column,
        fhir=f"{fhir}: {_scale(scale)}", no=0,
    )  # fmt: skip


def _weakness(limb: str) -> Field:
    words = limb.replace("_", " ")
    return _level(
        "weakness", limb, f"weakness, {words}", vocab.WEAKNESS_WORDS, f"weak_{limb}",
        f"Weakness, {words}",
    )  # fmt: skip


_NUMB_AREA_WORDS = {
    "arms": "arms",
    "legs": "legs",
    "trunk": "chest or tummy (trunk)",
    "saddle": "between the legs, around the back passage or buttocks, or when wiping (saddle)",
}


def _numbness(area: str) -> Field:
    words = _NUMB_AREA_WORDS[area]
    return _level(
        "numbness", area, f"numbness, {words}", vocab.NUMBNESS_WORDS, f"numb_{area}",
        f"Numbness or pins and needles, {words}",
    )  # fmt: skip


ENTRY_FIELDS: tuple[Field, ...] = (
    Field("pain", "score", "number", "pain right now", None, high=10, unit="0-10",
          fhir="Pain right now, 0-10", required=True),
    Field("pain", "worst_24h", "number", "worst pain in the last 24 hours", None, high=10,
          unit="0-10", column="worst_24h",
          fhir="Worst pain in the last 24 hours, 0-10 numeric rating"),
    Field("pain", "regions", "choices", "where the spine hurts", (), vocabulary=vocab.REGIONS,
          value_words=vocab.REGION_WORDS, column="regions", fhir="Where the spine hurts"),
    Field("pain", "night", "flag", "pain at night that stops sleep", False,
          fhir="Pain at night that stops sleep"),
    Field("pain", "straining", "flag", "pain worse on coughing, sneezing or straining", False,
          fhir="Pain worse on coughing, sneezing or straining"),
    Field("pain", "tender", "flag", "a spot on the spine tender to touch", False,
          fhir="A spot on the spine tender to touch"),
    Field("pain", "radiating", "choices", "where the pain spreads", (),
          vocabulary=vocab.RADIATING, value_words=vocab.RADIATING_WORDS, column="radiating",
          fhir="Where the pain spreads"),
    *(_weakness(limb) for limb in vocab.LIMBS),
    *(_numbness(area) for area in vocab.NUMB_AREAS),
    Field("", "walking", "number", "walking", None, high=3,
          fhir=f"Walking: {_scale(vocab.WALKING_WORDS)}", no=0),
    Field("", "bladder", "choice", "bladder", None, vocabulary=vocab.BLADDER,
          value_words=vocab.BLADDER_WORDS, fhir="Bladder, as the person reports it", no="normal"),
    Field("", "bowel", "choice", "bowel", None, vocabulary=vocab.BOWEL,
          value_words=vocab.BOWEL_WORDS, fhir="Bowel, as the person reports it", no="normal"),
    Field("", "sexual_change", "flag", "change in erection, ejaculation or genital feeling",
          False, fhir="New change in erection, ejaculation or genital feeling"),
    Field("", "fatigue", "number", "tiredness", None, high=10, unit="0-10",
          fhir="Tiredness (fatigue), 0-10 numeric rating"),
    Field("", "note", "text", "note", "", high=NOTE_MAX,
          fhir="Journal note in the person's own words"),
)  # fmt: skip
"""Every recorded value of an entry, in the order the formats write them."""

BY_PATH: dict[str, Field] = {f.path: f for f in ENTRY_FIELDS}

SCREENING: tuple[Field, ...] = tuple(f for f in ENTRY_FIELDS if f.screening)
"""The nerve signs asked together ("is any of these new or worse?"): every level of weakness and
numbness, walking, bladder and bowel. Each may be None, "not asked"."""


def group_fields(group: str) -> tuple[Field, ...]:
    """The fields of one nested record ("" for the entry's own fields), in table order."""
    return tuple(f for f in ENTRY_FIELDS if f.group == group)


def flat_values(entry: object) -> dict[str, object]:
    """Every field's value of an entry (a ``tracker.domain.model.Entry``), by path."""
    values: dict[str, object] = {}
    for f in ENTRY_FIELDS:
        holder = getattr(entry, f.group) if f.group else entry
        values[f.path] = getattr(holder, f.name)
    return values


def nested(values: Mapping[str, object]) -> dict[str, object]:
    """Values by path to the JSON shape: each group's fields in an object of their own, in the
    table's order."""
    document: dict[str, object] = {}
    for f in ENTRY_FIELDS:
        if f.path not in values:
            continue
        if f.group:
            inner = document.setdefault(f.group, {})
            assert isinstance(inner, dict)
            inner[f.name] = values[f.path]
        else:
            document[f.name] = values[f.path]
    return document
