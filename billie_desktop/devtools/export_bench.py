"""``python -m billie_desktop.devtools.export_bench URL``: File ▸ Export customers… at
100,000 rows for ``make bench``, in a process of its own: the time, the rate, the longest
event-loop stall, and memory before and after (it must stay flat: rows are written as they
come). Prints one JSON object."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from billie_desktop.devtools.bench_process import child, parent


async def measure(url: str) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from billie_desktop.api import BillieClient, QueryCustomersRequest, QueryOrganisationsRequest
    from billie_desktop.devtools.stalls import StallProbe, rss_mib
    from billie_desktop.sandbox.demo import DEMO_SIGN_INS
    from billie_desktop.ui.export_window import ExportDialog
    from billie_desktop.ui.warm_up import settle
    from billie_desktop.work.columns import COLUMNS

    async with BillieClient(url) as client:
        await client.sign_in(DEMO_SIGN_INS.manager, DEMO_SIGN_INS.password)
        org = (await client.send(QueryOrganisationsRequest())).results[0]
        query = QueryCustomersRequest(organisation_id=org.id, order_by="lastName,firstName")
        figures: dict[str, Any] = {}
        for suffix in (".csv", ".xlsx"):  # (the CSV's figures unprefixed, as before)
            path = Path(tempfile.mkdtemp(prefix="billie-export-")) / f"customers{suffix}"
            parent = QWidget()
            settle()
            before = rss_mib()
            probe = StallProbe(QTimer())
            started = time.perf_counter()
            dialog = ExportDialog(parent, client.send, query, [c.key for c in COLUMNS], path)
            dialog.show()
            await dialog.wait()
            seconds = time.perf_counter() - started
            gaps = probe.stop()
            prefix = "" if suffix == ".csv" else "xlsx_"
            figures.update({f"{prefix}{k}": v for k, v in {
                "rows": dialog.rows, "seconds": seconds, "stall": max(gaps) - 10,
                "rss_added": rss_mib() - before, "bytes": path.stat().st_size,
                "outcome": dialog.outcome}.items()})
            dialog.deleteLater()
            parent.deleteLater()
            path.unlink()
    return figures


def main() -> int:
    return child(measure)


def figures(url: str) -> list[tuple[str, str]]:
    f = parent("billie_desktop.devtools.export_bench", url)
    if isinstance(f, str):
        return [("export", f)]
    return [("export: every customer of an organisation to CSV",
             f"{f['seconds']:7.2f} s  (goal <= 10 s; {f['rows']:,} rows, {f['bytes'] / 2**20:.1f} "
             f"MiB, {f['rows'] / f['seconds']:,.0f} rows/s; {f['outcome']})"),
            ("export: longest event-loop stall, memory",
             f"{f['stall']:7.1f} ms  (goal <= 33); RSS grew {f['rss_added']:.1f} MiB over the "
             "export (rows are written as they come, never held)"),
            ("export: the same as an Excel workbook (.xlsx)",
             f"{f['xlsx_seconds']:7.2f} s  (goal <= 10 s; {f['xlsx_rows']:,} rows, "
             f"{f['xlsx_bytes'] / 2**20:.1f} MiB; {f['xlsx_outcome']}); stall "
             f"{f['xlsx_stall']:.1f} ms (goal <= 33); RSS grew {f['xlsx_rss_added']:.1f} MiB")]


if __name__ == "__main__":
    sys.exit(main())
