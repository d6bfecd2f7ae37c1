"""The main window's commands: one QAction each (text, shortcut, what it does), placed on
its toolbar and in its menus. The window says what each command runs; this module says
where each one appears."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolButton, QWidget

from billie_desktop.ui.widgets import PlainLabel, tr


def _t(text: str) -> str:
    return tr(text, "MainWindow")


@dataclass(frozen=True)
class Targets:
    """What each command runs."""

    refresh: Callable[[], object]
    find: Callable[[], object]
    link: Callable[[], object]
    bulk: Callable[[], object]
    organisation: Callable[[], object]
    activity: Callable[[], object]
    export: Callable[[], object]
    sign_out: Callable[[], object]
    quit: Callable[[], object]
    about: Callable[[], object]


class MainActions:
    def __init__(self, window: QMainWindow, targets: Targets,
                 toolbar_widgets: tuple[QWidget, QWidget]) -> None:
        """``toolbar_widgets``: the organisation box and the search bar, which lead the
        toolbar."""

        def action(text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
            made = QAction(text, window)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            return made

        c = targets
        self.refresh = action(_t("&Refresh"), c.refresh, "F5")
        self.find = action(_t("&Find…"), c.find, "Ctrl+F")
        self.link = action(_t("&Link to user account…"), c.link, "Ctrl+L")
        self.link.setEnabled(False)  # until a customer is selected
        self.bulk = action(_t("Link by &email…"), c.bulk, "Ctrl+Shift+L")
        self.bulk.setToolTip(_t("Match customers to user accounts by email, review, "
                                "and link many at once"))
        self.organisation = action(_t("Choose &organisation"), c.organisation, "Ctrl+O")
        self.activity = action(_t("&Activity"), c.activity, "Ctrl+Shift+A")
        self.export = action(_t("&Export customers…"), c.export, "Ctrl+E")
        self.sign_out = action(_t("Sign &out"), c.sign_out)
        self.quit = action(_t("&Quit"), c.quit, "Ctrl+Q")
        self.about = action(_t("&About Billie Desktop"), c.about)
        self._toolbar(window, toolbar_widgets)
        self._menus(window)

    def _toolbar(self, window: QMainWindow, widgets: tuple[QWidget, QWidget]) -> None:
        toolbar = window.addToolBar(_t("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(PlainLabel(_t(" Organisation: ")))
        toolbar.addWidget(widgets[0])
        toolbar.addSeparator()
        toolbar.addWidget(widgets[1])
        toolbar.addActions([self.refresh, self.link, self.bulk])
        toolbar.addSeparator()
        toolbar.addAction(self.sign_out)
        overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # », unnamed by Qt
        if overflow is not None:
            overflow.setAccessibleName(_t("More toolbar buttons"))

    def _menus(self, window: QMainWindow) -> None:
        for title, actions in ((_t("&File"), (self.export, None, self.sign_out, None,
                                              self.quit)),
                               (_t("&View"), (self.refresh, self.find, self.organisation, None,
                                              self.activity)),
                               (_t("&Customer"), (self.link, self.bulk)),
                               (_t("&Help"), (self.about,))):
            menu = window.menuBar().addMenu(title)
            for item in actions:
                menu.addAction(item) if item is not None else menu.addSeparator()
