"""The window's own pages wired, once made (just after the first paint): what a change
refreshes in them (the history, today's doses, the further tabs), and where their requests go
(the painkillers' page, the review sentence of an alert, the damaged journal's two ways on).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QTabWidget

    from tracker.services.journal import Changes
    from tracker.services.registry import Services
    from tracker.ui.alert_presenter import AlertPresenter
    from tracker.ui.journal_flows import JournalFlows
    from tracker.ui.page_tabs import PageTabs
    from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.widgets.history_panel import HistoryPanel
    from tracker.ui.widgets.urgent_banner import UrgentBanner
    from tracker.ui.window_menus import WindowMenus


class WiringHost(Protocol):
    """The window, as its pages' wiring sees it."""

    @property
    def services(self) -> Services | None: ...
    @property
    def tabs(self) -> QTabWidget: ...
    @property
    def pages(self) -> PageTabs: ...
    @property
    def entry_form(self) -> EntryForm: ...
    @property
    def history(self) -> HistoryPanel: ...
    @property
    def alerts(self) -> AlertPresenter: ...
    @property
    def urgent_banner(self) -> UrgentBanner: ...
    @property
    def damaged_panel(self) -> DamagedJournalPanel: ...
    @property
    def journal_changed(self) -> SignalInstance: ...
    def announce(self, changes: Changes) -> None: ...


class PageWiring:
    def __init__(self, host: WiringHost, menus: WindowMenus, flows: JournalFlows) -> None:
        self._host = host
        host.history.range_changed.connect(self.refresh_history)
        host.journal_changed.connect(self.on_journal_changed)
        host.alerts.alerts_changed.connect(self._on_alerts_changed)
        host.entry_form.painkiller_requested.connect(lambda: menus.go_to("medications"))
        host.entry_form.todays_doses.changed.connect(host.announce)
        host.urgent_banner.assessed_requested.connect(self.review_assessed)
        damaged = host.damaged_panel
        damaged.restore_requested.connect(
            lambda backup: flows.restore_instead_of_damaged(damaged, backup)
        )
        damaged.start_empty_requested.connect(lambda: flows.start_empty_instead_of_damaged(damaged))

    def on_journal_changed(self, changes: Changes, *, history_current: bool = False) -> None:
        """Refresh what shows the changed lists (``history_current``: the history lists them
        already)."""
        host = self._host
        if changes.saved:
            if host.services is not None:
                host.history.put_changes(host.services, changes)
        elif ("entries" in changes or "alerts" in changes) and not history_current:
            self.refresh_history()
        host.pages.refresh_for(changes)
        if "medicines" in changes:
            host.entry_form.todays_doses.refresh()

    def _on_alerts_changed(self) -> None:
        from tracker.services.journal import Changes

        self._host.journal_changed.emit(Changes.of("alerts"))

    def refresh_history(self) -> None:
        services = self._host.services
        if services is not None:
            self._host.history.read(services)

    def review_assessed(self, alert_ids: list[str]) -> None:
        """ "My team has assessed this": open the review sentence, filled in from the alert."""
        host = self._host
        reviews = host.pages.panel("reviews")
        if reviews is None or host.services is None:
            return
        from tracker.domain.review_hints import review_suggestion
        from tracker.ui.widgets.reviews_panel import ReviewsPanel

        assert isinstance(reviews, ReviewsPanel)  # made by that module's factory just now
        for alert in host.alerts.alerts_of(alert_ids):
            entry = host.services.journal.get_entry(alert.entry_id) if alert.entry_id else None
            suggestion = review_suggestion(alert.rule, entry)
            if suggestion is not None:
                reviews.prefill(*suggestion)
                break
        host.tabs.setCurrentWidget(reviews)
