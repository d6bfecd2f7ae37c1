"""Help (issue #25): Keyboard shortcuts (every one, searchable), the User guide shipped
with the console (its screenshots there too), Open log folder, Open data folder, and About
with the version, the server and where settings live."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from billie_desktop import __version__
from billie_desktop.ui import help_menu, opening
from tests.ui.conftest import signed_in


def help_actions(main) -> dict[str, object]:
    return {a.text().replace("&", ""): a for a in main.commands.help_menu.actions()
            if a.text()}


async def test_the_help_menu_has_everything_it_promises(console):
    main = await signed_in(console)
    actions = help_actions(main)
    assert {"User guide", "Keyboard shortcuts", "Open log folder", "Open data folder",
            "About Billie Desktop"} <= set(actions)
    assert actions["User guide"].shortcut().toString() == "F1"


async def test_keyboard_shortcuts_lists_every_shortcut_and_finds_them(console):
    main = await signed_in(console)
    dialog = main.help.open_shortcuts()
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
            for r in range(dialog.table.rowCount())}
    from PySide6.QtGui import QAction
    shortcuts = {s.toString() for a in main.findChildren(QAction) for s in a.shortcuts()}
    listed = ", ".join(rows)
    missing = [s for s in shortcuts if s and s not in listed]
    assert not missing, missing
    assert rows["F5"] == "Refresh" and "Ctrl+C (in the list)" in rows
    dialog.filter.setText("export")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert shown and all("export" in (dialog.table.item(r, 0).text() + dialog.table.item(
        r, 1).text()).lower() for r in shown)
    assert len(shown) < dialog.table.rowCount()
    dialog.close()


async def test_the_user_guide_opens_with_its_screenshots(console):
    main = await signed_in(console)
    guide = main.help.open_guide()
    assert guide is not None and guide.isVisible()
    text = guide.view.toPlainText()
    assert "Linking a customer to a user account" in text and "Ctrl+Shift+L" in text
    source = help_menu.user_guide_path().read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source)
    assert len(images) >= 6
    for image in images:
        path = (help_menu.user_guide_path().parent / image).resolve()
        assert path.is_file(), image
        url = guide.view.source().resolved(QUrl(image))
        loaded = guide.view.document().resource(QTextDocument.ResourceType.ImageResource, url)
        assert loaded is not None and not loaded.isNull(), image
    guide.close()


async def test_the_folders_open_and_about_says_where_things_are(console, monkeypatch):
    opened = []
    monkeypatch.setattr(opening.QDesktopServices, "openUrl",
                        lambda url: opened.append(Path(url.toLocalFile())) or True)
    main = await signed_in(console)
    actions = help_actions(main)
    actions["Open log folder"].trigger()
    actions["Open data folder"].trigger()
    assert opened == [help_menu.log_folder(), help_menu.data_folder()]
    about = main.help.about()
    text = about.text()
    assert __version__ in text and main.session.server_label in text
    assert main.settings.file_name() in text and str(help_menu.log_folder()) in text
    about.close()
