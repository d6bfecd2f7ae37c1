"""Marking text for translation where it is written and translating it where it is shown
(the windows translate with Qt; the core only marks)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # (the name lupdate knows)
    """Marks ``text`` (a title in a table) for translation in ``context``; it is translated
    where it is shown. Named as Qt's own, so that pyside6-lupdate finds it (``make
    translations``); the core does not import Qt."""
    return text
