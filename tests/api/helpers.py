"""Helpers the client tests share."""

from __future__ import annotations

from billie_desktop.api import (
    BillieClient,
    Customer,
    QueryCustomersRequest,
    QueryOrganisationsRequest,
    QueryUserAccountsRequest,
)


async def orgs(client: BillieClient) -> dict[str, str]:
    return {o.name: o.id for o in (await client.send(QueryOrganisationsRequest())).results}


async def unlinked(client: BillieClient, org: str) -> tuple[Customer, str]:
    page = await client.send(QueryCustomersRequest(organisation_id=org, take=500))
    accounts = await client.send(QueryUserAccountsRequest(organisation_id=org, take=500))
    linked = {c.user_account_id for c in page.results}
    customer = next(c for c in page.results if c.user_account_id is None)
    account = next(a for a in accounts.results if a.customer_id is None and a.id not in linked)
    return customer, account.id
