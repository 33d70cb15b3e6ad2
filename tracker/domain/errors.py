"""Validation errors that name the field and what is wrong with it."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value refused by the domain, with the path of the field it belongs to.

    ``field`` is a dotted path relative to the record that raised it (``pain.score``);
    ``within`` prefixes it when the record sits inside a larger document
    (``entries[41].pain.score``).
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)

    def within(self, prefix: str) -> ValidationError:
        if not prefix:
            return self
        if not self.field:
            return ValidationError(prefix, self.problem)
        joiner = "" if self.field.startswith("[") else "."
        return ValidationError(f"{prefix}{joiner}{self.field}", self.problem)


MAX_DIGITS = 15  # no number of the journal's formats needs more; Python refuses 4,300 and up


def cut(text: str, most: int = 40) -> str:
    """``text`` as it is when short, else its start and "...": a message stays one line."""
    return text if len(text) <= most else text[: most - 3] + "..."


def shown(value: object) -> str:
    """A value in a message, the same way whatever it came from: missing (``None``, a JSON
    ``null``) is "an empty value", true and false as JSON writes them, the rest cut short."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        return cut(repr(value))
    except ValueError:  # a whole number too long for Python to write out (4,300 digits)
        return "a number of more than 4,300 digits"
