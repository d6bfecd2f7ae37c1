"""File ▸ Export customers…: exactly the list shown, every row, as spreadsheets expect;
cancelled or failed, nothing is left behind."""

from __future__ import annotations

import csv
import os
import re

import httpx
import pytest
from PySide6.QtCore import Qt

from billie_desktop.api import normal_guid
from billie_desktop.ui.export_window import ExportDialog
from billie_desktop.work import keyset
from billie_desktop.work.columns import DOB, EMAIL, LINKED, NAME, PHONE, POSTCODE
from billie_desktop.work.export import neutralise, part_path
from tests.ui.conftest import MANAGER, PASSWORD, clear_faults, queue_fault, signed_in, until


def server_rows(url, org, **params):
    """The server's own answer for the query, in its own JSON (either flavour)."""
    with httpx.Client(base_url=url) as http:
        http.post("/auth/credentials", json={"userName": MANAGER, "password": PASSWORD})
        rows, skip = [], 0
        while True:
            page = http.get("/customers", params={"organisationId": org, "skip": skip,
                                                  "take": 500, **params}).json()
            results = page.get("results", page.get("Results"))
            rows += results
            skip += 500
            if len(results) < 500:
                break
        accounts = http.get("/user-accounts", params={"organisationId": org, "take": 500,
                                                      "customerIdIsNotNull": "true"}).json()
    emails = {normal_guid(a.get("id") or a.get("Id")): (a.get("email") or a.get("Email")).strip()
              for a in accounts.get("results", accounts.get("Results"))}
    return rows, emails


def field(row, name):
    return row.get(name, row.get(name[0].upper() + name[1:]))


def iso_date(value) -> str:
    """A date in either flavour: /Date(ms)/ (classic) or ISO 8601 (System.Text.Json)."""
    if not value:
        return ""
    if match := re.match(r"/Date\((-?\d+)([+-]\d{4})?", value):  # local midnight + offset
        import datetime as dt
        offset = match[2] or "+0000"
        minutes = (1 if offset[0] == "+" else -1) * (int(offset[1:3]) * 60 + int(offset[3:]))
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=int(match[1]),
                                                        minutes=minutes)
        return moment.date().isoformat()
    return value[:10]


async def exported(main, path):
    dialog = main.export.export_to(path)
    assert dialog is not None and dialog.isVisible()
    await dialog.wait()
    return dialog


@pytest.mark.parametrize("flavour,page", [("classic", 500), ("stj", 40)])
async def test_the_file_is_the_list_shown_row_by_row(console, sandbox_factory, tmp_path,
                                                     monkeypatch, flavour, page):
    """Pages of 40 read 1,300 rows by key in 8 ranges (issue #26): all but the first
    spooled, then written in order."""
    monkeypatch.setattr(keyset, "MAX_TAKE", page)
    sandbox = sandbox_factory(customers=1300, json=flavour)
    console.sandbox_url = sandbox.url
    main = await signed_in(console)
    main.table.sortByColumn(EMAIL, Qt.SortOrder.DescendingOrder)
    header = main.table.horizontalHeader()
    header.moveSection(header.visualIndex(LINKED), 0)  # the user put it first
    for hidden in (PHONE, POSTCODE):
        header.setSectionHidden(hidden, True)
    await main.model.wait_idle()
    path = tmp_path / "customers.csv"
    dialog = await exported(main, path)
    assert dialog.outcome == "exported" and dialog.rows == 1300
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the accents
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == ["User account ID", "User account email", "Last name", "First name",
                        "Email", "Suburb", "State", "Date of birth"]
    org = main.current_organisation.id
    rows, emails = server_rows(sandbox.url, org, orderBy="-email")
    assert len(table) - 1 == len(rows) == 1300
    for line, row in zip(table[1:], rows, strict=True):
        account = normal_guid(field(row, "userAccountId")) or ""
        assert line == [neutralise(v) for v in (
            account, emails.get(account, "") if account else "",
            field(row, "lastName") or "", field(row, "firstName") or "",
            field(row, "email") or "", field(row, "suburb") or "",
            field(row, "stateTerritory") or "", iso_date(field(row, "dateOfBirth")))]
    assert any(line[0] for line in table[1:]) and any(line[1] for line in table[1:])
    assert any(re.search(r"[^\x00-\x7f]", line[3]) for line in table[1:])  # Zoë, Ciarán...
    text = raw.decode("utf-8-sig")
    for row in rows:  # bank details are never exported
        bank = field(row, "bankAccount") or {}
        number = bank.get("accountNumber") or bank.get("AccountNumber")
        assert not number or number not in text
    assert os.stat(path).st_mode & 0o777 == 0o600  # people's data: the user's alone
    assert main.statusBar().currentMessage() == f"Exported 1,300 customers to {path}."


async def test_cells_a_spreadsheet_would_run_are_neutralised(console, tmp_path):
    for cell in ("=1+1", "+61 419 000 000", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    for cell in ("Smith", "0419 000 000", "a=b", ""):
        assert neutralise(cell) == cell
    main = await signed_in(console)
    path = tmp_path / "all.csv"
    await exported(main, path)
    header = main.table.horizontalHeader()
    assert not header.isSectionHidden(NAME) and not header.isSectionHidden(DOB)
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    phones = [line[table[0].index("Phone")] for line in table[1:]]
    assert any(p.startswith("'+61") for p in phones)  # +61 numbers, as text
    assert not any(p.startswith("+") for p in phones)


async def test_cancel_leaves_no_file(console, sandbox, tmp_path):
    main = await signed_in(console)
    await queue_fault(sandbox, "latency=0.3", "/customers", method="GET", times=20)
    try:
        await _cancelled(main, tmp_path)
    finally:
        await clear_faults(sandbox)  # the sandbox serves the next tests too


async def _cancelled(main, tmp_path) -> None:
    path = tmp_path / "cancelled.csv"
    dialog = main.export.export_to(path)
    await until(lambda: part_path(path).exists())
    dialog.cancel_button.click()
    await dialog.wait()
    assert dialog.outcome == "cancelled"
    assert not path.exists() and not part_path(path).exists()
    assert not [p for p in tmp_path.iterdir() if "cancelled" in p.name]


async def test_escape_cancels_an_export_quietly_and_leaves_no_file(console, sandbox, tmp_path):
    """Escape closes the progress window, which is then deleted (export_entry), before the
    cancelled export has ended: ending it must not touch that window ("Something went
    wrong" before: the loop_errors fixture fails the test on any such error)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    main = await signed_in(console)
    await queue_fault(sandbox, "latency=0.3", "/customers", method="GET", times=20)
    try:
        path = tmp_path / "escaped.csv"
        dialog = main.export.export_to(path)
        await until(lambda: part_path(path).exists())
        tasks = dialog.tasks
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        # Qt deletes the closed window before the cancelled task has its next turn (as
        # it may in the app, where the two interleave):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not isValid(dialog)
        await tasks.wait_idle()
        assert not path.exists() and not part_path(path).exists()
    finally:
        await clear_faults(sandbox)


async def test_a_failed_export_says_why_and_leaves_no_file(console, sandbox, tmp_path):
    main = await signed_in(console)
    path = tmp_path / "failed.csv"
    path.write_text("an older export, kept")
    await queue_fault(sandbox, "malformed-json", "/customers", method="GET", times=20)
    try:
        dialog = await exported(main, path)
    finally:
        await clear_faults(sandbox)
    assert dialog.outcome == "failed" and dialog.banner.isVisible()
    assert "No file was written" in dialog.status.text()
    assert path.read_text(encoding="utf-8") == "an older export, kept"
    assert not part_path(path).exists()
    assert dialog.cancel_button.text() == "Close"


async def test_file_export_opens_a_save_dialog_first(console, tmp_path):
    main = await signed_in(console)
    chooser = main.export.ask_where()
    assert chooser is not None and chooser.isVisible()
    assert chooser.selectedFiles()[0].endswith(".csv")
    path = tmp_path / "chosen.csv"
    chooser.fileSelected.emit(str(path))  # as choosing the file does
    chooser.reject()
    [dialog] = main.findChildren(ExportDialog)
    await dialog.wait()
    assert path.exists() and dialog.outcome == "exported"
