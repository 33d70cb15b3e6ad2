"""The window's one visual system: the two palettes (light and dark, ``tracker.ui.palettes``),
the type and spacing scales, and the style sheet filled from them (``resources/style.qss``).

The palette follows the desktop's colour scheme and changes with it while the app runs. The
app's first paint reads it from the desktop's palette (``looks_dark``); just after that paint,
``Theme.follow_desktop`` reads the scheme the desktop names (``QStyleHints.colorScheme()``) and
follows its changes. Not before: naming a scheme makes PySide6 build the 93 enum classes of the
``Qt`` namespace (~21 ms, as long as the rest of the theme), which the first frame does without
(``tests/gui/test_lazy_imports.py``). Every colour is named once, in the palettes; the style
sheet only names them (``$text``, ``$window`` ...), and ``tests/gui/test_design.py`` checks
the contrast of every pair the filled sheet uses. docs/design.md says which name is for what.
"""

from __future__ import annotations

from string import Template
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFontInfo, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget

from tracker import resource
from tracker.ui.palettes import DARK, LIGHT, Palette, score_colours

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


def window_points() -> float:
    """The size of the app's words in points, also when the desktop gave its font in pixels
    (its point size is then -1)."""
    font = QApplication.font()
    return font.pointSizeF() if font.pointSizeF() > 0 else QFontInfo(font).pointSizeF()


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
        self.base_point_size = window_points()
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


def shows_dark(scheme: Qt.ColorScheme | None = None) -> bool:
    """Whether the window shows the dark scheme now: the theme's, once it is installed (on a
    switch it has followed first: it was connected before any view), else ``scheme`` or the
    desktop's. The one answer for every page drawn with matplotlib."""
    applied = current()
    if applied is not None:
        return applied.dark
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return scheme_palette(scheme) is DARK
