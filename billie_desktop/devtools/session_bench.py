"""``python -m billie_desktop.devtools.session_bench URL``: the scripted session of
``make bench``, in a process of its own so that its memory is the console's alone.

Against a sandbox at URL, the real console (ConsoleApp, sign-in window, main window) does
what a manager does: signs in, 5 searches (one matching almost everyone), 10 sorts,
scrolls 5,000 rows, links 5 customers through the link dialog. A 10 ms timer on the event
loop measures every stall the user could feel. Prints one JSON object of figures."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from billie_desktop.devtools.bench_process import child, parent
from billie_desktop.ui.tasks import wait_for

SEARCHES = ("smith", "a", "olivia nguyen", "0412", ".com")
TYPING = 1.5  # s: the console prepares the main window meanwhile (ui/warm_up.py)
SCROLL_ROWS, SCROLL_STEP = 5_000, 100  # a fast flick: 100 rows every 16 ms


async def until_real(view: Any, model: Any, limit: float = 20.0) -> float:
    """Milliseconds until every row on screen is a real customer (no placeholder left) or
    the list says it is empty: what a user waits after a search, a sort or a jump, the
    settling pause included."""
    started = time.perf_counter()

    def real() -> bool:
        first, last = view.visible_rows()
        return bool(model.state == "empty" or (first >= 0 and all(
            model.customer_at(r) is not None for r in range(first, last + 1))))

    await wait_for(real, limit, every=0.001)
    return (time.perf_counter() - started) * 1000


async def sign_in(console: Any) -> tuple[Any, float]:
    """Signs in as a person does; the main window, and when Sign in was pressed."""
    from billie_desktop.sandbox.demo import DEMO_SIGN_INS

    await console.start()
    window = console.sign_in_window
    window.user_name.setText(DEMO_SIGN_INS.manager)
    await asyncio.sleep(TYPING / 2)
    window.password.setText(DEMO_SIGN_INS.password[:1])  # a person types the password...
    await asyncio.sleep(TYPING / 2)
    window.password.setText(DEMO_SIGN_INS.password)  # ...and presses Sign in
    clicked = time.perf_counter()
    await window.sign_in()
    return console.main_window, clicked


async def links(main: Any, count: int) -> list[float]:
    """Links ``count`` unlinked customers on screen to free accounts, through the dialog:
    milliseconds from Link to the row showing the account."""
    from billie_desktop.api import QueryUserAccountsRequest

    org = main.current_organisation.id
    answer = await main.session.send(QueryUserAccountsRequest(organisation_id=org, take=1000))
    free = [a.id for a in answer.results if a.customer_id is None]
    times = []
    rows = [r for r in main.model.loaded_rows() if not main.model.customer_at(r).user_account_id]
    for row, account in zip(rows[:count], free, strict=False):
        main.table.selectRow(row)
        dialog = main.open_link_dialog()
        dialog.account_edit.setText(account)
        started = time.perf_counter()
        await dialog.submit()
        while main.model.customer_at(row).user_account_id is None:  # noqa: ASYNC110
            await asyncio.sleep(0.001)  # (polled: the bench watches, it is not told)
        times.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(0.05)  # the dialog closes
    return times


async def session(url: str) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer

    from billie_desktop.api import MemoryTokenStore
    from billie_desktop.devtools.stalls import StallProbe, rss_mib
    from billie_desktop.ui.app import ConsoleApp
    from billie_desktop.ui.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="billie-session-"))
    console = ConsoleApp(Settings(folder / "s.ini"), MemoryTokenStore(), sandbox_url=url,
                         journal_path=folder / "activity.sqlite3")
    probe = StallProbe(QTimer())
    main, clicked = await sign_in(console)
    await until_real(main.table, main.model)
    figures: dict[str, Any] = {"first_page": (time.perf_counter() - clicked) * 1000}
    searches = {}
    for term in SEARCHES:
        main.model.set_search(term)
        searches[term] = await until_real(main.table, main.model)
    main.model.set_search("")
    await until_real(main.table, main.model)
    sorts = []
    for column in range(5):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            main.table.sortByColumn(column, order)
            sorts.append(await until_real(main.table, main.model))
    bar = main.table.verticalScrollBar()
    for _ in range(SCROLL_ROWS // SCROLL_STEP):
        bar.setValue(bar.value() + SCROLL_STEP)
        await asyncio.sleep(0.016)
    figures["scroll_settled"] = await until_real(main.table, main.model)
    jumps = []
    for fraction in (0.10, 0.37, 0.73, 0.99):  # the scrollbar dragged there
        bar.setValue(int(bar.maximum() * fraction))
        jumps.append(await until_real(main.table, main.model))
    figures["jumps"] = jumps
    figures["links"] = await links(main, 5)
    gaps = probe.stop()
    stalls = sorted(max(0.0, g - 10) for g in gaps)
    figures.update(searches=searches, sorts=sorts, stall_max=stalls[-1],
                   stall_p99=stalls[int(len(stalls) * 0.99) - 1], ticks=len(gaps),
                   rss=rss_mib())
    main.close()
    await console.close()
    return figures


def main() -> int:
    return child(session)


def bare_rss() -> float:
    """RSS of a bare PySide6 QMainWindow, shown (the floor for the console's memory)."""
    import subprocess

    code = ("import os\nfrom PySide6.QtWidgets import QApplication, QMainWindow\n"
            "app = QApplication([])\nw = QMainWindow()\nw.resize(1000, 700)\nw.show()\n"
            "app.processEvents()\nprint(open('/proc/self/status').read())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def figures(url: str) -> list[tuple[str, str]]:
    """The session's figures for ``make bench``."""
    f = parent("billie_desktop.devtools.session_bench", url)
    if isinstance(f, str):
        return [("session", f)]
    worst = max(f["searches"], key=f["searches"].get)
    return [
        ("session: Sign in pressed -> first page painted",
         f"{f['first_page']:7.1f} ms  (goal <= 150)"),
        ("session: search -> painted, worst of 5",
         f"{f['searches'][worst]:7.1f} ms  (goal <= 100; '{worst}'; all: " + ", ".join(
             f"{t!r} {v:.0f}" for t, v in f["searches"].items()) + ")"),
        ("session: sort -> painted, 10 sorts",
         f"{statistics.median(f['sorts']):7.1f} ms median, {max(f['sorts']):.1f} worst "
         f"(goal <= 60)"),
        ("session: link -> row, 5 links",
         f"{statistics.median(f['links']):7.1f} ms median, {max(f['links']):.1f} worst "
         f"(goal <= 30)"),
        ("session: scrolled 5,000 rows, settled", f"{f['scroll_settled']:7.1f} ms"),
        ("session: longest event-loop stall", f"{f['stall_max']:7.1f} ms  (goal <= 33; p99 "
         f"{f['stall_p99']:.1f} ms, goal <= 10; {f['ticks']} ticks of a 10 ms timer)"),
        ("session: console RSS above a bare window",
         f"{f['rss'] - bare_rss():7.1f} MiB  (goal <= 50; console {f['rss']:.0f} MiB)"),
    ]


if __name__ == "__main__":
    sys.exit(main())
