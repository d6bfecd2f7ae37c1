"""Where a customer stands in a sorted query, asked of the server: how many sort before it,
counted field by field of the order with AutoQuery's implicit filters (the id breaks
ties, as on the server; empty values sort first, last when descending)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from billie_desktop.api import Customer
from billie_desktop.work.keyset import keys_of, sort_value


async def position_in_order(customer: Customer, order_by: str,
                            count: Callable[[dict[str, str]], Awaitable[int]]) -> int:
    """``count(filters)``: how many customers of the query also match ``filters``."""
    before, equal = 0, dict[str, str]()
    for key in keys_of(order_by):
        field, descending = key.field, key.descending
        value = sort_value(customer, field) or None
        prefix = dict(equal)  # the fields before this one: equal to the customer's
        counts: list[dict[str, str]] = []
        if value is None:  # empty: after every value when descending
            counts += [{f"{field}IsNotNull": "true"}] if descending else []
            equal[f"{field}IsNull"] = "true"
        else:
            counts.append({f"{field}{'GreaterThan' if descending else 'LessThan'}": value})
            counts += [] if descending else [{f"{field}IsNull": "true"}]
            equal[field] = value
        for extra in counts:
            before += await count({**prefix, **extra})
    return before
