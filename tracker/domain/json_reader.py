"""Typed access to one object of a JSON document, as the journal file's readers need it:
unknown keys refused, and each problem a ValidationError that names its field."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from tracker.domain.errors import ValidationError, cut, shown
from tracker.domain.timeutil import parse_date, parse_timestamp


class Reader:
    """Typed access to one JSON object, refusing unknown keys and naming fields in errors."""

    def __init__(self, value: object, allowed: tuple[str, ...]) -> None:
        if not isinstance(value, dict):
            raise ValidationError("", f"{short(value)} is not an object")
        unknown = [key for key in value if key not in allowed]
        if unknown:
            raise ValidationError(str(unknown[0]), "is not a field of this record")
        self.doc: dict[str, Any] = value

    def has(self, key: str) -> bool:
        return key in self.doc

    def required(self, key: str) -> Any:
        if key not in self.doc:
            raise ValidationError(key, "is required")
        return self.doc[key]

    def text(self, key: str, default: str = "") -> str:
        value = self.doc.get(key, default)
        if not isinstance(value, str):
            raise ValidationError(key, f"{short(value)} is not text")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.doc.get(key)
        if value is not None and not isinstance(value, str):
            raise ValidationError(key, f"{short(value)} is not text")
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.doc.get(key, default)
        if not isinstance(value, bool):
            raise ValidationError(key, f"{short(value)} is not true or false")
        return value

    def integer(self, key: str, default: object = 0) -> Any:
        """Returned as found (the domain type checks range and type)."""
        value = self.doc.get(key, default)
        if isinstance(value, float) and value.is_integer():
            raise ValidationError(key, f"{value} is not a whole number")
        return value

    def timestamp(self, key: str) -> datetime:
        value = self.required(key)
        if not isinstance(value, str):
            raise ValidationError(key, f"{short(value)} is not a timestamp")
        return parse_timestamp(value, key)

    def optional_timestamp(self, key: str) -> datetime | None:
        value = self.doc.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValidationError(key, f"{short(value)} is not a timestamp")
        return parse_timestamp(value, key)

    def day(self, key: str, required: bool = True) -> date | None:
        value = self.required(key) if required else self.doc.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise ValidationError(key, f"{short(value)} is not a date")
        return parse_date(value, key)

    def string_list(self, key: str) -> tuple[Any, ...]:
        value = self.doc.get(key, [])
        if not isinstance(value, list):
            raise ValidationError(key, f"{short(value)} is not a list")
        return tuple(value)

    def record_id(self) -> str | None:
        value = self.doc.get("id")
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValidationError("id", f"{short(value)} is not text")
        return value


def short(value: object) -> str:
    if value is None or isinstance(value, str | bool | int | float):
        return shown(value)
    return cut(json.dumps(value))
