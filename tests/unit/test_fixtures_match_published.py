"""The tests read copies of the published files (tests/fixtures/) so that a clone anywhere runs
them. Here the copies are held to the published format: byte for byte against ``../shared``
when it is beside the checkout (or wherever ``SPINE_JOURNAL_PUBLISHED`` points, which must then
exist), and in any case the example journal against the copied v1 schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest

from tests.conftest import ESAS_MD, EXAMPLE_JOURNAL, FIXTURES, PUBLISHED, RED_FLAGS_MD, SCHEMA

# each copy and where it is published, relative to the published folder
COPIES = {
    EXAMPLE_JOURNAL: "formats/example-journal.json",
    SCHEMA: "formats/journal-v1.schema.json",
    RED_FLAGS_MD: "clinical/red-flags.md",
    ESAS_MD: "clinical/esas-r.md",
}


def published_folder() -> Path | None:
    """The published files: the folder named by ``SPINE_JOURNAL_PUBLISHED`` (an error when it
    is missing, so a CI that sets it never skips), else ``../shared`` if it is there."""
    named = os.environ.get("SPINE_JOURNAL_PUBLISHED")
    if named:
        folder = Path(named)
        assert folder.is_dir(), f"SPINE_JOURNAL_PUBLISHED={named} is not a folder"
        return folder
    return PUBLISHED if PUBLISHED.is_dir() else None


@pytest.mark.parametrize("copy", list(COPIES), ids=list(COPIES.values()))
def test_each_copy_is_byte_equal_to_the_published_file(copy: Path) -> None:
    folder = published_folder()
    if folder is None:  # only a clone without the published files beside it skips this
        pytest.skip(f"no published files at {PUBLISHED} (set SPINE_JOURNAL_PUBLISHED)")
    original = folder / COPIES[copy]
    assert original.is_file(), f"{COPIES[copy]} is no longer published in {folder}"
    assert copy.read_bytes() == original.read_bytes(), (
        f"tests/fixtures copy of {COPIES[copy]} differs from the published one: copy it again"
    )


def test_every_file_in_the_fixtures_copied_from_the_brief_is_checked() -> None:
    copied = {
        path
        for folder in ("formats", "clinical")
        for path in (FIXTURES / folder).rglob("*")
        if path.is_file()
    }
    assert copied == set(COPIES)


def test_the_example_journal_is_valid_against_the_v1_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.check_schema(schema)
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(document)) == []
    assert (document["format"], document["version"]) == ("spine-journal", 1)
    assert document["entries"], "the example journal has entries to test with"


def test_the_schema_refuses_what_v1_does_not_allow() -> None:
    """The copied schema is a real one: it refuses another version and an unknown field."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "version": 2}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "unexpected": True}, schema)
