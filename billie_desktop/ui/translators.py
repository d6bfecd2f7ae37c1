"""The user's language at start-up: the console's own strings (``make translations``) and
Qt's (Cancel, OK, the file dialog: ``qtbase_*.qm``, shipped with PySide6), for the
system's locale or the one ``--locale`` names (``en_XA`` is the pseudo-locale: accented,
bracketed and longer, to see what is not translated or does not fit). Australian English
is the source language: with no translation, the strings are shown as written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from billie_desktop.ui.resources import translations_dir


def install_translators(app: QCoreApplication, locale_name: str | None = None
                        ) -> list[QTranslator]:
    """Installs what there is for the locale; returns the translators installed."""
    locale = QLocale(locale_name) if locale_name else QLocale.system()
    if locale_name:
        QLocale.setDefault(locale)
    installed = []
    own = QTranslator(app)
    folder = str(translations_dir())
    loaded = own.load(f"billie_desktop_{locale_name}", folder) if locale_name else False
    if loaded or own.load(locale, "billie_desktop", "_", folder):
        app.installTranslator(own)
        installed.append(own)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
