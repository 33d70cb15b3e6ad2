"""A treatment's days as the trends and the summary count them: which kinds are a procedure (a
line on the chart), the day its effect is counted from, the last day it is shown, its words."""

from __future__ import annotations

from datetime import date

from tracker.domain import vocab
from tracker.domain.model import Treatment
from tracker.domain.timeutil import local_day

KIND_RADIOTHERAPY = "radiotherapy"


def is_procedure(treatment: Treatment) -> bool:
    """Kyphoplasty, vertebroplasty, the surgery kinds and nerve blocks: drawn as a line."""
    return treatment.kind in vocab.PROCEDURE_KINDS


def treatment_label(treatment: Treatment) -> str:
    """Plain words for a treatment: its kind, and its site when there is one."""
    words = vocab.TREATMENT_WORDS[treatment.kind]
    return f"{words} {treatment.site}" if treatment.site else words


def last_session_day(treatment: Treatment) -> date:
    """The day the treatment's effect is counted from.

    Radiotherapy: the own calendar day of the last session marked done; the course's last day
    (``ended_on``, else ``started_on``) when no session is marked done. Every other kind: its last
    day (a procedure's is ``started_on``; an ongoing course without ``ended_on`` also counts from
    ``started_on``).
    """
    if treatment.kind == KIND_RADIOTHERAPY:
        done = [local_day(s.at) for s in treatment.sessions if s.done]
        if done:
            return max(done)
    return treatment.last_day


def shown_until(treatment: Treatment) -> date:
    """The last day a treatment occupies on the chart (its last day or its last session)."""
    days = [treatment.last_day, *(local_day(s.at) for s in treatment.sessions)]
    return max(days)


def overlaps(treatment: Treatment, start: date, end: date) -> bool:
    return treatment.started_on <= end and shown_until(treatment) >= start
