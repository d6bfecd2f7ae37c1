"""``python -m billie_desktop.devtools.export_bench URL``: File ▸ Export customers… at
100,000 rows for ``make bench``, in a process of its own: the time, the rate, the longest
event-loop stall, and memory before and after (it must stay flat: rows are written as they
come). Prints one JSON object."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


async def measure(url: str) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from billie_desktop.api import BillieClient, QueryCustomersRequest, QueryOrganisationsRequest
    from billie_desktop.devtools.session_bench import rss_mib
    from billie_desktop.devtools.stalls import StallProbe
    from billie_desktop.sandbox.demo import DEMO_SIGN_INS
    from billie_desktop.ui.customer_fields import COLUMNS
    from billie_desktop.ui.export_window import ExportDialog
    from billie_desktop.ui.warm_up import settle

    async with BillieClient(url) as client:
        await client.sign_in(DEMO_SIGN_INS.manager, DEMO_SIGN_INS.password)
        org = (await client.send(QueryOrganisationsRequest())).results[0]
        query = QueryCustomersRequest(organisation_id=org.id, order_by="lastName,firstName")
        path = Path(tempfile.mkdtemp(prefix="billie-export-")) / "customers.csv"
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
        figures = {"rows": dialog.rows, "seconds": seconds, "stall": max(gaps) - 10,
                   "rss_added": rss_mib() - before, "bytes": path.stat().st_size,
                   "outcome": dialog.outcome}
        dialog.deleteLater()
        parent.deleteLater()
        path.unlink()
    return figures


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from billie_desktop.ui.launch import make_qapp, run_app

    qapp, _icon = make_qapp()
    figures: dict[str, Any] = {}

    async def run(reporter: Any) -> int:
        figures.update(await measure(sys.argv[1]))
        return 0

    run_app(qapp, run)
    print(json.dumps(figures), flush=True)
    return 0


def figures(url: str) -> list[tuple[str, str]]:
    import subprocess

    out = subprocess.run([sys.executable, "-m", "billie_desktop.devtools.export_bench", url],
                         capture_output=True, text=True, check=False, timeout=600)
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if not lines:
        return [("export", "FAILED: " + (out.stderr or out.stdout)[-800:])]
    f = json.loads(lines[-1])
    return [("export: every customer of an organisation to CSV",
             f"{f['seconds']:7.2f} s  (goal <= 10 s; {f['rows']:,} rows, {f['bytes'] / 2**20:.1f} "
             f"MiB, {f['rows'] / f['seconds']:,.0f} rows/s; {f['outcome']})"),
            ("export: longest event-loop stall, memory",
             f"{f['stall']:7.1f} ms  (goal <= 33); RSS grew {f['rss_added']:.1f} MiB over the "
             "export (rows are written as they come, never held)")]


if __name__ == "__main__":
    sys.exit(main())
