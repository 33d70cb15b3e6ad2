"""CSV and FHIR R4 through the command line, as a person (or their care team) would use them."""

from __future__ import annotations

import csv
import io
import json
import re
import stat
from pathlib import Path

from tests.conftest import EXAMPLE_JOURNAL, run_cli


def test_csv_export_opens_as_a_spreadsheet_and_imports_back(data_dir: Path, tmp_path: Path) -> None:
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    document["entries"][0]["note"] = '=HYPERLINK("http://x")'
    source = tmp_path / "source.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert run_cli("import", str(source), data_dir=data_dir).returncode == 0
    out = tmp_path / "entries.csv"
    result = run_cli("export", "--format", "csv", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 23
    assert rows[0]["note"].startswith("'=")  # a spreadsheet will not run it
    other = tmp_path / "other"
    imported = run_cli("import", str(out), data_dir=other)
    assert imported.returncode == 0, imported.stderr
    back = json.loads(run_cli("export", "--out", "-", data_dir=other).stdout)
    original = json.loads(run_cli("export", "--out", "-", data_dir=data_dir).stdout)
    assert back["entries"] == original["entries"]


def test_a_bad_csv_is_refused_with_row_and_column(data_dir: Path, tmp_path: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    out = tmp_path / "entries.csv"
    run_cli("export", "--format", "csv", "--out", str(out), data_dir=data_dir)
    text = out.read_text(encoding="utf-8-sig").replace(",5,7,", ",11,7,", 1)
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    result = run_cli("import", str(bad), data_dir=tmp_path / "fresh")
    assert result.returncode == 2
    assert "pain_score: 11 is above 10" in result.stderr and "entries[" in result.stderr
    assert "entries: 0" in run_cli("check", data_dir=tmp_path / "fresh").stdout


def test_fhir_export_is_a_valid_r4_collection(data_dir: Path, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    out = tmp_path / "bundle.json"
    result = run_cli("export", "--format", "fhir", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    document = json.loads(out.read_text(encoding="utf-8"))
    bundle = Bundle.model_validate(document)
    assert bundle.type == "collection"
    urls = [entry["fullUrl"] for entry in document["entry"]]
    assert len(urls) == len(set(urls)) and all(u.startswith("urn:uuid:") for u in urls)
    kinds = {entry["resource"]["resourceType"] for entry in document["entry"]}
    assert kinds == {"Patient", "Observation", "Procedure", "MedicationAdministration"}
    spain = [
        e["resource"] for e in document["entry"]
        if e["resource"].get("effectiveDateTime") == "2026-09-22T09:15:00+02:00"
    ]  # fmt: skip
    assert spain, "the +02:00 entry keeps its offset"
    again = tmp_path / "again.json"
    run_cli("export", "--format", "fhir", "--out", str(again), data_dir=data_dir)
    first = {e["fullUrl"] for e in document["entry"]}
    second = {e["fullUrl"] for e in json.loads(again.read_text(encoding="utf-8"))["entry"]}
    assert first == second


def without_moment(text: str) -> str:
    """An export without the moment it was made (JSON's exported_at, FHIR's timestamp, the
    calendar's DTSTAMP): the only lines two exports of one journal may differ in."""
    moment = re.compile(r'^(\s*"(exported_at|timestamp)": |DTSTAMP:).*$', re.MULTILINE)
    return moment.sub(r"\1", text)


def test_the_export_of_an_encrypted_journal_equals_the_plain_one(
    data_dir: Path, tmp_path: Path, journal_kind: str
) -> None:
    """Issue 18's check: ``export`` with the passphrase gives what the plain journal gives.
    ``plain_cli`` is never given a passphrase: its folder stays a plain journal."""
    from tests.conftest import run_cli as plain_cli
    from tracker.storage.cipher import SQLITE_HEADER
    from tracker.storage.journal_file import JOURNAL_NAME

    plain = tmp_path / "plain"
    assert plain_cli("import", str(EXAMPLE_JOURNAL), data_dir=plain).returncode == 0
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    encrypted = not (data_dir / JOURNAL_NAME).read_bytes().startswith(SQLITE_HEADER)
    assert encrypted == (journal_kind == "encrypted")
    assert (plain / JOURNAL_NAME).read_bytes().startswith(SQLITE_HEADER)
    for form in ("csv", "csv-doses", "esas-csv", "fhir", "ics", "json"):
        mine = run_cli("export", "--format", form, "--out", "-", data_dir=data_dir)
        theirs = plain_cli("export", "--format", form, "--out", "-", data_dir=plain)
        assert mine.returncode == 0 and theirs.returncode == 0, mine.stderr + theirs.stderr
        assert without_moment(mine.stdout) == without_moment(theirs.stdout), form
        assert form not in ("csv", "fhir", "json") or len(mine.stdout) > 1000, form
