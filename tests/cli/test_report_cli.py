"""``report``, run as a person runs it, and the PDF read back with poppler's tools: the headings
in order, the exact red-flag rows of a hand-built journal, user text printed literally, the
demo's 90 days with everything before the entries on two pages, a private file whose metadata
name no symptom, and one clear sentence with exit code 2 for bad input."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.encrypted_cli import passphrase_arguments
from tests.unit.test_summary import hand_journal
from tracker.domain.demo import build_demo_journal
from tracker.domain.esas_summary import esas_summary
from tracker.domain.summary_medicines import regular_medicines

HEADINGS = (
    "Spine Journal summary",
    "Red flags",
    "Neurological status",
    "Pain",
    "Treatments",
    "Painkillers",
    "Questions for this appointment",
    "Entries",
)
MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")


def pdftotext(path: Path, *options: str) -> str:
    result = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def between(text: str, first: str, last: str) -> str:
    return text[text.index(first) : text.index(last)]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hand_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-hand")
    journal = folder / "journal.json"
    journal.write_text(json.dumps(hand_journal()), encoding="utf-8")
    result = run_cli("import", str(journal), data_dir=folder / "data")
    assert result.returncode == 0, result.stderr
    return folder / "data"


@pytest.fixture(scope="module")
def march_pdf(hand_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-out") / "march.pdf"
    result = run_cli("report", *MARCH, "--out", str(out), data_dir=hand_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Summary of 2026-03-01 to 2026-03-31 written to {out} (3 pages)."
    )
    return out


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-demo")
    assert (
        run_cli("demo", "--years", "1", "--end", "2026-11-20", data_dir=folder / "data").returncode
        == 0
    )
    out = folder / "demo.pdf"
    result = run_cli(
        "report", "--from", "2026-08-23", "--to", "2026-11-20", "--out", str(out),
        data_dir=folder / "data",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def test_every_heading_in_order(march_pdf: Path) -> None:
    lines = [line.strip() for line in pdftotext(march_pdf, "-layout").splitlines()]
    positions = [lines.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)


def test_the_exact_red_flag_rows_emergency_first(march_pdf: Path) -> None:
    # -raw keeps the order the cells were drawn in: row by row, cell by cell.
    section = words(between(pdftotext(march_pdf, "-raw"), "Red flags\n", "Neurological status"))
    rows = [
        "Tue 10 Mar 2026 09:31 EMERGENCY R1 new or worse weakness or heaviness in an arm or leg "
        "called the helpline: “Nurse said: come in”",
        "Tue 10 Mar 2026 09:31 EMERGENCY R2 new or worse difficulty walking, unsteadiness, "
        "legs giving way went to hospital",
        "Fri 20 Mar 2026 10:01 EMERGENCY R5 numbness between the legs, around the back passage "
        "or buttocks, or altered feeling when wiping (go to A&E now) went to hospital",
        "Thu 12 Mar 2026 20:00 to Fri 13 Mar 2026 20:00 (2 times) Urgent A6 pain at night that "
        "stops you sleeping seen and noted",
        "Thu 5 Mar 2026 20:01 Watch W2 constipation is common with strong painkillers; tell "
        "your team if you have not opened your bowels for 3 days no action logged",
    ]
    header = "Red flags When Tier Rule and what was recorded What was done"
    assert section.strip() == " ".join([header, *rows])  # nothing else: a0 is in February
    first_page = pdftotext(march_pdf, "-layout", "-f", "1", "-l", "1")
    assert "7 entries and 6 red flags recorded in this period." in first_page


def test_a_journal_without_regular_medicines_has_no_such_section(march_pdf: Path) -> None:
    assert "Regular medicines" not in pdftotext(march_pdf)


def test_a_period_without_alerts_says_none_were_recorded(hand_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "late-march.pdf"
    result = run_cli(
        "report", "--from", "2026-03-21", "--to", "2026-03-31", "--out", str(out),
        data_dir=hand_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    section = between(pdftotext(out, "-layout"), "Red flags", "Neurological status")
    assert words(section) == "Red flags None recorded in this period."


def test_user_text_prints_literally(march_pdf: Path) -> None:
    text = pdftotext(march_pdf, "-layout")
    assert "<script>alert(1)</script> and <b>x</b>" in text
    assert "Name: Alex <Tester>" in text
    assert "24-hour helpline: 0800 123 456" in text
    questions = words(between(text, "Questions for this appointment", "Entries"))
    assert "Appointment: Thu 2 Apr 2026 10:00 with Dr Next" in questions
    assert "Why is my left leg weak? Should I stop the steroids?" in questions


def test_the_sections_hold_the_periods_numbers(march_pdf: Path) -> None:
    text = words(pdftotext(march_pdf, "-raw"))
    assert "Latest score: 6 out of 10, worst in 24 hours 8 (Tue 31 Mar 2026 23:30)" in text
    assert "Mean score, first 7 days: 4.0 from 3 entries (1 Mar 2026 to 7 Mar 2026)" in text
    assert "Weakness none recorded right arm: slight; left leg: slight higher" in text
    assert "Oxycodone liquid 2 0 0 0 3" in text
    assert "Paracetamol 0 0 1 0 1" in text
    assert "Radiotherapy 16 Mar 2026 to 20 Mar 2026 site T10; 20 Gy in 5 fractions" in text


def test_the_file_is_private_and_its_metadata_name_no_symptom(march_pdf: Path) -> None:
    assert stat.S_IMODE(march_pdf.stat().st_mode) == 0o600
    assert [p.name for p in march_pdf.parent.iterdir()] == ["march.pdf"]  # no temporary file
    info, xmp = (
        subprocess.run(
            ["pdfinfo", *option, str(march_pdf)], capture_output=True, text=True, check=True
        ).stdout
        for option in ((), ("-meta",))
    )
    assert re.search(r"^Title:\s+Spine Journal summary 2026-03-01 to 2026-03-31$", info, re.M)
    assert re.search(r"^Creator:\s+Spine Journal$", info, re.M)
    assert "Spine Journal summary 2026-03-01 to 2026-03-31" in xmp  # the XMP stream: the same
    for symptom_word in ("weak", "numb", "pain", "bladder", "bowel", "nurse", "alert(", "alex"):
        assert symptom_word not in info.lower()
        assert symptom_word not in xmp.lower()


def test_a_folder_as_out_gets_the_default_name(hand_dir: Path, tmp_path: Path) -> None:
    result = run_cli("report", *MARCH, "--out", str(tmp_path), data_dir=hand_dir)
    assert result.returncode == 0, result.stderr
    names = [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"]
    assert names == ["spine-journal-summary-2026-03-01-2026-03-31.pdf"]


def test_90_demo_days_everything_before_the_entries_on_two_pages(demo_pdf: Path) -> None:
    first_two = pdftotext(demo_pdf, "-layout", "-f", "1", "-l", "2")
    lines = [line.strip() for line in first_two.splitlines()]
    for heading in (*HEADINGS[:-1], "Regular medicines"):
        assert heading in lines
    assert lines.index("Painkillers") < lines.index("Regular medicines")
    assert "Entries" not in lines
    third = pdftotext(demo_pdf, "-layout", "-f", "3", "-l", "3").strip()
    assert third.splitlines()[0].strip() == "Entries"
    info = subprocess.run(["pdfinfo", str(demo_pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    last = pdftotext(demo_pdf, "-layout", "-f", str(pages), "-l", str(pages))
    assert "Fri 20 Nov 2026 21:19" in last  # the last entry of the period, on the last page
    assert f"page {pages} of {pages}" in last


def test_the_demos_summary_has_its_regular_medicines_doses(demo_pdf: Path) -> None:
    """Issue 19, checked by: the demo's 90-day summary has a "Regular medicines" heading; its
    table counts each medicine's doses, and the missed ones are there."""
    text = words(between(pdftotext(demo_pdf), "Regular medicines", "Questions for this"))
    assert "Morphine sulfate modified-release" in text and "Senna" in text
    assert "Due Taken Skipped Not recorded" in text
    demo = build_demo_journal(1, end=date(2026, 11, 20))
    period = (date(2026, 8, 23), date(2026, 11, 20))
    table = regular_medicines(demo.medicines, demo.dose_records, *period, date(2026, 11, 20))
    for line in table.lines:  # each medicine's counts, as the journal's records give them
        counts = f"{line.due} {line.taken} {line.skipped} {line.not_recorded}"
        assert re.search(rf"{re.escape(line.name)}\b.*?\b{counts}\b", text), line
    assert sum(line.skipped + line.not_recorded for line in table.lines) > 0  # some missed
    assert "Doses due up to 20 Nov 2026; current steroid dose: none due." in text


def test_the_demos_summary_shows_the_esas_r_items_and_acknowledgement(demo_pdf: Path) -> None:
    from tracker.domain import esas

    first_two = pdftotext(demo_pdf, "-layout", "-l", "2")
    lines = [line.strip() for line in first_two.splitlines()]
    assert lines.index("Pain") < lines.index("ESAS-r") < lines.index("Treatments")
    section = words(between(first_two, "ESAS-r\n", "Trends"))
    assert section.startswith(
        "ESAS-r Latest form 16 Nov 2026 (Patient), compared with 19 Oct 2026, four weeks before."
    )
    assert "Edmonton Symptom Assessment System" in section
    assert "Item 16 Nov 19 Oct Change Item 16 Nov 19 Oct Change" in section
    # One compact table: each item's latest score, the one four weeks before and the change,
    # as the journal's forms give them (the table's two halves side by side).
    demo = build_demo_journal(1, end=date(2026, 11, 20))
    summary = esas_summary(demo.esas_forms, date(2026, 8, 23), date(2026, 11, 20))
    assert [row.item for row in summary.rows] == [item.name for item in esas.ITEMS]
    for row in summary.rows:
        if row.latest is None or row.before is None:  # "not answered" wraps in its cell
            assert row.item in section
            continue
        cells = [row.item, str(row.latest), str(row.before), row.change]
        assert re.search(r"\s+".join(re.escape(cell) for cell in cells), section), row
    unanswered = sum(row.latest is None for row in summary.rows)
    assert section.count("answered") >= unanswered > 0  # never printed as 0
    assert any(row.change not in ("", "no change") for row in summary.rows)


def test_page_one_renders_to_a_picture(demo_pdf: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(demo_pdf), str(prefix)],
        check=True,
    )
    pictures = list(tmp_path.glob("page*.png"))
    assert len(pictures) == 1
    data = pictures[0].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 5000  # text and the chart, not a blank page


def test_runs_without_a_display(hand_dir: Path, tmp_path: Path) -> None:
    """No DISPLAY and no QT_QPA_PLATFORM: the command picks the offscreen platform itself."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    out = tmp_path / "headless.pdf"
    command = [sys.executable, str(REPO / "main.py"), "report", *MARCH, "--out", str(out)]
    result = subprocess.run(
        [*command, "--data-dir", str(hand_dir), *passphrase_arguments(run_cli, hand_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Red flags" in pdftotext(out, "-layout")


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (("--from", "2026-02-30"), "--from '2026-02-30' is not a real date like 2026-11-03."),
        (("--to", "31/03/2026"), "--to '31/03/2026' is not a real date like 2026-11-03."),
        (("--from", "2026-04-01", "--to", "2026-03-01"), "--from 2026-04-01 is after --to"),
        (("--from", "2099-01-01"), "--from 2099-01-01 is after the last day"),
    ],
)
def test_bad_dates_exit_2_with_one_sentence(
    hand_dir: Path, tmp_path: Path, arguments: tuple[str, ...], sentence: str
) -> None:
    result = run_cli("report", *arguments, "--out", str(tmp_path / "x.pdf"), data_dir=hand_dir)
    assert result.returncode == 2
    assert sentence in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_bad_output_paths_exit_2(hand_dir: Path, tmp_path: Path) -> None:
    not_pdf = run_cli("report", *MARCH, "--out", str(tmp_path / "x.txt"), data_dir=hand_dir)
    assert not_pdf.returncode == 2
    assert "must end in .pdf" in not_pdf.stderr
    missing = tmp_path / "no-such-folder" / "x.pdf"
    no_folder = run_cli("report", *MARCH, "--out", str(missing), data_dir=hand_dir)
    assert no_folder.returncode == 2
    assert "does not exist" in no_folder.stderr
    assert not missing.parent.exists()
