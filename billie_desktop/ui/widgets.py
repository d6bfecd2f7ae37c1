"""Small widgets the windows share: a message banner, a field-error label, a busy bar,
and an awaitable question box that never re-enters the event loop.

The sign-in window, the first thing on screen, is built from these: what it does not need
at once (html, QStyle, QMessageBox, QEvent) is imported where it is used, and it sets no
value of Qt's namespace (``speedups.set_qt_enum``): see speedups.py, "the first window
first", for what each saves."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.speedups import set_qt_enum

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMessageBox, QStatusBar


class Translated:
    """``self.tr(text)`` for a class that is no QObject, as a QObject has it: translated in
    the context of the class's name, which is where pyside6-lupdate files ``self.tr("…")``
    (``make translations``)."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)


class PlainLabel(QLabel):
    """A label that shows its text exactly as given. QLabel guesses the format and would
    render ``<b>`` or ``<span style=…>`` from a customer's name: text that comes from a
    server (names, emails, messages, ids) is data, never markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_qt_enum(self, "textFormat", "PlainText")
        self.setText(text)


class LiveLabel(PlainLabel):
    """A label whose text is data or news (a value, a count, a status): its accessible
    name is what it shows, after its field when it has one ("Email: ann@example.com"), so
    a screen reader reads the value, not a caption; every change is announced (Qt sends
    NameChanged when the name changes)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, field: str = ""
                 ) -> None:
        self.field = field
        super().__init__(text, parent)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(f"{self.field}: {text}" if self.field else text)


def alert(widget: QWidget) -> None:
    """Tells assistive technology that ``widget`` now says something to notice (a banner,
    a field error): screen readers speak it at once."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


def escaped_tooltip(text: str) -> str:
    """Tooltips render rich text when it looks like it: escape server text for them."""
    import html

    return html.escape(text, quote=False)


def status_item(bar: QStatusBar, text: str) -> PlainLabel:
    """A framed, permanent item at the right of a status bar (read as what it says)."""
    label = LiveLabel(text)
    label.setContentsMargins(8, 0, 8, 0)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    bar.addPermanentWidget(label)
    return label


def fit_on_screen(window: QWidget) -> None:
    """Keeps a window inside its screen's available area (a small screen, a panel, a
    geometry remembered from a larger monitor)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    size = window.size().boundedTo(area.size())
    window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


# Qt's values, not its names: looking a name up in Qt's namespace builds all of it (12 ms),
# and these filters see the sign-in window's first events (see speedups.set_qt_enum)
KEY_PRESS, PALETTE_CHANGE, LAYOUT_REQUEST = 6, 39, 76  # QEvent.Type's KeyPress, ...
ENTER_KEYS = (0x01000004, 0x01000005)  # Qt.Key.Key_Return, Qt.Key.Key_Enter


class GrowToFit(QObject):
    """Makes ``window`` taller whenever its layout needs more height than it has (a note
    or an error shown, a wrapped line longer in another language), within its screen:
    what it says is never clipped. It does not shrink it back."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type().value == LAYOUT_REQUEST:
            QTimer.singleShot(0, self, self.grow)  # once the layout has taken it in
        return False

    def grow(self) -> None:
        layout = self.window.layout()
        if layout is None:
            return
        width = self.window.width()
        need = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                else layout.totalSizeHint().height())
        if need > self.window.height():
            self.window.resize(width, need)
            fit_on_screen(self.window)


class _OnEnter(QObject):
    def __init__(self, widget: QWidget, slot: Callable[[], object]) -> None:
        super().__init__(widget)
        self.slot = slot
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type().value == KEY_PRESS and int(event.key()) in ENTER_KEYS:  # type: ignore[attr-defined]
            self.slot()
            return True
        return False


def on_enter(widget: QWidget, slot: Callable[[], object]) -> None:
    """Enter (or Return) on ``widget`` calls ``slot``: on a check box in a form, as Enter
    in the form's fields does (a check box takes Space, not Enter)."""
    _OnEnter(widget, slot)


def stacked(*widgets: QWidget) -> QVBoxLayout:
    """Widgets one above the other with little space: a field and its error, say."""
    box = QVBoxLayout()
    box.setSpacing(2)
    for widget in widgets:
        box.addWidget(widget)
    return box


class Banner(QFrame):
    """A message across the top of a window or dialog, with an optional action button.
    Drawn with palette colours only, so it follows light and dark schemes."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.icon = QLabel()
        self.icon.setMinimumSize(16, 16)  # its place, kept while it is drawn (show_icon)
        self.kind = "warning"
        self.text = PlainLabel()
        self.text.setWordWrap(True)
        set_qt_enum(self.text, "textInteractionFlags", "TextSelectableByMouse")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.action = QPushButton()
        self.action.clicked.connect(self.action_clicked)
        layout.addLayout(_at_top(self.icon))  # beside the first line of a long message
        layout.addWidget(self.text, 1)
        layout.addLayout(_at_top(self.action))
        self.setAccessibleName(self.tr("Message"))
        self.hide()

    def show_message(self, text: str, *, kind: str = "warning", action: str | None = None,
                     icon: bool = True) -> None:
        """``icon=False``: the icon is drawn by a later ``show_icon`` (QStyle's enums and
        the icon: a first window shows sooner without, see speedups.py)."""
        self.kind = kind
        if icon:
            self.show_icon()
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.action.setVisible(action is not None)
        if action is not None:
            self.action.setText(action)
            self.action.setAccessibleName(action)
        self.setAccessibleName(text)  # the banner reads as its message
        self.show()
        alert(self)

    def show_icon(self) -> None:
        from PySide6.QtWidgets import QStyle

        icons = {"warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
                 "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                 "info": QStyle.StandardPixmap.SP_MessageBoxInformation}
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(icons[self.kind]).pixmap(size, size))

    def clear(self) -> None:
        self.text.clear()
        self.hide()


def _at_top(widget: QWidget) -> QVBoxLayout:
    """``widget`` at the top of a column of its own (as ``Qt.AlignTop`` would place it in
    the row, which needs Qt's namespace: see ``set_qt_enum``)."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    return column


def error_colour(palette: QPalette) -> QColor:
    """Red that reads on the window's background, light or dark (contrast over 4.5:1)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21; body text needs 4.5)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + \
            0.0722 * channel(c.blueF())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def soft_colour(palette: QPalette, needed: float = 4.6) -> QColor:
    """The text colour softened towards the background as far as still reads (``needed``:
    contrast with the window), light or dark: for names set apart from their values."""
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    for step in range(40, -1, -5):  # % of the background mixed in
        mix = step / 100
        colour = QColor.fromRgbF(*(t * (1 - mix) + b * mix for t, b in (
            (text.redF(), back.redF()), (text.greenF(), back.greenF()),
            (text.blueF(), back.blueF()))))
        if contrast(colour, back) >= needed:
            return colour
    return text


class ThemedLabel(PlainLabel):
    """A label in a colour of its own (``colour()``), set again when the theme changes."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._recolour()

    def colour(self) -> QColor:
        raise NotImplementedError

    def _recolour(self) -> None:
        palette = self.palette()
        colour = self.colour()
        if palette.color(QPalette.ColorRole.WindowText) != colour:
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type().value == PALETTE_CHANGE:
            self._recolour()  # the theme changed


class SoftLabel(ThemedLabel):
    """A label in ``soft_colour``."""

    def colour(self) -> QColor:
        return soft_colour(QGuiApplication.palette())


class FieldError(ThemedLabel):
    """The server's message about one field, shown right under it, in an error colour
    that follows the palette (light or dark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def colour(self) -> QColor:
        return error_colour(self.palette())  # (a red that reads on the window)

    def set_error(self, message: str | None) -> None:
        if message:
            self.setText(f"⚠ {message}")
            self.setAccessibleName(message)
            self.show()
            alert(self)
        else:
            self.clear()
            self.hide()


class BusyBar(QProgressBar):
    """An indeterminate progress bar, shown only while something is in flight."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(6)
        self.setAccessibleName(self.tr("Working"))
        self.hide()

    def set_busy(self, busy: bool) -> None:
        self.setVisible(busy)


def plain_message_box(icon: QMessageBox.Icon, title: str, text: str,
                      parent: QWidget | None = None) -> QMessageBox:
    """A message box whose text is shown as typed: QMessageBox guesses the format, and
    text from a server (names, messages) must never render as markup."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    set_qt_enum(box, "textFormat", "PlainText")
    return box


async def ask(parent: QWidget, title: str, text: str, yes: str, no: str, *,
              default_yes: bool = False) -> bool:
    """A yes/no question as an awaitable: shown with ``open()`` (never ``exec()``, which
    would re-enter the event loop and stall every other task). Enter answers no, unless
    ``default_yes``; Escape always does."""
    from PySide6.QtWidgets import QMessageBox

    box = plain_message_box(QMessageBox.Icon.Question, title, text, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    import asyncio  # here, not at the top: the first window is shown before asyncio loads

    answer: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

    def finished() -> None:
        if not answer.done():
            answer.set_result(box.clickedButton() is yes_button)

    box.finished.connect(finished)
    box.open()
    try:
        return await answer
    finally:
        from shiboken6 import isValid

        if isValid(box):  # (gone with its window, when that closed first)
            box.deleteLater()


HEADER_ROOM = 28  # px beside a header's title: its margins and the sort arrow


def fit_headers(table: QTableView, widths: tuple[int, ...]) -> None:
    """Each column as wide as given, or as its title needs (a longer language, a larger
    font at 1.5x): a header is never clipped."""
    from PySide6.QtCore import Qt  # (not at import: the sign-in window has no use for it)

    header, model = table.horizontalHeader(), table.model()
    for column, width in enumerate(widths):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        table.setColumnWidth(column, max(width, header.fontMetrics().horizontalAdvance(title)
                                         + HEADER_ROOM))
