"""The sign-in window's list of the sandbox's demo sign-ins: links that fill the form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from billie_desktop.speedups import set_qt_enum

if TYPE_CHECKING:
    from billie_desktop.sandbox.demo import DemoSignIns


class DemoBlock(QLabel):
    """Rich text on purpose: our own links; the sign-ins' data in it is escaped. Hidden
    until there are sign-ins to show. ``linkActivated`` gives the user name clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Said, not guessed: a translation that does not begin with a tag (the
        # pseudo-locale's "⟦<b>…") would otherwise show its tags as text.
        set_qt_enum(self, "textFormat", "RichText")
        set_qt_enum(self, "textInteractionFlags", "TextBrowserInteraction")
        self.setWordWrap(True)  # a long translation wraps, never widens the window
        self.setAccessibleName(self.tr("Sandbox demo sign-ins"))
        self.hide()

    def show_sign_ins(self, demo: DemoSignIns | None) -> None:
        if demo is None:
            return
        import html  # (here: the window is first shown without it)

        rows = "".join(f"<tr><td><a href='{html.escape(u, quote=True)}'>{html.escape(u)}"
                       f"</a></td><td>&nbsp;{html.escape(d)}</td></tr>" for u, d in demo.users)
        self.setText(self.tr("<b>Sandbox demo sign-ins</b> (password <code>{0}</code>; "
                             "click one to fill it in):").format(html.escape(demo.password))
                     + f"<table>{rows}</table>")
        self.show()
