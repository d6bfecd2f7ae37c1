"""The main window's commands: one QAction each (text, shortcut, what it does), placed on
its toolbar and in its menus. The window says what each command runs; this module says
where each one appears."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolButton, QWidget

from billie_desktop.api import Customer
from billie_desktop.ui.customer_fields import CUSTOMER_ROLE
from billie_desktop.ui.customers_table import CustomersTable
from billie_desktop.ui.list_copy import ListCopy
from billie_desktop.ui.widgets import PlainLabel, Translated


@dataclass(frozen=True)
class Targets:
    """What each command runs."""

    refresh: Callable[[], object]
    find: Callable[[], object]
    link: Callable[[], object]
    unlink: Callable[[], object]
    bulk: Callable[[], object]
    organisation: Callable[[], object]
    activity: Callable[[], object]
    export: Callable[[], object]
    sign_out: Callable[[], object]
    quit: Callable[[], object]


class MainActions(Translated):
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
        self.refresh = action(self.tr("&Refresh"), c.refresh, "F5")
        self.find = action(self.tr("&Find…"), c.find, "Ctrl+F")
        self.link = action(self.tr("&Link to user account…"), c.link, "Ctrl+L")
        self.link.setEnabled(False)  # until a customer is selected
        self.unlink = action(self.tr("&Remove link…"), c.unlink)
        self.unlink.setEnabled(False)  # until a linked customer is selected
        self.bulk = action(self.tr("Link by &email…"), c.bulk, "Ctrl+Shift+L")
        self.bulk.setToolTip(self.tr("Match customers to user accounts by email, review, "
                                     "and link many at once"))
        self.organisation = action(self.tr("Choose &organisation"), c.organisation, "Ctrl+O")
        self.activity = action(self.tr("&Activity"), c.activity, "Ctrl+Shift+A")
        self.export = action(self.tr("&Export customers…"), c.export, "Ctrl+E")
        self.sign_out = action(self.tr("Sign &out"), c.sign_out, "Ctrl+Shift+O")
        self.quit = action(self.tr("&Quit"), c.quit, "Ctrl+Q")
        self._toolbar(window, toolbar_widgets)
        self._menus(window)

    def _toolbar(self, window: QMainWindow, widgets: tuple[QWidget, QWidget]) -> None:
        toolbar = window.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(PlainLabel(self.tr(" Organisation: ")))
        toolbar.addWidget(widgets[0])
        toolbar.addSeparator()
        toolbar.addWidget(widgets[1])
        toolbar.addActions([self.refresh, self.link, self.bulk])
        toolbar.addSeparator()
        toolbar.addAction(self.sign_out)
        overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # », unnamed by Qt
        if overflow is not None:
            overflow.setAccessibleName(self.tr("More toolbar buttons"))

    def _menus(self, window: QMainWindow) -> None:
        menus = [(self.tr("&File"), (self.export, None, self.sign_out, None, self.quit)),
                 (self.tr("&View"), (self.refresh, self.find, self.organisation, None,
                                     self.activity)),
                 (self.tr("&Customer"), (self.link, self.unlink, None, self.bulk)),
                 (self.tr("&Help"), ())]  # (filled by ui/help_menu.py)
        made = []
        for title, actions in menus:
            menu = window.menuBar().addMenu(title)
            for item in actions:
                menu.addAction(item) if item is not None else menu.addSeparator()
            made.append(menu)
        self.view_menu = made[1]  # (View ▸ Theme joins it: ui/theme.add_theme_menu)
        self.help_menu = made[3]

    def add_context_menu(self, table: CustomersTable, copy: ListCopy) -> None:
        """A right click on a customer: select it (unless it is among those selected), then
        Link, Remove link, the copies and Refresh."""

        def menu_at(position: QPoint) -> None:
            index = table.indexAt(position)
            customer = index.data(CUSTOMER_ROLE) if index.isValid() else None
            if not isinstance(customer, Customer):
                return
            if not table.selectionModel().isRowSelected(index.row()):
                table.selectRow(index.row())
            table.selectionModel().setCurrentIndex(  # (the one Link acts on)
                index, QItemSelectionModel.SelectionFlag.NoUpdate)
            menu = QMenu(table)
            menu.addActions([self.link, self.unlink])
            menu.addSeparator()
            for text, what in ((self.tr("Copy &email"), "email"),
                               (self.tr("Copy customer &ID"), "id"),
                               (self.tr("Copy &row"), "row")):
                item = menu.addAction(text)
                item.triggered.connect(lambda _=False, w=what: copy.copy_value(customer, w))
            if copy.selected_count() > 1:
                item = menu.addAction(self.tr("&Copy the selected rows"))
                item.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
                item.triggered.connect(copy.copy_selected)
            menu.addSeparator()
            menu.addAction(self.refresh)
            menu.popup(table.viewport().mapToGlobal(position))

        table.customContextMenuRequested.connect(menu_at)
