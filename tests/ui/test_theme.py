"""View ▸ Theme: System / Light / Dark, remembered; System follows the platform live; the
console's own colours come from the palette and read on both."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu

from billie_desktop.ui.settings import Settings
from billie_desktop.ui.theme import Theme, is_dark, keeper_for
from billie_desktop.ui.widgets import SoftLabel, contrast, error_colour
from tests.ui.conftest import signed_in


@pytest.fixture
def restored():
    """The one QApplication is shared by every test: its palette is put back."""
    app = QApplication.instance()
    palette = QPalette(app.palette())
    yield app
    app.styleHints().unsetColorScheme()
    app.setPalette(palette)


def theme_actions(main):
    menu = next(m for m in main.menuBar().findChildren(QMenu) if m.title() == "&Theme")
    assert menu.menuAction() in main.commands.view_menu.actions()  # View ▸ Theme
    return {a.data(): a for a in menu.actions()}


async def test_the_theme_menu_applies_and_remembers(console, restored, settings, tmp_path):
    main = await signed_in(console)
    actions = theme_actions(main)
    assert set(actions) == {"system", "light", "dark"} and actions["system"].isChecked()
    actions["dark"].trigger()
    await asyncio.sleep(0.05)  # the palette change reaches the widgets as events
    palette = restored.palette()
    assert is_dark(palette) and settings.theme == "dark"
    assert actions["dark"].isChecked() and not actions["system"].isChecked()
    assert main.detail.palette().color(QPalette.ColorRole.Window) == palette.color(
        QPalette.ColorRole.Window)  # the widgets follow
    for theme in ("dark", "light"):
        actions[theme].trigger()
        window = restored.palette().color(QPalette.ColorRole.Window)
        text = restored.palette().color(QPalette.ColorRole.WindowText)
        assert contrast(error_colour(restored.palette()), window) >= 4.5, theme
        assert contrast(text, window) >= 7, theme
        placeholder = restored.palette().color(QPalette.ColorRole.PlaceholderText)
        assert contrast(placeholder, restored.palette().color(QPalette.ColorRole.Base)) >= 3
        await asyncio.sleep(0.05)
        names = main.detail.findChildren(SoftLabel)  # the detail pane's field names
        assert len(names) >= 9
        for name in names:
            colour = name.palette().color(QPalette.ColorRole.WindowText)
            assert contrast(colour, window) >= 4.5, (theme, name.text())
            assert colour != text  # (softer than the values, still)
    settings.sync()
    assert Settings(tmp_path / "settings.ini").theme == "light"  # remembered in the file
    actions["system"].trigger()
    assert settings.theme == "system"


def test_system_follows_the_platform_live(restored):
    keeper = keeper_for(restored)
    system = QPalette(restored.palette())
    keeper.apply(Theme.SYSTEM)
    assert restored.palette().color(QPalette.ColorRole.Window) == system.color(
        QPalette.ColorRole.Window)
    hints = restored.styleHints()
    dark_platform = not is_dark(system)  # the platform switches to the other scheme
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark if dark_platform else Qt.ColorScheme.Light)
    assert is_dark(restored.palette()) == dark_platform
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light if dark_platform else Qt.ColorScheme.Dark)
    assert is_dark(restored.palette()) == is_dark(system)
    keeper.apply(Theme.DARK)  # a chosen theme is not overridden by the platform
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert is_dark(restored.palette())


def test_system_checks_the_platform_scheme_once_the_first_window_is_up(restored, monkeypatch):
    """The first window is built with the platform's palette (reading the scheme builds
    Qt's namespace, ~15 ms); where that palette disagrees with the platform's colour
    scheme, ``check_scheme`` (called once the window is up) brings the scheme's palette."""
    keeper = keeper_for(restored)
    platform_dark = is_dark(keeper.system)
    other = Qt.ColorScheme.Light if platform_dark else Qt.ColorScheme.Dark
    monkeypatch.setattr(restored.styleHints(), "colorScheme", lambda: other)
    keeper.apply(Theme.SYSTEM, check_scheme=False)
    assert is_dark(restored.palette()) == platform_dark
    keeper.check_scheme()
    assert is_dark(restored.palette()) != platform_dark
    keeper.apply(Theme.LIGHT)
    keeper.check_scheme()  # only System follows the platform
    assert not is_dark(restored.palette())
