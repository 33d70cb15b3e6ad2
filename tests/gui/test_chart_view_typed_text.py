"""The window's chart draws a treatment site as typed, even one that looks like TeX: before, a
site of ``$\\undefinedcmd$`` stopped every paint of the chart, which then showed nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from matplotlib.text import Text
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.gui.test_chart_view import shown_view
from tests.unit.test_journal_days import OK
from tracker.domain.model import Entry, Journal, Pain, Treatment
from tracker.storage import list_rows

SITES = ("$$", "$\\undefinedcmd$", "$\\frac{T}{8}$")


def test_the_windows_chart_draws_typed_sites_as_written(qtbot: QtBot, db: Any) -> None:
    journal = Journal(
        entries=(Entry(recorded_at=OK, pain=Pain(score=5)),),
        treatments=(
            Treatment(kind="kyphoplasty", started_on=date(2026, 10, 28), site=SITES[0]),
            Treatment(kind="radiotherapy", started_on=date(2026, 10, 20),
                      ended_on=date(2026, 10, 24), site=SITES[1]),
            Treatment(kind="steroids", started_on=date(2026, 10, 25),
                      ended_on=date(2026, 11, 2), site=SITES[2]),
        ),
    )  # fmt: skip
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, journal)
    widget = shown_view(qtbot, db)  # its draw raised a ParseException before
    texts = {t.get_text(): t for t in widget.canvas.figure.findobj(Text)}
    for shown in ("Kyphoplasty $$", SITES[1], SITES[2]):
        assert shown in texts and not texts[shown].get_parse_math()
    # and the canvas shows it: the lanes' bars are painted, not a blank area
    picture = widget.canvas.grab().toImage()
    colours = {
        picture.pixelColor(x, y).name()
        for x in range(0, picture.width(), 7)
        for y in range(0, picture.height(), 7)
    }
    assert len(colours - {QColor("white").name()}) > 5
