"""What the person sees after a save: the emergency window, the urgent banner, or (for watch
flags) nothing but a note in the history; and, at start, any emergency not yet answered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from tracker.domain.model import Alert
from tracker.ui.widgets.urgent_banner import UrgentBanner

if TYPE_CHECKING:
    from tracker.services.alerts import FlagOutcome, RaisedAlert
    from tracker.services.registry import Services
    from tracker.ui.dialogs.emergency_alert import EmergencyAlertDialog

REMIND_AFTER_MS = 15 * 60 * 1000
CHECK_FAILED = (
    "Your entry is saved, but the red-flag check could not run. If you are worried about "
    "any symptom, call your care team or your 24-hour helpline."
)


class AlertPresenter(QObject):
    """Shows alerts and logs the person's answers through the alert service."""

    alerts_changed = Signal()
    dialog_shown = Signal(object)  # the EmergencyAlertDialog, for whoever wants to watch it

    def __init__(self, parent_window: QWidget, banner: UrgentBanner) -> None:
        super().__init__(parent_window)
        self._window = parent_window
        self.banner = banner
        self.services: Services | None = None
        self.dialog: EmergencyAlertDialog | None = None
        self._pending_ids: list[str] = []
        self.reminder = QTimer(self)
        self.reminder.setSingleShot(True)
        self.reminder.setInterval(REMIND_AFTER_MS)
        self.reminder.timeout.connect(self.show_pending)
        banner.acknowledged.connect(self._on_banner_acknowledged)

    def attach(self, services: Services) -> None:
        self.services = services
        self.show_pending()
        urgent = services.alerts.unacknowledged_urgent()
        if urgent:
            self._show_urgent(urgent)

    # ---- after a save ------------------------------------------------------------------------

    def present(self, outcome: FlagOutcome, tell: Callable[[str], None]) -> None:
        """``tell`` shows one sentence under the form (used when the check failed)."""
        if outcome.check_failed:
            tell(CHECK_FAILED)
            return
        emergency = [r for r in outcome.interrupting if r.flag.tier == "emergency"]
        urgent = [r for r in outcome.interrupting if r.flag.tier == "urgent"]
        if emergency:
            self._show_emergency(emergency)
        if urgent:
            self._show_urgent(urgent)
        # the alerts it logged are among the save's own changes, which the window broadcast

    # ---- emergency ---------------------------------------------------------------------------

    def show_pending(self) -> None:
        """Emergency alerts that interrupted and were not answered (or asked for a reminder)."""
        if self.services is None:
            return
        pending = self.services.alerts.pending_emergencies()
        if pending:
            self._show_emergency(pending)

    def _show_emergency(self, raised: Sequence[RaisedAlert]) -> None:
        assert self.services is not None
        ids = [str(r.alert.id) for r in raised]
        if self.dialog is not None and self.dialog.isVisible():
            ids = list(dict.fromkeys([*self._pending_ids, *ids]))
            raised = [*self._raised_of(self._pending_ids), *raised]
            self.dialog.done(0)
        # imported here, not with the window: about 20 ms of start-up that most starts never use
        from tracker.ui.dialogs.emergency_alert import EmergencyAlertDialog

        _profile, contacts = self.services.journal.profile_and_contacts()
        flags = list({r.flag.rule: r.flag for r in raised}.values())
        self._pending_ids = ids
        self.dialog = EmergencyAlertDialog(
            [f.title for f in flags],
            [f.rule for f in flags],
            contacts,
            go_to_ae=any(f.rule == "R5" for f in flags),
            parent=self._window,
        )
        self.dialog.chosen.connect(self._on_emergency_chosen)
        self.dialog.open()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog_shown.emit(self.dialog)

    def _raised_of(self, ids: Sequence[str]) -> list[RaisedAlert]:
        assert self.services is not None
        pending = self.services.alerts.pending_emergencies()
        return [r for r in pending if r.alert.id in ids]

    def _on_emergency_chosen(self, action: str) -> None:
        assert self.services is not None
        self.services.alerts.record_action(self._pending_ids, action)
        if action == "reminder":
            self.reminder.start()
        self.alerts_changed.emit()

    # ---- urgent ------------------------------------------------------------------------------

    def _show_urgent(self, raised: Sequence[RaisedAlert]) -> None:
        assert self.services is not None
        _profile, contacts = self.services.journal.profile_and_contacts()
        self.banner.show_alerts(
            [str(r.alert.id) for r in raised],
            [r.flag.title for r in raised],
            [r.flag.rule for r in raised],
            contacts,
        )

    def _on_banner_acknowledged(self, alert_ids: list[str]) -> None:
        assert self.services is not None
        self.services.alerts.record_action(alert_ids, "acknowledged")
        self.banner.clear_alerts()
        self.alerts_changed.emit()

    def alerts_of(self, alert_ids: Sequence[str]) -> list[Alert]:
        assert self.services is not None
        return [a for a in self.services.alerts.all_alerts() if a.id in alert_ids]
