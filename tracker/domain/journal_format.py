"""Journal file format, versions 1 and 2 (docs/journal-format.md): its name and versions, and
reading the JSON document. Both versions are read; version 2 is written (``journal_writing``).
Version 2 differs in that a screening sign (``fields.SCREENING``) may be null, "not asked", and
that a missing one reads as null (in version 1 a missing one reads as its "no" value and null is
refused), in its lists of regular medicines and dose records (``journal_medicines``) and in its
optional list of ESAS-r forms (``journal_esas``).

Reading is all or nothing: the first problem raises a ValidationError whose field names the
list, the index and the field (``entries[41].pain.score: 11 is above 10``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from tracker.domain import fields, journal_esas, journal_medicines
from tracker.domain.errors import ValidationError
from tracker.domain.json_reader import Reader as _Reader
from tracker.domain.json_reader import short as _short
from tracker.domain.model import (
    Alert,
    Appointment,
    Contacts,
    Entry,
    Journal,
    MedicationDose,
    Numbness,
    Pain,
    Profile,
    Review,
    Session,
    Treatment,
    Weakness,
)
from tracker.domain.strict_json import read_json

FORMAT_NAME = "spine-journal"
FORMAT_VERSION = 2
READ_VERSIONS = (1, 2)

T = TypeVar("T")
Doc = Mapping[str, Any]


def _nested(key: str, build: Callable[[], T]) -> T:
    try:
        return build()
    except ValidationError as error:
        raise error.within(key) from None


# ---- reading --------------------------------------------------------------------------------

_ENTRY_KEYS = tuple(
    dict.fromkeys(("id", "recorded_at", *(f.group or f.name for f in fields.ENTRY_FIELDS)))
)


def _field(r: _Reader, f: fields.Field, version: int) -> Any:
    """One field as found (missing: its "not recorded" value in ``version``); the domain
    checks the rest."""
    if f.required:
        r.required(f.name)
    if version == 1 and f.screening and r.has(f.name) and r.doc[f.name] is None:
        raise ValidationError(
            f.name, "an empty value (null: not asked) needs version 2 of the format"
        )
    empty = f.v1_empty if version == 1 else f.empty
    if f.kind == "number":
        return r.integer(f.name, empty)
    if f.kind == "flag":
        return r.boolean(f.name)
    if f.kind == "choices":
        return r.string_list(f.name)
    if f.kind == "text":
        return r.text(f.name)
    return r.doc.get(f.name, empty)


def _group(value: object, group: str, build: Callable[..., T], version: int) -> T:
    group_fields = fields.group_fields(group)
    r = _Reader(value, tuple(f.name for f in group_fields))
    return build(**{f.name: _field(r, f, version) for f in group_fields})


def parse_entry(value: object, version: int = FORMAT_VERSION) -> Entry:
    """One entry of a file of ``version`` (1 or 2)."""
    r = _Reader(value, _ENTRY_KEYS)
    record_id, recorded_at = r.record_id(), r.timestamp("recorded_at")

    def group(name: str, build: Callable[..., T]) -> T:
        return _nested(name, lambda: _group(r.doc.get(name, {}), name, build, version))

    pain = _nested("pain", lambda: _group(r.required("pain"), "pain", Pain, version))
    weakness = group("weakness", Weakness)
    numbness = group("numbness", Numbness)
    own = {f.name: _field(r, f, version) for f in fields.group_fields("")}
    return Entry(
        id=record_id,
        recorded_at=recorded_at,
        pain=pain,
        weakness=weakness,
        numbness=numbness,
        **own,
    )


def _session(value: object) -> Session:
    r = _Reader(value, ("at", "done", "note"))
    return Session(at=r.timestamp("at"), done=r.boolean("done", True), note=r.text("note"))


_TREATMENT_KEYS = (
    "id", "kind", "started_on", "ended_on", "site", "technique",
    "dose_gy", "fractions", "sessions", "note",
)  # fmt: skip


def parse_treatment(value: object) -> Treatment:
    r = _Reader(value, _TREATMENT_KEYS)
    sessions = r.string_list("sessions")
    return Treatment(
        id=r.record_id(),
        kind=r.required("kind"),
        started_on=r.day("started_on"),  # type: ignore[arg-type]
        ended_on=r.day("ended_on", required=False),
        site=r.optional_text("site"),
        technique=r.doc.get("technique"),
        dose_gy=r.doc.get("dose_gy"),
        fractions=r.integer("fractions", None),
        sessions=_parse_list("sessions", list(sessions), _session),
        note=r.text("note"),
    )


def parse_medication(value: object) -> MedicationDose:
    r = _Reader(value, ("id", "taken_at", "name", "dose", "as_needed", "note"))
    return MedicationDose(
        id=r.record_id(),
        taken_at=r.timestamp("taken_at"),
        name=r.text("name") if r.has("name") else r.required("name"),
        dose=r.text("dose"),
        as_needed=r.boolean("as_needed"),
        note=r.text("note"),
    )


def parse_review(value: object) -> Review:
    r = _Reader(value, ("id", "reviewed_on", "symptom", "level", "note"))
    return Review(
        id=r.record_id(),
        reviewed_on=r.day("reviewed_on"),  # type: ignore[arg-type]
        symptom=r.required("symptom"),
        level=r.required("level") if not r.has("level") else r.integer("level"),
        note=r.text("note"),
    )


_ALERT_KEYS = (
    "id", "raised_at", "rule", "tier", "entry_id", "acknowledged_at", "action", "note",
)  # fmt: skip


def parse_alert(value: object) -> Alert:
    r = _Reader(value, _ALERT_KEYS)
    return Alert(
        id=r.record_id(),
        raised_at=r.timestamp("raised_at"),
        rule=r.required("rule"),
        tier=r.required("tier"),
        entry_id=r.optional_text("entry_id"),
        acknowledged_at=r.optional_timestamp("acknowledged_at"),
        action=r.doc.get("action"),
        note=r.text("note"),
    )


def parse_appointment(value: object) -> Appointment:
    r = _Reader(value, ("id", "at", "with", "questions", "notes"))
    return Appointment(
        id=r.record_id(),
        at=r.timestamp("at"),
        with_whom=r.text("with"),
        questions=r.text("questions"),
        notes=r.text("notes"),
    )


_PARSERS: dict[str, Callable[[object], Any]] = {
    "entries": parse_entry,
    "treatments": parse_treatment,
    "medications": parse_medication,
    "reviews": parse_review,
    "alerts": parse_alert,
    "appointments": parse_appointment,
}
_TOP_KEYS = (
    "format", "version", "exported_at", "profile", "contacts", *_PARSERS,
    *journal_medicines.LISTS, journal_esas.LIST_NAME,
)  # fmt: skip


def parse_journal(document: object) -> Journal:
    """A parsed JSON value to a Journal; raises ValidationError naming the first bad field."""
    r = _Reader(document, _TOP_KEYS)
    if r.required("format") != FORMAT_NAME:
        raise ValidationError("format", f"{_short(r.doc['format'])} is not {FORMAT_NAME!r}")
    version = r.required("version")
    if version not in READ_VERSIONS or isinstance(version, bool | float):
        raise ValidationError(
            "version", f"{_short(version)} is not a version this app reads (1 or 2)"
        )
    exported_at = r.optional_timestamp("exported_at")
    profile = _nested("profile", lambda: _profile(r.doc.get("profile", {})))
    contacts = _nested("contacts", lambda: _contacts(r.doc.get("contacts", {})))
    lists: dict[str, tuple[Any, ...]] = {}
    parsers = {**_PARSERS, "entries": lambda value: parse_entry(value, version)}
    for name, parse in parsers.items():
        items = r.required(name)
        if not isinstance(items, list):
            raise ValidationError(name, f"{_short(items)} is not a list")
        lists[name] = _parse_list(name, items, parse)
        _check_unique_ids(name, lists[name])
    for name, parse in journal_medicines.PARSERS.items():  # version 2, and may be left out
        items = r.doc.get(name, [])
        if version == 1 and name in r.doc:
            raise ValidationError(name, "is not a field of version 1 (regular medicines are new)")
        if not isinstance(items, list):
            raise ValidationError(name, f"{_short(items)} is not a list")
        lists[name] = _parse_list(name, items, parse)
        _check_unique_ids(name, lists[name])
    journal_medicines.check_links(lists["medicines"], lists["dose_records"])
    if r.has(journal_esas.LIST_NAME):  # optional: a file without it has no forms
        forms = journal_esas.parse_esas_forms(r.doc[journal_esas.LIST_NAME], version, _parse_list)
        _check_unique_ids(journal_esas.LIST_NAME, forms)
        lists[journal_esas.LIST_NAME] = forms
    journal = Journal(profile=profile, contacts=contacts, exported_at=exported_at, **lists)
    return journal


def _parse_list(name: str, items: list[Any], parse: Callable[[object], Any]) -> tuple[Any, ...]:
    parsed = []
    for index, item in enumerate(items):
        try:
            parsed.append(parse(item))
        except ValidationError as error:
            raise error.within(f"{name}[{index}]") from None
    return tuple(parsed)


def _profile(value: object) -> Profile:
    r = _Reader(value, ("display_name",))
    return Profile(display_name=r.text("display_name"))


def _contacts(value: object) -> Contacts:
    r = _Reader(value, ("helpline", "emergency", "team"))
    return Contacts(helpline=r.text("helpline"), emergency=r.text("emergency"), team=r.text("team"))


def _check_unique_ids(name: str, records: tuple[Any, ...]) -> None:
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id is None:
            continue
        if record.id in seen:
            raise ValidationError(
                f"{name}[{index}].id", f"{record.id!r} is already used by {name}[{seen[record.id]}]"
            )
        seen[record.id] = index


def loads(text: str) -> Journal:
    try:
        return parse_journal(read_json(text))
    except RecursionError:  # reading or quoting it would need more than Python's stack
        raise ValidationError("", "it is nested too deeply to be a journal file") from None
