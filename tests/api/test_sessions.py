"""Sessions that expire and renew, and the session's states, in every style."""

from __future__ import annotations

import asyncio
import time

import httpx
import jwt
import pytest

from billie_desktop.api import (
    QueryCustomersRequest,
    QueryOrganisationsRequest,
    SessionExpiredError,
    SessionState,
    SessionStyle,
)
from billie_desktop.api.client import BillieClient
from tests.api.helpers import orgs

PASSWORD = "billie-sandbox"
MANAGER, MEL, STAFF = "manager@sandbox.test", "mel.manager@sandbox.test", "staff@sandbox.test"



# --- sessions that expire -------------------------------------------------------------------

async def wait_until_expired(client: BillieClient) -> None:
    """Waits until the access token (or session) the client holds has expired."""
    token = client.session.bearer_token or client.cookies.get("ss-tok")
    deadline = jwt.decode(token, options={"verify_signature": False})["exp"] if token \
        else time.time() + 1.0
    await asyncio.sleep(max(0.0, deadline + 0.05 - time.time()))


@pytest.mark.parametrize("auth", ["jwt-body", "jwt-cookie"])
async def test_expiry_in_the_middle_of_a_sequence_is_invisible(sandbox_factory, make_client, auth):
    sandbox = sandbox_factory(auth=auth, token_ttl=2)
    client = make_client(sandbox.url)
    await client.sign_in(MANAGER, PASSWORD)
    org = (await orgs(client))["Billie Cart Melbourne"]
    await client.send(QueryCustomersRequest(organisation_id=org, take=5))
    await wait_until_expired(client)
    page = await client.send(QueryCustomersRequest(organisation_id=org, take=5))
    assert len(page.results) == 5
    # jwt-body renews through /access-token; with cookies the server renews by itself
    assert client.refresh_count == (1 if auth == "jwt-body" else 0)


async def test_concurrent_requests_share_one_refresh(sandbox_factory, make_client, wire):
    # the renewed token must outlive eight replays on a busy machine
    sandbox = sandbox_factory(auth="jwt-body", token_ttl=3)
    client = make_client(sandbox.url)
    await client.sign_in(MANAGER, PASSWORD)
    org = (await orgs(client))["Billie Cart Melbourne"]
    await wait_until_expired(client)
    pages = await asyncio.gather(*(client.send(QueryCustomersRequest(
        organisation_id=org, skip=i * 10, take=10)) for i in range(8)))
    assert all(len(p.results) == 10 for p in pages)
    assert client.refresh_count == 1
    assert wire.count("POST", "/access-token") == 1


async def test_refresh_failure_is_session_expired_and_the_request_replays(
        sandbox_factory, make_client):
    sandbox = sandbox_factory(auth="jwt-body", token_ttl=1, refresh_token_ttl=1)
    client = make_client(sandbox.url)
    await client.sign_in(MANAGER, PASSWORD)
    org = (await orgs(client))["Billie Cart Melbourne"]
    request = QueryCustomersRequest(organisation_id=org, take=3)
    await wait_until_expired(client)
    with pytest.raises(SessionExpiredError):
        await client.send(request)
    assert not client.signed_in
    with pytest.raises(SessionExpiredError):  # no silent retries while expired
        await client.send(request)
    await client.sign_in(MANAGER, PASSWORD)
    assert len((await client.send(request)).results) == 3


async def test_session_style_expiry_asks_for_sign_in_again(sandbox_factory, make_client, wire):
    sandbox = sandbox_factory(auth="session", token_ttl=1)
    client = make_client(sandbox.url)
    await client.sign_in(MANAGER, PASSWORD)
    request = QueryOrganisationsRequest()
    await client.send(request)
    await wait_until_expired(client)
    with pytest.raises(SessionExpiredError):
        await client.send(request)
    assert wire.count("POST", "/access-token") == 0
    await client.sign_in(MANAGER, PASSWORD)
    assert (await client.send(request)).results


async def test_the_session_moves_through_its_states(sandbox_factory):
    """signed out -> signed in -> renewing (while the new token is fetched) -> signed in
    -> expired (renewal refused) -> signed in again -> signed out."""
    sandbox = sandbox_factory(auth="jwt-body", token_ttl=1, refresh_token_ttl=2.5)
    seen: list[tuple[str, SessionState]] = []
    client: BillieClient | None = None

    async def record(request: httpx.Request) -> None:
        assert client is not None
        seen.append((request.url.path, client.session.state))

    http = httpx.AsyncClient(event_hooks={"request": [record]})
    client = BillieClient(sandbox.url, http_client=http, close_http=True)
    try:
        assert client.session.state == SessionState.SIGNED_OUT
        await client.sign_in(MANAGER, PASSWORD)
        assert client.session.state == SessionState.SIGNED_IN
        assert client.style == SessionStyle.JWT_BODY
        await wait_until_expired(client)
        await client.send(QueryOrganisationsRequest())  # renews, then replays
        assert ("/access-token", SessionState.RENEWING) in seen
        assert client.session.state == SessionState.SIGNED_IN
        await asyncio.sleep(2.6)  # now the refresh token has expired too
        with pytest.raises(SessionExpiredError):
            await client.send(QueryOrganisationsRequest())
        assert client.session.state == SessionState.EXPIRED
        await client.sign_in(MANAGER, PASSWORD)
        assert client.session.state == SessionState.SIGNED_IN
        await client.sign_out()
        assert client.session.state == SessionState.SIGNED_OUT
        assert client.session.bearer_token is None and client.session.refresh_token is None
    finally:
        await client.close()
    assert client.closed


async def test_an_http_client_handed_in_stays_the_callers_unless_told(server):
    http = httpx.AsyncClient()
    borrowed = BillieClient(server.url, http_client=http)
    await borrowed.close()
    assert not http.is_closed and not borrowed.closed
    owned = BillieClient(server.url, http_client=http, close_http=True)
    await owned.close()
    assert http.is_closed and owned.closed
