"""What a screen reader gets, read in-process with QAccessible (offscreen): every control
has a name, every label that shows data exposes the data (its field and value, and the
caption-to-value relation), and changes are announced."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget

from billie_desktop.ui import widgets
from tests.ui.conftest import signed_in
from tests.ui.test_link_dialog import open_for

Role = QAccessible.Role
NAMED = {Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText,
         Role.SpinBox, Role.Table, Role.List, Role.Tree, Role.ProgressBar}


def name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls a sighted user can use that a screen reader could not name."""
    missing = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None or iface.role() not in NAMED:
            continue
        if not iface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"({iface.role().name})")
    return missing


async def test_the_sign_in_window_names_every_control(console):
    await console.start()
    window = console.sign_in_window
    assert not unnamed_controls(window)


async def test_the_main_window_exposes_values_not_captions(console):
    main = await signed_in(console)
    assert not unnamed_controls(main)
    main.table.selectRow(0)
    customer = main.selected_customer()
    detail = main.detail
    email = detail.values["email"]
    assert name(email) == f"Email: {customer.email}"  # not "Email: Email"
    assert name(detail.values["name"]) == f"Name: {customer.full_name}"
    assert name(detail.values["id"]) == f"Customer ID: {customer.id}"  # never elided
    captions = [lb for lb in detail.findChildren(QLabel) if lb.buddy() is email]
    assert [c.text() for c in captions] == ["Email"]  # the label / labelled-by relation
    count = main.count_label
    assert name(count) == count.text() and count.text().startswith("Rows 1–")
    for item in (main.status_org, main.status_connection):
        assert name(item) == item.text() and item.text()
    await main.tasks.wait_idle()


async def test_every_dialog_and_window_names_its_controls(console, tmp_path):
    main = await signed_in(console)
    dialog, _row = await open_for(main)
    assert not unnamed_controls(dialog)
    dialog.reject()
    main.commands.bulk.trigger()
    bulk = main.side.bulk
    await bulk.tasks.wait_idle()
    assert not unnamed_controls(bulk)
    assert name(bulk.counts) == bulk.counts.text() and "Matched" in bulk.counts.text()
    bulk.close()
    main.commands.activity.trigger()
    assert not unnamed_controls(main.side.activity)
    main.side.activity.close()

    export = main.export.export_to(tmp_path / "a.csv")
    assert not unnamed_controls(export)
    await export.wait()


async def test_banners_and_field_errors_are_announced(console, monkeypatch):
    events = []
    monkeypatch.setattr(widgets, "alert", lambda widget: events.append(widget))
    main = await signed_in(console)
    dialog, _row = await open_for(main)
    dialog.account_edit.setText("0" * 32)
    await dialog.submit()
    assert dialog.account_error in events  # the field error, spoken at once
    assert name(dialog.account_error) and "does not exist" in name(dialog.account_error)
    main.list_banner.show_message("The server is busy.", action="Retry")
    assert main.list_banner in events and name(main.list_banner) == "The server is busy."
    assert name(main.list_banner.action) == "Retry"
    dialog.reject()


@pytest.mark.parametrize("text", ["Rows 1–30 of 300", "Loading customers…"])
def test_a_live_label_reads_as_what_it_shows(text):
    label = widgets.LiveLabel(field="")
    label.setText(text)
    assert name(label) == text
    field = widgets.LiveLabel(field="Email")
    field.setText("ann@example.com")
    assert name(field) == "Email: ann@example.com"



async def test_the_password_prompt_names_its_controls(console):
    main = await signed_in(console)
    main.session.reauthentication_needed.emit()  # as an expired session asks
    prompt = main.prompt
    assert prompt is not None and prompt.isVisible()
    assert not unnamed_controls(prompt)
    assert name(prompt.password).strip()  # the password field says what it is for
    prompt.hide()
    prompt.deleteLater()
