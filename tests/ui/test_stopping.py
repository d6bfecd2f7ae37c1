"""Closing is never a surprise (#23): closing the main window, signing out, switching
organisation or closing Link by email while a run or an export is under way asks first;
Keep working keeps it going, Stop sends nothing new, waits for the answers on their way and
records each outcome, then does what was asked."""

from __future__ import annotations

import asyncio

from billie_desktop.ui.run_state import RunState
from billie_desktop.work.journal import Filters
from billie_desktop.work.matching import Outcome
from tests.ui.conftest import queue_fault, until
from tests.ui.test_bulk_link import apply, opened, puts, sending, signed_in
from tests.ui.test_bulk_link import sandbox as sandbox  # (the fixture: shared emails)
from tests.ui.test_link_dialog import message_box


async def answer(text: str) -> str:
    """Waits for the question, answers it with the button that says ``text``, and gives
    what it asked."""
    box = await until(message_box)
    asked = box.text()
    next(b for b in box.buttons() if b.text() == text).click()
    return asked


def journal_agrees_with_the_server(main, sandbox, pairs) -> None:
    """Every PUT the server had is a "linked" entry; no entry is left without an answer."""
    rows = list(main.session.journal.rows(Filters()))
    assert {r["outcome"] for r in rows} <= {"linked"}, {r["outcome"] for r in rows}
    assert {r["customer_id"] for r in rows} == set(puts(sandbox))
    assert {p.customer.id for p in pairs if p.outcome == Outcome.LINKED} == set(puts(sandbox))


async def test_closing_the_main_window_mid_run_asks_and_stop_records_every_answer(
        console, sandbox):
    window, pairs = await sending(console, sandbox)
    main = console.main_window
    main.close()
    asked = await answer("Keep working")
    left = window.run.tally().left
    assert asked.startswith("A link run is in progress (") and "left)." in asked.splitlines()[0]
    assert "Stop and close?" in asked
    await asyncio.sleep(0.3)
    assert main.isVisible() and window.run.state == RunState.RUNNING
    assert window.run.tally().left < left  # kept working
    main.close()
    await answer("Stop and close")
    await until(lambda: not main.isVisible())
    assert window.run.state == RunState.DONE and window.run.tally().in_flight == 0
    journal_agrees_with_the_server(main, sandbox, pairs)
    assert 0 < len(puts(sandbox)) < len(pairs)  # stopped: the rest never sent


async def test_stop_waits_no_longer_than_its_limit_and_the_abandoned_are_settled_later(
        console, sandbox, monkeypatch):
    """A server that takes its time: Stop gives up after its limit (here 0.3 s), records
    what is still in flight as "no answer", and Check now settles them once the server has
    made them."""
    from billie_desktop.ui import bulk_run
    from billie_desktop.work.entries import CHECK_NOW

    monkeypatch.setattr(bulk_run, "STOP_LIMIT", 0.3)
    main = await signed_in(console)
    window = await opened(main)
    pairs = window.result.pairs
    await queue_fault(sandbox, "latency=1.5", "/customers/", method="PUT", times=len(pairs))
    await apply(window)
    await until(lambda: window.run.tally().in_flight == 4)
    main.close()
    await answer("Stop and close")
    await until(lambda: not main.isVisible())
    journal = main.session.journal
    rows = list(journal.rows(Filters()))
    assert [r["outcome"] for r in rows] == ["no answer"] * 4  # abandoned, not awaited
    assert sum(p.outcome == Outcome.UNKNOWN for p in pairs) == 4
    await until(lambda: len(puts(sandbox)) == 4, limit=5)  # the server made them, late
    await asyncio.sleep(1.6)
    said = await main.lost_answers.check(CHECK_NOW)
    assert said == "Checked 4 changes whose answer had been lost: 4 made, 0 not made."
    assert {r["outcome"] for r in journal.rows(Filters())} == {"linked"}


async def test_signing_out_of_a_paused_run_asks_and_keep_working_stays_signed_in(
        console, sandbox):
    window, pairs = await sending(console, sandbox)
    main = console.main_window
    window.pause_button.click()
    await until(lambda: window.run.state == RunState.PAUSED)
    main.sign_out_clicked()
    asked = await answer("Keep working")
    assert asked.startswith(f"A link run is paused ({window.run.tally().left:,} left).")
    assert "Stop and sign out?" in asked
    await asyncio.sleep(0.1)
    assert console.main_window is main and main.isVisible()
    main.sign_out_clicked()
    await answer("Stop and sign out")
    await until(lambda: console.sign_in_window)
    await console.tasks.wait_idle()  # (the old client closed)
    assert window.run.state == RunState.DONE
    journal_agrees_with_the_server(main, sandbox, pairs)


async def test_switching_organisation_mid_run_asks_first(console, sandbox):
    window, pairs = await sending(console, sandbox)
    main = console.main_window
    before = main.organisation.currentIndex()
    other = (before + 1) % main.organisation.count()
    main.organisation.setCurrentIndex(other)
    assert "Stop and switch organisation?" in await answer("Keep working")
    await asyncio.sleep(0.1)
    assert main.organisation.currentIndex() == before  # not switched, run going
    assert window.run.state == RunState.RUNNING
    main.organisation.setCurrentIndex(other)
    await answer("Stop and switch")
    await until(lambda: main.current_organisation.id == main.organisations[other].id)
    await until(lambda: main.model.state in ("ready", "empty"))
    assert window.run.state == RunState.DONE
    journal_agrees_with_the_server(main, sandbox, pairs)
    window.close()
    await main.model.wait_idle()


async def test_closing_link_by_email_mid_run_asks_the_same(console, sandbox):
    window, pairs = await sending(console, sandbox)
    main = console.main_window
    window.close()
    asked = await answer("Stop and close")
    assert asked.startswith("A link run is in progress (")
    await until(lambda: not window.isVisible())
    assert window.run.state == RunState.DONE
    journal_agrees_with_the_server(main, sandbox, pairs)
    assert main.isVisible()


async def test_closing_the_main_window_mid_export_asks_and_stop_writes_no_file(
        console, sandbox, tmp_path):
    main = await signed_in(console)
    await queue_fault(sandbox, "latency=1", "/customers", method="GET", times=5)
    path = tmp_path / "customers.csv"
    dialog = main.export.export_to(path)
    assert not dialog.isModal()  # the main window can still be closed (it was not)
    await asyncio.sleep(0.2)
    assert dialog.running
    main.close()
    asked = await answer("Stop and close")
    assert asked.startswith("An export is in progress")
    await until(lambda: not main.isVisible())
    assert dialog.outcome == "cancelled" and not path.exists()
    assert not list(tmp_path.glob("*.csv*"))  # no partial file either


async def test_nothing_under_way_closes_without_a_question(console, sandbox):
    main = await signed_in(console)
    window = await opened(main)
    window.untick_all.click()
    window.pairs_model.setData(window.pairs_model.index(0, 0), 2, 10)  # Qt.CheckStateRole
    await apply(window)
    await until(lambda: window.run.state == RunState.DONE)
    main.close()
    await asyncio.sleep(0.05)
    assert message_box() is None and not main.isVisible()
