"""The activity journal with tens of thousands of entries, for ``make bench``: how long the
questions View ▸ Activity asks take (count and first page, unfiltered and with each kind
of filter) against a journal file of 50,000 entries."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

ENTRIES = 50_000


def figures() -> list[tuple[str, str]]:
    from billie_desktop.work.entries import Where
    from billie_desktop.work.journal import Filters, Journal

    path = Path(tempfile.mkdtemp(prefix="billie-journal-")) / "activity.sqlite3"
    journal = Journal(path)
    rng = random.Random(5)
    wheres = [Where("https://api.example", f"org{n}", f"Organisation {n}", "Morgan <m@x>")
              for n in range(3)]
    started = time.perf_counter()
    journal.db.execute("BEGIN")
    for n in range(ENTRIES):
        number = journal.begin(rng.choice(wheres), kind="bulk link", customer_id=f"c{n}",
                               customer_name=f"Customer {n}", previous_account="",
                               new_account=f"Account {n} <a{n}@example.com>")
        journal.finish(number, rng.choice(("linked", "linked", "linked", "failed")))
    journal.db.execute("COMMIT")
    written = time.perf_counter() - started
    now = time.time()
    cases = {"no filter": Filters(), "outcome": Filters(outcome="failed"),
             "organisation": Filters(organisation_id="org1"),
             "last hour": Filters(since=now - 3600), "text": Filters(text="Customer 4242")}
    rows = []
    for name, filters in cases.items():
        times = []
        for _ in range(5):
            begun = time.perf_counter()
            journal.count(filters)
            journal.page(filters, 0, 200)
            times.append((time.perf_counter() - begun) * 1000)
        rows.append(f"{name} {statistics.median(times):.1f}")
    journal.close()
    return [("activity journal: 50,000 entries, count + first page (ms)",
             ", ".join(rows) + f"  (writing them: {written / ENTRIES * 1e6:.0f} us each)")]
