"""The visual system (docs/design.md): every colour pair the style sheet uses reads well in
both palettes, colours are named once, and the window follows the desktop's light or dark
scheme while it runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QProxyStyle,
    QPushButton,
    QStyle,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tracker import resource
from tracker.ui import theme
from tracker.ui.palettes import DARK, LIGHT, Palette, contrast, score_colours
from tracker.ui.theme import style_sheet

TEXT_MINIMUM = 4.5  # WCAG 2 AA, body text
FRAME_MINIMUM = 3.0  # WCAG 2 AA, a control's boundary and the focus ring
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
TEXT_BACKGROUNDS = ("background", "background-color", "alternate-background-color")
BORDERS = ("border", "border-color", "border-bottom", "border-top", "border-left", "border-right")


def rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: value}) of each rule of a filled style sheet."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        properties = dict(
            (name.strip(), value.strip())
            for name, _, value in (part.partition(":") for part in body.split(";"))
            if name.strip()
        )
        found.append((" ".join(selector.split()), properties))
    return found


def colour(value: str | None) -> str | None:
    match = HEX.search(value or "")
    return match.group(0).lower() if match else None


def text_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """(where, words, background) for every text colour the filled sheet and the Qt palette
    set. A rule that sets words but no background is read on the window and on the surface."""
    pairs = []
    for selector, properties in rules(style_sheet(palette, 10.0)):
        words = colour(properties.get("color"))
        grounds = [c for p in TEXT_BACKGROUNDS if (c := colour(properties.get(p)))]
        if words is not None:
            for ground in grounds or [palette.window, palette.surface]:
                pairs.append((selector, words, ground))
        chosen = colour(properties.get("selection-color"))
        chosen_ground = colour(properties.get("selection-background-color"))
        if chosen is not None or chosen_ground is not None:
            assert chosen is not None and chosen_ground is not None, selector
            pairs.append((f"{selector} (selected)", chosen, chosen_ground))
    qp = theme.qt_palette(palette)
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for fore, back, where in (
        (role.WindowText, role.Window, "palette window text"),
        (role.Text, role.Base, "palette text"),
        (role.Text, role.AlternateBase, "palette text, other rows"),
        (role.ButtonText, role.Button, "palette button"),
        (role.HighlightedText, role.Highlight, "palette selected"),
        (role.ToolTipText, role.ToolTipBase, "palette tool tip"),
        (role.PlaceholderText, role.Base, "palette placeholder"),
        (role.Link, role.Base, "palette link"),
    ):
        pairs.append((where, qp.color(fore).name(), qp.color(back).name()))
    disabled = qp.color(group.Disabled, role.ButtonText).name()
    pairs.append(("palette disabled", disabled, qp.color(group.Disabled, role.Button).name()))
    return pairs


def frame_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """(where, frame, around) for every frame a person needs to see: a control's resting
    frame and the focus ring, against the window and the surface they sit on. Decorative
    lines (``divider``) and a frame in its own fill's colour are not boundaries."""
    pairs = []
    for selector, properties in rules(style_sheet(palette, 10.0)):
        fill = colour(properties.get("background"))
        for name in BORDERS:
            frame = colour(properties.get(name))
            if frame is None or frame in (palette.divider, fill):
                continue
            for around in (palette.window, palette.surface):
                pairs.append((f"{selector} {name}", frame, around))
    return pairs


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=lambda p: p.name)
def test_every_text_colour_pair_reads_at_4_5_to_1(palette: Palette) -> None:
    pairs = text_pairs(palette)
    assert len(pairs) >= 40  # the sheet's rules and the Qt palette, not an empty parse
    weak = [(where, a, b, round(contrast(a, b), 2)) for where, a, b in pairs]
    assert [w for w in weak if w[3] < TEXT_MINIMUM] == []


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=lambda p: p.name)
def test_focus_rings_and_control_frames_stand_out_at_3_to_1(palette: Palette) -> None:
    pairs = frame_pairs(palette)
    assert any(":focus" in where for where, _, _ in pairs)
    weak = [(where, a, b, round(contrast(a, b), 2)) for where, a, b in pairs]
    assert [w for w in weak if w[3] < FRAME_MINIMUM] == []


def test_colours_are_named_once_in_the_palette() -> None:
    """The style sheet names colours; only tracker/ui/palettes.py says what they are."""
    template = resource(theme.STYLE_SHEET).read_text(encoding="utf-8")
    assert HEX.findall(template) == []
    assert "$focus" in template and "$urgent_bg" in template


def test_the_tiers_colours_are_used_for_the_tiers_only() -> None:
    template = resource(theme.STYLE_SHEET).read_text(encoding="utf-8")
    for selector, properties in rules(template):
        tiers = [v for v in properties.values() if re.search(r"\$(emergency|urgent|watch)_", v)]
        if tiers:
            named = ("urgentBanner", "emergencyAlert", "tier=")
            assert any(name in selector for name in named), selector
    for level, (fill, _words) in enumerate(score_colours(LIGHT)):
        assert fill not in (LIGHT.emergency_bg, LIGHT.urgent_bg, LIGHT.watch_bg), level


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[theme.Theme]:
    """The app's theme, back to the light scheme afterwards for the other tests."""
    applied = theme.install(qapp)
    yield applied
    _switch(qapp, Qt.ColorScheme.Light)


def _switch(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """The desktop switches its scheme. Where Qt's platform cannot be asked to (the offscreen
    platform of the tests), its signal is sent as the desktop would send it."""
    hints = app.styleHints()
    hints.setColorScheme(scheme)
    if hints.colorScheme() != scheme:
        hints.colorSchemeChanged.emit(scheme)


def _pixel(widget: QWidget) -> str:
    """The colour a person sees in the middle of the left edge's inside (the fill)."""
    image = widget.grab().toImage()
    return image.pixelColor(6, image.height() // 2).name()


def test_the_window_follows_the_desktops_scheme_while_it_runs(
    qtbot: QtBot, qapp: QApplication, themed: theme.Theme
) -> None:
    page = QWidget()
    button = QPushButton("Save")
    field = QLineEdit()
    layout = QVBoxLayout(page)
    layout.addWidget(button)
    layout.addWidget(field)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    _switch(qapp, Qt.ColorScheme.Light)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == LIGHT.window
    assert (_pixel(button), _pixel(field)) == (LIGHT.surface, LIGHT.field)
    light_size = button.size()

    _switch(qapp, Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: _pixel(button) == DARK.surface, timeout=3000)
    assert themed.palette is DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert qapp.palette().color(QPalette.ColorRole.WindowText).name() == DARK.text
    assert _pixel(field) == DARK.field
    assert DARK.window in qapp.styleSheet() and LIGHT.window not in qapp.styleSheet()
    assert button.size() == light_size  # only colours change

    _switch(qapp, Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: _pixel(button) == LIGHT.surface, timeout=3000)


def test_focus_shows_a_ring_and_keeps_the_controls_size(qtbot: QtBot, themed: theme.Theme) -> None:
    page = QWidget()
    first, second = QPushButton("Save"), QLineEdit()
    layout = QVBoxLayout(page)
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    for widget in (first, second):
        other = second if widget is first else first
        other.setFocus()
        qtbot.waitUntil(other.hasFocus, timeout=3000)
        resting = (widget.size(), widget.sizeHint(), widget.grab().toImage().pixelColor(1, 10))
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus, timeout=3000)
        ring = widget.grab().toImage().pixelColor(1, 10).name()
        assert (widget.size(), widget.sizeHint()) == resting[:2]
        assert ring == themed.palette.focus != resting[2].name()


def test_every_tab_shows_its_icon_beside_its_title(qtbot: QtBot) -> None:
    tabs = theme.IconTabs()
    qtbot.addWidget(tabs)
    for title in theme.TAB_ICONS:
        tabs.addTab(QWidget(), title)
    tabs.insertTab(1, QWidget(), "History")  # a page put in later (made when first chosen)
    for index in range(tabs.count()):
        assert tabs.tabText(index) and not tabs.tabIcon(index).pixmap(24, 24).isNull()


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=lambda p: p.name)
def test_every_image_the_style_sheet_names_is_there(palette: Palette) -> None:
    images = re.findall(r'url\("([^"]+)"\)', style_sheet(palette, 10.0))
    assert len(images) >= 3
    assert [image for image in images if not Path(image).is_file()] == []


def test_the_red_flags_list_shows_each_tier_in_its_colours(
    qapp: QApplication, themed: theme.Theme
) -> None:
    from datetime import datetime, timezone

    from tracker.domain.model import Alert
    from tracker.ui.models.alert_table_model import AlertTableModel

    model = AlertTableModel(lambda rule: rule)
    raised = datetime(2026, 9, 30, 8, 0, tzinfo=timezone.utc)
    tiers = ("emergency", "urgent", "watch")
    alerts = [Alert(id=t, raised_at=raised, rule="R1", tier=t) for t in tiers]
    model.set_alerts(alerts, {})
    background, words = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
    for scheme, palette in ((Qt.ColorScheme.Light, LIGHT), (Qt.ColorScheme.Dark, DARK)):
        _switch(qapp, scheme)
        for row, tier in enumerate(tiers):
            cell = model.index(row, 2)
            assert model.data(cell) == tier.upper()  # the word, never the colour alone
            assert model.data(cell, background).name() == getattr(palette, f"{tier}_bg")
            assert model.data(cell, words).name() == getattr(palette, f"{tier}_text")
        assert model.data(model.index(0, 3), background) is None  # the tier's column only


def test_a_desktop_palette_tells_its_scheme_until_the_desktop_names_one(
    qapp: QApplication, themed: theme.Theme
) -> None:
    """Before the first paint the scheme is read from the desktop's palette (its window
    colour); a desktop that then names no scheme (``Unknown``) keeps it; one that names a
    scheme is followed."""
    assert theme.looks_dark(QPalette(QColor("#303030"), QColor("#202020")))
    assert not theme.looks_dark(QPalette(QColor("#e0e0e0"), QColor("#f0f0f0")))
    _switch(qapp, Qt.ColorScheme.Dark)
    assert themed.palette is DARK
    themed.follow(Qt.ColorScheme.Unknown)
    assert themed.palette is DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    _switch(qapp, Qt.ColorScheme.Light)
    assert themed.palette is LIGHT
    themed.follow(Qt.ColorScheme.Unknown)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == LIGHT.window


class _DesktopWithIcons(QProxyStyle):
    """A desktop whose style puts icons on dialog buttons (as KDE's and GNOME's themes do)."""

    def styleHint(self, hint: QStyle.StyleHint, *args: object) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, *args)  # type: ignore[arg-type]


def test_dialog_buttons_show_words_without_the_desktops_icons(
    qtbot: QtBot, qapp: QApplication, themed: theme.Theme
) -> None:
    # a desktop theme's red cross on Cancel would speak the red flags' colour
    before = qapp.style().name()
    desktop = _DesktopWithIcons("Fusion")
    qapp.setStyle(desktop)
    try:
        ok = QStyle.StandardPixmap.SP_DialogOkButton
        assert not desktop.standardIcon(ok).isNull()  # this desktop has icons to show
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(box)
        assert [b.text() for b in box.buttons() if not b.icon().isNull()] == []
    finally:
        qapp.setStyle(before)


def test_a_tree_lists_rows_as_tall_as_a_tables(qtbot: QtBot, themed: theme.Theme) -> None:
    # the Red flags list is a tree (a flag repeated over days opens to its entries)
    model = QStandardItemModel()
    for words in ("severe pain that does not let up", "back pain that keeps getting worse"):
        model.appendRow([QStandardItem(words)])
    tree, table = QTreeView(), QTableView()
    for view in (tree, table):
        qtbot.addWidget(view)
        view.setModel(model)
        view.show()
    qtbot.waitExposed(tree)
    first = model.index(0, 0)
    assert tree.visualRect(first).height() >= 28
    assert tree.visualRect(first).height() >= table.rowHeight(0) - 4
