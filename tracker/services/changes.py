"""What a write changed, so that each view refreshes only what it shows.

Every service write returns one; the window announces it to its pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.domain.model import Entry


@dataclass(frozen=True)
class Changes:
    """The lists (``entries``, ``treatments``, ...) and settings a user action changed.

    ``saved``: when not empty, the only entries written (new, or a new version of a stored
    one); ``alerted``: the ids of the only entries whose alerts changed. A view showing a few
    entries can then update those rows instead of reading its whole list again."""

    lists: frozenset[str] = field(default_factory=frozenset)
    saved: tuple[Entry, ...] = ()
    alerted: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *names: str) -> Changes:
        return cls(frozenset(names))

    def __contains__(self, name: object) -> bool:
        return name in self.lists

    @classmethod
    def entry_saved(cls, entry: Entry, alerted: Iterable[str | None] = ()) -> Changes:
        """One entry written, and alerts changed on ``alerted`` entries only."""
        ids = frozenset(str(i) for i in alerted if i is not None)
        return cls(frozenset({"entries", "alerts"}), (entry,), ids)
