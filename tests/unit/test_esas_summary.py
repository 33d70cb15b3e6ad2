"""The summary's ESAS-r section: the latest form against the one four weeks before (or the
period's first), per item, with the change; unanswered stays "not answered", no change for it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tracker.domain.esas import EsasForm, form_of
from tracker.domain.esas_summary import esas_summary, score_text

ZONE = timezone(timedelta(hours=1))


def form(day: int, other_name: str = "", **scores: int | None) -> EsasForm:
    when = datetime(2026, 3, day, 10, 0, tzinfo=ZONE)
    return form_of(when, "patient", scores, other_name)


def test_the_latest_against_four_weeks_before() -> None:
    forms = [form(1, pain=2), form(2, pain=5), form(9, pain=6), form(30, pain=4, nausea=3)]
    summary = esas_summary(forms, date(2026, 3, 1), date(2026, 3, 31))
    assert summary.latest is forms[3] and summary.before is forms[1]  # 2 March: 28 days before
    assert summary.forms == 4
    rows = {row.item: row for row in summary.rows}
    assert (rows["Pain"].latest, rows["Pain"].before, rows["Pain"].change) == (4, 5, "-1")
    assert (rows["Nausea"].latest, rows["Nausea"].before, rows["Nausea"].change) == (3, None, "")
    assert score_text(rows["Nausea"].before) == "not answered"


def test_without_a_form_four_weeks_before_the_first_of_the_period() -> None:
    forms = [form(1, pain=5), form(10, pain=2), form(20, pain=5)]
    summary = esas_summary(forms, date(2026, 3, 5), date(2026, 3, 31))
    assert summary.before is forms[1] and summary.latest is forms[2]
    assert summary.rows[0].change == "+3"
    one = esas_summary(forms, date(2026, 3, 20), date(2026, 3, 20))
    assert one.latest is forms[2] and one.before is None and one.rows[0].change == ""
    april = esas_summary(forms, date(2026, 4, 1), date(2026, 4, 30))
    assert april.latest is None and april.used  # printed: "No ESAS-r form recorded ..."
    assert not esas_summary([], date(2026, 4, 1), date(2026, 4, 30)).used  # printed: nothing


def test_the_other_problem_is_compared_only_when_it_is_the_same_problem() -> None:
    first = form(1, other=3, other_name="Itch")
    same = form(29, other=5, other_name=" itch ")
    other = form(29, other=5, other_name="hiccups")
    period = (date(2026, 3, 1), date(2026, 3, 31))
    assert esas_summary([first, same], *period).rows[-1].change == "+2"
    changed = esas_summary([first, other], *period).rows[-1]
    assert (changed.item, changed.before, changed.change) == ("Other Problem: hiccups", None, "")
