"""``report`` on the 90-day demo, read back with poppler's tools: the spine map's strip is the
first page's one picture (floated beside the title's lines), its words name the regions' shares
of the period's entries, and the pages before the entries stay two."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tracker.ui.printout.chart_picture import CHART_DPI
from tracker.ui.printout.spine_picture import SPINE_WIDTH_MM


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


def images(pdf: Path, page: int) -> list[tuple[int, int]]:
    listed = subprocess.run(
        ["pdfimages", "-list", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()[2:]  # fmt: skip
    return [(int(line.split()[3]), int(line.split()[4])) for line in listed]


def test_the_spine_strip_is_on_the_first_page(demo_pdf: Path) -> None:
    pages = [page_text(demo_pdf, n) for n in (1, 2, 3)]
    assert pages[2].startswith("Entries")  # still two pages before them
    assert pages[0].startswith("Spine Journal summary")  # the strip is beside, not above
    assert (
        "Spine map (page 1): treatments started by 20 Nov 2026 at their levels; pain recorded "
        "in neck 0%, upper or middle back 100%, lower back 33%, tailbone 0% of entries."
        in pages[0]
        + " "
        + pages[1]
    )
    [(width, height)] = images(demo_pdf, 1)  # the chart is on page 2
    assert 2 * height < width < 4 * height  # two rows, beside the title
    assert round(width / CHART_DPI * 25.4) == SPINE_WIDTH_MM  # its width on paper
