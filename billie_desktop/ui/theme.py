"""View ▸ Theme: System, Light or Dark, remembered.

System leaves the platform's palette alone and follows its colour scheme live
(``QStyleHints.colorScheme``; when the platform gives no palette of its own, as under
Xvfb, the console supplies the light or dark one the scheme asks for). Light and Dark set
a complete palette, so every widget follows it; the console's own colours (banners, field
errors, placeholders) are taken from the palette and read on both."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from billie_desktop.speedups import set_qt_enum

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    from billie_desktop.ui.settings import Settings


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


# The window a shade lighter than the fields: Fusion outlines tick boxes with the window's
# colour darkened, which must still show on a field's (#2b2b2b windows left them invisible).
_DARK = {QPalette.ColorRole.Window: "#404040", QPalette.ColorRole.WindowText: "#e6e6e6",
         QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2e2e2e",
         QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#4a4a4a",
         QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d8ee6",
         QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#6cb4ff",
         QPalette.ColorRole.PlaceholderText: "#8a8a8a", QPalette.ColorRole.ToolTipBase: "#4a4a4a",
         QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ffffff",
         QPalette.ColorRole.Mid: "#4a4a4a", QPalette.ColorRole.Dark: "#1a1a1a",
         QPalette.ColorRole.Light: "#505050", QPalette.ColorRole.Midlight: "#444444",
         QPalette.ColorRole.Shadow: "#000000"}
_DISABLED = {QPalette.ColorRole.WindowText: "#7a7a7a", QPalette.ColorRole.Text: "#7a7a7a",
             QPalette.ColorRole.ButtonText: "#7a7a7a"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def light_palette(system: QPalette) -> QPalette:
    """The platform's palette when it is light; otherwise a plain light one."""
    if system.color(QPalette.ColorRole.Window).lightness() >= 128:
        return QPalette(system)
    palette = QPalette(QColor("#efefef"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1a1a1a"))
    return palette


def add_theme_menu(view: QMenu, keeper: ThemeKeeper, settings: Settings) -> QMenu:
    """View ▸ Theme (in ``view``, a window's View menu): the choice applies at once and is
    remembered."""
    from PySide6.QtGui import QAction, QActionGroup

    view.addSeparator()
    theme_menu = view.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
    group = QActionGroup(theme_menu)
    for theme, title in ((Theme.SYSTEM, QCoreApplication.translate("MainWindow", "&System")),
                         (Theme.LIGHT, QCoreApplication.translate("MainWindow", "&Light")),
                         (Theme.DARK, QCoreApplication.translate("MainWindow", "&Dark"))):
        action = QAction(title, theme_menu, checkable=True)
        action.setData(theme.value)
        action.setChecked(keeper.theme == theme)
        group.addAction(action)
        theme_menu.addAction(action)
    group.triggered.connect(lambda action: _chosen(keeper, settings, action.data()))
    return theme_menu


def _chosen(keeper: ThemeKeeper, settings: Settings, theme: str) -> None:
    keeper.apply(theme)
    settings.theme = theme


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def keeper_for(app: QGuiApplication | QCoreApplication | None) -> ThemeKeeper:
    """The application's one keeper (two would both answer the platform's changes): a
    child of the application, found there, made with it the first time (the console's
    start makes it before the first window and hands it on; tests and tools find it)."""
    if not isinstance(app, QGuiApplication):
        raise TypeError("the theme keeper needs a QGuiApplication")
    keeper = app.findChild(ThemeKeeper)
    return keeper if isinstance(keeper, ThemeKeeper) else ThemeKeeper(app)


class ThemeKeeper(QObject):
    """Applies the chosen theme, and keeps System following the platform. One per
    application: ui/start.py makes it and hands it to the console; elsewhere ``keeper_for``
    finds it."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.app = app
        self.system = app.palette()  # the platform's (a copy), before any change
        self.theme = Theme.SYSTEM
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def apply(self, theme: Theme | str, *, check_scheme: bool = True) -> None:
        """``check_scheme=False``, for the first window: System keeps the platform's palette
        and leaves checking it against the platform's colour scheme to ``check_scheme()``,
        once the window is up. Reading the scheme builds Qt's namespace (see
        ``speedups.set_qt_enum``); the palette Qt gives disagrees with the scheme only where a
        platform theme's palette ignores it."""
        self.theme = Theme(theme)
        hints = self.app.styleHints()
        if self.theme == Theme.DARK:
            set_qt_enum(hints, "colorScheme", "Dark")
            self.app.setPalette(dark_palette())
        elif self.theme == Theme.LIGHT:
            set_qt_enum(hints, "colorScheme", "Light")
            self.app.setPalette(light_palette(self.system))
        else:
            hints.unsetColorScheme()
            if check_scheme:
                self.check_scheme()

    def check_scheme(self) -> None:
        """With System: the palette the platform's colour scheme asks for."""
        if self.theme == Theme.SYSTEM:
            self._follow(self.app.styleHints().colorScheme())

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.theme == Theme.SYSTEM:
            self._follow(scheme)

    def _follow(self, scheme: Qt.ColorScheme) -> None:
        """The platform's palette, unless it disagrees with the platform's own scheme (no
        platform theme): then the palette the scheme asks for."""
        from PySide6.QtCore import Qt

        wants_dark = scheme == Qt.ColorScheme.Dark
        if scheme == Qt.ColorScheme.Unknown or wants_dark == is_dark(self.system):
            self.app.setPalette(self.system)
        else:
            self.app.setPalette(dark_palette() if wants_dark else light_palette(self.system))
