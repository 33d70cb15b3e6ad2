"""``--from`` and ``--to``: the days a command's period starts and ends on."""

from __future__ import annotations

from datetime import date

from tracker.commands.base import EXIT_BAD_INPUT, CommandError


def parse_day(text: str | None, option: str) -> date | None:
    """A ``YYYY-MM-DD`` option's day (None when not given); bad input is exit 2 with one
    sentence, and a day outside the journal's (1900-01-01 to 2199-12-31) is bad input too."""
    if text is None:
        return None
    from tracker.domain.errors import ValidationError
    from tracker.domain.timeutil import OutOfRangeError, parse_date

    try:
        return parse_date(text.strip(), option)
    except OutOfRangeError as error:
        raise CommandError(f"{option} {error.problem}.", EXIT_BAD_INPUT) from None
    except ValidationError:
        raise CommandError(
            f"{option} {text!r} is not a real date like 2026-11-03.", EXIT_BAD_INPUT
        ) from None
