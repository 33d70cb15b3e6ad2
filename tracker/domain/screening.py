"""The nerve questions' answers as the entry stores them (issue 17).

The check-in asks "Since your last entry, is any of these new or worse?" about five signs. What
is stored must be only what the person said:

- "None of these": every screening field at its "no" value (levels 0, bladder and bowel
  "normal");
- a "Yes" for some signs: the levels given for those signs, and "no" for everything else that
  was answered no (a "Yes" to weakness with only the left leg given stores 0 for the other limbs);
- saved without answering: every screening field None, "not asked".
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain import fields

SIGNS = ("weakness", "numbness", "walking", "bladder", "bowel")
"""The five signs, each the group or the field of its screening fields."""

NOT_ASKED = "not asked"
"""How a sign the person was not asked about reads, everywhere: never "none"."""


def sign_of(f: fields.Field) -> str:
    return f.group or f.name


def screening_answer(
    answered: bool, given: Mapping[str, object] | None = None
) -> dict[str, object]:
    """Every screening field's value by path (``weakness.left_leg``) for one answer.

    ``answered`` False: the person saved without answering, everything None. Otherwise
    ``given`` holds the values the person gave for the signs they said yes to (empty: "None of
    these"); every other screening field takes its "no" value. Raises ValueError for a path
    that is not a screening field (a wrong key would otherwise be dropped without a word).
    """
    given = dict(given or {})
    unknown = sorted(set(given) - {f.path for f in fields.SCREENING})
    if unknown:
        raise ValueError(f"not a screening sign: {', '.join(unknown)}")
    if not answered:
        if given:
            raise ValueError("an unanswered check-in gives no levels")
        return {f.path: None for f in fields.SCREENING}
    return {f.path: given.get(f.path, f.no) for f in fields.SCREENING}


def not_asked_signs(values: Mapping[str, object]) -> tuple[str, ...]:
    """The signs (``SIGNS``) with at least one field not asked, from values by path."""
    return tuple(dict.fromkeys(sign_of(f) for f in fields.SCREENING if values.get(f.path) is None))


def answered(values: Mapping[str, object]) -> bool:
    """Whether every screening field was answered (values by path, ``fields.flat_values``)."""
    return not not_asked_signs(values)
