"""The person's numbers: the form shown at first start (or from the Journal menu), and the
reminder line while no helpline number is set."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tracker.ui.widgets.contacts_panel import ContactsPanel, ContactsReminder

if TYPE_CHECKING:
    from tracker.domain.model import Contacts, Profile
    from tracker.services.journal import Changes
    from tracker.services.registry import Services


class ContactsHost(Protocol):
    """The window, as the contacts form sees it."""

    @property
    def services(self) -> Services | None: ...

    def say(self, sentence: str) -> None: ...

    def announce(self, changes: Changes) -> None: ...

    def back_to_form(self) -> None:
        """The focus back on the day's entry."""
        ...


class ContactsFlow:
    def __init__(self, host: ContactsHost) -> None:
        self._host = host
        self.panel = ContactsPanel()
        self.panel.hide()
        self.reminder = ContactsReminder()
        self.reminder.hide()
        self.panel.saved.connect(self._saved)
        self.panel.skipped.connect(self._skipped)
        self.reminder.add_requested.connect(self.show)

    def show_if_missing(self, services: Services, first_start: bool) -> None:
        """The form at first start, the reminder later, while no helpline number is set."""
        profile, contacts = services.journal.profile_and_contacts()
        self.panel.fill(profile, contacts)
        missing = not contacts.helpline
        self.panel.setVisible(missing and first_start)
        self.reminder.setVisible(missing and not first_start)

    def show(self) -> None:
        services = self._host.services
        if services is not None:
            self.panel.fill(*services.journal.profile_and_contacts())
        self.reminder.hide()
        self.panel.show()
        self.panel.helpline.setFocus()

    def _saved(self, profile: Profile, contacts: Contacts) -> None:
        services = self._host.services
        if services is None:
            return
        from tracker.services.errors import JournalError

        try:
            changes = services.journal.set_profile_and_contacts(profile, contacts)
        except JournalError as error:
            self.panel.message.show_problem(str(error))
            return
        self.panel.hide()
        self.reminder.setVisible(not contacts.helpline)
        self._host.say("Your numbers are saved.")
        self._host.announce(changes)
        self._host.back_to_form()

    def _skipped(self) -> None:
        self.panel.hide()
        self.reminder.show()
        self._host.back_to_form()
