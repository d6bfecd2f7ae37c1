"""Every window rendered in the pseudo-locale (en_XA: accented, bracketed, ~35 % longer):
a visible string that is not translated, or a label or button whose text does not fit,
fails. Data (names, emails, ids, numbers from the server) is left as it is."""

from __future__ import annotations

import asyncio

import pytest
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

from billie_desktop.devtools.translations import strings
from billie_desktop.ui.detail_pane import ExactText
from billie_desktop.ui.translators import install_translators, remove_translators
from billie_desktop.ui.widgets import LiveLabel
from tests.ui.conftest import signed_in
from tests.ui.test_link_dialog import open_for

MARK = "⟦"
SOURCES = {text for _c, text, _w in strings()}


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


def clipped(window: QWidget) -> list[str]:
    out = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, ExactText):
            continue  # (ExactText elides on purpose, the whole value in its tooltip)
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
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
