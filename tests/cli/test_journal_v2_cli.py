"""Journal file version 2 through the command line: signs not asked (null) go in and come out
unchanged, version 1 files keep their levels, and `flags` reads both (issue 17)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema

from tests.conftest import EXAMPLE_JOURNAL, REPO, SCHEMA, run_cli

SCHEMA_V1 = SCHEMA
SCHEMA_V2 = REPO / "docs" / "journal-v2.schema.json"
SCREENING_NULLS = {
    "weakness": {"left_arm": None, "right_arm": None, "left_leg": None, "right_leg": None},
    "numbness": {"arms": None, "legs": None, "trunk": None, "saddle": None},
    "walking": None,
    "bladder": None,
    "bowel": None,
}


def without_time(text: str) -> list[str]:
    """An export's lines but the one that says when it was made."""
    return [line for line in text.splitlines() if '"exported_at"' not in line]


def exported_with_unasked(data_dir: Path, tmp_path: Path, kind: str, name: str) -> Path:
    """The version 2 journal with signs not asked, imported, then exported as ``kind``."""
    assert run_cli("import", str(v2_with_unasked(tmp_path)), data_dir=data_dir).returncode == 0
    out = tmp_path / name
    result = run_cli("export", "--format", kind, "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return out


def schema(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def v2_with_unasked(tmp_path: Path) -> Path:
    """The example as version 2 with its last entry saved without answering, and one entry
    answered in part (weakness asked, the rest not)."""
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    document["version"] = 2
    document["entries"][-1].update(json.loads(json.dumps(SCREENING_NULLS)))
    document["entries"][-2].update({"walking": None, "bladder": None, "bowel": None})
    jsonschema.validate(document, schema(SCHEMA_V2))
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_v1_example_validates_against_v1_only() -> None:
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema(SCHEMA_V1))
    assert not jsonschema.Draft202012Validator(schema(SCHEMA_V2)).is_valid(document)


def test_a_v2_export_round_trips_exactly_and_keeps_not_asked(
    data_dir: Path, tmp_path: Path
) -> None:
    source = v2_with_unasked(tmp_path)
    imported = run_cli("import", str(source), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    first = run_cli("export", "--out", "-", data_dir=data_dir).stdout
    assert without_time(first) == without_time(
        run_cli("export", "--out", "-", data_dir=data_dir).stdout
    )
    document = json.loads(first)
    assert document["version"] == 2
    jsonschema.validate(document, schema(SCHEMA_V2))
    last = document["entries"][-1]
    assert {key: last[key] for key in SCREENING_NULLS} == SCREENING_NULLS
    assert document["entries"][-2]["walking"] is None
    assert document["entries"][-2]["weakness"]["left_leg"] is not None
    again = tmp_path / "again.json"
    again.write_text(first, encoding="utf-8")
    other = tmp_path / "other"
    assert run_cli("import", str(again), data_dir=other).returncode == 0
    assert without_time(run_cli("export", "--out", "-", data_dir=other).stdout) == without_time(
        first
    )


def test_a_v1_file_keeps_its_levels_and_a_missing_sign_reads_as_none_recorded(
    data_dir: Path, tmp_path: Path
) -> None:
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    levels = [(e.get("weakness"), e.get("walking"), e.get("bladder")) for e in document["entries"]]
    del document["entries"][0]["weakness"], document["entries"][0]["walking"]
    source = tmp_path / "v1.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert run_cli("import", str(source), data_dir=data_dir).returncode == 0
    exported = json.loads(run_cli("export", "--out", "-", data_dir=data_dir).stdout)
    first = exported["entries"][0]
    assert first["weakness"] == dict.fromkeys(("left_arm", "right_arm", "left_leg", "right_leg"), 0)
    assert first["walking"] == 0
    for (weakness, walking, bladder), entry in zip(
        levels[1:], exported["entries"][1:], strict=True
    ):
        assert (entry["weakness"], entry["walking"], entry["bladder"]) == (
            weakness,
            walking,
            bladder,
        )


def test_a_null_in_a_v1_file_is_refused_and_nothing_is_stored(
    data_dir: Path, tmp_path: Path
) -> None:
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    document["entries"][3]["walking"] = None
    source = tmp_path / "v1-null.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("import", str(source), data_dir=data_dir)
    assert result.returncode == 2
    message = "entries[3].walking: an empty value (null: not asked) needs version 2 of the format"
    assert message in result.stderr
    assert "entries: 0" in run_cli("check", data_dir=data_dir).stdout


def test_flags_reads_both_versions_and_a_sign_not_asked_fires_nothing(tmp_path: Path) -> None:
    v1 = run_cli("flags", str(EXAMPLE_JOURNAL))
    assert v1.returncode in (0, 1), v1.stderr
    v2 = run_cli("flags", str(v2_with_unasked(tmp_path)))
    assert v2.returncode in (0, 1), v2.stderr
    document = json.loads(v2.stdout)
    nerve_rules = {"R1", "R2", "R3", "R5", "R6", "R7", "W2"}
    assert not nerve_rules & {f["rule"] for f in document["flags"]}


def test_csv_writes_not_asked_as_an_empty_cell_and_reads_it_back(
    data_dir: Path, tmp_path: Path
) -> None:
    out = exported_with_unasked(data_dir, tmp_path, "csv", "entries.csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    last = rows[-1]
    columns = ("weakness_left_leg", "numbness_saddle", "walking", "bladder")
    assert [last[c] for c in columns] == [""] * 4
    assert rows[0]["walking"] == "0" and rows[0]["bladder"] == "normal"
    other = tmp_path / "other"
    assert run_cli("import", str(out), data_dir=other).returncode == 0
    back = json.loads(run_cli("export", "--out", "-", data_dir=other).stdout)
    original = json.loads(run_cli("export", "--out", "-", data_dir=data_dir).stdout)
    assert back["entries"] == original["entries"]


def test_fhir_marks_a_sign_not_asked_with_data_absent_reason(
    data_dir: Path, tmp_path: Path
) -> None:
    from fhir.resources.R4B.bundle import Bundle

    out = exported_with_unasked(data_dir, tmp_path, "fhir", "bundle.json")
    document = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(document)
    absent = [
        item["resource"] for item in document["entry"] if "dataAbsentReason" in item["resource"]
    ]
    codes = {r["code"]["coding"][0]["code"] for r in absent}
    assert codes == {
        "weakness.left_arm", "weakness.right_arm", "weakness.left_leg", "weakness.right_leg",
        "numbness.arms", "numbness.legs", "numbness.trunk", "numbness.saddle",
        "walking", "bladder", "bowel",
    }  # fmt: skip
    assert len(absent) == 11 + 3  # the last entry's eleven, the one before's three
    for resource in absent:
        (coding,) = resource["dataAbsentReason"]["coding"]
        assert coding["system"] == "http://terminology.hl7.org/CodeSystem/data-absent-reason"
        assert coding["code"] == "not-asked"
        assert not any(key.startswith("value") for key in resource)
