"""Every window rendered in the pseudo-locale (en_XA: accented, bracketed, ~35 % longer):
a visible string that is not translated, or a label or button whose text does not fit,
fails. Data (names, emails, ids, numbers from the server) is left as it is."""

from __future__ import annotations

import asyncio
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from billie_desktop.devtools.translations import FOLDER, PSEUDO, strings
from billie_desktop.ui.detail_pane import ExactText
from billie_desktop.ui.translators import install_translators, remove_translators
from billie_desktop.ui.widgets import LiveLabel
from tests.ui.conftest import signed_in
from tests.ui.test_link_dialog import open_for

MARK = "⟦"
SOURCES = {text for _c, text in strings(FOLDER / f"billie_desktop_{PSEUDO}.ts")}


@pytest.fixture
def pseudo():
    app = QApplication.instance()
    installed = install_translators(app, "en_XA")
    assert installed, "the pseudo-locale's .qm is missing: run make translations"
    yield
    remove_translators(app, installed)
    from PySide6.QtCore import QLocale
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Australia))


def is_data(widget: QWidget) -> bool:
    return isinstance(widget, (LiveLabel, ExactText)) or bool(widget.property("data"))


def texts(window: QWidget) -> list[tuple[str, str]]:
    """(what, text) for every visible string of the interface (not data)."""
    found = [("title", window.windowTitle())] if window.windowTitle() else []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or is_data(widget):
            continue
        if isinstance(widget, (QAbstractButton, QLabel)) and widget.text().strip():
            found.append((type(widget).__name__, widget.text()))
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            found.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox) and widget.title():
            found.append(("group", widget.title()))
        if isinstance(widget, QTableView):
            model = widget.model()
            found += [("header", str(model.headerData(c, widget.horizontalHeader()
                                                      .orientation())))
                      for c in range(model.columnCount())
                      if not widget.isColumnHidden(c)]
    for menu in window.findChildren(QMenu):
        found += [("menu", a.text()) for a in menu.actions() if a.text()]
    return found


def untranslated(window: QWidget) -> list[str]:
    return [f"{what}: {text!r}" for what, text in texts(window)
            if MARK not in text and (text.replace("&", "") in SOURCES or any(
                c.isalpha() for c in text))]


def clipped_headers(table: QTableView) -> list[str]:
    """Column headers whose title (and sort arrow) does not fit their column."""
    header, model = table.horizontalHeader(), table.model()
    out = []
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        need = header.fontMetrics().horizontalAdvance(title) + 20  # (margins, the arrow)
        if need > header.sectionSize(column):
            out.append(f"header {title!r}: {need} > {header.sectionSize(column)}")
    return out


def clipped(window: QWidget) -> list[str]:
    out = []
    for table in window.findChildren(QTableView):
        if table.isVisible():
            out += clipped_headers(table)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, ExactText):
            continue  # (ExactText elides on purpose, the whole value in its tooltip)
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() \
                and widget.textFormat() != Qt.TextFormat.RichText:  # (its markup is no width)
            need = max(widget.fontMetrics().horizontalAdvance(line)
                       for line in widget.text().split("\n"))
            if need > widget.contentsRect().width() + 1:
                out.append(f"label {widget.text()!r}: {need} > {widget.contentsRect().width()}")
        if isinstance(widget, QAbstractButton) and widget.text() and \
                widget.sizeHint().width() > widget.width() + 1:
            out.append(f"button {widget.text()!r}: {widget.sizeHint().width()} > "
                       f"{widget.width()}")
    return out


async def settled(window: QWidget) -> None:
    window.show()
    await asyncio.sleep(0.1)  # layouts and resizes happen as events


async def test_the_sign_in_window_in_the_pseudo_locale(console, pseudo):
    await console.start()
    window = console.sign_in_window
    await settled(window)
    assert not untranslated(window)
    assert not clipped(window)
    # The demo sign-ins are rich text however their translation begins: no tags shown as
    # text, and no line of them that pushes Sign in off the screen.
    assert window.demo.textFormat() == Qt.TextFormat.RichText
    assert "<b>" in window.demo.text() and "<code>" in window.demo.text()  # tags kept whole
    assert window.width() <= min(800, window.screen().availableGeometry().width())
    assert window.demo.isVisible()
    assert window.sign_in_button.geometry().right() <= window.width()


async def test_the_main_window_and_its_dialogs_in_the_pseudo_locale(console, pseudo, tmp_path):
    main = await signed_in(console)
    main.resize(1400, 800)
    main.table.selectRow(0)
    await settled(main)
    assert not untranslated(main)
    assert not clipped(main)
    dialog, _row = await open_for(main)
    await settled(dialog)
    assert not untranslated(dialog)
    assert not clipped(dialog)
    dialog.reject()
    main.commands.bulk.trigger()
    bulk = main.side.bulk
    await bulk.tasks.wait_idle()
    await settled(bulk)
    assert not untranslated(bulk)
    assert not clipped(bulk)
    bulk.close()
    main.commands.activity.trigger()
    await settled(main.side.activity)
    assert not untranslated(main.side.activity)
    assert not clipped(main.side.activity)
    main.side.activity.close()
    await main.tasks.wait_idle()


@pytest.mark.skipif(sys.platform == "win32", reason="make translations runs on Linux")
def test_the_translation_files_hold_every_string_the_sources_mark(tmp_path):
    """pyside6-lupdate, run on the sources now, finds exactly what the committed .ts holds
    (each in the context of its class): a string added or changed without ``make
    translations`` fails here, not as an untranslated word in some window."""
    from pathlib import Path

    from billie_desktop.devtools.translations import update

    fresh = tmp_path / "fresh.ts"
    update(fresh, PSEUDO, Path(sys.executable).parent)
    committed = set(strings(FOLDER / f"billie_desktop_{PSEUDO}.ts"))
    assert committed and set(strings(fresh)) == committed


def test_each_class_translates_in_its_own_context():
    """``self.tr`` of a class that is no QObject (widgets.Translated) asks for the class's
    name as its context, as a QObject's does and as pyside6-lupdate files it."""
    from PySide6.QtCore import QTranslator

    from billie_desktop.ui.widgets import Translated

    asked: list[str] = []

    class Recording(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            asked.append(context)
            return ""

    class SomeWindowPart(Translated):
        pass

    recording = Recording()
    QApplication.instance().installTranslator(recording)
    try:
        SomeWindowPart().tr("Anything")
    finally:
        QApplication.instance().removeTranslator(recording)
    assert "SomeWindowPart" in asked
