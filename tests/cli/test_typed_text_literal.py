"""``chart`` and ``report`` draw a treatment site exactly as typed, even one that looks like
TeX (``$$``, ``$\\undefinedcmd$``, ``$\\frac{T}{8}$``): matplotlib stopped on the first two
(exit 1) and drew the last as a fraction."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.test_date_range import small_journal, write_journal
from tests.conftest import run_cli

SITES = ("$$", "$\\undefinedcmd$", "$\\frac{T}{8}$")


@pytest.fixture
def typed_sites(data_dir: Path, tmp_path: Path) -> Path:
    document = small_journal()
    document["treatments"] = [
        {"kind": "kyphoplasty", "started_on": "2026-11-01", "site": SITES[0]},
        {"kind": "radiotherapy", "started_on": "2026-10-20", "ended_on": "2026-10-24",
         "site": SITES[1], "sessions": [{"at": "2026-10-20T10:00:00+00:00"}]},
        {"kind": "steroids", "started_on": "2026-10-25", "ended_on": "2026-11-02",
         "site": SITES[2]},
    ]  # fmt: skip
    result = run_cli("import", str(write_journal(tmp_path / "j.json", document)),
                     data_dir=data_dir)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return data_dir


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_chart_draws_typed_sites(typed_sites: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"chart{suffix}"
    result = run_cli("chart", "--from", "2026-10-15", "--to", "2026-11-05", "--out", str(out),
                     data_dir=typed_sites)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
    if suffix == ".svg":
        # matplotlib writes each text it draws as a comment over its glyphs: the text kept
        svg = out.read_text(encoding="utf-8")
        for site in SITES[1:]:
            assert f"<!-- {site} -->" in svg
        assert "<!-- Kyphoplasty $$ -->" in svg


def test_report_prints_typed_sites(typed_sites: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    result = run_cli("report", "--from", "2026-10-15", "--to", "2026-11-05", "--out", str(out),
                     data_dir=typed_sites)  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    for site in SITES:
        assert site in text
