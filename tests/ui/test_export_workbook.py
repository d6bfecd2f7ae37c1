"""File ▸ Export as an Excel workbook (issue #25): the same rows and columns as the CSV,
each cell typed (text as text: no formula runs, no leading zero is lost, no apostrophe
shows; dates as dates); then Open file and Show in folder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from billie_desktop.ui import export_entry, opening
from billie_desktop.work import workbook
from tests.ui.conftest import signed_in
from tests.ui.test_export import exported, field, iso_date, server_rows

NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def column_of(reference: str) -> int:
    """"C2" -> 2 (an empty cell is not written: the reference says where each one is)."""
    letters = re.match(r"[A-Z]+", reference).group(0)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def read_sheets(path: Path) -> list[list[dict[int, tuple[str, str]]]]:
    """Every sheet's rows of cells by column: (type, value), "s" text, "n" a number (a
    date is a number of days), "f" a formula (there must be none)."""
    with zipfile.ZipFile(path) as book:
        names = sorted(n for n in book.namelist() if re.match(r"xl/worksheets/sheet\d+", n))
        shared: list[str] = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['x']}}}t"))
                      for si in root.findall("x:si", NS)]
        sheets = []
        for name in names:
            root = ElementTree.fromstring(book.read(name))
            rows = []
            for row in root.iter(f"{{{NS['x']}}}row"):
                cells = {}
                for c in row.findall("x:c", NS):
                    column = column_of(c.get("r"))
                    if c.find("x:f", NS) is not None:
                        cells[column] = ("f", "")
                    elif c.get("t") == "s":
                        cells[column] = ("s", shared[int(c.find("x:v", NS).text)])
                    elif c.get("t") == "inlineStr":
                        cells[column] = ("s", "".join(t.text or "" for t in c.iter(
                            f"{{{NS['x']}}}t")))
                    else:
                        cells[column] = ("n", c.find("x:v", NS).text)
                rows.append(cells)
            sheets.append(rows)
    return sheets


async def test_a_workbook_holds_the_rows_as_text_and_dates(console, sandbox_factory, tmp_path):
    sandbox = sandbox_factory(customers=1300)
    console.sandbox_url = sandbox.url
    main = await signed_in(console)
    path = tmp_path / "customers.xlsx"
    dialog = await exported(main, path)
    assert dialog.outcome == "exported" and dialog.rows == 1300
    assert oct(path.stat().st_mode & 0o777) == "0o600" and not list(tmp_path.glob(".*"))
    [sheet] = read_sheets(path)
    headers = [sheet[0][n][1] for n in sorted(sheet[0])]
    assert headers[:3] == ["Last name", "First name", "User account ID"]
    rows, _emails = server_rows(sandbox.url, main.current_organisation.id,
                                orderBy="lastName,firstName")
    assert len(sheet) - 1 == len(rows) == 1300
    kinds = {kind for row in sheet for kind, _ in row.values()}
    assert "f" not in kinds  # no formula, whatever a cell begins with
    phone, postcode, born = (headers.index(h) for h in ("Phone", "Postcode", "Date of birth"))
    plus = zeros = 0
    for cells, row in zip(sheet[1:], rows, strict=True):
        values = cells
        if field(row, "phone"):
            assert values[phone] == ("s", field(row, "phone"))  # as text: no apostrophe
            plus += field(row, "phone").startswith("+")
        if field(row, "postcode"):
            assert values[postcode] == ("s", field(row, "postcode"))
            zeros += field(row, "postcode").startswith("0")
        if field(row, "dateOfBirth"):
            kind, days = values[born]
            assert kind == "n"  # a date: days since 1899-12-30
            import datetime as dt
            assert (dt.date(1899, 12, 30) + dt.timedelta(days=int(float(days)))).isoformat() \
                == iso_date(field(row, "dateOfBirth"))
    assert plus and zeros  # (the data has both: +61 phones, NT postcodes)
    dialog.reject()


async def test_after_an_export_the_file_opens_and_its_folder_shows(console, tmp_path,
                                                                    monkeypatch):
    opened = []
    monkeypatch.setattr(opening.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    main = await signed_in(console)
    path = tmp_path / "customers.csv"
    dialog = await exported(main, path)
    assert dialog.isVisible() and dialog.open_button.isVisible()
    assert dialog.folder_button.isVisible() and dialog.open_button.isDefault()
    dialog.open_button.click()
    dialog.folder_button.click()
    assert opened == [str(path), str(tmp_path)]
    dialog.reject()


async def test_the_save_dialog_starts_in_documents_or_else_home(console, tmp_path,
                                                                 monkeypatch):
    main = await signed_in(console)
    documents = tmp_path / "Documents"
    monkeypatch.setattr(export_entry.QStandardPaths, "writableLocation",
                        lambda _where: str(documents))
    assert main.export.default_path().parent == Path.home()  # (no Documents folder)
    documents.mkdir()
    assert main.export.default_path().parent == documents
    chooser = main.export.ask_where()
    assert Path(chooser.selectedFiles()[0]).parent == documents
    filters = chooser.nameFilters()
    assert any("*.xlsx" in f for f in filters) and any("*.csv" in f for f in filters)
    chooser.selectNameFilter(filters[1])
    chooser.filterSelected.emit(filters[1])
    assert chooser.defaultSuffix() == "xlsx"
    chooser.reject()


def test_rows_past_a_sheets_limit_go_on_in_another_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "SHEET_ROWS", 4)
    path = tmp_path / "book.xlsx"
    with path.open("wb") as out:
        book = workbook.WorkbookWriter(out, ["Name", "Born"], {1})
        for n in range(7):
            book.writerow([f"=cmd{n}", "1990-05-0" + str(n + 1)])
        book.close()
    sheets = read_sheets(path)
    assert [len(s) for s in sheets] == [4, 4, 2]  # each under its headers
    assert all(s[0] == {0: ("s", "Name"), 1: ("s", "Born")} for s in sheets)
    assert sheets[0][1][0] == ("s", "=cmd0")  # text, never a formula
