"""One treatment: its kind, dates, site, radiotherapy details, sessions and a note.

OK builds the domain Treatment (so the window refuses exactly what the journal format refuses)
and, when the dialog was given a ``save`` function, writes it before closing: a problem with the
disk is shown in the dialog, which stays open with everything as typed. The widgets and their
places are in ``treatment_layout``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QWidget

from tracker.domain import vocab
from tracker.domain.errors import ValidationError
from tracker.domain.model import Session, Treatment
from tracker.domain.schedule import weekday_dates
from tracker.ui.common import from_qdate, from_qdatetime, local_now, to_qdate
from tracker.ui.dialogs.treatment_fields import plain_problem
from tracker.ui.dialogs.treatment_layout import TreatmentLayout
from tracker.ui.models.treatment_table_model import day_text

DEFAULT_SESSION_TIME = time(9, 0)
SaveFunction = Callable[[Treatment], Treatment]


class TreatmentDialog(TreatmentLayout):
    """``treatment`` is None for a new one. After OK, ``treatment`` holds the result (as
    ``save`` returned it, with its id)."""

    def __init__(
        self,
        treatment: Treatment | None = None,
        save: SaveFunction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.original = treatment
        self.treatment: Treatment | None = None
        self._save = save
        self.setWindowTitle("Add a treatment" if treatment is None else "Edit a treatment")
        self._build_inputs()
        self._build_sessions()
        self._lay_out()
        self._connect()
        self._fill(treatment)
        self.kind.setFocus()

    # ---- building ----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.no_end.toggled.connect(self._on_no_end_toggled)
        self.started_on.dateChanged.connect(lambda _d: self._on_started_changed())
        self.add_session_button.clicked.connect(self.add_session)
        self.generate_button.clicked.connect(self.generate_sessions)
        self.remove_session_button.clicked.connect(self.remove_session)
        self.session_table.remove_requested.connect(self.remove_session)
        for signal in (
            self.session_model.rowsInserted,
            self.session_model.rowsRemoved,
            self.session_model.dataChanged,
            self.session_model.modelReset,
        ):
            signal.connect(lambda *_args: self._update_summary())

    def _fill(self, treatment: Treatment | None) -> None:
        if treatment is None:
            today = date.today()
            self.started_on.setDate(to_qdate(today))
            self.no_end.setChecked(True)
        else:
            self.kind.setCurrentIndex(vocab.TREATMENT_KINDS.index(treatment.kind))
            self.started_on.setDate(to_qdate(treatment.started_on))
            self.no_end.setChecked(treatment.ended_on is None)
            self.ended_on.setDate(to_qdate(treatment.last_day))
            self.site.setText(treatment.site or "")
            self.technique.setCurrentIndex(max(0, self.technique.findData(treatment.technique)))
            self.dose.setValue(treatment.dose_gy or 0)
            self.fractions.setValue(treatment.fractions or 0)
            self.note.setPlainText(treatment.note)
            self.session_model.set_sessions(treatment.sessions)
        self.ended_on.setEnabled(not self.no_end.isChecked())
        self.generate_time.setTime(QTime(DEFAULT_SESSION_TIME.hour, DEFAULT_SESSION_TIME.minute))
        self._on_kind_changed()
        self._on_started_changed()
        if self.session_model.rowCount():
            # The wall-clock reading, not a QDateTime with the session's offset: the field
            # would convert that to the machine's zone and show another hour.
            last = self.session_model.sessions()[-1].at
            self.session_at.setDateTime(
                QDateTime(to_qdate(last.date()), QTime(last.hour, last.minute))
            )
        self._update_summary()

    # ---- reactions ---------------------------------------------------------------------------

    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def _on_kind_changed(self) -> None:
        radiotherapy = self.kind_code() == "radiotherapy"
        if not radiotherapy:
            self.technique.setCurrentIndex(0)  # the domain allows a technique nowhere else
        self.technique.setEnabled(radiotherapy)

    def _on_no_end_toggled(self, no_end: bool) -> None:
        self.ended_on.setEnabled(not no_end)
        if not no_end and self.ended_on.date() < self.started_on.date():
            self.ended_on.setDate(self.started_on.date())

    def _on_started_changed(self) -> None:
        start = self.started_on.date()
        if self.no_end.isChecked():
            self.ended_on.setDate(start)
        if self.session_model.rowCount() == 0:
            self.session_at.setDateTime(QDateTime(start, self.generate_time.time()))

    def _update_summary(self) -> None:
        total = self.session_model.rowCount()
        if total == 0:
            self.session_summary.setText("No sessions yet.")
            return
        done = self.session_model.done_count()
        plural = "" if total == 1 else "s"
        self.session_summary.setText(
            f"{total} session{plural}: {done} done, {total - done} planned."
        )

    def _say(self, sentence: str) -> None:
        self.session_status.setText(sentence)
        self.session_status.show()

    # ---- sessions ----------------------------------------------------------------------------

    def add_session(self) -> None:
        at = from_qdatetime(self.session_at.dateTime())
        row = self.session_model.add_session(Session(at=at, done=at <= local_now()))
        self.session_table.selectRow(row)
        self._say(f"Session of {at:%a} {at.day} {at:%b %H:%M} added.")

    def generate_sessions(self) -> None:
        """One session per fraction on working days from the start date; days that already
        have a session are left as they are. Past sessions are marked done, the rest planned."""
        count = self.fractions.value()
        if count == 0:
            self._say("Fill in the number of fractions first: it says how many to make.")
            self.fractions.setFocus()
            return
        clock = self.generate_time.time()
        listed = {s.at.date() for s in self.session_model.sessions()}
        now = local_now()
        days = weekday_dates(from_qdate(self.started_on.date()), count)
        added = 0
        for day in days:
            if day in listed:
                continue
            at = datetime.combine(day, time(clock.hour(), clock.minute())).astimezone()
            self.session_model.add_session(Session(at=at, done=at <= now))
            added += 1
        skipped = len(days) - added
        span = f"{day_text(days[0])} to {day_text(days[-1])}"
        sentence = f"{added} session{'' if added == 1 else 's'} added, {span}."
        if skipped:
            sentence += f" {skipped} day{'' if skipped == 1 else 's'} already had one."
        self._say(sentence)

    def remove_session(self) -> None:
        row = self.session_table.currentIndex().row()
        if row < 0:
            self._say("Choose a session in the list first.")
            return
        removed = self.session_model.remove_session(row)
        self._say(f"Session of {removed.at:%a} {removed.at.day} {removed.at:%b %H:%M} removed.")
        remaining = self.session_model.rowCount()
        if remaining:
            self.session_table.selectRow(min(row, remaining - 1))
            self.session_table.setFocus()

    # ---- the result --------------------------------------------------------------------------

    def build(self) -> Treatment:
        """The form as a domain Treatment; raises ValidationError naming the field."""
        self._commit_open_note()
        ended = None if self.no_end.isChecked() else from_qdate(self.ended_on.date())
        started = from_qdate(self.started_on.date())
        if ended is not None and ended < started:
            raise ValidationError(
                "ended_on", f"{day_text(ended)} is before the start date, {day_text(started)}"
            )
        dose = self.dose.value()
        return Treatment(
            id=None if self.original is None else self.original.id,
            kind=self.kind_code(),
            started_on=started,
            ended_on=ended,
            site=self.site.text().strip() or None,
            technique=self.technique.currentData() if self.technique.isEnabled() else None,
            dose_gy=None if dose == 0 else dose,
            fractions=self.fractions.value() or None,
            sessions=self.session_model.sessions(),
            note=self.note.toPlainText(),
        )

    def _commit_open_note(self) -> None:
        # A note still being typed in the table lives in its editor, not yet in the model
        # (Qt commits it when the editor loses the focus, which OK pressed by code skips).
        table = self.session_table
        editor = QApplication.focusWidget()
        if (
            table.state() == QAbstractItemView.State.EditingState
            and editor is not None
            and table.viewport().isAncestorOf(editor)
        ):
            table.commitData(editor)

    def accept(self) -> None:
        try:
            treatment = self.build()
        except ValidationError as error:
            self.message.show_problem(plain_problem(error))
            self._focus_field(error.field)
            return
        if self._save is not None:
            from tracker.services.errors import JournalError

            try:
                treatment = self._save(treatment)
            except JournalError as error:
                self.message.show_problem(str(error))
                return
        self.treatment = treatment
        super().accept()

    def _focus_field(self, field: str) -> None:
        widgets: dict[str, QWidget] = {
            "kind": self.kind,
            "started_on": self.started_on,
            "ended_on": self.ended_on,
            "site": self.site,
            "technique": self.technique,
            "dose_gy": self.dose,
            "fractions": self.fractions,
            "note": self.note,
        }
        widgets.get(field.split(".")[0], self.session_table).setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        treatment: Treatment | None,
        save: SaveFunction | None = None,
    ) -> Treatment | None:
        """The treatment as saved, or None when cancelled. Tests replace this method."""
        dialog = cls(treatment, save, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.treatment
            return None
        finally:
            dialog.deleteLater()
