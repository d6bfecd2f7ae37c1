"""``BillieClient``: the console's only way to reach a Billiecart server.

Send any request DTO, get its typed response DTO back, as with ServiceStack's
``JsonServiceClient``::

    async with BillieClient("https://staging-api.billiecart.com.au") as client:
        me = await client.sign_in("manager@sandbox.test", "billie-sandbox", remember=True)
        page = await client.send(QueryCustomersRequest(organisation_id=org_id, take=100))

Works with all three ways a ServiceStack server hands out sessions; on a 401 it renews
the session once (one renewal shared by every request in flight) and replays the request.
The session's state lives in ``client.session`` (a ``ClientSession``).

The client makes its own ``httpx.AsyncClient`` unless it is handed one::

    http = httpx.AsyncClient(event_hooks={"request": [log_request]})
    client = BillieClient(url, http_client=http)                   # the caller closes it
    client = BillieClient(url, http_client=http, close_http=True)  # client.close() does
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel

from billie_desktop import __version__
from billie_desktop.api.answers import parse_answer, read_json
from billie_desktop.api.discovery import DiscoveryReport, analyse
from billie_desktop.api.dtos import (
    Authenticate,
    AuthenticateResponse,
    GetAccessToken,
    Request,
    WhoAmI,
)
from billie_desktop.api.errors import (
    BillieError,
    IncompatibleServerError,
    NotSignedInError,
    TlsError,
    UnexpectedResponseError,
    error_from_response,
    expired_error,
)
from billie_desktop.api.session import ClientSession, SessionStyle
from billie_desktop.api.tokens import MemoryTokenStore, StoredSession, TokenStore
from billie_desktop.api.transport import (
    KEEP_ALIVE,
    RetryPolicy,
    check_base_url,
    http2_offered,
    never_reached_server,
    ssl_context,
    transport_error,
)

log = logging.getLogger("billie_desktop.api")

# httpx logs every request's full URL at INFO, query string included: a customer search
# would put a person's name in the log; httpcore logs raw headers (cookies, Authorization)
# at DEBUG. The client logs its own redacted line instead, so both are held at WARNING.
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).setLevel(logging.WARNING)

T = TypeVar("T", bound=BaseModel)

SESSION_COOKIES = ("ss-id", "ss-pid", "ss-opt")
TOKEN_COOKIES = ("ss-tok", "ss-reftok")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=8.0)


class BillieClient:
    def __init__(self, base_url: str, *, http_client: httpx.AsyncClient | None = None,
                 token_store: TokenStore | None = None,
                 timeout: httpx.Timeout | float | None = None, retry: RetryPolicy | None = None,
                 allow_insecure_http: bool = False, ca_file: str | None = None,
                 use_predefined_routes: bool = False, close_http: bool = False) -> None:
        """``http_client``: an ``httpx.AsyncClient`` to send through (hooks, transports);
        it stays the caller's to close unless ``close_http`` is true."""
        url = check_base_url(base_url, allow_insecure_http=allow_insecure_http)
        self.base_url = str(url).rstrip("/")
        self.host = url.host
        self.token_store: TokenStore = token_store or MemoryTokenStore()
        self.retry = retry or RetryPolicy()
        self.use_predefined_routes = use_predefined_routes
        self.route_overrides: dict[str, str] = {}
        self._owns_http = http_client is None or close_http
        self._http = http_client or httpx.AsyncClient(
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            verify=ssl_context(ca_file), follow_redirects=False,
            http2=http2_offered(self.base_url), limits=KEEP_ALIVE,
            headers={"Accept": "application/json",
                     "User-Agent": f"BillieDesktop/{__version__}"})
        self.session = ClientSession()
        self.powered_by: str | None = None
        self.refresh_count = 0  # renewals performed (one per expiry, however many waited)
        self._renew_lock = asyncio.Lock()

    # --- lifetime ---------------------------------------------------------------------------
    async def __aenter__(self) -> BillieClient:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    @property
    def cookies(self) -> httpx.Cookies:
        """The cookies the server has set (read them; the client manages them)."""
        return self._http.cookies

    @property
    def user(self) -> AuthenticateResponse | None:
        return self.session.user

    @property
    def style(self) -> SessionStyle | None:
        return self.session.style

    @property
    def signed_in(self) -> bool:
        return self.session.signed_in

    # --- the public operations ------------------------------------------------------------
    async def send(self, request: Request[T]) -> T:
        """Send a request DTO; its typed response DTO, or a ``BillieError``."""
        response = await self._exchange(request)
        return parse_answer(request, response, signed_in=self.session.user is not None)

    async def sign_in(self, user_name: str, password: str, *, remember: bool = False
                      ) -> AuthenticateResponse:
        self._forget_session()
        request = Authenticate(user_name=user_name, password=password, remember_me=remember)
        response = await self._send_with_retries(request)
        me = parse_answer(request, response, signed_in=self.session.user is not None)
        self._adopt(me, response, remember=remember)
        await self._persist()
        return self.session.user or me

    async def who_am_i(self) -> AuthenticateResponse:
        return await self.send(WhoAmI())

    async def sign_out(self) -> None:
        """Ends the session on the server (best effort) and forgets every token here."""
        try:
            if self.session.user is not None:
                await self._send_with_retries(_Logout())
        except BillieError as exc:
            log.info("sign-out request failed (%s); forgetting the session anyway",
                     type(exc).__name__)
        finally:
            self._forget_session()
            await asyncio.to_thread(self.token_store.clear, self.base_url)

    async def resume(self, restored: Callable[[str], None] | None = None
                     ) -> AuthenticateResponse | None:
        """Resumes a remembered session without the password; None when there is none or
        it can no longer be used (then it is forgotten). ``restored(user_name)`` is called
        once requests can go with the session, before the server has confirmed it: what
        the caller will ask next can go with the confirmation (a round trip saved)."""
        stored = await asyncio.to_thread(self.token_store.load, self.base_url)
        if stored is None:
            return None
        self._forget_session()
        self.session.start(AuthenticateResponse(user_name=stored.user_name), stored.style,
                           remember=True, refresh_token=stored.refresh_token)
        for name, value in stored.cookies.items():
            self._http.cookies.set(name, value, domain=self.host)
        try:
            if stored.style == SessionStyle.JWT_BODY:
                await self._renew(self.session.generation)
            if restored is not None:
                restored(stored.user_name)
            me = await self.who_am_i()
        except BillieError as exc:
            if isinstance(exc, NotSignedInError) or exc.status in (400, 401, 403):
                self._forget_session()
                await asyncio.to_thread(self.token_store.clear, self.base_url)
                return None
            raise
        self.session.start(me, stored.style, remember=True,
                           bearer_token=self.session.bearer_token,
                           refresh_token=self.session.refresh_token)
        await self._persist(kept=stored)
        return self.session.user

    async def discover(self) -> DiscoveryReport:
        """Reads ``/types/metadata``. Raises ``IncompatibleServerError`` naming what differs
        when the documented link operation is not there as documented; a server that
        hides its metadata gets a report that says so."""
        response = await self._send_with_retries(_Metadata())
        powered_by = response.headers.get("x-powered-by")
        if response.status_code in (401, 403, 404):
            return DiscoveryReport(False, True, powered_by=powered_by)
        if response.status_code != 200:
            raise error_from_response(response.status_code, response.headers, response.content,
                                      reason=response.reason_phrase)
        data = read_json(response)
        try:
            report = analyse(data, powered_by)
        except (AttributeError, TypeError, ValueError) as exc:
            raise UnexpectedResponseError(
                "The server's metadata could not be read.", status=200) from exc
        if not report.link_operation_ok:
            raise IncompatibleServerError(
                "This server does not offer the link operation the console needs: "
                + "; ".join(report.differences) + ".", report.differences)
        for name, route in report.routes.items():
            self.route_overrides[name] = route
        return report

    # --- sessions ---------------------------------------------------------------------------
    def _adopt(self, me: AuthenticateResponse, response: httpx.Response, *, remember: bool
               ) -> None:
        if me.bearer_token:
            style = SessionStyle.JWT_BODY
        elif "x-cookies" in response.headers or "ss-tok" in self._http.cookies:
            style = SessionStyle.JWT_COOKIE
        else:
            style = SessionStyle.SESSION
        self.session.start(me, style, remember=remember, bearer_token=me.bearer_token,
                           refresh_token=me.refresh_token)
        self.powered_by = response.headers.get("x-powered-by")
        log.info("signed in to %s (%s; sessions: %s)", self.host,
                 self.powered_by or "unknown server", style)

    def _forget_session(self) -> None:
        self.session.end()
        self._http.cookies.clear()

    async def _persist(self, *, kept: StoredSession | None = None) -> None:
        """Keeps the session for the next start (or forgets it). ``kept``: what the store
        holds already; it is not written again unchanged (a keyring's write is a D-Bus
        round trip, on the way to a resumed session's customers)."""
        session = self.session
        if not session.remember or session.user is None or session.style is None:
            await asyncio.to_thread(self.token_store.clear, self.base_url)
            return
        names = SESSION_COOKIES if session.style == SessionStyle.SESSION else TOKEN_COOKIES
        cookies = {c.name: c.value or "" for c in self._http.cookies.jar if c.name in names}
        stored = StoredSession(session.user.user_name or "", session.style,
                               session.refresh_token, cookies)
        if stored != kept:
            await asyncio.to_thread(self.token_store.save, self.base_url, stored)

    async def _renew(self, generation: int) -> None:
        """Renews the session once for everybody who saw it expire in ``generation``."""
        session = self.session
        async with self._renew_lock:
            if generation != session.generation:
                if session.expired:
                    raise expired_error()
                return  # somebody else renewed it while we waited
            style = session.style
            if style == SessionStyle.SESSION or (style == SessionStyle.JWT_BODY
                                                 and not session.refresh_token):
                raise session.expire()  # nothing to renew with
            session.renewing()
            try:
                bearer = await self._request_new_token(style)
            except BillieError:
                session.renewal_failed()
                raise
            except asyncio.CancelledError:
                session.renewal_failed()
                raise
            session.renewed(bearer)
            self.refresh_count += 1
            log.info("session renewed")
            if style == SessionStyle.JWT_COOKIE:  # a new ss-tok; a bearer is never stored
                await self._persist()

    async def _request_new_token(self, style: SessionStyle | None) -> str | None:
        """A new access token (JWT in the body) or ss-tok cookie; expires the session
        when the server refuses."""
        jwt_body = style == SessionStyle.JWT_BODY
        request = GetAccessToken(refresh_token=self.session.refresh_token if jwt_body else None)
        response = await self._send_with_retries(request)
        if response.status_code != 200:
            log.info("session renewal refused (%d)", response.status_code)
            raise self.session.expire()
        if not jwt_body:
            return None
        renewed = parse_answer(request, response, signed_in=self.session.user is not None)
        if not renewed.access_token:
            raise self.session.expire()
        return renewed.access_token

    # --- one exchange -----------------------------------------------------------------------
    async def _exchange(self, request: Request[Any]) -> httpx.Response:
        if self.session.expired:
            raise expired_error()
        generation = self.session.generation
        response = await self._send_with_retries(request)
        if response.status_code == 401 and self.session.user is not None:
            await self._renew(generation)
            response = await self._send_with_retries(request)
            if response.status_code == 401:
                raise self.session.expire()
        return response

    def _url(self, request: Request[Any]) -> tuple[str, str]:
        """(absolute URL, route template for the log). A route whose placeholders cannot
        be filled falls back to the pre-defined route, as ServiceStack's clients do."""
        name = request.operation_name()
        template = self.route_overrides.get(name) or request.route
        if self.use_predefined_routes or not template:
            template = request.predefined_route()
        wire = request.to_wire()
        values = {k.lower(): v for k, v in wire.items()}
        path = template
        for placeholder in _PLACEHOLDER.findall(template):
            value = values.get(placeholder.lower())
            if value is None or str(value) == "":
                template = path = request.predefined_route()
                break
            path = path.replace(f"{{{placeholder}}}", quote(str(value), safe=""))
        return self.base_url + path, template

    async def _send_with_retries(self, request: Request[Any]) -> httpx.Response:
        idempotent = request.verb in ("GET", "HEAD")
        attempt = 0
        while True:
            try:
                response = await self._send_once(request)
            except httpx.HTTPError as exc:
                retry = attempt + 1 < self.retry.attempts and (
                    idempotent or never_reached_server(exc))
                error = transport_error(exc, self.host)
                if not retry or isinstance(error, TlsError):
                    raise error from exc
                delay = self.retry.delay(attempt)
            else:
                if not (idempotent and response.status_code in (429, 502, 503, 504)
                        and attempt + 1 < self.retry.attempts):
                    return response
                delay = self.retry.delay(attempt, response)
            attempt += 1
            await asyncio.sleep(delay)

    async def _send_once(self, request: Request[Any]) -> httpx.Response:
        url, template = self._url(request)
        bearer = self.session.bearer_token
        headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
        wire = request.to_wire()
        if request.verb in ("GET", "HEAD", "DELETE"):
            params = {k: (str(v).lower() if isinstance(v, bool) else v) for k, v in wire.items()}
            send = self._http.request(request.verb, url, params=params, headers=headers)
        else:
            send = self._http.request(request.verb, url, json=wire, headers=headers)
        started = time.perf_counter()
        try:
            response = await send
        except httpx.HTTPError as exc:
            log.info("%s %s failed: %s after %.0f ms", request.verb, template,
                     type(exc).__name__, (time.perf_counter() - started) * 1000)
            raise
        log.info("%s %s %d %.0f ms", request.verb, template, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return response

class _Logout(Request[AuthenticateResponse]):
    verb = "POST"
    route = "/auth/logout"
    response_type = AuthenticateResponse

    @classmethod
    def operation_name(cls) -> str:
        return "Authenticate"


class _Metadata(Request[AuthenticateResponse]):
    route = "/types/metadata"
