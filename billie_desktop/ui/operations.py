"""One way to run a widget's server operation (after Anki's ``aqt.operations``).

``await run_operation(form, work)`` marks the form busy (inputs disabled, busy bar
shown), awaits ``work``, and on failure shows the error where it belongs: each
``ValidationError`` field under its input, anything else in the banner. It then
re-enables the inputs and only then moves focus to the field the error is about
(``setFocus()`` on a disabled widget does nothing). Anything that is not a
``BillieError`` is a bug: it goes to the event loop's exception handler, which the app
points at ``ErrorReporter``. Cancelling the task re-enables the form too.

It returns the result of ``work``, or None when the operation failed and the user has
been told why.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from PySide6.QtWidgets import QLineEdit, QWidget
from shiboken6 import isValid

from billie_desktop.ui.widgets import Banner, BusyBar, FieldError, Translated

if TYPE_CHECKING:  # imported when an operation runs: the first window needs only Qt
    from billie_desktop.api import BillieError

T = TypeVar("T")
FocusRule = Callable[["BillieError"], QWidget | None]


class Field(NamedTuple):
    """A server field (``UserAccountId``), where its error shows and what gets focus."""

    error: FieldError
    input: QWidget


class Form(Translated):
    """The parts of a window that a server operation works through. (A plain class, not
    a dataclass: the sign-in window uses it, and ``dataclasses`` would be imported before
    the first window for it alone.)"""

    def __init__(self, *, inputs: Sequence[QWidget], busy: BusyBar,
                 banner: Banner | None = None, fields: Mapping[str, Field] | None = None,
                 general_field: str | None = None, focus: QWidget | FocusRule | None = None,
                 while_busy: Sequence[QWidget] = (), offers_retry: bool = False) -> None:
        self.inputs = inputs  # disabled while the operation runs
        self.busy = busy
        self.banner = banner
        self.fields: Mapping[str, Field] = fields or {}
        self.general_field = general_field  # for non-field messages when there is no banner
        self.focus = focus  # after an error that names no field
        self.while_busy = while_busy  # shown only while busy (a Cancel button)
        self.offers_retry = offers_retry  # the banner's action button retries the operation
        self.running = False

    def set_busy(self, busy: bool) -> None:
        """Marks the form busy or idle. A cancelled operation may end after Qt has deleted
        its window (a dialog closed with Cancel): widgets that are gone are skipped."""
        self.running = busy
        for widget in self.inputs:
            if isValid(widget):
                widget.setEnabled(not busy)
        for widget in self.while_busy:
            if isValid(widget):
                widget.setVisible(busy)
        if isValid(self.busy):
            self.busy.set_busy(busy)

    def clear_errors(self) -> None:
        for item in self.fields.values():
            item.error.set_error(None)
        if self.banner is not None:
            self.banner.clear()

    def show_error(self, exc: BillieError) -> QWidget | None:
        """Shows ``exc`` where it belongs; returns the widget that should get focus."""
        from billie_desktop.api import ValidationError

        target: QWidget | None = None
        general = [exc.message]
        if isinstance(exc, ValidationError):
            for name, item in self.fields.items():
                message = exc.error_for(name)
                item.error.set_error(message)
                if message and target is None:
                    target = item.input
            general = exc.general_errors(self.fields)
        if general:
            self._show_general("\n".join(general), exc)
        return target or self.focus_after(exc)

    def focus_after(self, exc: BillieError) -> QWidget | None:
        """Where focus goes after an error that names no field."""
        target = self.focus(exc) if callable(self.focus) else self.focus
        general_field = self.fields.get(self.general_field or "")
        if target is None and general_field is not None:
            target = general_field.input
        return target

    def _show_general(self, text: str, exc: BillieError) -> None:
        from billie_desktop.api import SessionExpiredError

        if self.banner is None:
            general_field = self.fields.get(self.general_field or "")
            if general_field is not None:
                general_field.error.set_error(text)
            return
        if isinstance(exc, SessionExpiredError):
            self.banner.show_message(text + " " + self.tr("Your input is kept."), kind="warning",
                                     action=self.tr("Try again") if self.offers_retry else None)
        elif exc.retryable:
            self.banner.show_message(text, kind="warning",
                                     action=self.tr("Retry") if self.offers_retry else None)
        else:
            self.banner.show_message(text, kind="error")


def focus_field(widget: QWidget) -> None:
    """Focus for correcting: the widget must be enabled first, and a line edit's text is
    selected so that typing replaces it."""
    widget.setEnabled(True)
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()


def report_unexpected(exc: BaseException) -> None:
    """A bug, not a server answer: to the loop's exception handler (``ErrorReporter``)."""
    import asyncio  # not at the top: the first window is shown before asyncio loads

    asyncio.get_running_loop().call_exception_handler(
        {"message": "unexpected error in an operation", "exception": exc})


async def run_operation(form: Form, work: Awaitable[T], *,
                        on_error: Callable[[BillieError], bool] | None = None) -> T | None:
    """Runs ``work`` for ``form``; ``on_error`` may take an error over (return True)."""
    from billie_desktop.api import BillieError

    form.clear_errors()
    form.set_busy(True)
    target: QWidget | None = None
    try:
        return await work
    except BillieError as exc:
        if on_error is not None and on_error(exc):
            target = form.focus_after(exc)  # shown by the caller; focus as for any error
        else:
            target = form.show_error(exc)
        return None
    except Exception as exc:  # a bug: reported, and the form stays usable
        report_unexpected(exc)
        return None
    finally:
        form.set_busy(False)
        if target is not None and isValid(target):
            focus_field(target)
