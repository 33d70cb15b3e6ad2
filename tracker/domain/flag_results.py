"""What the red-flag engine's evaluations are for, outside the engine: the most recent entry and
the ``flags`` command's JSON document, and which flags of an evaluation interrupt the person
(clinical/red-flags.md, "How the app alerts"). The engine itself is ``tracker.domain.redflags``.

Where the table's words leave a choice, the comment marked "Ambiguity" says how they are read.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.domain import vocab
from tracker.domain.model import Entry, Journal
from tracker.domain.redflags import Evaluation, History, evaluate
from tracker.domain.rules import Flag
from tracker.domain.timeutil import format_timestamp


def latest_entry(entries: Sequence[Entry]) -> Entry | None:
    """The most recent entry by instant; on a tie, the one later in the sequence."""
    latest: Entry | None = None
    for entry in entries:
        if latest is None or entry.recorded_at >= latest.recorded_at:
            latest = entry
    return latest


def evaluate_latest(journal: Journal) -> Evaluation | None:
    latest = latest_entry(journal.entries)
    return None if latest is None else evaluate(History.from_journal(journal), latest)


def flags_document(evaluation: Evaluation | None) -> dict[str, object]:
    """The ``flags`` command's JSON document."""
    if evaluation is None:
        return {"evaluated_entry": None, "highest": "none", "flags": []}
    return {
        "evaluated_entry": format_timestamp(evaluation.recorded_at),
        "highest": evaluation.highest,
        "flags": [
            {
                "rule": f.rule,
                "tier": f.tier,
                "title": f.title,
                "advice": f.advice,
                "source": f.source,
            }
            for f in evaluation.flags
        ],
    }


def interrupting(previous: Evaluation | None, current: Evaluation) -> tuple[Flag, ...]:
    """The flags of ``current`` that interrupt the person ("How the app alerts").

    ``previous`` evaluates the entry immediately before ``current`` in time (None if none). A
    flag interrupts at the first entry of its rule's episode; every flag interrupts when the
    highest tier rose; an emergency flag interrupts when the level of one of its keys rose
    further (a key that was at or below its baseline before counts as level 0 there).

    Ambiguity: "when the tier rises" is read as the highest tier of the entry (the alert's
    tier), since a rule's own tier never changes; then every flag of the entry interrupts.
    Ambiguity: "a level rises further" is read per symptom key of the rule, not only as the
    rule's highest level: weakness spreading to a second limb at a lower level than the first
    interrupts again.
    Ambiguity: an entry whose sign was not asked (None) does not fire the sign's rule, so it
    ends the episode as the table defines it, and the sign recorded again interrupts again. The
    not-asked entry is not read as an improvement (it lowers no baseline); the repeat alert is
    the cautious reading of a gap in what was recorded.
    """
    if previous is None:
        return current.flags
    if vocab.TIERS.index(current.highest) > vocab.TIERS.index(previous.highest):
        return current.flags
    before = {f.rule: dict(f.key_levels) for f in previous.flags}
    return tuple(
        f
        for f in current.flags
        if f.rule not in before
        or (f.tier == "emergency" and any(lv > before[f.rule].get(k, 0) for k, lv in f.key_levels))
    )
