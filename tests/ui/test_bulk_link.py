"""Customer ▸ Link by email… against a real sandbox seeded with untidy emails
(--shared-emails): loading, the review, applying with every outcome, pause, cancel,
retry, an expired session and a lost answer mid-run, and the main list kept current."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import Qt

from billie_desktop.api import same_id
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
from billie_desktop.ui.bulk_models import why_text
from billie_desktop.ui.bulk_window import BulkLinkWindow
from billie_desktop.ui.run_state import RunState
from billie_desktop.work.journal import Filters
from billie_desktop.work.matching import Outcome
from tests.ui.conftest import MANAGER, PASSWORD, queue_fault, signed_in, until
from tests.ui.test_link_dialog import message_box, session_expired

SHARED = 3


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxOptions(customers=400, faults=True, shared_emails=SHARED)) as s:
        yield s


async def opened(main) -> BulkLinkWindow:
    main.commands.bulk.trigger()
    window = main.side.bulk
    assert window is not None and window.isVisible()
    await window.tasks.wait_idle()
    assert window.result is not None, window.banner.text.text()
    return window


async def apply(window: BulkLinkWindow, confirm: bool = True) -> str:
    """Apply, and the answer to its question (what it asked)."""
    window.apply_button.click()
    box = await until(message_box)
    text = box.text()
    answer = next(b for b in box.buttons() if b.text().startswith("Link ") == confirm)
    answer.click()
    if confirm:
        await until(lambda: window.run.state != RunState.IDLE)
    return text


async def finished(window: BulkLinkWindow, states=(RunState.DONE,)) -> None:
    await until(lambda: window.run.state in states, limit=20)
    await window.run.wait_idle()


@contextlib.contextmanager
def server(sandbox) -> Iterator[httpx.Client]:
    """The server's own view, signed in apart from the console."""
    with httpx.Client(base_url=sandbox.url) as http:
        http.post("/auth/credentials", json={"userName": MANAGER, "password": PASSWORD})
        yield http


def everything(http, path, org, **params):
    rows, skip = [], 0
    while True:
        page = http.get(path, params={"organisationId": org, "skip": skip, "take": 500,
                                      **params}).json()["results"]
        rows += page
        skip += 500
        if len(page) < 500:
            return rows


def puts(sandbox) -> dict[str, int]:
    counts = httpx.get(f"{sandbox.url}/sandbox/requests").json()["counts"]
    return {k.split()[1].split("/")[2]: v for k, v in counts.items()
            if k.startswith("PUT /customers/")}


async def test_the_review_is_exactly_what_the_server_data_gives(console, sandbox):
    main = await signed_in(console)
    window = await opened(main)
    org = main.current_organisation.id
    with server(sandbox) as http:  # the rule, computed here independently
        customers = everything(http, "/customers", org, userAccountIdIsNull="true")
        accounts = everything(http, "/user-accounts", org, customerIdIsNull="true")
    by_email: dict[str, tuple[list, list]] = {}
    for c in customers:
        if (c.get("email") or "").strip():
            by_email.setdefault(c["email"].strip().lower(), ([], []))[0].append(c["id"])
    for a in accounts:
        if (a.get("email") or "").strip() and a["email"].strip().lower() in by_email:
            by_email[a["email"].strip().lower()][1].append(a["id"])
    expected = {(cs[0], ac[0]) for cs, ac in by_email.values() if len(cs) == len(ac) == 1}
    ambiguous = {c for cs, ac in by_email.values() if ac and (len(cs) > 1 or len(ac) > 1)
                 for c in cs}
    result = window.result
    assert {(p.customer.id, p.account.id) for p in result.pairs} == expected
    assert {n.customer.id for n in result.needs_person} == ambiguous
    assert len(ambiguous) >= 3 * SHARED  # two customers per shared email, one per 2 accounts
    assert result.unmatched == len(customers) - len(expected) - len(ambiguous)
    untidy = [p for p in result.pairs if p.account.email != p.customer.email]
    assert len(untidy) >= SHARED and all("case or spaces" in why_text(p) for p in untidy)
    assert window.counts.text() == (f"Matched: {len(expected):,}   ·   Needs a person: "
                                    f"{len(ambiguous):,}   ·   Unmatched customers: "
                                    f"{result.unmatched:,}")
    assert window.pairs_model.rowCount() == len(expected)
    assert window.needs_model.rowCount() == len(ambiguous)
    assert window.apply_button.isEnabled() and not window.pause_button.isEnabled()
    window.close()


async def test_apply_links_the_ticked_rows_once_each_and_updates_the_list(console, sandbox):
    main = await signed_in(console)
    window = await opened(main)
    pairs = window.result.pairs
    shown = {main.model.customer_at(r).id: r for r in main.model.loaded_rows()}
    window.pairs_model.setData(window.pairs_model.index(0, 0), 0, 10)  # Qt.CheckStateRole
    assert not pairs[0].ticked and window.apply_button.text() == f"&Apply ({len(pairs) - 1:,})"
    await apply(window)
    await finished(window)
    assert [p.outcome for p in pairs[1:]] == [Outcome.LINKED] * (len(pairs) - 1)
    assert pairs[0].outcome == Outcome.READY
    sent = puts(sandbox)
    assert set(sent) == {p.customer.id for p in pairs[1:]} and set(sent.values()) == {1}
    with server(sandbox) as http:
        org = main.current_organisation.id
        linked = {c["id"]: c["userAccountId"] for c in everything(
            http, "/customers", org, userAccountIdIsNotNull="true")}
    assert all(same_id(linked[p.customer.id], p.account.id) for p in pairs[1:])
    assert pairs[0].customer.id not in linked
    for pair in pairs[1:]:  # the main list shows the links without a refresh
        if pair.customer.id in shown:
            assert same_id(main.model.customer_at(shown[pair.customer.id]).user_account_id,
                           pair.account.id)
    assert window.status.text() == f"Done — linked {len(pairs) - 1}, failed 0, not sent 0."
    window.copy_button.click()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text().startswith(f"Linked {len(pairs) - 1}, failed 0,")
    window.close()


async def test_every_refusal_is_said_in_plain_words_and_retry_resends_only_failures(
        console, sandbox):
    main = await signed_in(console)
    window = await opened(main)
    org = main.current_organisation.id
    pairs = window.result.pairs
    taken, bogus_account, gone_customer, forbidden = pairs[0], pairs[1], pairs[2], pairs[3]
    spare = next(n.customer.id for n in window.result.needs_person)
    with server(sandbox) as http:  # someone links that account elsewhere meanwhile: 409
        http.put(f"/customers/{spare}/associate-to-user-account",
                 json={"userAccountId": taken.account.id, "organisationId": org})
    bogus_account.account = dataclasses.replace(bogus_account.account, id="f" * 32)  # 400
    gone_customer.customer = dataclasses.replace(gone_customer.customer, id="e" * 32)  # 404
    for pair in pairs[4:]:
        pair.ticked = False
    await queue_fault(sandbox, "403", f"/customers/{forbidden.customer.id}", method="PUT")
    await apply(window)
    await finished(window)
    outcome = {id(p): (p.outcome, p.message) for p in pairs[:4]}
    assert outcome[id(taken)][0] == Outcome.FAILED and "already linked" in outcome[id(taken)][1]
    assert "does not exist" in outcome[id(bogus_account)][1]
    assert "does not exist" in outcome[id(gone_customer)][1]
    assert outcome[id(forbidden)][1] == ("Not allowed: the server says your account may not "
                                         "link customers in this organisation.")
    assert window.status.text().startswith("Done — linked 0, failed 4")
    for row in range(4):
        text = window.pairs_model.index(row, 5).data()
        assert text == pairs[row].message
    before = puts(sandbox)
    assert window.retry_button.isEnabled()
    window.retry_button.click()
    await finished(window)
    assert forbidden.outcome == Outcome.LINKED  # the 403 was a moment's: it goes through now
    assert taken.outcome == Outcome.FAILED
    after = puts(sandbox)
    resent = {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}
    assert resent == {p.customer.id: 1 for p in pairs[:4]}  # the failures, nothing else
    assert all(p.outcome == Outcome.READY for p in pairs[4:])  # unticked: never sent
    window.close()


async def sending(console, sandbox):
    """The window, its pairs, applying with every PUT answered slowly, the first ones on
    their way."""
    window = await opened(await signed_in(console))
    pairs = window.result.pairs
    await queue_fault(sandbox, "latency=0.15", "/customers/", method="PUT", times=len(pairs))
    await apply(window)
    await until(lambda: any(p.outcome == Outcome.SENDING for p in pairs))
    return window, pairs


async def test_pause_sends_nothing_new_and_resume_carries_on(console, sandbox):
    window, pairs = await sending(console, sandbox)
    window.pause_button.click()
    assert window.run.state == RunState.PAUSING
    assert window.status.text().startswith("Pausing — ")
    await window.run.wait_idle()  # the last answer in flight has come
    await asyncio.sleep(0.05)
    assert window.run.state == RunState.PAUSED  # at once: not left saying "Pausing"
    sent = sum(puts(sandbox).values())
    assert 0 < sent <= 4 and window.pause_button.text() == "&Resume"
    assert sum(p.outcome == Outcome.LINKED for p in pairs) == sent
    assert window.status.text().startswith(f"Paused — {sent} linked, 0 in flight · failed 0 · "
                                           f"{len(pairs) - sent} left.")
    assert not window.banner.isVisible()  # a pause the user asked for is no warning
    await asyncio.sleep(0.3)
    assert sum(puts(sandbox).values()) == sent  # nothing new while paused
    window.pause_button.click()
    await finished(window)
    assert all(p.outcome == Outcome.LINKED for p in pairs)
    assert set(puts(sandbox).values()) == {1}
    window.close()


async def test_apply_asks_first_and_many_links_default_to_cancel(console, sandbox):
    main = await signed_in(console)
    window = await opened(main)
    pairs = window.result.pairs
    assert len(pairs) > 100
    window.apply_button.click()
    box = await until(message_box)
    org = main.current_organisation.name
    assert box.text().startswith(f"Link {len(pairs):,} customers of {org} to user accounts?")
    assert f"Server: {main.session.server_label}" in box.text()
    assert box.defaultButton().text() == "Cancel"  # Enter does not link hundreds
    box.defaultButton().click()
    await asyncio.sleep(0.2)
    assert window.run.state == RunState.IDLE and not puts(sandbox)
    assert window.status.text() == "Nothing was sent." and window.apply_button.isEnabled()
    window.untick_all.click()
    window.pairs_model.setData(window.pairs_model.index(0, 0), Qt.CheckState.Checked,
                               Qt.ItemDataRole.CheckStateRole)
    window.apply_button.click()
    box = await until(message_box)
    assert box.text().startswith(f"Link 1 customer of {org}")
    assert box.defaultButton().text() == "Link 1 customer"  # a few: Enter goes ahead
    box.defaultButton().click()
    await finished(window)
    assert puts(sandbox) == {pairs[0].customer.id: 1}
    window.close()


async def test_one_set_of_counts_agrees_with_the_rows_all_through_a_slow_run(console, sandbox):
    window, pairs = await sending(console, sandbox)
    seen = 0
    while window.run.state != RunState.DONE:
        text = window.status.text()
        linked = sum(p.outcome == Outcome.LINKED for p in pairs)
        left = sum(p.outcome in (Outcome.QUEUED, Outcome.SENDING, Outcome.UNKNOWN) for p in pairs)
        if text.startswith("Linked "):
            assert text.startswith(f"Linked {linked:,} · failed 0 · {left:,} left · "), text
            assert window.progress.value() == linked and window.progress.maximum() == len(pairs)
            seen += 1
        await asyncio.sleep(0.1)
    assert seen > 3  # (a slow run: checked while it went)
    assert window.status.text() == f"Done — linked {len(pairs)}, failed 0, not sent 0."
    assert window.pairs_title.text().startswith(f"Matches ({len(pairs)})")
    window.close()


async def test_cancel_lets_what_is_in_flight_finish_and_sends_nothing_more(console, sandbox):
    window, pairs = await sending(console, sandbox)
    window.cancel_button.click()
    await finished(window)
    linked = [p for p in pairs if p.outcome == Outcome.LINKED]
    skipped = [p for p in pairs if p.outcome == Outcome.SKIPPED]
    assert 0 < len(linked) <= 4 and len(linked) + len(skipped) == len(pairs)
    assert sum(puts(sandbox).values()) == len(linked)
    assert window.status.text() == (f"Cancelled — linked {len(linked)}, failed 0, not sent "
                                    f"{len(skipped)}.")
    assert window.progress.value() == window.progress.maximum() == len(pairs)
    window.close()


async def paused_on_a_lost_answer(console, sandbox):
    """A run that paused because one answer was lost (the server made that link):
    (main, window, pairs, the pair whose answer was lost)."""
    main = await signed_in(console)
    window = await opened(main)
    pairs = window.result.pairs
    lost = pairs[5]
    await queue_fault(sandbox, "lost-answer", f"/customers/{lost.customer.id}", method="PUT")
    await apply(window)
    await finished(window, (RunState.PAUSED,))
    assert lost.outcome == Outcome.UNKNOWN
    return main, window, pairs, lost


async def test_a_lost_answer_pauses_and_is_checked_not_resent(console, sandbox):
    _, window, pairs, lost = await paused_on_a_lost_answer(console, sandbox)
    assert "connection to the server was lost" in window.banner.text.text()
    # The banner's button resumes (it resends nothing): it says so, as Pause's button does.
    assert window.banner.action.text() == "Resume" and window.pause_button.text() == "&Resume"
    window.banner.action.click()
    await finished(window)
    assert lost.outcome == Outcome.LINKED and "checked" in lost.message
    assert all(p.outcome == Outcome.LINKED for p in pairs)
    assert set(puts(sandbox).values()) == {1}  # no PUT sent twice, the lost one included
    window.close()


async def test_cancel_after_a_lost_answer_reads_it_back_so_the_journal_tells_the_truth(
        console, sandbox):
    main, window, _, lost = await paused_on_a_lost_answer(console, sandbox)
    window.cancel_button.click()
    await finished(window)
    assert lost.outcome == Outcome.LINKED and "checked" in lost.message  # the server had it
    journal = main.session.journal
    entries = [r for r in journal.rows(Filters()) if r["customer_id"] == lost.customer.id]
    assert [(r["outcome"], r["account_id"]) for r in entries] == [("linked", lost.account.id)]
    assert window.status.text().startswith("Cancelled — linked ")
    assert "no answer" not in {r["outcome"] for r in journal.rows(Filters())}
    window.close()


async def test_an_expired_session_asks_for_the_password_once_and_carries_on(
        console, sandbox_factory):
    sandbox = sandbox_factory(customers=200, auth="session", token_ttl=2, faults=True)
    console.sandbox_url = sandbox.url
    main = await signed_in(console)
    window = await opened(main)
    await session_expired(main)
    await apply(window)
    prompt = await until(lambda: main.prompt)
    await asyncio.sleep(0.2)
    assert main.prompt is prompt  # one prompt for the four requests waiting
    prompt.password.setText(PASSWORD)
    await prompt.submit()
    await finished(window)
    assert all(p.outcome == Outcome.LINKED for p in window.result.pairs)
    assert set(puts(sandbox).values()) <= {1, 2}  # a 401 then the replay, never more
    window.close()


async def test_signing_out_closes_the_window(console, sandbox):
    main = await signed_in(console)
    window = await opened(main)
    main.sign_out_clicked()
    await until(lambda: console.sign_in_window is not None)
    import shiboken6
    from PySide6.QtWidgets import QApplication

    assert main.side.bulk is None
    assert not shiboken6.isValid(window) or not window.isVisible()
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, BulkLinkWindow) and w.isVisible()]


async def test_a_failed_load_says_why_changes_nothing_and_retries(console, sandbox):
    main = await signed_in(console)
    await queue_fault(sandbox, "malformed-json", "/user-accounts", method="GET")
    main.commands.bulk.trigger()
    window = main.side.bulk
    await window.tasks.wait_idle()
    assert window.result is None and window.banner.isVisible()
    assert window.banner.text.text().startswith("Could not load: ")
    assert not window.apply_button.isEnabled() and window.retry_button.text() == "&Retry"
    assert not puts(sandbox)
    window.banner.action.click()
    await window.tasks.wait_idle()
    assert window.result is not None and window.result.pairs
    assert not window.banner.isVisible() and window.apply_button.isEnabled()
    window.close()

