"""``make bench``: figures for speed and memory at 100,000 customers per organisation.

Prints measurements beside their goals; asserts nothing (these machines are shared and
noisy). Reports: seeding time; sandbox query latency over real HTTP (first page, deep
page, sorts, searches); client parse rate; paging through the real model under qasync
while a 10 ms timer measures the longest event-loop stall the user could feel; a scripted
session in its own process (devtools/session_bench.py); Link by email at scale
(devtools/bulk_bench.py); start-up under Xvfb (devtools/startup.py); memory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from billie_desktop.devtools.session_bench import until_real
from billie_desktop.devtools.stalls import StallProbe, rss_mib
from billie_desktop.sandbox.demo import DEMO_SIGN_INS
from billie_desktop.ui.tasks import wait_for

BASE = 100_000  # customers an organisation: the scale every goal was first set at


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


async def jump_figures(view: Any, model: Any) -> list[tuple[str, str]]:
    """Jumps to 10/37/73/99 % of the list: how long until every row on screen is real."""
    rows = []
    bar = view.verticalScrollBar()
    await wait_for(lambda: bar.maximum() > 0, limit=5)  # laid out a turn after the total
    for fraction in (0.10, 0.37, 0.73, 0.99):
        bar.setValue(int(bar.maximum() * fraction))
        waited = await until_real(view, model)
        rows.append((f"list: jump to {fraction:.0%}, every visible row real",
                     f"{waited:7.1f} ms   (goal <= 150 ms; includes the "
                     f"{model._settle.interval()} ms settle)"))
    return rows


def model_figures(url: str, org: str) -> list[tuple[str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from billie_desktop.api import BillieClient
    from billie_desktop.ui.customers_model import CustomersModel
    from billie_desktop.ui.customers_table import CustomersTable
    from billie_desktop.ui.warm_up import settle

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # type: ignore[attr-defined]
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    rows: list[tuple[str, str]] = []

    async def run() -> None:
        async with BillieClient(url) as client:
            await client.sign_in(DEMO_SIGN_INS.manager, DEMO_SIGN_INS.password)
            settle()  # as the console does once its main window is in (ui/warm_up.py)
            model = CustomersModel(client.send)
            view = CustomersTable(model)
            view.resize(1000, 700)
            view.show()
            probe = StallProbe(QTimer())
            started = time.perf_counter()
            model.set_organisation(org)
            await until_real(view, model)
            rows.append(("model: first page painted-ready",
                         f"{(time.perf_counter() - started) * 1000:7.1f} ms"))
            base = rss_mib()
            bar = view.verticalScrollBar()
            rows.extend(await jump_figures(view, model))
            rng = random.Random(7)
            for _ in range(30):
                bar.setValue(rng.randrange(bar.maximum() + 1))
                await until_real(view, model)
            rows.append(("memory: RSS after 30 random positions, above the first page",
                         f"{rss_mib() - base:7.1f} MiB (goal < 40 MiB; "
                         f"{len(model._pages)} pages cached)"))
            search_started = time.perf_counter()
            model.set_search("smith")
            await until_real(view, model)
            rows.append(("model: new search to first results",
                         f"{(time.perf_counter() - search_started) * 1000:7.1f} ms"))
            gaps = probe.stop()
            rows.append(("UI: longest event-loop stall over the jumps",
                         f"{max(gaps) - 10:7.1f} ms (10 ms timer; median gap "
                         f"{statistics.median(gaps):.1f} ms)"))
            view.close()
            view.deleteLater()  # Qt deletes them now, not the collector at exit
            model.deleteLater()

    with loop:
        loop.run_until_complete(run())
    QApplication.sendPostedEvents(None, 0)
    return rows


@contextlib.contextmanager
def sandbox_process(db: Path, customers: int) -> Iterator[str]:
    """``billie-sandbox`` in its own process, as a real server is: the console's event
    loop then never waits on the server's work for the interpreter lock."""
    process = subprocess.Popen(
        [sys.executable, "-m", "billie_desktop.sandbox.cli", "--port", "0", "--db", str(db),
         "--customers", str(customers), "--log-level", "warning", "--shared-emails", "200"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "listening on" in line:
                yield line.split("listening on ")[1].split()[0]
                return
        raise RuntimeError("the sandbox did not start")
    finally:
        process.terminate()
        process.wait(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="billie-bench")
    parser.add_argument("--customers", type=int, default=BASE,
                        help="customers an organisation; at any other number, the figures "
                        "at 100,000 are measured too and printed beside them, with how "
                        "many times each grew (1000000: about 40 minutes)")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--startup-only", action="store_true",
                        help="only the start-up figures (under Xvfb)")
    parser.add_argument("--network-only", action="store_true",
                        help="only the figures at a 0 and a 100 ms round trip")
    args = parser.parse_args(argv)
    from billie_desktop.devtools.network_bench import network_figures
    from billie_desktop.devtools.startup import startup_figures
    from billie_desktop.sandbox.store import Store

    db = Path(tempfile.mkdtemp(prefix="billie-bench-")) / "bench.sqlite3"
    if args.startup_only:
        with sandbox_process(db, 2_500) as url:
            print_rows(startup_figures(url))
        return 0

    if args.network_only:
        Store(db, customers=args.customers, reset=True, seed_value=1).close()
        with sandbox_process(db, args.customers) as url:
            print_rows(network_figures(url))
        return 0

    print(f"Billie Desktop benchmark: {args.customers:,} customers per organisation; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}", flush=True)
    results = full_run(args.customers, args.repeats, startup=True)
    if args.customers != BASE:  # (issue #26) how each figure grows with the customers
        print_growth(full_run(BASE, args.repeats, startup=False), results, args.customers)
    else:
        print_rows(results)
    return 0


def print_rows(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


def full_run(customers: int, repeats: int, *, startup: bool) -> list[tuple[str, str]]:
    """Every figure at ``customers`` per organisation (start-up's, which do not depend on
    it, only when ``startup``), on a database seeded for the run."""
    from billie_desktop.devtools.bulk_bench import figures as bulk_figures
    from billie_desktop.devtools.export_bench import figures as export_figures
    from billie_desktop.devtools.journal_bench import figures as journal_figures
    from billie_desktop.devtools.network_bench import network_figures
    from billie_desktop.devtools.session_bench import figures as session_figures
    from billie_desktop.devtools.startup import startup_figures
    from billie_desktop.sandbox.store import Store

    db = Path(tempfile.mkdtemp(prefix="billie-bench-")) / "bench.sqlite3"
    started = time.perf_counter()
    Store(db, customers=customers, reset=True, seed_value=1).close()
    results = [("seed 2 organisations x customers (SQLite file, indexes)",
                f"{time.perf_counter() - started:7.1f} s"),
               ("sandbox: database size, a customer",
                f"{db.stat().st_size / (2 * customers):7.0f} bytes  (goal <= 1,024; "
                f"{db.stat().st_size / 2**30:.2f} GiB)")]
    try:
        with sandbox_process(db, customers) as url:  # a server is another process
            org, http_rows = asyncio.run(http_figures(url, repeats))
            results += [(f"HTTP: {name}", value) for name, value in http_rows]
            results.append(("client: pydantic parse rate", parse_rate(url, org)))
            results += model_figures(url, org)
            results += session_figures(url)
            results += export_figures(url)
            results += journal_figures()
            results += bulk_figures(url)  # it links customers (the first 1,500 matches)
            results += network_figures(url)  # and the next 3,000, at 0 and 100 ms
            if startup:
                results += startup_figures(url)
    finally:
        shutil.rmtree(db.parent, ignore_errors=True)  # (gigabytes at a million)
    results.append(("memory: peak RSS of this process",
                    f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.1f} MB"))
    return results


def first_number(text: str) -> float | None:
    """The figure a value leads with (at a 0 ms round trip where it gives both)."""
    text = text.replace("0 ms:", "", 1) if text.lstrip().startswith("0 ms:") else text
    match = re.search(r"-?\d[\d,]*(?:\.\d+)?", text)
    return float(match.group().replace(",", "")) if match else None


def print_growth(base: list[tuple[str, str]], scaled: list[tuple[str, str]],
                 customers: int) -> None:
    """Each figure at 100,000 and at ``customers``, and how many times it grew: a cost
    that grows in a straight line grows as many times as the customers did."""
    print(f"\nEach figure at {BASE:,} and at {customers:,} customers an organisation "
          f"(x{customers / BASE:g} the customers):")
    at_base = dict(base)
    for name, value in scaled:
        before = at_base.get(name)
        low, high = first_number(before or ""), first_number(value)
        growth = f"x{high / low:.1f}" if low and high is not None else "-"
        print(f"  {name}\n      {BASE:>9,}: {(before or '(not measured)').strip()}"
              f"\n      {customers:>9,}: {value.strip()}\n      growth: {growth}")


if __name__ == "__main__":
    sys.exit(main())
