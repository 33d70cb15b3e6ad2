"""Treatments and their pain response in words: one form for the window's tables and the printed
summary."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain import vocab
from tracker.domain.model import Treatment
from tracker.domain.trends import TreatmentResponse, treatment_label
from tracker.domain.wording import change_text, dose_text, short_day

RADIOTHERAPY = "radiotherapy"


@dataclass(frozen=True)
class TreatmentLine:
    label: str  # "Radiotherapy T10"
    dates: str
    details: str


def treatment_dates(treatment: Treatment) -> str:
    if treatment.ended_on is None:
        if treatment.kind in vocab.PROCEDURE_KINDS:
            return short_day(treatment.started_on)
        return f"from {short_day(treatment.started_on)}, no end date"
    if treatment.ended_on == treatment.started_on:
        return short_day(treatment.started_on)
    return f"{short_day(treatment.started_on)} to {short_day(treatment.ended_on)}"


def treatment_details(treatment: Treatment, with_site: bool = True) -> str:
    """Radiotherapy: site, dose, fractions, technique and sessions done of planned; a
    procedure: its level; another course: its site when there is one. The window's table shows
    the site in a column of its own (``with_site=False``)."""
    parts: list[str] = []
    if treatment.site and with_site:
        where = "level" if treatment.kind in vocab.PROCEDURE_KINDS else "site"
        parts.append(f"{where} {treatment.site}")
    if treatment.kind == RADIOTHERAPY:
        if treatment.dose_gy is not None and treatment.fractions is not None:
            plural = "" if treatment.fractions == 1 else "s"
            parts.append(
                f"{dose_text(treatment.dose_gy)} Gy in {treatment.fractions} fraction{plural}"
            )
        elif treatment.dose_gy is not None:
            parts.append(f"{dose_text(treatment.dose_gy)} Gy")
        elif treatment.fractions is not None:
            parts.append(f"{treatment.fractions} fractions")
        if treatment.technique is not None:
            parts.append(vocab.TECHNIQUE_WORDS[treatment.technique])
        done = sum(1 for s in treatment.sessions if s.done)
        planned = len(treatment.sessions) or treatment.fractions
        if planned:
            parts.append(f"{done} of {planned} sessions done")
        else:
            parts.append("no sessions recorded")
    elif treatment.sessions:
        done = sum(1 for s in treatment.sessions if s.done)
        parts.append(f"{done} of {len(treatment.sessions)} sessions done")
    if not parts:  # the window leaves the cell empty: its Site column may say it all
        return "no details recorded" if with_site else ""
    return "; ".join(parts)


def treatment_line(treatment: Treatment) -> TreatmentLine:
    return TreatmentLine(
        label=vocab.TREATMENT_WORDS[treatment.kind],
        dates=treatment_dates(treatment),
        details=treatment_details(treatment),
    )


@dataclass(frozen=True)
class ResponseLine:
    """A row of the trends view's "what changed after each treatment" table, in words."""

    treatment: str
    dates: str
    before: str
    after: str
    change: str
    later: str


RESPONSE_COLUMNS = (
    "Treatment",
    "Dates",
    "Mean pain, 14 days before",
    "Mean pain, 14 days after",
    "Change",
    "Mean pain, days 28-42 after (radiotherapy)",
)


def response_line(response: TreatmentResponse) -> ResponseLine:
    if response.later is None:
        later = "not radiotherapy"
    else:
        change = response.change_later
        later = response.later.text()
        later = later if change is None else f"{later}, {change_text(change)}"
    return ResponseLine(
        treatment=treatment_label(response.treatment),
        dates=treatment_dates(response.treatment),
        before=response.before.text(),
        after=response.after.text(),
        change=change_text(response.change_after),
        later=later,
    )
