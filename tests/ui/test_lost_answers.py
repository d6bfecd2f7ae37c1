"""The journal tells the truth after a crash (#23): "no answer" entries are read back at the
next sign-in and by Activity's Check now, and settled as the server has them, keeping when
and how. (The console killed mid-link, through the real entry point: test_journeys.py.)"""

from __future__ import annotations

from billie_desktop.api import (
    AssociateUserAccountToCustomerRequest,
    QueryCustomersRequest,
    QueryUserAccountsRequest,
)
from billie_desktop.ui.activity_model import cells
from billie_desktop.work.entries import NO_ANSWER
from billie_desktop.work.journal import Filters
from tests.ui.conftest import PASSWORD, signed_in, until


async def two_lost_answers(main) -> tuple[str, str]:
    """Two links whose answer was lost: the server made the first, not the second. Their
    customers' ids."""
    org = main.current_organisation
    session = main.session
    customers = (await session.send(QueryCustomersRequest(
        organisation_id=org.id, take=2, user_account_id_is_null=True))).results
    accounts = (await session.send(QueryUserAccountsRequest(
        organisation_id=org.id, take=2, customer_id_is_null=True))).results
    await session.send(AssociateUserAccountToCustomerRequest(
        id=customers[0].id, user_account_id=accounts[0].id, organisation_id=org.id))
    for customer, account in zip(customers, accounts, strict=True):
        entry = session.journal.begin(
            session.where(org), kind="link", customer_id=customer.id,
            customer_name=customer.full_name, previous_account="",
            new_account=account.email, account_id=account.id)
        session.journal.finish(entry, NO_ANSWER, "Stopped before the answer came.")
    return customers[0].id, customers[1].id


def settled(journal, customer_id: str):
    row = next(r for r in journal.rows(Filters()) if r["customer_id"] == customer_id)
    return row["outcome"], row["confirmed_how"], cells(row)[6], row["confirmed"] is not None


async def test_check_now_reads_lost_answers_back_and_says_what_it_found(console):
    main = await signed_in(console)
    made, not_made = await two_lost_answers(main)
    main.commands.activity.trigger()
    window = main.side.activity
    assert window.unconfirmed.isVisible()
    assert window.unconfirmed.text.text().startswith("2 changes are unconfirmed")
    assert window.unconfirmed.action.text() == "Check now"
    window.unconfirmed.action.click()
    await window.tasks.wait_idle()
    journal = main.session.journal
    assert settled(journal, made) == ("linked", "check now", "Linked (confirmed later)", True)
    assert settled(journal, not_made) == ("not changed", "check now",
                                          "Not linked (confirmed later)", True)
    assert window.unconfirmed.text.text() == ("Checked 2 changes whose answer had been lost: "
                                              "1 made, 1 not made.")
    assert not window.unconfirmed.action.isVisible()  # nothing left to check
    assert "read back by Check now on " in next(
        r["message"] for r in journal.rows(Filters()) if r["customer_id"] == made)
    window.close()


async def test_the_next_sign_in_settles_them(console):
    main = await signed_in(console)
    made, not_made = await two_lost_answers(main)
    main.sign_out_clicked()
    window = await until(lambda: console.sign_in_window)
    await console.tasks.wait_idle()
    window.password.setText(PASSWORD)
    await window.sign_in()
    again = console.main_window
    journal = again.session.journal
    await until(lambda: journal.count_unconfirmed() == 0)
    assert settled(journal, made)[:2] == ("linked", "at sign-in")
    assert settled(journal, not_made)[:2] == ("not changed", "at sign-in")
    assert again.statusBar().currentMessage().startswith(
        "Checked 2 changes whose answer had been lost: 1 made, 1 not made.")
