"""JSON read strictly, for files a person imports: what the JSON standard leaves open or Python
would take too far is refused as bad input (``ValidationError``, one sentence) instead of being
guessed at or taking the process down. The limits are documented in docs/journal-format.md."""

from __future__ import annotations

import json
from typing import Any

from tracker.domain.errors import MAX_DIGITS, ValidationError, cut


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ValidationError("", f"the number {cut(digits)} has more than {MAX_DIGITS} digits")
    return int(digits)


def _constant(name: str) -> float:
    raise ValidationError("", f"{name} is not a number JSON allows")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are each given once (JSON leaves repeats undefined)."""
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise ValidationError("", f"the field {cut(repr(key))} is given twice in one record")
        document[key] = value
    return document


def read_json(text: str) -> Any:
    """The document in ``text``: whole numbers of at most ``MAX_DIGITS`` digits, no NaN or
    Infinity, each key once in each object. A document nested deeper than Python's stack raises
    ``RecursionError`` (the caller words it for what it was reading)."""
    try:
        return json.loads(
            text, parse_int=_integer, parse_constant=_constant, object_pairs_hook=_object
        )
    except json.JSONDecodeError as error:
        raise ValidationError(
            "", f"this is not a JSON file (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
