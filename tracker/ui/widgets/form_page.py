"""What the record pages with a form beside their list share (painkillers, reviews, appointments,
regular medicines): the message line over two columns, the form scrolling on the left and the
list on the right; the list's table; the buttons that take Enter and the Tab order; finding the
chosen record; writing through the service and deleting after asking.

Each page keeps its own fields, words and layout of the form; this holds only what is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.common import enter_presses, leave_room_for_focus
from tracker.ui.widgets.record_page import RecordPage, RecordTable, scrolling
from tracker.ui.widgets.stretched import StretchedColumns

if TYPE_CHECKING:
    from tracker.services.journal import Changes
    from tracker.ui.models.records_model import RecordsTableModel

T = TypeVar("T")
B = TypeVar("B", bound=QWidget)

# A part of a row or a column: a widget or a layout, with its stretch factor or not; None is
# an empty stretch that takes the room left over.
Part = QWidget | QLayout | tuple[QWidget | QLayout, int] | None


class Identified(Protocol):
    """A stored record: its id, None until it is stored."""

    @property
    def id(self) -> str | None: ...


R = TypeVar("R", bound=Identified)


class Deletes(Protocol):
    """A service that deletes a record by its id."""

    def delete(self, record_id: str) -> Changes: ...


# ---- building ------------------------------------------------------------------------------


def wrapping(text: str = "") -> QLabel:
    """A label whose words wrap to the column's width."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _add(layout: QBoxLayout, parts: Sequence[Part]) -> None:
    for part in parts:
        if part is None:
            layout.addStretch(1)
            continue
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)


def across(*parts: Part) -> QHBoxLayout:
    """``parts`` side by side."""
    layout = QHBoxLayout()
    _add(layout, parts)
    return layout


def stack(box: B, *parts: Part, bare: bool = False) -> B:
    """``box`` with ``parts`` one under another (``bare``: no margins round them)."""
    layout = QVBoxLayout(box)
    _add(layout, parts)
    if bare:
        layout.setContentsMargins(0, 0, 0, 0)
    return box


def sorted_proxy(
    owner: QWidget, model: QAbstractItemModel, sort_role: int
) -> QSortFilterProxyModel:
    """``model`` sorted by its own ``sort_role`` (dates as dates, not as words)."""
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    return proxy


def list_table(
    model: QAbstractItemModel,
    *,
    sort: tuple[int, Qt.SortOrder] | None = None,
    stretch: Sequence[int] = (),
    stretch_last: bool = False,
    wrap: bool = True,
    alternating: bool = True,
) -> RecordTable:
    """A read-only table of ``model``, one whole row chosen at a time; Tab leaves it. Columns
    are as wide as their text, but for ``stretch`` (and the last with ``stretch_last``), which
    share the room left (never narrower than their heading: ``StretchedColumns``); a
    ``sort`` (column, order) makes the headers sort it. Without ``wrap`` a long text ends in
    "…" (its tooltip has it whole)."""
    table = RecordTable()
    table.setModel(model)
    if sort is not None:
        table.setSortingEnabled(True)
        table.sortByColumn(*sort)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(alternating)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    last = (model.columnCount() - 1,) if stretch_last else ()
    StretchedColumns(table, (*stretch, *last))
    return table


# ---- the page ------------------------------------------------------------------------------


class FormPage(RecordPage):
    """A record page with a form: subclasses build ``table`` (and ``proxy`` when it sorts),
    and lay themselves out with ``two_columns`` and ``finish``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy: QSortFilterProxyModel
        self.tab_order: list[QWidget] = []

    # ---- layout ------------------------------------------------------------------------------

    def two_columns(self, form: QWidget, listing: QWidget, list_share: int = 6) -> QScrollArea:
        """The message line over the form (scrolling, on the left) and ``listing``; returns the
        form's scroll area."""
        scroll = scrolling(form)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 5)
        columns.addSpacing(12)
        columns.addWidget(listing, list_share)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(columns, 1)
        return scroll

    def finish(self, order: list[QWidget], *room: QPushButton) -> None:
        """Room for the focus border round ``room``, Enter on every focused button, and Tab
        through ``order``."""
        leave_room_for_focus(*room)
        enter_presses(self)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.tab_order = order

    # ---- the list ----------------------------------------------------------------------------

    def delete_with(self, button: QPushButton, delete: Callable[[], None]) -> None:
        """``button``, and the Delete key in the list, delete the chosen record (after asking)."""
        button.clicked.connect(delete)
        self.table.delete_requested.connect(delete)

    def select_id(self, model: RecordsTableModel[Any], record_id: str) -> bool:
        """Choose the row of ``record_id`` in the list; False when it is not there."""
        source_row = model.row_of(record_id)
        if source_row < 0:
            return False
        self.table.selectRow(self.proxy.mapFromSource(model.index(source_row, 0)).row())
        return True

    def chosen_row(self) -> int | None:
        """The model's row of the record chosen in the list, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else None

    # ---- writing -----------------------------------------------------------------------------

    def opened(self, service: T | None) -> T | None:
        """``service``, or None after saying that the journal is not open yet."""
        self.not_open(service is not None)
        return service

    def write(self, save: Callable[[], T]) -> T | None:
        """What ``save`` returns, or None after saying why the journal could not keep it."""
        # Imported here, as the other pages do: the services load after the first paint.
        from tracker.services.errors import JournalError

        try:
            return save()
        except JournalError as error:
            self.message.show_problem(str(error))
            return None

    def delete_chosen(
        self,
        service: Deletes | None,
        record: R | None,
        choose_first: str,
        words: Callable[[R], tuple[str, str, str]],
        before_refresh: Callable[[], None] | None = None,
    ) -> None:
        """Delete ``record`` after asking; ``words`` gives the question's title, the question
        and what is said once it is done."""
        if service is None:
            self.not_open(False)
            return
        if record is None or record.id is None:
            self.choose_first(choose_first)
            return
        record_id = record.id
        title, question, done = words(record)
        self.ask_and_delete(
            title, question, lambda: service.delete(record_id), done, before_refresh
        )
