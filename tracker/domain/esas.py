"""The ESAS-r, the revised Edmonton Symptom Assessment System (../shared/clinical/esas-r.md).

Its wording, order, anchors and 0-10 scale are used exactly as the instrument gives them: the
licence allows no change. The ten items are here once; the form page, the file formats, FHIR,
the trends and the summary all read them from here. A score not given is ``None``, "not
answered", never 0. The journal draws no conclusion from the scores and raises no red flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import NamedTuple

from tracker.domain.errors import ValidationError, shown
from tracker.domain.timeutil import check_in_range, require_aware

NAME = "ESAS-r"
HIGHEST = 10
ACKNOWLEDGEMENT = (
    "ESAS-r: the revised Edmonton Symptom Assessment System. Watanabe SM, Nekolaichuk C, "
    "Beaumont C, et al. A multicenter study comparing two numerical versions of the Edmonton "
    "Symptom Assessment System in palliative care patients. J Pain Symptom Manage "
    "2011;41(2):456-468. Form revised November 2010; administration manual by the AHS Edmonton "
    "Zone Palliative Care Program, Covenant Health Palliative Institute and the University of "
    "Alberta (2019). Used unmodified, with acknowledgement of its source."
)
SHORT_ACKNOWLEDGEMENT = (
    "ESAS-r (revised Edmonton Symptom Assessment System), Watanabe SM et al. 2011, unmodified."
)
"""The acknowledgement in one line, for the printed summary."""
INSTRUCTION = "Choose the number that best describes how you feel NOW"
PAPER_INSTRUCTION = "Please circle the number that best describes how you feel NOW:"
OTHER_BLANK = "______"
OTHER_NAME_MAX = 60


class Item(NamedTuple):
    """One line of the form: its anchors at 0 and 10 and the definition shown with it."""

    key: str
    name: str  # what the journal calls it in tables and charts (the anchors' own noun)
    left: str
    definition: str
    right: str


ITEMS: tuple[Item, ...] = (
    Item("pain", "Pain", "No Pain", "", "Worst Possible Pain"),
    Item(
        "tiredness",
        "Tiredness",
        "No Tiredness",
        "(Tiredness = lack of energy)",
        "Worst Possible Tiredness",
    ),
    Item(
        "drowsiness",
        "Drowsiness",
        "No Drowsiness",
        "(Drowsiness = feeling sleepy)",
        "Worst Possible Drowsiness",
    ),
    Item("nausea", "Nausea", "No Nausea", "", "Worst Possible Nausea"),
    Item(
        "appetite",
        "Lack of Appetite",
        "No Lack of Appetite",
        "",
        "Worst Possible Lack of Appetite",
    ),
    Item(
        "breath",
        "Shortness of Breath",
        "No Shortness of Breath",
        "",
        "Worst Possible Shortness of Breath",
    ),
    Item(
        "depression",
        "Depression",
        "No Depression",
        "(Depression = feeling sad)",
        "Worst Possible Depression",
    ),
    Item(
        "anxiety", "Anxiety", "No Anxiety", "(Anxiety = feeling nervous)", "Worst Possible Anxiety"
    ),
    Item(
        "wellbeing",
        "Wellbeing",
        "Best Wellbeing",
        "(Wellbeing = how you feel overall)",
        "Worst Possible Wellbeing",
    ),
    Item(
        "other",
        "Other Problem",
        f"No {OTHER_BLANK}",
        "Other Problem (for example constipation)",
        f"Worst Possible {OTHER_BLANK}",
    ),
)
KEYS: tuple[str, ...] = tuple(item.key for item in ITEMS)
BY_KEY: dict[str, Item] = {item.key: item for item in ITEMS}

COMPLETED_BY: dict[str, str] = {
    "patient": "Patient",
    "family_caregiver": "Family caregiver",
    "professional_caregiver": "Health care professional caregiver",
}

BANDS: tuple[tuple[int, int, str], ...] = (
    (1, 3, "mild (1-3)"),
    (4, 6, "moderate (4-6)"),
    (7, 10, "severe (7-10)"),
)
"""The labels the instrument file allows for charts and the summary: labels only."""


def item_name(item: Item, other_name: str = "") -> str:
    """The item's name; the Other Problem with the problem the person named."""
    if item.key == "other" and other_name.strip():
        return f"Other Problem: {other_name.strip()}"
    return item.name


@dataclass(frozen=True)
class EsasForm:
    """One completed form. Each score 0-10, or ``None``: not answered."""

    completed_at: datetime
    completed_by: str
    pain: int | None = None
    tiredness: int | None = None
    drowsiness: int | None = None
    nausea: int | None = None
    appetite: int | None = None
    breath: int | None = None
    depression: int | None = None
    anxiety: int | None = None
    wellbeing: int | None = None
    other: int | None = None
    other_name: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        if self.id is not None:
            _check_text(self.id, "id", 100, least=1)
        if not isinstance(self.completed_at, datetime):
            raise ValidationError("completed_at", f"{self.completed_at!r} is not a date and time")
        require_aware(self.completed_at, "completed_at")
        check_in_range(self.completed_at, "completed_at")
        if self.completed_by not in COMPLETED_BY:
            allowed = ", ".join(COMPLETED_BY)
            raise ValidationError(
                "completed_by", f"{shown(self.completed_by)} is not one of {allowed}"
            )
        for key in KEYS:
            _check_score(getattr(self, key), key)
        _check_text(self.other_name, "other_name", OTHER_NAME_MAX)
        if self.other is not None and not self.other_name.strip():
            raise ValidationError("other_name", "a score is given: name the problem too")
        if all(score is None for score in self.scores().values()):
            raise ValidationError("", "no item is answered: answer at least one")

    def scores(self) -> dict[str, int | None]:
        """Each item's score by key, in the form's order."""
        return {key: getattr(self, key) for key in KEYS}


FORM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(EsasForm))


def form_of(
    completed_at: datetime,
    completed_by: str,
    scores: Mapping[str, int | None],
    other_name: str = "",
) -> EsasForm:
    """A form from its scores by item key (a key left out: not answered)."""
    get = scores.get
    return EsasForm(
        completed_at,
        completed_by,
        pain=get("pain"),
        tiredness=get("tiredness"),
        drowsiness=get("drowsiness"),
        nausea=get("nausea"),
        appetite=get("appetite"),
        breath=get("breath"),
        depression=get("depression"),
        anxiety=get("anxiety"),
        wellbeing=get("wellbeing"),
        other=get("other"),
        other_name=other_name,
    )


def _check_score(value: object, name: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, f"{shown(value)} is not a whole number")
    if not 0 <= value <= HIGHEST:
        raise ValidationError(name, f"{shown(value)} is not from 0 to {HIGHEST}")


def _check_text(value: object, name: str, most: int, least: int = 0) -> None:
    if not isinstance(value, str):
        raise ValidationError(name, f"{shown(value)} is not text")
    if len(value) > most:
        raise ValidationError(name, f"is {len(value)} characters long, the most is {most}")
    if len(value) < least:
        raise ValidationError(name, "must not be empty")
    if "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise ValidationError(name, "contains a character that cannot be stored")


def band(score: int | None) -> str:
    """The label of the band a score falls in ("" for 0 or not answered): a label only."""
    for low, high, label in BANDS:
        if score is not None and low <= score <= high:
            return label
    return ""
