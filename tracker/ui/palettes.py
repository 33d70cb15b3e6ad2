"""The two palettes (light and dark) as data, and the colour arithmetic the design checks with:
WCAG 2 luminance and contrast, and the pain scale's fills. Plain Python, no Qt: the theme
(``tracker.ui.theme``) fills the style sheet and Qt's palette from them. docs/design.md says
which name is for what.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

SCORE_LEVELS = 11  # the pain scale's buttons, 0 to 10


@dataclass(frozen=True)
class Palette:
    """The named colours of one scheme (``#rrggbb``)."""

    name: str
    window: str  # the page behind everything
    surface: str  # buttons, cards, header sections
    surface_hover: str
    field: str  # where the person types or reads a list
    field_alt: str  # every other row of a table
    text: str
    text_muted: str  # hints and secondary words
    text_disabled: str
    border: str  # a control's resting frame (3:1 on the window: a boundary one must see)
    divider: str  # decorative lines between parts (not a control's boundary)
    focus: str  # the focus ring
    accent: str  # the primary button's fill
    on_accent: str  # words on the accent
    accent_soft: str  # the example journal's bar, the chosen tab's underline background
    selection: str
    selection_text: str
    score_low: str  # the pain scale's 0 ...
    score_high: str  # ... and its 10 (one hue, none of the tiers' colours)
    # The red-flag tiers: only for the tiers, never for anything else.
    emergency_bg: str
    emergency_text: str
    emergency_border: str
    urgent_bg: str
    urgent_text: str
    urgent_border: str
    watch_bg: str
    watch_text: str
    watch_border: str

    def colours(self) -> dict[str, str]:
        named = {key: value for key, value in asdict(self).items() if key != "name"}
        return named


LIGHT = Palette(
    name="light",
    window="#f6f7f9",
    surface="#ffffff",
    surface_hover="#eef1f5",
    field="#ffffff",
    field_alt="#f1f4f7",
    text="#1d2430",
    text_muted="#4a5564",
    text_disabled="#5f6b7a",
    border="#7c8796",
    divider="#d5dae1",
    focus="#1a56db",
    accent="#1f5f8b",
    on_accent="#ffffff",
    accent_soft="#e3edf7",
    selection="#cfe0f3",
    selection_text="#1d2430",
    score_low="#e9f5f2",
    score_high="#3d2b73",
    emergency_bg="#fde8e8",
    emergency_text="#7a0f0f",
    emergency_border="#b3261e",
    urgent_bg="#fff0dc",
    urgent_text="#5f3300",
    urgent_border="#a84a00",
    watch_bg="#fbf6d9",
    watch_text="#4f4200",
    watch_border="#7a6800",
)

DARK = Palette(
    name="dark",
    window="#1b1f24",
    surface="#262b32",
    surface_hover="#30363e",
    field="#22272e",
    field_alt="#272d35",
    text="#e6e9ee",
    text_muted="#aab3bf",
    text_disabled="#98a2ae",
    border="#7d8794",
    divider="#3a414b",
    focus="#8ab4f8",
    accent="#7fb3e6",
    on_accent="#0d1b2a",
    accent_soft="#1e3448",
    selection="#2f4a66",
    selection_text="#f2f4f7",
    score_low="#243230",
    score_high="#c4b0ff",
    emergency_bg="#3d1518",
    emergency_text="#ffc2bb",
    emergency_border="#ff6b5e",
    urgent_bg="#3a2410",
    urgent_text="#ffd2a8",
    urgent_border="#f09040",
    watch_bg="#33300f",
    watch_text="#f0e08a",
    watch_border="#c8b43c",
)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _mix(low: str, high: str, share: float) -> str:
    mixed = (
        round(int(low[i : i + 2], 16) * (1 - share) + int(high[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in mixed)


def score_colours(palette: Palette) -> list[tuple[str, str]]:
    """(fill, words) of each pain score 0 to 10: one hue growing stronger, with whichever of
    the two text colours reads better on it; a middle fill on which neither reads at 4.5:1 is
    moved a little away from its words until one does."""
    inks = (palette.text, "#ffffff") if palette.name == "light" else (palette.text, "#10131a")
    pairs = []
    for level in range(SCORE_LEVELS):
        fill = _mix(palette.score_low, palette.score_high, level / (SCORE_LEVELS - 1))
        ink = inks[0] if contrast(inks[0], fill) >= contrast(inks[1], fill) else inks[1]
        away = "#000000" if luminance(ink) > luminance(fill) else "#ffffff"
        while contrast(ink, fill) < 4.5:
            fill = _mix(fill, away, 0.05)
        pairs.append((fill, ink))
    return pairs
