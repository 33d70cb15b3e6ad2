"""The window's further tabs (treatments, painkillers, reviews, appointments, alerts, trends):
which exist, which are made only when first chosen, and which refresh after a change.

A page is made by its factory with the others just after the first paint, or, ``on_demand``,
when its tab is first chosen (its module is not even imported before). After a write the
window passes the ``Changes`` here; each page showing one of the changed lists refreshes (a
``lazy`` one only when shown, so that saving never waits for it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from tracker.services.journal import Changes
    from tracker.services.registry import Services
    from tracker.ui.pages import Page, PageFactory, PageHost


class _Tab(NamedTuple):  # not a dataclass: that module is not imported before the paint
    name: str
    title: str
    make: PageFactory
    on_demand: bool


class PageTabs:
    def __init__(self, tabs: QTabWidget, host: PageHost) -> None:
        self._tabs = tabs
        self._host = host
        self.services: Services | None = None
        self.panels: dict[str, Page] = {}
        self._pending: list[_Tab] = []
        self._on_demand: dict[str, tuple[QWidget, _Tab]] = {}
        self._refresh_on: dict[str, frozenset[str]] = {}
        self._lazy: set[str] = set()
        self._stale: set[str] = set()
        self._built = False

    def add(
        self,
        name: str,
        title: str,
        make: PageFactory,
        refresh_on: frozenset[str] | None = None,
        *,
        lazy: bool = False,
        on_demand: bool = False,
    ) -> None:
        """``refresh_on``: the lists whose changes the page shows (default: its own)."""
        tab = _Tab(name, title, make, on_demand)
        if lazy:
            self._lazy.add(name)
        self._refresh_on[name] = refresh_on or frozenset({name})
        if self._built:
            self._add_tab(tab)
        else:
            self._pending.append(tab)

    def build(self) -> None:
        """Make the tabs added so far (just after the first paint)."""
        self._built = True
        for tab in self._pending:
            self._add_tab(tab)
        self._pending.clear()
        self._tabs.currentChanged.connect(self._on_tab_changed)

    def _add_tab(self, tab: _Tab) -> None:
        if tab.on_demand:
            placeholder = QWidget()
            self._on_demand[tab.name] = (placeholder, tab)
            self._tabs.addTab(placeholder, tab.title)
        else:
            page = tab.make()
            self._tabs.addTab(page.as_widget(), tab.title)
            self._install(tab.name, page)

    def panel(self, name: str) -> Page | None:
        """The page called ``name``, made now if its tab was never chosen."""
        if name in self._on_demand:
            placeholder, tab = self._on_demand.pop(name)
            page = tab.make()
            tabs = self._tabs
            current = tabs.currentIndex()
            index = tabs.indexOf(placeholder)
            tabs.blockSignals(True)
            tabs.removeTab(index)
            tabs.insertTab(index, page.as_widget(), tab.title)
            tabs.setCurrentIndex(current)
            tabs.blockSignals(False)
            placeholder.deleteLater()
            self._install(name, page)
            if self.services is not None:
                page.refresh()
        return self.panels.get(name)

    def _install(self, name: str, page: Page) -> None:
        from tracker.ui.common import enter_presses  # after the first paint, as the pages

        self.panels[name] = page
        enter_presses(page.as_widget())
        if self.services is not None:
            page.set_services(self.services)
        page.join(self._host)

    def attach(self, services: Services) -> None:
        self.services = services
        for page in self.panels.values():
            page.set_services(services)

    def refresh_for(self, changes: Changes) -> None:
        for name, page in self.panels.items():
            if not self._refresh_on[name] & changes.lists:
                continue
            if name not in self._lazy:
                page.refresh()
            elif page.as_widget().isVisible():
                QTimer.singleShot(0, page.refresh)
            else:
                self._stale.add(name)

    def _on_tab_changed(self, index: int) -> None:
        chosen = self._tabs.widget(index)
        for name, (placeholder, _tab) in list(self._on_demand.items()):
            if placeholder is chosen:
                page = self.panel(name)
                if page is not None:
                    self._tabs.setCurrentWidget(page.as_widget())
        for name in list(self._stale):
            page = self.panels[name]
            widget = page.as_widget()
            if widget.isVisible() or self._tabs.currentWidget() is widget:
                self._stale.discard(name)
                page.refresh()
