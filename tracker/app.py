"""Composition root: arguments, paths, umask, the single-instance lock.

For the window: show it first, then (after its first paint) open and check the journal, migrate
if needed, build the services and fill the views (``tracker.app_run.AppRun``). For a command:
run it, with no window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import APP_NAME
from tracker.app_run import APP_ICON, AppRun, set_app_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from tracker.ui.main_window import MainWindow
    from tracker.ui.pages import Page

__all__ = ["APP_ICON", "AppRun", "build_window", "main", "run_window"]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from tracker.os_files import restrict_new_files

    restrict_new_files()  # files SQLite and Qt create would be readable by every user otherwise
    if sys.stdout is None or sys.stderr is None:  # the windowed bundle on Windows
        from tracker.console import ensure_streams

        ensure_streams()
    from tracker.arguments import is_command

    if is_command(args):
        from tracker.cli import run

        return run(args)
    return run_window(args)


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    from tracker.ui.theme import STYLE_ARGUMENTS, install

    app = QApplication([sys.argv[0], *STYLE_ARGUMENTS])
    app.setApplicationName("spine-journal")
    app.setApplicationDisplayName(APP_NAME)
    # the launcher (resources/linux/spine-journal.desktop) whose icon and name the desktop
    # shows for the window: Wayland's app id (X11's WM_CLASS is the application name)
    app.setDesktopFileName("spine-journal")
    # palette and style sheet, light or dark as the desktop is (docs/design.md)
    install(app, styled=True, following=False)  # following once the window has painted
    return app


def _panel(module: str, name: str) -> Callable[[], Page]:
    """A factory for a panel whose module is imported only when the window builds its pages
    (just after its first paint)."""

    def make() -> Page:
        from importlib import import_module

        panel: Page = getattr(import_module(f"tracker.ui.widgets.{module}"), name)()
        return panel

    return make


def build_window(folder: Path) -> AppRun:
    """The main window on the journal in ``folder``, not yet shown (tests call this too)."""
    from tracker.ui.main_window import MainWindow

    window = MainWindow(folder / "journal.sqlite3")
    window.add_panel(
        "treatments", "Treatments", _panel("treatments_panel", "TreatmentsPanel"), on_demand=True
    )
    window.add_panel(
        "medications",
        "Painkillers",
        _panel("painkillers_panel", "PainkillersPanel"),
        on_demand=True,
    )
    window.add_panel(
        "medicines",
        "Medicines",
        _panel("medicines_panel", "MedicinesPanel"),
        frozenset({"medicines", "dose_records"}),
        on_demand=True,
    )
    window.add_panel("reviews", "Reviews", _panel("reviews_panel", "ReviewsPanel"), on_demand=True)
    window.add_panel(
        "appointments",
        "Appointments",
        _panel("appointments_panel", "AppointmentsPanel"),
        on_demand=True,
    )
    window.add_panel(
        "alerts",
        "Red flags",
        _panel("alert_log_panel", "AlertLogPanel"),
        frozenset({"alerts", "entries"}),
        lazy=True,
        on_demand=True,
    )
    window.add_panel(
        "trends",
        "Trends",
        _panel("trends_page", "TrendsPage"),
        frozenset({"entries", "treatments", "medications", "alerts", "esas_forms"}),
        lazy=True,
    )
    window.add_panel(
        "esas_forms",
        "Weekly form",
        _panel("esas_page", "EsasPage"),
        frozenset({"esas_forms", "settings"}),
        on_demand=True,
    )
    # Made when its tab is first chosen, or else once the start is over (its tab then says
    # whether the form is due today): the journal and the chart do not wait for it.
    window.start_up_done.connect(lambda: window.panel("esas_forms"))
    window.first_painted.connect(lambda: _reminders(window))
    return AppRun(window, folder)


def _reminders(window: MainWindow) -> None:
    """The reminders' clock, bar, tray and menu items (parented to the window), made once the
    window has painted and made its pages: the first frame waits for none of it."""
    from tracker.ui.reminders_flow import RemindersFlow

    RemindersFlow(window)


def run_window(argv: Sequence[str]) -> int:
    return _run_window(argv)


def _run_window(argv: Sequence[str]) -> int:
    from tracker.arguments import UsageError, window_arguments
    from tracker.paths import AlreadyOpenError, JournalLock, data_dir

    try:
        args = window_arguments(argv)
    except UsageError as error:
        print(f"spine-journal: {error}", file=sys.stderr, flush=True)
        return 2  # bad usage, as for a command (``tracker.commands.errors``)
    app = _application()
    folder = data_dir(args.data_dir)
    lock = JournalLock(folder)
    try:
        lock.acquire()
    except AlreadyOpenError as error:
        print(f"spine-journal: {error}", file=sys.stderr, flush=True)
        from PySide6.QtWidgets import QMessageBox

        set_app_icon()
        QMessageBox.warning(None, APP_NAME, str(error))
        return 1
    try:
        session = build_window(folder)
        if args.smoke_test:
            from tracker.smoke import watch

            watch(session, app)
        session.window.show()
        code = app.exec()
        session.close()
        return code
    finally:
        lock.release()
