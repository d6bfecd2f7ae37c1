"""``make bench``: figures for speed and memory at 100,000 customers per organisation.

Prints measurements; asserts nothing (these machines are shared and noisy). Reports:
seeding time; sandbox query latency over real HTTP (first page, deep page, sorts,
searches); client parse rate; paging through the real model under qasync while a 10 ms
timer measures the longest event-loop stall the user could feel; memory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from billie_desktop.sandbox.demo import DEMO_SIGN_INS


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fmt(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"median {statistics.median(ms):7.1f} ms   p95 {ms[int(len(ms) * 0.95) - 1]:7.1f} ms"


async def http_figures(url: str, repeats: int) -> tuple[str, list[tuple[str, str]]]:
    from billie_desktop.api import BillieClient, QueryCustomersRequest, QueryOrganisationsRequest

    rows: list[tuple[str, str]] = []
    async with BillieClient(url) as client:
        await client.sign_in(DEMO_SIGN_INS.manager, DEMO_SIGN_INS.password)
        org = (await client.send(QueryOrganisationsRequest())).results[0].id
        cases = {
            "first page (200, include=Total, by name)": QueryCustomersRequest(
                organisation_id=org, take=200, include="Total", order_by="lastName,firstName"),
            "page at row 99,800 (by name)": QueryCustomersRequest(
                organisation_id=org, skip=99_800, take=200, order_by="lastName,firstName"),
            "first page sorted by -email": QueryCustomersRequest(
                organisation_id=org, take=200, include="Total", order_by="-email"),
            "page at row 50,000 sorted by postcode": QueryCustomersRequest(
                organisation_id=org, skip=50_000, take=200, order_by="postcode"),
            "search 'smith' (+Total)": QueryCustomersRequest(
                organisation_id=org, take=200, include="Total", search="smith"),
            "search 'olivia nguyen' (+Total)": QueryCustomersRequest(
                organisation_id=org, take=200, include="Total", search="olivia nguyen"),
            "search phone digits '0412' (+Total)": QueryCustomersRequest(
                organisation_id=org, take=200, include="Total", search="0412"),
        }
        for name, request in cases.items():
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                page = await client.send(request)
                times.append((time.perf_counter() - started) * 1000)
            rows.append((name, f"{fmt(times)}   ({len(page.results)} rows)"))
    return org, rows


def parse_rate(url: str, org: str) -> str:
    import httpx

    from billie_desktop.api import QueryCustomersResponse

    with httpx.Client(base_url=url) as http:
        http.post("/auth/credentials", json={"userName": DEMO_SIGN_INS.manager,
                                             "password": DEMO_SIGN_INS.password})
        body = http.get("/customers", params={"organisationId": org, "take": 500}).content
    started = time.perf_counter()
    n = 0
    while time.perf_counter() - started < 2:
        n += len(QueryCustomersResponse.model_validate_json(body).results)
    rate = n / (time.perf_counter() - started)
    return f"{rate:,.0f} customers/s  ({1000 * 200 / rate:.1f} ms per 200-row page)"


class StallProbe:
    """A 10 ms timer on the event loop: how late each tick comes is how long the loop was
    blocked."""

    def __init__(self, timer: Any) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = timer
        timer.timeout.connect(self._tick)
        timer.start(10)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def stop(self) -> list[float]:
        self._timer.stop()
        return self.gaps


def model_figures(url: str, org: str, pages: int) -> list[tuple[str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    from billie_desktop.api import BillieClient
    from billie_desktop.ui.customers_model import CustomersModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    rows: list[tuple[str, str]] = []

    async def run() -> None:
        async with BillieClient(url) as client:
            await client.sign_in(DEMO_SIGN_INS.manager, DEMO_SIGN_INS.password)
            model = CustomersModel(client.send, page_size=200)
            view = QTableView()
            view.setModel(model)
            view.resize(1000, 700)
            view.show()
            probe = StallProbe(QTimer())
            before = rss_mb()
            started = time.perf_counter()
            model.set_organisation(org)
            await model.wait_idle()
            first = (time.perf_counter() - started) * 1000
            page_times = []
            for _ in range(pages - 1):
                t = time.perf_counter()
                view.scrollToBottom()
                model.fetchMore()
                await model.wait_idle()
                page_times.append((time.perf_counter() - t) * 1000)
            total = (time.perf_counter() - started) * 1000
            loaded = model.rowCount()
            search_started = time.perf_counter()
            model.set_search("smith")
            await model.wait_idle()
            search_ms = (time.perf_counter() - search_started) * 1000
            gaps = probe.stop()
            rows.append(("model: first page painted-ready", f"{first:7.1f} ms"))
            rows.append((f"model: each further page ({pages - 1} pages)", fmt(page_times)))
            rows.append((f"model: {loaded:,} rows loaded in", f"{total:7.1f} ms"))
            rows.append(("model: new search to first results", f"{search_ms:7.1f} ms"))
            rows.append(("UI: longest event-loop stall while paging",
                         f"{max(gaps) - 10:7.1f} ms (10 ms timer; median gap "
                         f"{statistics.median(gaps):.1f} ms)"))
            rows.append((f"memory: RSS growth for {loaded:,} rows in the model",
                         f"{rss_mb() - before:7.1f} MB"))
            view.close()

    with loop:
        loop.run_until_complete(run())
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="billie-bench")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--pages", type=int, default=25)
    args = parser.parse_args(argv)
    from billie_desktop.sandbox import SandboxOptions, SandboxServer
    from billie_desktop.sandbox.store import Store

    print(f"Billie Desktop benchmark: {args.customers:,} customers per organisation; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
    db = Path(tempfile.mkdtemp(prefix="billie-bench-")) / "bench.sqlite3"
    started = time.perf_counter()
    Store(db, customers=args.customers, reset=True, seed_value=1).close()
    results = [("seed 2 organisations x customers (SQLite file, indexes)",
                f"{time.perf_counter() - started:7.1f} s")]
    with SandboxServer(SandboxOptions(db_path=db, customers=args.customers)) as sandbox:
        org, http_rows = asyncio.run(http_figures(sandbox.url, args.repeats))
        results += [(f"HTTP: {name}", value) for name, value in http_rows]
        results.append(("client: pydantic parse rate", parse_rate(sandbox.url, org)))
        results += model_figures(sandbox.url, org, args.pages)
    results.append(("memory: peak RSS of this process",
                    f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.1f} MB"))
    width = max(len(name) for name, _ in results)
    for name, value in results:
        print(f"  {name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
