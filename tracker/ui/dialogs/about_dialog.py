"""About Spine Journal: the version, the red-flag rule set, where the journal lives (with "Open
folder"), the app's licence and Qt's, and on a second tab the licences of every library the app
ships, read from their package information (``tracker.licences``) when that tab is first shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker import APP_NAME, __version__
from tracker.domain.esas import ACKNOWLEDGEMENT
from tracker.domain.rules import RULE_SET
from tracker.licences import APP_LICENCE, QT_LICENCE, Shipped
from tracker.ui.alert_text import escape
from tracker.ui.common import buddy_label, close_row, list_table
from tracker.ui.widgets.journal_place import JournalPlace

COLUMNS = ("Library", "Version", "Licence")
SECTION_GAP = 12  # pixels between the page's parts
QT_DISTRIBUTIONS = ("pyside6", "shiboken6")  # PySide6-Essentials and its binding generator
LGPL_URL = "https://www.gnu.org/licenses/lgpl-3.0.html"
NOT_LISTED = (
    "The libraries Spine Journal ships could not be listed here: their package information is "
    f"missing from this copy of the app. Each keeps its own licence; Qt and PySide6 are used "
    f"under the {QT_LICENCE}."
)


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class AboutDialog(QDialog):
    def __init__(self, folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.shipped: list[Shipped] | None = None  # read when the Licences tab is first shown
        self.place = JournalPlace(folder) if folder is not None else None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_page(), "&About")
        self.table = list_table(COLUMNS)
        self.text = QPlainTextEdit()
        self.missing = _label(NOT_LISTED)
        self.tabs.addTab(self._licences_page(), "&Licences")
        self.close_button, buttons = close_row(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setMinimumSize(760, 520)
        self.resize(860, 600)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    # ---- the About tab -----------------------------------------------------------------------

    def _about_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.heading = _label(f"<h1>{APP_NAME}</h1>")
        self.version = _label(f"Version <b>{escape(__version__)}</b>")
        self.rule_set = _label(
            f"Red-flag rules: <b>rule set {RULE_SET}</b>. Help, “What the red flags mean” "
            "lists each rule in plain words."
        )
        self.licence = _label(
            f"<h2>Licence</h2><p>{APP_NAME} is free software under the <b>{APP_LICENCE}</b> "
            f"licence.</p><p>It is built with Qt, through PySide6, which it uses under the "
            f"<b>{escape(QT_LICENCE)}</b>. The Licences tab lists every library it ships, with "
            "its licence.</p>"
            f"<p>The weekly form is the ESAS-r, used unmodified. {escape(ACKNOWLEDGEMENT)}</p>"
        )
        for widget in (self.heading, self.version, self.rule_set):
            layout.addWidget(widget)
        layout.addSpacing(SECTION_GAP)
        layout.addWidget(_label("<h2>Your journal</h2>"))
        if self.place is not None:
            layout.addWidget(self.place)
        else:
            layout.addWidget(_label("Your journal is still being opened."))
        layout.addWidget(
            _label(
                "Nothing leaves your laptop unless you export it. The app opens no network "
                "connection."
            )
        )
        layout.addSpacing(SECTION_GAP)
        layout.addWidget(self.licence)
        layout.addStretch(1)
        scroll = QScrollArea()  # larger text may not fit a small screen
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unseen stop: Tab goes to the button
        return scroll

    # ---- the Licences tab --------------------------------------------------------------------

    def _licences_page(self) -> QWidget:
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.table.itemSelectionChanged.connect(self._show_chosen)
        self.missing.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            _label(
                f"{APP_NAME} ships these libraries; each keeps its own licence. Choose one "
                "to read its licence below."
            )
        )
        layout.addWidget(self.missing)
        layout.addWidget(buddy_label("Li&braries:", self.table, "Libraries"))
        layout.addWidget(self.table, 2)
        layout.addWidget(buddy_label("Licence &text:", self.text, "Licence text"))
        layout.addWidget(self.text, 3)
        return page

    def _on_tab_changed(self, index: int) -> None:
        if index == 1 and self.shipped is None:
            self.fill_licences()

    def fill_licences(self) -> None:
        from tracker.licences import shipped

        self.shipped = shipped()
        self.missing.setVisible(not self.shipped)
        self.table.setRowCount(len(self.shipped))
        for row, item in enumerate(self.shipped):
            for column, text in enumerate((item.name, item.version, item.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.shipped:
            self.table.selectRow(0)

    def choose(self, name: str) -> None:
        """Choose the library called ``name`` (as the arrow keys would)."""
        assert self.shipped is not None
        self.table.selectRow([item.name for item in self.shipped].index(name))

    def _show_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.shipped is None:
            self.text.clear()
            return
        self.text.setPlainText(licence_words(self.shipped[rows[0].row()]))


def licence_words(item: Shipped) -> str:
    """What the licence box shows: the licence files' text, else a sentence saying the package
    carries none, and for Qt's own packages the licence Spine Journal uses them under."""
    from tracker.licences import canonical

    qt = canonical(item.name).split("-")[0] in QT_DISTRIBUTIONS
    note = (
        f"{APP_NAME} uses Qt and PySide6 under the {QT_LICENCE}; its text is at {LGPL_URL}.\n\n"
        if qt
        else ""
    )
    if item.text:
        return f"{note}{item.text}"
    return (
        f"{note}{item.name} {item.version} carries no licence text in its package information. "
        f"Its licence: {item.licence}."
    )
