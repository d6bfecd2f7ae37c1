"""``python -m billie_desktop.devtools.bulk_bench URL``: Link by email at scale, for
``make bench``, in a process of its own (its memory is the console's alone).

Against a sandbox at URL (100,000 customers per organisation, seeded with
``--shared-emails``): the time to load and match everything, links applied a second (the
first ``LINKS`` pairs, four in flight), the longest event-loop stall during each, and
memory. Prints one JSON object."""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

from billie_desktop.devtools.bench_process import child, parent

LINKS = 1500


async def measure(url: str) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer

    from billie_desktop.api import BillieClient, QueryOrganisationsRequest
    from billie_desktop.devtools.stalls import StallProbe, rss_mib
    from billie_desktop.sandbox.demo import DEMO_SIGN_INS
    from billie_desktop.ui.bulk_window import BulkLinkWindow
    from billie_desktop.ui.session import Session
    from billie_desktop.ui.warm_up import settle

    figures: dict[str, Any] = {}
    async with BillieClient(url) as client:
        me = await client.sign_in(DEMO_SIGN_INS.manager, DEMO_SIGN_INS.password)
        org = (await client.send(QueryOrganisationsRequest())).results[0]
        session = Session(client, me, server_label=url, remember=False, sandbox=True)
        settle()  # as the console does once its main window is in
        before = rss_mib()
        probe = StallProbe(QTimer())
        started = time.perf_counter()
        window = BulkLinkWindow(session, org)
        window.show()
        await window.tasks.wait_idle()
        figures["load"] = time.perf_counter() - started
        gaps = probe.stop()
        figures["load_stall"] = max(gaps) - 10
        result = window.result
        assert result is not None, window.banner.text.text()
        figures.update(pairs=len(result.pairs), needs=result.ambiguous,
                       unmatched=result.unmatched)
        window.untick_all.click()
        model = window.pairs_model
        for row in range(min(LINKS, model.rowCount())):  # as clicks, over a moment
            model.setData(model.index(row, 0), Qt.CheckState.Checked,
                          Qt.ItemDataRole.CheckStateRole)
            if row % 100 == 0:
                await asyncio.sleep(0)
        probe = StallProbe(QTimer())
        started = time.perf_counter()
        window.apply_button.click()
        await _confirmed()  # Apply asks first ("Link 1,500 customers of …?")
        run = window.run
        assert run is not None
        while run.state.value != "done":  # noqa: ASYNC110  (polled: the bench watches)
            await asyncio.sleep(0.01)
        elapsed = time.perf_counter() - started
        gaps = probe.stop()
        counts = run.counts()
        figures.update(linked=sum(1 for p in result.pairs if p.outcome.value == "linked"),
                       failed=sum(v for k, v in counts.items() if k.value == "failed"),
                       apply_seconds=elapsed, apply_stall=max(gaps) - 10,
                       rss=rss_mib(), rss_added=rss_mib() - before)
        figures["rate"] = figures["linked"] / elapsed
        window.close()
        window.deleteLater()
    return figures


async def _confirmed() -> None:
    """Answers Apply's question as a user does."""
    from billie_desktop.devtools.drive import message_box
    from billie_desktop.ui.tasks import wait_for

    box = await wait_for(message_box)
    assert box is not None
    next(b for b in box.buttons() if b.text().startswith("Link ")).click()


def main() -> int:
    return child(measure)


def figures(url: str) -> list[tuple[str, str]]:
    """The figures for ``make bench``."""
    f = parent("billie_desktop.devtools.bulk_bench", url)
    if isinstance(f, str):
        return [("link by email", f)]
    return [
        ("link by email: load and match everything",
         f"{f['load']:7.2f} s  (goal <= 5 s; {f['pairs']:,} matched, {f['needs']:,} need a "
         f"person, {f['unmatched']:,} unmatched; longest stall {f['load_stall']:.0f} ms)"),
        ("link by email: links applied a second",
         f"{f['rate']:7.0f} /s  (goal >= 150; {f['linked']:,} linked, {f['failed']} failed "
         f"in {f['apply_seconds']:.1f} s; longest stall {f['apply_stall']:.0f} ms, goal <= 33)"),
        ("link by email: memory", f"{f['rss_added']:7.1f} MiB added by the window "
                                  f"(console {f['rss']:.0f} MiB)"),
    ]


if __name__ == "__main__":
    sys.exit(main())
