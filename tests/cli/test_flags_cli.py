"""``flags [FILE]``, run as a person runs it: JSON of the latest entry's red flags on standard
output, exit 0 whatever the tier, the stored journal untouched when a file is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, run_cli

EMERGENCY = (
    "Call your 24-hour cancer helpline (acute oncology service) now. If you cannot reach them, "
    "call emergency services or go to A&E. Do not wait for your next appointment."
)
URGENT = "Contact your cancer care team today, within 24 hours."
WATCH = "Keep recording; mention this to your care team at your next contact."
NICE = "NICE CG75 (2008); NICE NG234 (2023)"
CES = "cauda equina warning cards (GIRFT national suspected CES pathway 2023; BASS 2018)"
EMPTY = {"evaluated_entry": None, "highest": "none", "flags": []}


def entry(recorded_at: str, score: int = 0, **fields: object) -> dict[str, object]:
    pain = {"score": score}
    for name in ("worst_24h", "regions", "night", "straining", "tender", "radiating"):
        if name in fields:
            pain[name] = fields.pop(name)  # type: ignore[assignment]
    return {"recorded_at": recorded_at, "pain": pain, **fields}


def journal(
    entries: list[dict[str, object]],
    reviews: list[dict[str, object]] | None = None,
    treatments: list[dict[str, object]] | None = None,
) -> dict[str, object]:
    return {
        "format": "spine-journal",
        "version": 1,
        "entries": entries,
        "treatments": treatments or [],
        "medications": [],
        "reviews": reviews or [],
        "alerts": [],
        "appointments": [],
    }


def write(tmp_path: Path, document: object, name: str = "journal.json") -> Path:
    path = tmp_path / name
    text = document if isinstance(document, str) else json.dumps(document, indent=2)
    path.write_text(text, encoding="utf-8")
    return path


def flags_of(result: object) -> dict[str, object]:
    """The one JSON document on standard output (nothing else is there)."""
    stdout: str = result.stdout  # type: ignore[attr-defined]
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert result.stderr == ""  # type: ignore[attr-defined]
    document: dict[str, object] = json.loads(stdout)  # raises if anything else is printed
    assert stdout.startswith("{") and stdout.rstrip().endswith("}")
    return document


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# ---- what is printed ----------------------------------------------------------------------------


def test_flags_prints_the_latest_entrys_flags_as_json(tmp_path: Path, data_dir: Path) -> None:
    document = journal(
        [
            # 02:15 UTC: the latest instant, though not the last in the file.
            entry(
                "2026-05-04T07:45:00+05:30",
                4,
                regions=["thoracic"],
                night=True,
                walking=1,
                numbness={"saddle": 1},
                bowel="constipated",
            ),
            entry("2026-05-04T01:00:00+00:00", 2),
            entry("2026-05-03T22:00:00-02:00", 1, walking=3),  # 00:00 UTC
        ]
    )
    result = run_cli("flags", str(write(tmp_path, document)), data_dir=data_dir)
    printed = flags_of(result)
    assert printed == {
        "evaluated_entry": "2026-05-04T07:45:00+05:30",
        "highest": "emergency",
        "flags": [
            {
                "rule": "R2",
                "tier": "emergency",
                "title": "new or worse difficulty walking, unsteadiness, legs giving way",
                "advice": EMERGENCY,
                "source": NICE,
            },
            {
                "rule": "R5",
                "tier": "emergency",
                "title": "numbness between the legs, around the back passage or buttocks, or "
                "altered feeling when wiping (go to A&E now)",
                "advice": "Go to A&E now.",
                "source": f"{NICE}; Scottish Referral Guidelines for Suspected Cancer; {CES}",
            },
            {
                "rule": "R10",
                "tier": "emergency",
                "title": "several warning signs of spinal pain at once",
                "advice": EMERGENCY,
                "source": "UKONS 24-hour triage toolkit",
            },
            {
                "rule": "A1",
                "tier": "urgent",
                "title": "pain in the neck or upper/middle back",
                "advice": URGENT,
                "source": "NICE CG75 (2008)",
            },
            {
                "rule": "A6",
                "tier": "urgent",
                "title": "pain at night that stops you sleeping",
                "advice": URGENT,
                "source": "NICE CG75 (2008)",
            },
            {
                "rule": "W2",
                "tier": "watch",
                "title": "constipation is common with strong painkillers; tell your team if you "
                "have not opened your bowels for 3 days",
                "advice": WATCH,
                "source": "rule set 1 (no source cited)",
            },
        ],
    }
    assert list(printed) == ["evaluated_entry", "highest", "flags"]
    flags = printed["flags"]
    assert isinstance(flags, list)
    assert all(list(f) == ["rule", "tier", "title", "advice", "source"] for f in flags)


@pytest.mark.parametrize(
    ("fields", "highest"),
    [
        ({}, "none"),
        ({"bowel": "constipated"}, "watch"),
        ({"regions": ["cervical"]}, "urgent"),
        ({"weakness": {"right_leg": 1}}, "emergency"),
    ],
)
def test_exit_0_whatever_the_tier(
    tmp_path: Path, data_dir: Path, fields: dict[str, object], highest: str
) -> None:
    document = journal([entry("2026-05-04T09:00:00+00:00", 3, **fields)])
    printed = flags_of(run_cli("flags", str(write(tmp_path, document)), data_dir=data_dir))
    assert printed["highest"] == highest
    assert printed["evaluated_entry"] == "2026-05-04T09:00:00+00:00"


def test_a_tie_in_recorded_at_evaluates_the_one_later_in_the_file(
    tmp_path: Path, data_dir: Path
) -> None:
    same_instant = [
        entry("2026-05-04T09:00:00+01:00", 2, walking=2),
        entry("2026-05-04T08:00:00+00:00", 2),
    ]
    printed = flags_of(
        run_cli("flags", str(write(tmp_path, journal(same_instant))), data_dir=data_dir)
    )
    assert printed == {
        "evaluated_entry": "2026-05-04T08:00:00+00:00",
        "highest": "none",
        "flags": [],
    }
    swapped = write(tmp_path, journal(same_instant[::-1]), "swapped.json")
    printed = flags_of(run_cli("flags", str(swapped), data_dir=data_dir))
    assert printed["evaluated_entry"] == "2026-05-04T09:00:00+01:00"
    assert [f["rule"] for f in printed["flags"]] == ["R2"]  # type: ignore[attr-defined]


def test_rules_see_the_history_in_the_file(tmp_path: Path, data_dir: Path) -> None:
    # A week at 1, then 3 days at 4: progressive pain (A2); walking reviewed at 1, so no R2.
    entries = [entry(f"2026-05-{day:02d}T09:00:00+00:00", 1, walking=1) for day in range(1, 8)]
    entries += [entry(f"2026-05-{day:02d}T09:00:00+00:00", 4, walking=1) for day in (8, 9, 10)]
    reviews = [{"reviewed_on": "2026-04-30", "symptom": "walking", "level": 1}]
    printed = flags_of(
        run_cli("flags", str(write(tmp_path, journal(entries, reviews))), data_dir=data_dir)
    )
    assert printed["highest"] == "urgent"
    assert [f["rule"] for f in printed["flags"]] == ["A2"]  # type: ignore[attr-defined]


def test_a_journal_without_entries(tmp_path: Path, data_dir: Path) -> None:
    printed = flags_of(run_cli("flags", str(write(tmp_path, journal([]))), data_dir=data_dir))
    assert printed == EMPTY


# ---- bad input ----------------------------------------------------------------------------------


def _message(stderr: str, command: str) -> str:
    prefix = f"spine-journal {command}: "
    assert stderr.startswith(prefix), stderr
    assert stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    return stderr[len(prefix) :]


@pytest.mark.parametrize(
    ("document", "words"),
    [
        (
            journal([entry("2026-05-04T09:00:00+00:00", 11)]),
            "entries[0].pain.score: 11 is above 10",
        ),
        (journal([entry("2026-05-04 09:00", 1)]), "entries[0].recorded_at"),
        (
            journal(
                [entry("2026-05-04T09:00:00+00:00", 1)],
                reviews=[{"reviewed_on": "2026-05-01", "symptom": "numbness.saddle", "level": 1}],
            ),
            "reviews[0].symptom",
        ),
        ("{not json", "not a JSON file"),
    ],
)
def test_an_invalid_file_exits_2_with_the_imports_message(
    tmp_path: Path, data_dir: Path, document: object, words: str
) -> None:
    path = write(tmp_path, document)
    result = run_cli("flags", str(path), data_dir=data_dir)
    assert result.returncode == 2
    assert result.stdout == ""
    message = _message(result.stderr, "flags")
    assert words in message
    imported = run_cli("import", str(path), data_dir=tmp_path / "import-data")
    assert imported.returncode == 2
    assert _message(imported.stderr, "import") == message
    assert not data_dir.exists()


def test_a_missing_file_exits_2_with_the_imports_message(tmp_path: Path, data_dir: Path) -> None:
    missing = tmp_path / "nowhere.json"
    result = run_cli("flags", str(missing), data_dir=data_dir)
    assert result.returncode == 2
    assert result.stdout == ""
    message = _message(result.stderr, "flags")
    assert str(missing) in message
    imported = run_cli("import", str(missing), data_dir=tmp_path / "import-data")
    assert _message(imported.stderr, "import") == message


# ---- the stored journal -------------------------------------------------------------------------


def test_flags_file_creates_no_journal(tmp_path: Path, data_dir: Path) -> None:
    path = write(tmp_path, journal([entry("2026-05-04T09:00:00+00:00", 2, walking=1)]))
    flags_of(run_cli("flags", str(path), data_dir=data_dir))
    assert not data_dir.exists()
    data_dir.mkdir()
    flags_of(run_cli("flags", str(path), data_dir=data_dir))
    assert list(data_dir.iterdir()) == []
    # Without --data-dir the default folder (in the test's home) is not created either.
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
    flags_of(run_cli("flags", str(path), env=env))
    assert not home.exists()


def test_flags_file_leaves_the_stored_journal_unchanged(tmp_path: Path, data_dir: Path) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    before = snapshot(data_dir)
    assert before
    path = write(tmp_path, journal([entry("2026-05-04T09:00:00+00:00", 2, walking=1)]))
    printed = flags_of(run_cli("flags", str(path), data_dir=data_dir))
    assert printed["evaluated_entry"] == "2026-05-04T09:00:00+00:00"  # the file's, not the store's
    assert snapshot(data_dir) == before


def test_flags_without_a_file_evaluates_the_stored_journal(tmp_path: Path, data_dir: Path) -> None:
    assert flags_of(run_cli("flags", data_dir=data_dir)) == EMPTY
    entries = [entry(f"2026-05-{day:02d}T21:00:00-07:00", 2) for day in range(1, 8)]
    entries += [
        entry("2026-05-08T23:30:00-07:00", 8),
        entry("2026-05-09T23:30:00-07:00", 8, tender=True),
        entry("2026-05-10T23:30:00-07:00", 9, weakness={"left_leg": 2}, tender=True),
    ]
    reviews = [{"reviewed_on": "2026-05-09", "symptom": "weakness.left_leg", "level": 2}]
    path = write(tmp_path, journal(entries, reviews))
    from_file = flags_of(run_cli("flags", str(path), data_dir=tmp_path / "unused"))
    assert run_cli("import", str(path), data_dir=data_dir).returncode == 0
    stored = flags_of(run_cli("flags", data_dir=data_dir))
    assert stored == from_file
    assert stored["evaluated_entry"] == "2026-05-10T23:30:00-07:00"
    assert [f["rule"] for f in stored["flags"]] == ["R10", "A2", "A3", "A5"]  # type: ignore[attr-defined]


# ---- the machine's time zone --------------------------------------------------------------------


def test_the_machines_time_zone_does_not_change_the_flags(tmp_path: Path, data_dir: Path) -> None:
    # Three days in their own offsets, near midnight: in UTC they fall on only two days.
    entries = [
        entry("2026-05-01T23:50:00-08:00", 8),
        entry("2026-05-02T08:00:00+00:00", 8),
        entry("2026-05-03T00:10:00+14:00", 8, walking=1),
    ]
    reviews = [{"reviewed_on": "2026-05-03", "symptom": "walking", "level": 1}]
    path = write(tmp_path, journal(entries, reviews))
    outputs = []
    for zone in ("Pacific/Kiritimati", "America/Los_Angeles", "UTC"):
        result = run_cli("flags", str(path), data_dir=data_dir, env={"TZ": zone})
        flags_of(result)
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    printed = json.loads(outputs[0])
    assert printed["evaluated_entry"] == "2026-05-03T00:10:00+14:00"
    assert [f["rule"] for f in printed["flags"]] == ["A3"]
