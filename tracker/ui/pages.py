"""What the window asks of each of its pages, and what it offers them in return.

The window knows its pages only through ``Page``: it never looks a page's attributes up by
name, and a page takes its own service from the registry (``set_services``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tracker.services.journal import Changes
    from tracker.services.registry import Services


class PageHost(Protocol):
    """The window, as its pages see it."""

    def announce(self, changes: Changes) -> None:
        """A write succeeded: every page that shows what it changed refreshes."""
        ...

    def chart_painted_once(self) -> None:
        """The trend chart has painted for the first time."""
        ...

    def wait_for_journal(self) -> None:
        """A page shown while the journal is still opening needs its services now."""
        ...

    def review_assessed(self, alert_ids: list[str]) -> None:
        """ "My team has assessed this": the review sentence filled in from these alerts."""
        ...


class Page(Protocol):
    """A tab of the window (treatments, painkillers, reviews, appointments, alerts, trends)."""

    def as_widget(self) -> QWidget:
        """The page itself, for the tabs."""
        ...

    def set_services(self, services: Services) -> None:
        """The open journal's services: the page keeps the ones it needs."""
        ...

    def refresh(self) -> None:
        """Read again what the page shows."""
        ...

    def join(self, host: PageHost) -> None:
        """Connect the page's signals to the window."""
        ...


PageFactory = Callable[[], Page]
