"""The ``esas_forms`` list of journal format version 2 (docs/journal-format.md): reading and
writing one ESAS-r form. Its own module so that the journal format's reader stays one thing.

A form is an object with ``id``, ``completed_at``, ``completed_by``, the ten scores by key (each
0-10 or null, "not answered"; a score left out reads as null) and ``other_name``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tracker.domain import esas
from tracker.domain.errors import ValidationError
from tracker.domain.json_reader import short as _short
from tracker.domain.timeutil import format_timestamp, parse_timestamp, to_utc_naive

LIST_NAME = "esas_forms"
KEYS = ("id", "completed_at", "completed_by", *esas.KEYS, "other_name")


def _text(doc: dict[str, Any], key: str, default: str | None) -> Any:
    value = doc.get(key, default)
    if value is None and default is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(key, f"{_short(value)} is not text")
    return value


def _score(doc: dict[str, Any], key: str) -> Any:
    """As found (the form checks range and type); a whole-number float is not a score."""
    value = doc.get(key)
    if isinstance(value, float) and value.is_integer():
        raise ValidationError(key, f"{value} is not a whole number")
    return value


def parse_esas_form(value: object) -> esas.EsasForm:
    if not isinstance(value, dict):
        raise ValidationError("", f"{_short(value)} is not an object")
    unknown = [key for key in value if key not in KEYS]
    if unknown:
        raise ValidationError(str(unknown[0]), "is not a field of this record")
    for key in ("completed_at", "completed_by"):
        if key not in value:
            raise ValidationError(key, "is required")
    when = value["completed_at"]
    if not isinstance(when, str):
        raise ValidationError("completed_at", f"{_short(when)} is not a timestamp")
    return esas.EsasForm(
        id=_text(value, "id", None),
        completed_at=parse_timestamp(when, "completed_at"),
        completed_by=value["completed_by"],
        **{key: _score(value, key) for key in esas.KEYS},
        other_name=_text(value, "other_name", ""),
    )


def parse_esas_forms(
    items: object, version: int, parse_list: Callable[[str, list[Any], Any], tuple[Any, ...]]
) -> tuple[esas.EsasForm, ...]:
    """The list as found in a file of ``version``; version 1 has no forms."""
    if version == 1:
        raise ValidationError(LIST_NAME, "ESAS-r forms need version 2 of the format")
    if not isinstance(items, list):
        raise ValidationError(LIST_NAME, f"{_short(items)} is not a list")
    forms: tuple[esas.EsasForm, ...] = parse_list(LIST_NAME, items, parse_esas_form)
    return forms


def esas_form_doc(form: esas.EsasForm) -> dict[str, Any]:
    return {
        "id": form.id,
        "completed_at": format_timestamp(form.completed_at),
        "completed_by": form.completed_by,
        **form.scores(),
        "other_name": form.other_name,
    }


def esas_forms_doc(forms: tuple[esas.EsasForm, ...]) -> list[dict[str, Any]]:
    """In time order (instants), ties by id: the same rule as every other list."""
    ordered = sorted(forms, key=lambda f: (to_utc_naive(f.completed_at), f.id or ""))
    return [esas_form_doc(f) for f in ordered]
