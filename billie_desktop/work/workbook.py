"""An export as an Excel workbook (.xlsx), beside CSV: written with XlsxWriter in its
constant-memory mode (a row at a time, memory flat at 100,000 rows and beyond), every cell
typed as what it is: text as text, so that no formula can run, no leading zero is lost
(NT postcodes such as 0800) and no apostrophe shows (+61 phone numbers); dates as dates.

Like the CSV, it is written to a hidden file readable by the user alone and renamed only
once complete (work/export.py). A worksheet holds at most 1,048,576 rows: past that the
rows go on in another sheet, under the same headers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import IO, Any

SHEET_ROWS = 1_048_576  # Excel's rows a worksheet, the header's included
DATE_FORMAT = "yyyy-mm-dd"


class WorkbookWriter:
    """``writerow`` as csv.writer has it, into a workbook. ``dates``: the columns (by
    position) that hold ISO dates; ``close()`` writes the file."""

    def __init__(self, out: IO[bytes], headers: Sequence[str], dates: set[int]) -> None:
        import xlsxwriter  # (here: only an .xlsx export needs it)

        self.book = xlsxwriter.Workbook(out, {
            "constant_memory": True, "strings_to_formulas": False,
            "strings_to_numbers": False, "strings_to_urls": False})
        self.bold = self.book.add_format({"bold": True})
        self.date = self.book.add_format({"num_format": DATE_FORMAT})
        self.headers, self.dates = list(headers), dates
        self.sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.sheets += 1
        name = "Customers" if self.sheets == 1 else f"Customers ({self.sheets})"
        self.sheet: Any = self.book.add_worksheet(name)
        self.sheet.freeze_panes(1, 0)
        for column, header in enumerate(self.headers):
            self.sheet.write_string(0, column, header, self.bold)
        self.row = 1

    def writerow(self, cells: Sequence[str]) -> None:
        if self.row >= SHEET_ROWS:
            self._new_sheet()
        for column, cell in enumerate(cells):
            if not cell:
                continue
            if column in self.dates:
                try:
                    self.sheet.write_datetime(self.row, column, dt.date.fromisoformat(cell),
                                              self.date)
                    continue
                except ValueError:
                    pass  # (not a date after all: as text)
            self.sheet.write_string(self.row, column, cell)
        self.row += 1

    def writerows(self, rows: Sequence[Sequence[str]]) -> None:
        for cells in rows:
            self.writerow(cells)

    def close(self) -> None:
        self.book.close()
