"""Broken networks and broken answers: what is retried, what is not, and that only the
client's own errors ever come out of send()."""

from __future__ import annotations

import asyncio
import importlib.util
import ssl

import httpx
import pytest

from billie_desktop.api import (
    AssociateUserAccountToCustomerRequest,
    BillieClient,
    BillieError,
    CannotConnectError,
    InsecureTransportError,
    QueryOrganisationsRequest,
    RequestTimeoutError,
    RetryPolicy,
    ServerError,
    TlsError,
    TransportError,
    UnexpectedResponseError,
)
from billie_desktop.api.errors import retry_after_seconds
from tests.conftest import UNDER_WINE

PASSWORD = "billie-sandbox"


@pytest.fixture(scope="module")
def server():
    from billie_desktop.sandbox.config import SandboxOptions
    from billie_desktop.sandbox.server import SandboxServer

    with SandboxServer(SandboxOptions(customers=60, faults=True)) as sandbox:
        yield sandbox


async def queue(server, fault: str, path: str, method: str = "", times: int = 1) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{server.url}/sandbox/faults",
                                   json={"fault": fault, "path": path, "method": method,
                                         "times": times})
        assert response.status_code == 200


async def signed_in(make_client, server, **kw) -> BillieClient:
    client = make_client(server.url, **kw)
    await client.sign_in("manager@sandbox.test", PASSWORD)
    return client


@pytest.mark.parametrize("fault", ["503", "502,retry-after=0", "504", "drop"])
async def test_reads_are_retried_on_gateway_errors_and_drops(server, make_client, wire, fault):
    client = await signed_in(make_client, server)
    await queue(server, fault, "/organisations", times=2)
    result = await client.send(QueryOrganisationsRequest())
    assert result.results
    assert wire.count("GET", "/organisations") == 3


async def test_reads_give_up_after_the_policy_attempts(server, make_client, wire):
    client = await signed_in(make_client, server)
    await queue(server, "503", "/organisations", times=5)
    with pytest.raises(ServerError) as caught:
        await client.send(QueryOrganisationsRequest())
    assert caught.value.status == 503 and "503" in caught.value.message
    assert wire.count("GET", "/organisations") == 3
    async with httpx.AsyncClient() as http:
        await http.delete(f"{server.url}/sandbox/faults")


@pytest.mark.parametrize("fault,error", [
    ("503", ServerError), ("500", ServerError), ("drop", TransportError)])
async def test_the_link_put_is_never_sent_twice_once_it_may_have_arrived(
        server, make_client, wire, fault, error):
    client = await signed_in(make_client, server)
    await queue(server, fault, "/customers/", method="PUT")
    with pytest.raises(error):
        await client.send(AssociateUserAccountToCustomerRequest(
            id="x", user_account_id="y", organisation_id="z"))
    assert wire.count("PUT", "associate") == 1


async def test_the_link_put_is_retried_when_it_never_left(make_client, wire, closed_port):
    """Connection refused: the request surely never reached a server, so even the PUT
    is tried again (here: every attempt is refused)."""
    client = make_client(f"http://127.0.0.1:{closed_port}")
    with pytest.raises(CannotConnectError) as caught:
        await client.send(AssociateUserAccountToCustomerRequest(id="x"))
    assert caught.value.retryable and "Cannot reach" in caught.value.message
    assert wire.count("PUT", "associate") == 3


@pytest.mark.parametrize("fault", ["malformed-json", "truncated-json", "wrong-shape", "html"])
async def test_broken_answers_are_unexpected_response_errors(server, make_client, fault):
    client = await signed_in(make_client, server)
    await queue(server, fault, "/organisations")
    with pytest.raises(UnexpectedResponseError) as caught:
        await client.send(QueryOrganisationsRequest())
    assert caught.value.message


async def test_a_slow_answer_times_out(server, make_client, wire):
    client = await signed_in(make_client, server, timeout=httpx.Timeout(5, read=0.2),
                             retry=RetryPolicy(attempts=2, base_delay=0.01))
    await queue(server, "slow=1", "/organisations", times=2)
    with pytest.raises(RequestTimeoutError) as caught:
        await client.send(QueryOrganisationsRequest())
    assert "too long" in caught.value.message
    assert wire.count("GET", "/organisations") == 2


async def test_cancelling_a_request_cancels_it(server, make_client):
    client = await signed_in(make_client, server)
    await queue(server, "latency=2", "/organisations")
    task = asyncio.ensure_future(client.send(QueryOrganisationsRequest()))
    await asyncio.sleep(0.2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (await client.send(QueryOrganisationsRequest())).results  # client still usable


def test_plain_http_is_refused_beyond_loopback():
    with pytest.raises(InsecureTransportError):
        BillieClient("http://staging-api.billiecart.com.au")
    with pytest.raises(InsecureTransportError):
        BillieClient("ftp://example.com")
    with pytest.raises(InsecureTransportError):
        BillieClient("not a url")
    for ok in ("http://127.0.0.1:5005", "http://127.255.0.9", "http://localhost:1",
               "http://LOCALHOST", "http://[::1]:8080", "https://staging-api.billiecart.com.au",
               "https://anything.localhost"):
        assert BillieClient(ok).base_url
    for refused in ("http://anything.localhost", "http://localhost.localdomain",
                    "http://localhost.", "http://127.1", "http://128.0.0.1",
                    "http://[::2]", "http://0.0.0.0", "http://localhost.example.com"):
        with pytest.raises(InsecureTransportError):
            BillieClient(refused)
    assert BillieClient("http://10.1.2.3", allow_insecure_http=True).base_url


def test_retry_after_reads_seconds_and_dates():
    assert retry_after_seconds("3") == 3
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
    policy = RetryPolicy(max_retry_after=5)
    response = httpx.Response(503, headers={"retry-after": "120"})
    assert policy.delay(0, response) == 5
    assert 0 <= policy.delay(3) <= policy.max_delay


# --- TLS ----------------------------------------------------------------------------------

ALPN: list[str | None] = []  # what each TLS connection to tls_server agreed on


@pytest.fixture
async def tls_server(tmp_path):
    """A TLS server on loopback whose certificate comes from a throwaway CA; it offers
    HTTP/1.1 only, as a server without HTTP/2 does (and notes what the client offered)."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    context.set_alpn_protocols(["http/1.1"])
    ALPN.clear()

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        ssl_object = writer.get_extra_info("ssl_object")
        ALPN.append(ssl_object.selected_alpn_protocol() if ssl_object else None)
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 9\r\nConnection: close\r\n\r\nNot Found")
            await writer.drain()
        except (ssl.SSLError, ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    yield f"https://localhost:{server.sockets[0].getsockname()[1]}", str(ca_file)
    server.close()
    await server.wait_closed()


@pytest.mark.skipif(UNDER_WINE, reason="Wine's crypt32 accepts a chain to an unknown root, "
                    "which truststore's Windows path asks it to verify")
async def test_an_unknown_certificate_is_a_tls_error(tls_server):
    url, _ = tls_server
    async with BillieClient(url, retry=RetryPolicy(attempts=3, base_delay=0.01)) as client:
        with pytest.raises(TlsError) as caught:
            await client.discover()
    assert not caught.value.retryable and "could not be verified" in caught.value.message


async def test_an_extra_ca_file_is_trusted(tls_server):
    url, ca_file = tls_server
    async with BillieClient(url, ca_file=ca_file) as client:
        report = await client.discover()  # TLS passes; this server hides its metadata
    assert report.metadata_available is False and report.offers("QueryCustomersRequest")
    assert ALPN == ["http/1.1"]  # HTTP/2 offered, HTTP/1.1 agreed: it still works


@pytest.mark.skipif(importlib.util.find_spec("h2") is None,
                    reason="h2 is not in the Windows build (packaging/windows/requirements.txt)")
async def test_http2_is_offered_over_tls_and_agreed_where_the_server_has_it(tmp_path):
    """The client offers HTTP/2 in the TLS handshake (ALPN), so a server that has it (as
    ServiceStack on Kestrel does) multiplexes every request over one connection (#24)."""
    import trustme

    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    context.set_alpn_protocols(["h2", "http/1.1"])
    agreed: list[str | None] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        agreed.append(writer.get_extra_info("ssl_object").selected_alpn_protocol())
        writer.close()  # (no HTTP/2 server here: what was agreed is the point)

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    url = f"https://localhost:{server.sockets[0].getsockname()[1]}"
    try:
        async with BillieClient(url, ca_file=str(ca_file),
                                retry=RetryPolicy(attempts=1)) as client:
            with pytest.raises(BillieError):
                await client.discover()
    finally:
        server.close()
        await server.wait_closed()
    assert agreed == ["h2"]
