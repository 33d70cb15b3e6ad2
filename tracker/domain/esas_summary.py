"""The summary's "ESAS-r" section: each item's latest score in the period, its score four weeks
before (or on the period's first form, when the period holds no form that early), and the
change between the two. Numbers only: the journal draws no conclusion from them.

A form's day is its own calendar day. An item not answered reads "not answered", never 0, and
has no change. The Other Problem is compared only when both forms name the same problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain import esas
from tracker.domain.timeutil import local_day, to_utc_naive
from tracker.domain.wording import short_day

COMPARE_DAYS = 28
NOT_ANSWERED = "not answered"


@dataclass(frozen=True)
class EsasRow:
    item: str
    latest: int | None
    before: int | None

    @property
    def change(self) -> str:
        """ "+2", "-1", "no change"; "" when either score is missing."""
        if self.latest is None or self.before is None:
            return ""
        difference = self.latest - self.before
        return "no change" if difference == 0 else f"{difference:+d}"


@dataclass(frozen=True)
class EsasSummary:
    """``used``: the journal has a form at all; a journal without one prints no section (the
    person does not use the weekly form), one with none in the period says so."""

    used: bool = False
    latest: esas.EsasForm | None = None
    before: esas.EsasForm | None = None
    forms: int = 0
    rows: tuple[EsasRow, ...] = ()


def score_text(score: int | None) -> str:
    """A score as printed: the number, or "not answered" (never 0)."""
    return NOT_ANSWERED if score is None else str(score)


def compared_form(forms: list[esas.EsasForm]) -> esas.EsasForm:
    """The form four weeks before the latest: the last one on or before that day, else the
    first of the period (``forms`` in time order, at least one)."""
    latest_day = local_day(forms[-1].completed_at)
    earlier = [
        f for f in forms[:-1] if local_day(f.completed_at) <= latest_day - timedelta(COMPARE_DAYS)
    ]
    return earlier[-1] if earlier else forms[0]


def _same_problem(a: esas.EsasForm, b: esas.EsasForm) -> bool:
    return a.other_name.strip().casefold() == b.other_name.strip().casefold()


def esas_summary(forms: Iterable[esas.EsasForm], start: date, end: date) -> EsasSummary:
    every = list(forms)
    chosen = sorted(
        (f for f in every if start <= local_day(f.completed_at) <= end),
        key=lambda f: (to_utc_naive(f.completed_at), f.id or ""),
    )
    if not chosen:
        return EsasSummary(used=bool(every))
    latest = chosen[-1]
    before = compared_form(chosen)
    rows = []
    for item in esas.ITEMS:
        earlier = getattr(before, item.key) if before is not latest else None
        if item.key == "other" and not _same_problem(latest, before):
            earlier = None
        rows.append(
            EsasRow(esas.item_name(item, latest.other_name), getattr(latest, item.key), earlier)
        )
    return EsasSummary(
        used=True,
        latest=latest,
        before=None if before is latest else before,
        forms=len(chosen),
        rows=tuple(rows),
    )


def completed_text(form: esas.EsasForm) -> str:
    """ "16 Nov 2026 (Patient)" """
    return f"{short_day(local_day(form.completed_at))} ({esas.COMPLETED_BY[form.completed_by]})"
