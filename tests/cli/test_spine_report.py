"""``report`` on the 90-day demo, read back with poppler's tools: the spine map's strip is the
first page's one picture (across the text's width under the title's lines, printed at its own
size, so its labels keep their points), its words name the regions' shares of the period's
entries, the chart is printed at its readable height, and the pages before the entries stay
two."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tracker.ui.printout.chart_picture import CHART_DPI
from tracker.ui.printout.paper import MARGINS_MM

READABLE_CHART_MM = 88.0  # the chart's lanes and legend crowd below this (it was once 52 mm)


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spine-report")
    result = run_cli("demo", "--years", "1", "--end", "2026-11-20", data_dir=folder / "data")
    assert result.returncode == 0, result.stderr
    out = folder / "demo.pdf"
    result = run_cli(
        "report", "--from", "2026-08-23", "--to", "2026-11-20", "--out", str(out),
        data_dir=folder / "data",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def page_text(pdf: Path, page: int) -> str:
    result = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return " ".join(result.stdout.split())


def images(pdf: Path, page: int) -> list[tuple[int, int, int, int]]:
    """Each picture's width and height in pixels and its resolution across and down the page
    (pixels an inch as printed)."""
    listed = subprocess.run(
        ["pdfimages", "-list", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()[2:]  # fmt: skip
    columns = [line.split() for line in listed]
    return [(int(c[3]), int(c[4]), int(c[12]), int(c[13])) for c in columns]


def page_width_mm(pdf: Path) -> float:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    return float(line.split()[2]) / 72 * 25.4


def test_the_spine_strip_is_on_the_first_page(demo_pdf: Path) -> None:
    pages = [page_text(demo_pdf, n) for n in (1, 2, 3)]
    assert pages[2].startswith("Entries")  # still two pages before them
    assert pages[0].startswith("Spine Journal summary")  # the strip is beside, not above
    assert (
        "Spine map above: treatments started by 20 Nov 2026 at their levels; pain recorded "
        "in neck 0%, upper or middle back 100%, lower back 33%, tailbone 0% of entries." in pages[0]
    )
    [(width, height, x_ppi, y_ppi)] = images(demo_pdf, 1)  # the chart is on page 2
    assert 6 * height < width  # one row across the page
    # Printed at its own resolution, so its words are the points they were drawn at; and as
    # wide as the text.
    assert (x_ppi, y_ppi) == (CHART_DPI, CHART_DPI)
    text_width = page_width_mm(demo_pdf) - MARGINS_MM.left() - MARGINS_MM.right()
    assert round(width / CHART_DPI * 25.4) == round(text_width)


def test_the_chart_is_printed_at_its_readable_height(demo_pdf: Path) -> None:
    """The demo's regular medicines, ESAS-r forms, spine map and red flags do not shorten it."""
    [(width, height, x_ppi, y_ppi)] = images(demo_pdf, 2)
    assert height / y_ppi * 25.4 >= READABLE_CHART_MM
    assert width / x_ppi * 25.4 > 170  # the text's width
