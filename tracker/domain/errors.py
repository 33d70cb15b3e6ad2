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
