"""The window's one visual system: two palettes (light and dark) as data, the type and spacing
scales, and the style sheet filled from them (``resources/style.qss``).

The palette follows the desktop's colour scheme and changes with it while the app runs. The
app's first paint reads it from the desktop's palette (``looks_dark``); just after that paint,
``Theme.follow_desktop`` reads the scheme the desktop names (``QStyleHints.colorScheme()``) and
follows its changes. Not before: naming a scheme makes PySide6 build the 93 enum classes of the
``Qt`` namespace (~21 ms, as long as the rest of the theme), which the first frame does without
(``tests/gui/test_lazy_imports.py``). Every colour is named here once; the style sheet only
names them (``$text``, ``$window`` ...), and ``tests/gui/test_design.py`` checks the contrast
of every pair the filled sheet uses. docs/design.md says which name is for what.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from string import Template
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget

from tracker import resource

if TYPE_CHECKING:  # named at run time only after the first paint (above)
    from PySide6.QtCore import Qt

STYLE_SHEET = "style.qss"
ICON_COLOUR = "#4f86b5"  # resources/icons/*.svg: 3:1 or more on both palettes' window colour
# Spacing (px) and type (times the desktop's text size) scales: docs/design.md.
SPACE = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24}
TYPE_SCALE = {"small": 0.9, "body": 1.0, "heading": 1.2, "title": 1.5, "number": 2.2}
# QApplication's own option for its style: set so, the style costs the first frame nothing in
# Python (``app.setStyle`` makes Python classes for QStyle's enums, ~8 ms)
STYLE_ARGUMENTS = ("-style", "Fusion")
SCORE_LEVELS = 11  # the pain scale's buttons, 0 to 10
# Each tab's icon (resources/icons/NAME.svg), beside its title, never instead of it.
TAB_ICONS = {
    "Check-in": "checkin",
    "History": "history",
    "Treatments": "treatments",
    "Painkillers": "painkillers",
    "Medicines": "painkillers",  # the same pill: both are medicines
    "Reviews": "reviews",
    "Appointments": "appointments",
    "Red flags": "redflags",
    "Trends": "trends",
    "Weekly form": "weekly-form",
}


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


def _score_rules(palette: Palette) -> str:
    return "".join(
        f'\nQPushButton#scoreButton[score="{level}"] {{ background: {fill}; color: {ink}; }}'
        for level, (fill, ink) in enumerate(score_colours(palette))
    )


def tier_colour(tier: str, part: str) -> QColor | None:
    """A red-flag tier's colour (``part``: "bg", "text" or "border") in the palette shown
    now, for a list that shows the tier; None before the theme is installed."""
    theme = current()
    if theme is None or tier not in ("emergency", "urgent", "watch"):
        return None
    return QColor(theme.palette.colours()[f"{tier}_{part}"])


def sizes(base_point_size: float) -> dict[str, str]:
    """The type scale in points for a body text of ``base_point_size``."""
    return {f"size_{name}": f"{base_point_size * k:.1f}pt" for name, k in TYPE_SCALE.items()}


def style_sheet(palette: Palette, base_point_size: float) -> str:
    """``resources/style.qss`` with the palette's colours and the type scale filled in."""
    template = Template(resource(STYLE_SHEET).read_text(encoding="utf-8"))
    icons = resource("icons")
    filled = template.substitute(
        palette.colours(),
        icons=icons.as_posix(),
        check_icon=(icons / f"check-{palette.name}.svg").as_posix(),
        **sizes(base_point_size),
    )
    return filled + _score_rules(palette) + "\n"


def qt_palette(palette: Palette) -> QPalette:
    """The same colours for what the style sheet does not draw (menus, native dialogs)."""
    qp = QPalette()
    role = QPalette.ColorRole
    roles = {
        role.Window: palette.window,
        role.WindowText: palette.text,
        role.Base: palette.field,
        role.AlternateBase: palette.field_alt,
        role.Text: palette.text,
        role.Button: palette.surface,
        role.ButtonText: palette.text,
        role.BrightText: palette.on_accent,
        role.Highlight: palette.selection,
        role.HighlightedText: palette.selection_text,
        role.ToolTipBase: palette.surface,
        role.ToolTipText: palette.text,
        role.PlaceholderText: palette.text_muted,
        role.Link: palette.focus,
        role.LinkVisited: palette.focus,
        role.Accent: palette.accent,
        role.Light: palette.surface,
        role.Midlight: palette.surface_hover,
        role.Mid: palette.divider,
        role.Dark: palette.border,
        role.Shadow: palette.border,
    }
    for name, colour in roles.items():
        qp.setColor(name, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        qp.setColor(disabled, name, QColor(palette.text_disabled))
    return qp


class IconTabs(QTabWidget):
    """Tabs that show each page's icon beside its title (an icon is never alone), also for a
    page put in its tab later (``page_tabs`` makes some only when first chosen)."""

    def tabInserted(self, index: int) -> None:
        # imported here: the first tab is put in after the first paint, which QIcon's
        # import (the classes of its enums, ~3 ms) would otherwise hold up
        from PySide6.QtGui import QIcon

        name = TAB_ICONS.get(self.tabText(index).replace("&", ""))
        if name is not None:
            self.setTabIcon(index, QIcon(str(resource(f"icons/{name}.svg"))))
        super().tabInserted(index)


def scheme_palette(scheme: Qt.ColorScheme) -> Palette:
    """The palette for a colour scheme (light when the desktop says none)."""
    from PySide6.QtCore import Qt

    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def looks_dark(desktop: QPalette) -> bool:
    """Whether the desktop's own palette is a dark one (its window darker than mid-grey): Qt
    gives the dark mode of Windows (with the Fusion style) and of macOS to the app so. Where
    the desktop's named scheme says otherwise, ``follow_desktop`` puts it right."""
    return desktop.color(QPalette.ColorRole.Window).lightness() < 128


class Theme:
    """Applies the palette and the filled style sheet to the app, again when the desktop's
    scheme changes or the text size does ("Larger text")."""

    def __init__(self, app: QApplication, *, styled: bool = False) -> None:
        self._app = app
        self.base_point_size = QApplication.font().pointSizeF()
        self.dark = looks_dark(app.palette())  # until ``follow_desktop``
        self._following = False
        if not styled:  # the one built-in style that draws with the palette everywhere
            app.setStyle("Fusion")
        self.apply()

    @property
    def palette(self) -> Palette:
        return DARK if self.dark else LIGHT

    def follow_desktop(self) -> None:
        """The scheme the desktop names, now and whenever it switches (once the window has
        painted: see the module's docstring). A desktop that names none (``Unknown``) keeps
        what its palette showed."""
        if self._following:
            return
        self._following = True
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self.follow)
        self.follow(hints.colorScheme())

    def follow(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: so does the window, at once."""
        from PySide6.QtCore import Qt

        if scheme != Qt.ColorScheme.Unknown and (scheme == Qt.ColorScheme.Dark) != self.dark:
            self.dark = scheme == Qt.ColorScheme.Dark
            self.apply()

    def apply(self) -> None:
        self._app.setPalette(qt_palette(self.palette))
        self._app.setStyleSheet(style_sheet(self.palette, self.base_point_size))

    def set_text_size(self, point_size: float) -> None:
        if point_size != self.base_point_size:
            self.base_point_size = point_size
            self.apply()


_installed: list[Theme] = []  # the one theme of the one QApplication


def install(app: QApplication, *, styled: bool = False, following: bool = True) -> Theme:
    """The app's theme, made once; ``styled``: the app was made with ``STYLE_ARGUMENTS``;
    not ``following``: ``follow_desktop`` is called later (the app's window, after its first
    paint)."""
    if not _installed:
        _installed.append(Theme(app, styled=styled))
    if following:
        _installed[0].follow_desktop()
    return _installed[0]


def current() -> Theme | None:
    return _installed[0] if _installed else None
