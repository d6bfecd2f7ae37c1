"""The first page of the organisation last shown is asked for with the organisations, not
after them (work/paging.py EarlyAnswer): one round trip less before the customers show, at
start-up and after signing in. It is used only when it is still the query wanted."""

from __future__ import annotations

import asyncio

from billie_desktop.api import QueryCustomersRequest, QueryOrganisationsRequest
from tests.ui.conftest import signed_in, until


async def organisations_held_back(main):
    """The organisations the window is given, answered only once the gate opens."""
    answer = await main.session.send(QueryOrganisationsRequest())
    gate = asyncio.Event()

    async def asked():
        await gate.wait()
        return answer

    return asked(), gate


async def test_the_last_organisations_first_page_comes_with_the_organisations(console, wire):
    main = await signed_in(console)
    main.organisation.setCurrentIndex(1)  # shown last: the one to come back to
    second = main.current_organisation
    await main.model.wait_idle()
    main.organisation.clear()
    before = wire.count("GET", "/customers")
    asked, gate = await organisations_held_back(main)
    starting = asyncio.ensure_future(main.start(asked))
    # the organisations are still on their way, and the first page is already asked for
    await until(lambda: wire.count("GET", "/customers") == before + 1)
    assert main.model.rowCount() == 0
    gate.set()
    await starting
    await main.model.wait_idle()
    assert main.current_organisation.id == second.id and main.model.state == "ready"
    assert wire.count("GET", "/customers") == before + 1  # that answer was used
    expected = await main.session.send(QueryCustomersRequest(
        organisation_id=second.id, take=5, order_by=main.model.order_by, include="Total"))
    assert main.model.total == expected.total
    assert [main.model.customer_at(row).id for row in range(5)] == \
        [customer.id for customer in expected.results]


async def test_an_early_page_no_longer_wanted_is_dropped(console, wire, settings):
    """The organisation last shown is gone: its early page (a failure here) is dropped
    quietly, and the first organisation's customers are asked for as usual."""
    main = await signed_in(console)
    first = main.current_organisation
    await main.model.wait_idle()
    settings.set_last_organisation(main.session.place, "0" * 32)
    main.organisation.clear()
    before = wire.count("GET", "/customers")
    asked, gate = await organisations_held_back(main)
    starting = asyncio.ensure_future(main.start(asked))
    await until(lambda: wire.count("GET", "/customers") == before + 1)
    gate.set()
    await starting
    await main.model.wait_idle()
    assert main.current_organisation.id == first.id and main.model.state == "ready"
    assert main.model.rowCount() > 0 and not main.list_banner.isVisible()
    assert wire.count("GET", "/customers") == before + 2
