"""The painkillers page's big buttons: one for each medicine used recently (its name and dose,
and how it is taken), so that a dose is recorded in two clicks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QPushButton

from tracker.ui.models.dose_table_model import choice_text, taken_text
from tracker.ui.widgets.form_page import stack, wrapping

Choice = tuple[str, str, bool]  # (name, dose, as needed), as MedicationService.recent_choices

RECENT_LIMIT = 6
RECENT_COLUMNS = 3
BUTTON_TEXT_MOST = 30
RECENT_HEIGHT = 64
NO_RECENT = "Your medicines appear here as big buttons once you have recorded a dose."


def _elided(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT_MOST else text[: BUTTON_TEXT_MOST - 1] + "…"


class RecentChoiceButton(QPushButton):
    """A big button for one medicine used before: its name and dose, and how it is taken."""

    def __init__(self) -> None:
        super().__init__()
        self.choice: Choice | None = None
        self.setMinimumHeight(RECENT_HEIGHT)
        self.hide()

    def set_choice(self, choice: Choice | None) -> None:
        self.choice = choice
        self.setVisible(choice is not None)
        if choice is None:
            return
        name, dose, as_needed = choice
        medicine = choice_text(name, dose)
        # "&" would turn the next letter into a keyboard shortcut.
        self.setText(f"{_elided(medicine)}\n{taken_text(as_needed)}".replace("&", "&&"))
        self.setAccessibleName(f"{medicine}, {taken_text(as_needed)}")
        self.setToolTip(f"Fill in {medicine}, {taken_text(as_needed)}")


class RecentChoices(QGroupBox):
    """The recent medicines as big buttons, three to a row; a sentence while there are none."""

    chosen = Signal(object)  # the Choice of the button pressed

    def __init__(self) -> None:
        super().__init__("Took a painkiller? Press it, then “Took a dose now”")
        self.buttons = [RecentChoiceButton() for _ in range(RECENT_LIMIT)]
        grid = QGridLayout()
        for number, button in enumerate(self.buttons):
            grid.addWidget(button, *divmod(number, RECENT_COLUMNS))
            button.clicked.connect(lambda _checked=False, b=button: self._pressed(b))
        self.no_recent = wrapping(NO_RECENT)
        stack(self, grid, self.no_recent)

    def set_choices(self, choices: list[Choice]) -> None:
        """The first few of ``choices`` (newest first) on the buttons."""
        shown = choices[:RECENT_LIMIT]
        for number, button in enumerate(self.buttons):
            button.set_choice(shown[number] if number < len(shown) else None)
        self.no_recent.setVisible(not shown)

    def shown(self) -> list[RecentChoiceButton]:
        return [button for button in self.buttons if button.choice is not None]

    def _pressed(self, button: RecentChoiceButton) -> None:
        if button.choice is not None:
            self.chosen.emit(button.choice)
