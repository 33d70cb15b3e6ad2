"""``chart --kind spine``, run as a person runs it: a PNG and an SVG of the spine map, the SVG's
words kept as text (C1 to L5, S and Co), the trend chart still the default, and a bad kind
refused with one clear sentence."""

from __future__ import annotations

import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli.test_chart_cli import png_size
from tests.conftest import run_cli
from tracker.domain.spine_levels import LEVELS

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spine-demo") / "data"
    result = run_cli("demo", "--years", "1", "--end", "2026-11-20", data_dir=folder)
    assert result.returncode == 0, result.stderr
    return folder


def test_the_spine_map_as_a_png(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "spine.png"
    result = run_cli("chart", "--kind", "spine", "--out", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (600, 800)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["spine.png"]
    assert "Spine map of 2025-11-21 to 2026-11-20" in result.stdout


def test_the_spine_map_as_an_svg_labelled_c1_to_the_coccyx(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "spine.svg"
    result = run_cli(
        "chart",
        "--kind",
        "spine",
        "--from",
        "2026-08-23",
        "--to",
        "2026-11-20",
        "--size",
        "500x700",
        "--out",
        str(out),
        data_dir=demo_dir,
    )
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.get("width") == "360pt"  # 500 pixels at 100 per inch
    texts = ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]
    for level in LEVELS:  # C1 ... L5, S and Co, each a text of its own
        assert level in texts
    words = " ".join(texts)
    assert "T8: Radiotherapy, 14 Jan 2026" in words
    assert "L2: Kyphoplasty, 29 Jun 2026" in words
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_the_trend_chart_stays_the_default(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = run_cli("chart", "--out", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    assert ET.parse(out).getroot().get("width") == "864pt"  # 1200 pixels: the trend chart
    assert result.stdout.startswith("Chart of ")
    # The trend chart's words stay outlines: the spine map's text setting did not leak.
    assert not list(ET.parse(out).getroot().iter(f"{SVG}text"))


def test_an_unknown_kind_is_refused(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = run_cli("chart", "--kind", "ribs", "--out", str(out), data_dir=demo_dir)
    assert result.returncode == 2
    assert "invalid choice: 'ribs'" in result.stderr
    assert not out.exists()


def test_a_spine_map_of_reversed_dates_is_refused(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    result = run_cli(
        "chart", "--kind", "spine", "--from", "2026-05-02", "--to", "2026-05-01",
        "--out", str(out), data_dir=demo_dir,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--from 2026-05-02 is after --to 2026-05-01." in result.stderr
    assert not out.exists()
