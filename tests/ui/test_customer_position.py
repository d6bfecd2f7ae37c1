"""Where a customer stands in a query, asked of the server (the model's position_of): it
must match the server's own order for every column, both ways, empty values included,
so that a re-sorted list scrolls the selected customer into view."""

from __future__ import annotations

import pytest

from billie_desktop.api import QueryCustomersRequest
from billie_desktop.work.columns import COLUMNS
from tests.ui.conftest import signed_in


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
async def test_position_of_matches_the_servers_order(console, descending):
    main = await signed_in(console)
    model = main.model
    wrong = []
    for column in [c for c in COLUMNS if c.order_by]:  # (the columns the server sorts by)
        model.order_by = ",".join(f"-{f}" if descending else f
                                  for f in column.order_by.split(","))
        rows = (await main.session.send(QueryCustomersRequest(
            organisation_id=model.organisation_id, take=300, order_by=model.order_by))).results
        for index in range(0, len(rows), 41):
            position = await model.position_of(rows[index])
            if position != index:
                wrong.append((model.order_by, index, position))
    assert not wrong
    await model.wait_idle()
