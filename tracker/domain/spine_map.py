"""What the spine map shows for a period: each treatment at its levels, the sites that could not
be read, and the share of the period's entries that recorded pain in each region.

The treatments are all those started by the period's last day, earlier ones too: a field
treated a year ago still matters to the team (a second course to the same levels is planned
with the first in mind), and each mark carries its date. Pain shading is the period's alone.

Plain data for the charts (``charts.spine``), the window and the printed summary; the counts
come from storage, the levels from ``spine_levels``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from tracker.domain import vocab
from tracker.domain.model import Entry, Treatment
from tracker.domain.spine_levels import parse_site
from tracker.domain.wording import short_day

# The map's marks: each treatment kind with a place on the spine, and its mark.
MARK_OF_KIND = {
    "radiotherapy": "radiotherapy",
    "kyphoplasty": "cement",
    "vertebroplasty": "cement",
    "decompression_surgery": "surgery",
    "stabilisation_surgery": "surgery",
    "en_bloc_resection": "surgery",
}
MARK_WORDS = {
    "radiotherapy": "Radiotherapy field",
    "cement": "Kyphoplasty or vertebroplasty cement",
    "surgery": "Surgery",
    "other": "Other treatment at a level",
}
MARKS = tuple(MARK_WORDS)


@dataclass(frozen=True)
class SpineMark:
    """One treatment on the map: its levels (top down), its mark and words."""

    mark: str
    levels: tuple[str, ...]
    kind: str
    started_on: date
    site: str

    @property
    def words(self) -> str:
        return f"{vocab.TREATMENT_WORDS[self.kind]} {self.site}, {short_day(self.started_on)}"


@dataclass(frozen=True)
class UnplacedSite:
    """A treatment whose site could not be read as levels (or has none): listed in words."""

    kind: str
    started_on: date
    site: str | None

    @property
    def words(self) -> str:
        where = f"“{self.site}”" if self.site else "no site recorded"
        return f"{vocab.TREATMENT_WORDS[self.kind]}, {short_day(self.started_on)}: {where}"


@dataclass(frozen=True)
class SpineMapData:
    """The map of ``start..end``: the marks (treatments started by ``end``, in the order they
    started), the sites not placed, the number of entries and, for each pain region, how many
    recorded pain there."""

    start: date
    end: date
    marks: tuple[SpineMark, ...] = ()
    unplaced: tuple[UnplacedSite, ...] = ()
    entries: int = 0
    region_counts: Mapping[str, int] | None = None

    def share(self, region: str) -> float | None:
        """The share (0..1) of the period's entries that recorded pain in ``region``; None
        when the period has no entries."""
        if not self.entries:
            return None
        return (self.region_counts or {}).get(region, 0) / self.entries

    def marks_at(self, level: str) -> list[SpineMark]:
        return [mark for mark in self.marks if level in mark.levels]

    def text_lines(self) -> list[str]:
        """The map in words, for a screen reader and the list beside the map."""
        lines = [f"{mark.words}: {', '.join(mark.levels)}" for mark in self.marks]
        lines += [f"Not placed on the map: {site.words}" for site in self.unplaced]
        if not self.marks and not self.unplaced:
            lines.append("No treatment at a level of the spine by the last of these days.")
        for region in vocab.REGIONS:
            share = self.share(region)
            words = vocab.REGION_WORDS[region].capitalize()
            if share is None:
                lines.append(f"{words} pain: no entries in these days.")
            else:
                count = (self.region_counts or {}).get(region, 0)
                lines.append(f"{words} pain: {count} of {self.entries} entries ({share:.0%}).")
        return lines


def build_spine_map(
    start: date,
    end: date,
    treatments: Iterable[Treatment],
    entries: int,
    region_counts: Mapping[str, int],
) -> SpineMapData:
    """The map from the journal's treatments (those started after ``end`` are left out) and the
    period's entries' counts. Treatments of kinds with no place on the spine (chemotherapy ...)
    are left out unless a site was written for them."""
    marks: list[SpineMark] = []
    unplaced: list[UnplacedSite] = []
    started = [t for t in treatments if t.started_on <= end]
    for treatment in sorted(started, key=lambda t: t.started_on):
        mark = MARK_OF_KIND.get(treatment.kind)
        if not treatment.site:
            if mark is not None:
                unplaced.append(UnplacedSite(treatment.kind, treatment.started_on, None))
            continue
        levels = parse_site(treatment.site).levels
        if not levels:
            unplaced.append(UnplacedSite(treatment.kind, treatment.started_on, treatment.site))
            continue
        marks.append(
            SpineMark(mark or "other", levels, treatment.kind, treatment.started_on, treatment.site)
        )
    return SpineMapData(
        start=start,
        end=end,
        marks=tuple(marks),
        unplaced=tuple(unplaced),
        entries=entries,
        region_counts=dict(region_counts),
    )


def region_counts_of(entries: Iterable[Entry]) -> tuple[int, dict[str, int]]:
    """The number of entries and, for each pain region, how many recorded pain there (as
    ``storage.spine_counts`` counts them in SQL, for entries already read)."""
    counts = dict.fromkeys(vocab.REGIONS, 0)
    total = 0
    for entry in entries:
        total += 1
        for region in set(entry.pain.regions):
            if region in counts:
                counts[region] += 1
    return total, counts
