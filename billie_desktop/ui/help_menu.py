"""Help: Keyboard shortcuts (every one, searchable), the User guide (docs/user-guide.md,
shipped with the console and shown in a window of its own), Open log folder, Open data
folder, and About (the version, the server, and where settings, the log and the data
live)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from billie_desktop import __version__
from billie_desktop.ui.opening import open_path
from billie_desktop.ui.resources import resources_dir
from billie_desktop.ui.session import Session
from billie_desktop.ui.widgets import Translated, fit_on_screen, plain_message_box
from billie_desktop.work.text import QT_TRANSLATE_NOOP

# Keys a widget handles itself (no menu command carries them): where, and what they do.
KEYS = (
    (QT_TRANSLATE_NOOP("Help", "Enter (in the list)"),
     QT_TRANSLATE_NOOP("Help", "Link the customer with focus to a user account")),
    (QT_TRANSLATE_NOOP("Help", "Shift+click, Ctrl+click, Ctrl+A (in the list)"),
     QT_TRANSLATE_NOOP("Help", "Select several customers")),
    (QT_TRANSLATE_NOOP("Help", "Ctrl+C (in the list)"),
     QT_TRANSLATE_NOOP("Help", "Copy the selected rows, with the headers")),
    (QT_TRANSLATE_NOOP("Help", "Ctrl+Home, Ctrl+End (in the list)"),
     QT_TRANSLATE_NOOP("Help", "Go to the first or the last customer")),
    (QT_TRANSLATE_NOOP("Help", "Down arrow (in Find account)"),
     QT_TRANSLATE_NOOP("Help", "Move into the accounts found")),
    (QT_TRANSLATE_NOOP("Help", "Escape (in a dialog)"),
     QT_TRANSLATE_NOOP("Help", "Cancel, and close it")),
    (QT_TRANSLATE_NOOP("Help", "Enter (on the sign-in window)"),
     QT_TRANSLATE_NOOP("Help", "Sign in")),
)


def user_guide_path() -> Path:
    """docs/user-guide.md: beside resources/ in a checkout and in a frozen build."""
    return resources_dir().parent / "docs" / "user-guide.md"


def log_folder() -> Path:
    import platformdirs

    return platformdirs.user_log_path("billie-desktop", appauthor=False)


def data_folder() -> Path:
    from billie_desktop.work.entries import default_path

    return default_path().parent


class ShortcutsDialog(QDialog):
    """Every shortcut of the main window's commands, and the keys widgets take, in a table
    that a word typed above it filters."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts – Billie Desktop"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to find a shortcut or a command"))
        self.filter.setAccessibleName(self.tr("Find a shortcut"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        for keys, what in self.rows(window):
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.resizeColumnToContents(0)
        self.filter.textChanged.connect(self._filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.resize(640, 480)
        fit_on_screen(self)

    def rows(self, window: QMainWindow) -> list[tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for action in window.findChildren(QAction):
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                             for s in action.shortcuts())
            what = action.text().replace("&", "").rstrip("…").strip()
            if keys and what:
                found[keys + what] = (keys, what)
        rows = sorted(found.values(), key=lambda r: r[1].lower())
        return rows + [(QCoreApplication.translate("Help", keys),
                        QCoreApplication.translate("Help", what)) for keys, what in KEYS]

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.table.rowCount()):
            line = " ".join((item.text() if (item := self.table.item(row, c)) else "").lower()
                            for c in (0, 1))
            self.table.setRowHidden(row, not all(w in line for w in words))


class UserGuide(QDialog):
    """docs/user-guide.md with its screenshots, in a window that does not block the list."""

    def __init__(self, parent: QWidget, path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide – Billie Desktop"))
        self.setModal(False)
        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(True)
        self.view.setSource(QUrl.fromLocalFile(str(path)),
                            QTextDocument.ResourceType.MarkdownResource)
        self.view.setAccessibleName(self.tr("User guide"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.resize(900, 700)
        fit_on_screen(self)


class HelpMenu(Translated):
    def __init__(self, window: QMainWindow, menu: QMenu, session: Session,
                 settings_file: Callable[[], str]) -> None:
        self.window, self.session, self.settings_file = window, session, settings_file
        self.guide: UserGuide | None = None
        self.shortcuts: ShortcutsDialog | None = None
        items = ((self.tr("&User guide"), self.open_guide, "F1"),
                 (self.tr("&Keyboard shortcuts"), self.open_shortcuts, "Ctrl+/"),
                 None,
                 (self.tr("Open &log folder"), lambda: open_path(log_folder()), ""),
                 (self.tr("Open &data folder"), lambda: open_path(data_folder()), ""),
                 None,
                 (self.tr("&About Billie Desktop"), self.about, ""))
        self.actions: list[QAction] = []
        for item in items:
            if item is None:
                menu.addSeparator()
                continue
            text, slot, keys = item
            action = menu.addAction(text)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.actions.append(action)

    def open_guide(self) -> UserGuide | None:
        path = user_guide_path()
        if not path.is_file():
            plain_message_box(QMessageBox.Icon.Warning, self.tr("User guide"), self.tr(
                "The user guide is not installed with this copy of Billie Desktop "
                "({0}).").format(path), self.window).open()
            return None
        if self.guide is None:
            self.guide = UserGuide(self.window, path)
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def open_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts is None:
            self.shortcuts = ShortcutsDialog(self.window)
        self.shortcuts.show()
        self.shortcuts.filter.setFocus()
        return self.shortcuts

    def about(self) -> QMessageBox:
        """The version, the server (and what it says it runs), and where things live."""
        box = plain_message_box(QMessageBox.Icon.Information, self.tr("About Billie Desktop"),
                                self.about_text(), self.window)
        box.open()
        return box

    def about_text(self) -> str:
        powered = self.session.client.powered_by
        return self.tr(
            "Billie Desktop {0}\nThe manager console for Billiecart.\n\n"
            "Server: {1}\n{2}\nSigned in as {3}\n\n"
            "Settings: {4}\nLog folder: {5}\nData folder: {6}\nPython {7}").format(
            __version__, self.session.server_label, powered or "", self.session.display_name,
            self.settings_file(), log_folder(), data_folder(), sys.version.split()[0])
