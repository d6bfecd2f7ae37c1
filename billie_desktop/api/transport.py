"""Transport security and retries: TLS against the OS trust store, no plain http beyond
loopback unless asked for, and a retry policy that never repeats a write that may have
reached the server."""

from __future__ import annotations

import ipaddress
import random
import ssl
from dataclasses import dataclass

import httpx
import truststore

from billie_desktop.api.errors import (
    BillieError,
    CannotConnectError,
    InsecureTransportError,
    RequestTimeoutError,
    TlsError,
    TransportError,
    retry_after_seconds,
)


def is_loopback(host: str) -> bool:
    """A literal loopback address (127.0.0.0/8, ::1) or exactly the name ``localhost``.
    Any other name could resolve anywhere (``evil.localhost`` on a hostile resolver)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str, *, allow_insecure_http: bool) -> httpx.URL:
    try:
        url = httpx.URL(base_url.strip())
    except httpx.InvalidURL as exc:
        raise InsecureTransportError(f"“{base_url}” is not a valid server address.") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise InsecureTransportError(
            f"“{base_url}” is not a server address: it must start with https://.")
    if url.scheme == "http" and not is_loopback(url.host) and not allow_insecure_http:
        raise InsecureTransportError(
            f"Refusing to send passwords and customer data to {url.host} over plain http. "
            "Use an https:// address.")
    return url


def ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    """The OS trust store (truststore), plus an extra CA file when given."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3  # in all, the first try included
    base_delay: float = 0.3
    max_delay: float = 5.0
    max_retry_after: float = 30.0

    def delay(self, attempt: int, response: httpx.Response | None = None) -> float:
        """Full-jitter exponential backoff, or the server's Retry-After when it gives one."""
        if response is not None:
            after = retry_after_seconds(response.headers.get("retry-after"))
            if after is not None:
                return min(after, self.max_retry_after)
        return random.uniform(0, min(self.max_delay, self.base_delay * 2 ** attempt))


def never_reached_server(exc: httpx.HTTPError) -> bool:
    """True only when the request surely never reached the server, so even a write may
    be sent again."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def _is_tls(exc: BaseException) -> ssl.SSLError | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def transport_error(exc: httpx.HTTPError, host: str) -> BillieError:
    tls = _is_tls(exc)
    if tls is not None or "CERTIFICATE_VERIFY_FAILED" in str(exc):
        detail = getattr(tls, "verify_message", None) or getattr(tls, "reason", None) or "TLS"
        return TlsError(f"The secure connection to {host} could not be verified ({detail}). "
                        "Check the server address, or ask IT whether a company certificate "
                        "must be installed.")
    if isinstance(exc, httpx.TimeoutException) and not isinstance(exc, httpx.ConnectTimeout):
        return RequestTimeoutError(f"{host} took too long to answer. Try again.")
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return CannotConnectError(f"Cannot reach {host}. Check your network connection and "
                                  "the server address.")
    return TransportError(f"The connection to {host} was interrupted. Try again.")


# Connections kept for reuse: as many as bulk work keeps in flight (work/pace.py), each
# for 30 s once idle (httpx's 5 s made a pause of a few seconds cost a new connection, a
# round trip more, over a slow link), below the 60 s after which NATs and load balancers
# drop idle connections without a word.
KEEP_ALIVE = httpx.Limits(max_connections=100, max_keepalive_connections=32,
                          keepalive_expiry=30.0)


def http2_offered(base_url: str) -> bool:
    """HTTP/2 where a server can offer it (over TLS: ServiceStack on Kestrel does), so that
    many requests share one connection; HTTP/1.1 stays as it was. Not over plain http
    (the sandbox, loopback), where it would only cost importing it (~8 ms)."""
    import importlib.util

    return base_url.startswith("https://") and importlib.util.find_spec("h2") is not None
