"""``chart``, run as a person runs it: a PNG of the size asked for, an SVG that parses, and one
clear sentence with exit code 2 for bad input."""

from __future__ import annotations

import stat
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("chart-demo") / "data"
    result = run_cli("demo", "--years", "1", "--end", "2026-11-20", data_dir=folder)
    assert result.returncode == 0, result.stderr
    return folder


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header: the signature, then the IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_whole_journal_as_a_png_of_the_default_size(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    result = run_cli("chart", "--out", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1200, 600)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]  # no temporary file left
    assert "2025-11-21 to 2026-11-20" in result.stdout


def test_a_chosen_size_and_range(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "march.png"
    result = run_cli(
        "chart",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--size",
        "900x700",
        "--out",
        str(out),
        data_dir=demo_dir,
    )
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (900, 700)
    assert "2026-03-01 to 2026-03-31" in result.stdout


def test_an_svg_that_parses(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = run_cli("chart", "--from", "2026-06-01", "--out", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert root.get("width") == "864pt"  # 1200 pixels at 100 per inch, in points
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_an_existing_file_is_replaced(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    out.write_bytes(b"old")
    assert run_cli("chart", "--out", str(out), data_dir=demo_dir).returncode == 0
    assert png_size(out) == (1200, 600)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--size", "big"], "is not a size in pixels like 1200x600"),
        (["--size", "100x50"], "is out of range"),
        (["--from", "2026-02-30"], "is not a real date"),
        (["--to", "yesterday"], "is not a real date"),
        (["--from", "2026-03-02", "--to", "2026-03-01"], "is after --to"),
        (["--out", "{tmp}/chart.jpg"], "must end in .png or .svg"),
        (["--out", "{tmp}/missing/chart.png"], "does not exist"),
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    tmp_path: Path, data_dir: Path, arguments: list[str], message: str
) -> None:
    arguments = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    if "--out" not in arguments:
        arguments += ["--out", str(tmp_path / "chart.png")]
    result = run_cli("chart", *arguments, data_dir=data_dir)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("spine-journal chart: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert list(tmp_path.glob("**/chart.*")) == []


def test_out_is_required(data_dir: Path) -> None:
    result = run_cli("chart", data_dir=data_dir)
    assert result.returncode == 2
    assert "--out" in result.stderr
