"""The sandbox's ASGI app: routing, the request pipeline and ServiceStack-shaped replies.

Pipeline, in ServiceStack's order: route -> bind -> [Authenticate] -> [RequiredRole] or
[ValidateHasRole] -> validators -> tenancy (membership of the organisation) -> handler.
"""

from __future__ import annotations

import asyncio
import collections
import json
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from billie_desktop import __version__
from billie_desktop.sandbox import auth, faults, metadata
from billie_desktop.sandbox.binding import bind, parse_body
from billie_desktop.sandbox.config import MAX_BODY_BYTES, RoleCheck, SandboxOptions
from billie_desktop.sandbox.context import RequestContext
from billie_desktop.sandbox.cookies import parse_cookie_headers
from billie_desktop.sandbox.errors import (
    ApiError,
    InvalidRole,
    NotAuthenticated,
    RequestTooLarge,
    UnknownRoute,
    forbidden,
)
from billie_desktop.sandbox.operations import (
    BY_NAME,
    OPERATIONS,
    REQUIRED_FIELDS,
    Operation,
    require,
    served,
)
from billie_desktop.sandbox.store import Store
from billie_desktop.sandbox.wire import dumps, normalise_guid

log = logging.getLogger("billie_desktop.sandbox")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

JSON_TYPE = "application/json; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"
_PREDEFINED = re.compile(r"^/(?:api|json/reply)/(?P<name>[A-Za-z0-9_]+)$", re.IGNORECASE)


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{pattern}$", re.IGNORECASE)


_ROUTES = [(_compile(path), verbs, op) for op in OPERATIONS for path, verbs in op.routes]


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str | None = JSON_TYPE
    headers: list[tuple[str, str]] = field(default_factory=list)
    reason: str | None = None


def not_implemented(method: str, op: Operation) -> ApiError:
    """ServiceStack's 405 when the service has no method for this verb."""
    return ApiError(405, "NotImplementedException",
                    f"Could not find method named {method.title()}({op.name}) or "
                    f"Any({op.name}) on Service {op.name.removesuffix('Request')}Service")


# Two things a ServiceStack host does that ASGI cannot say, said as response headers that
# sandbox/server.py's protocol takes off before the wire: a reason phrase of its own
# ([RequiredRole] answers 403 "Invalid Role"), and closing the connection unanswered (the
# drop and lost-answer faults).
REASON_HEADER = b"x-sandbox-reason"
DROP_HEADER = b"x-sandbox-drop"


async def _drop(send: Send) -> None:
    """Closes the connection without an answer."""
    await send({"type": "http.response.start", "status": 200, "headers": [(DROP_HEADER, b"1")]})
    await send({"type": "http.response.body", "body": b"", "more_body": False})


async def _read_ahead(receive: Receive) -> Receive:
    """Reads the whole request body now; returns a ``receive`` that replays it."""
    messages: list[MutableMapping[str, Any]] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break

    async def replay() -> MutableMapping[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    return replay


class SandboxApp:
    """The ASGI application. ``store`` is opened by the server before the app serves."""

    def __init__(self, options: SandboxOptions, store: Store) -> None:
        self.options = options
        self.store = store
        self.tokens = auth.Tokens(options, store)
        self.fault_queue = faults.FaultQueue()
        # With --faults: how many times each "METHOD /path" arrived (GET /sandbox/requests),
        # so that tests can count on the server what a client sent, e.g. no PUT twice.
        self.arrivals: collections.Counter[str] = collections.Counter()
        self.powered_by = (f"ServiceStack/8.52 NetCore/Linux (Billiecart sandbox "
                           f"{__version__}; {options.flavour})")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        method = scope["method"].upper()
        path = scope["path"]
        if self.options.faults and not path.startswith("/sandbox/"):
            self.arrivals[f"{method} {path.lower()}"] += 1
        plan = self._fault_plan(scope, method, path)
        await self._travel()  # the request's way here, over a slow link (--latency)
        if plan is not None and plan.latency:
            receive = await _read_ahead(receive)  # the client has sent it all, then waits
            await asyncio.sleep(plan.latency)
        if plan is not None and plan.drop:
            # The request is read first: closing with some of it unread made the kernel
            # reset the connection, which a client sees as another error now and then.
            await _read_ahead(receive)
            await _drop(send)
            log.info("%s %s dropped (fault)", method, path)
            return
        reply = (self._fault_reply(plan) if plan is not None else None) \
            or await self._handle(scope, receive, method, path)
        if plan is not None and plan.lost_answer:
            await _drop(send)
            log.info("%s %s %d, answer lost (fault)", method, path, reply.status)
            return
        if plan is not None and plan.body == "truncated-json":
            reply.body = reply.body[: max(1, len(reply.body) // 2)]
        await self._travel()  # and the answer's way back
        await self._send(send, reply, method, slow=plan.slow if plan else 0.0)
        log.info("%s %s %d %.0f ms", method, path, reply.status,
                 (time.perf_counter() - started) * 1000)

    async def _travel(self) -> None:
        """Half of ``--latency`` (and of a draw of ``--jitter``): one way over a slow link.
        Sandbox-only paths (/sandbox/…) travel too: they are requests like any other."""
        if self.options.latency or self.options.jitter:
            await asyncio.sleep((self.options.latency + random.uniform(0, self.options.jitter))
                                / 2)

    # --- faults -----------------------------------------------------------------------------
    def _fault_plan(self, scope: Scope, method: str, path: str) -> faults.FaultPlan | None:
        if not self.options.faults or path.startswith("/sandbox/"):
            return None
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        spec = headers.get("x-sandbox-fault") or self.fault_queue.take(method, path)
        if not spec:
            return None
        try:
            return faults.parse(spec)
        except ValueError:
            return None

    def _fault_reply(self, plan: faults.FaultPlan) -> Reply | None:
        headers = [("retry-after", plan.retry_after)] if plan.retry_after else []
        if plan.status == 500:
            error = ApiError(500, "NullReferenceException",
                             "Object reference not set to an instance of an object.")
            return Reply(500, dumps(error.body(), self.options.json), headers=headers)
        if plan.status == 429:  # a rate limiter (ServiceStack's, or one in front of it)
            error = ApiError(429, "TooManyRequests", "Too many requests. Try again later.")
            return Reply(429, dumps(error.body(), self.options.json), headers=headers)
        if plan.status == 403:  # [RequiredRole] refusing: text/plain, as ServiceStack does
            return Reply(403, b"Invalid Role", "text/plain; charset=utf-8", headers)
        if plan.status is not None:
            reason = HTTPStatus(plan.status).phrase
            html = faults.GATEWAY_HTML.format(status=plan.status, reason=reason)
            return Reply(plan.status, html.encode(), "text/html", headers)
        if plan.body == "malformed-json":
            return Reply(200, faults.MALFORMED_JSON.encode())
        if plan.body == "wrong-shape":
            return Reply(200, faults.WRONG_SHAPE.encode())
        if plan.body == "html":
            return Reply(200, faults.PORTAL_HTML.encode(), "text/html; charset=utf-8")
        return None

    def _faults_control(self, method: str, body: bytes) -> Reply:
        if method == "DELETE":
            self.fault_queue.queued.clear()
        elif method == "POST":
            try:
                data = json.loads(body or b"{}")
                if not isinstance(data, dict):
                    raise TypeError("expected a JSON object")
                self.fault_queue.add(data)
            except (ValueError, TypeError, OverflowError, RecursionError) as exc:
                raise ApiError(400, "ArgumentException",
                               f"Not a fault: {type(exc).__name__}") from exc
        queued = [vars(f) for f in self.fault_queue.queued]
        return Reply(200, json.dumps({"queued": queued}).encode())

    # --- the pipeline -------------------------------------------------------------------
    async def _handle(self, scope: Scope, receive: Receive, method: str, path: str) -> Reply:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        cookies = parse_cookie_headers(v.decode("latin-1") for k, v in scope["headers"]
                                       if k.lower() == b"cookie")
        secure = scope.get("scheme") == "https" or headers.get("x-forwarded-proto") == "https"
        query_string = scope.get("query_string", b"").decode("latin-1")
        ctx = RequestContext(self.options, self.store, self.tokens, method, path, query_string,
                             headers, cookies, secure)
        try:
            body = await self._read_body(receive)
            reply = await self._dispatch(ctx, body, headers.get("content-type", ""))
        except ApiError as exc:
            reply = Reply(exc.status, dumps(exc.body(), self.options.json),
                          headers=list(exc.headers.items()))
        except NotAuthenticated:
            reply = Reply(401, b"", None,
                          [("www-authenticate", 'credentials realm="/auth/credentials"')])
        except InvalidRole:
            reply = Reply(403, self._request_lines(ctx, "Forbidden").encode(), TEXT_TYPE,
                          reason="Invalid Role")
        except UnknownRoute:
            text = self._request_lines(ctx, "Handler for Request not found (404):")
            reply = Reply(404, text.encode(), TEXT_TYPE)
        except RequestTooLarge:
            error = ApiError(400, "ArgumentException",
                             f"The request body is larger than {MAX_BODY_BYTES} bytes")
            reply = Reply(400, dumps(error.body(), self.options.json),
                          headers=[("connection", "close")])
        except Exception as exc:  # a bug in the sandbox: still a ServiceStack-shaped 500
            log.exception("unhandled error in %s %s", method, path)
            error = ApiError(500, type(exc).__name__, "An unexpected error occurred")
            reply = Reply(500, dumps(error.body(), self.options.json))
        reply.headers = ctx.reply_headers + reply.headers
        return reply

    @staticmethod
    def _request_lines(ctx: RequestContext, first: str) -> str:
        raw = ctx.path + (f"?{ctx.query_string}" if ctx.query_string else "")
        return (f"{first}\n\n  Request.HttpMethod: {ctx.method}\n  Request.PathInfo: {ctx.path}\n"
                f"  Request.QueryString: {ctx.query_string}\n  Request.RawUrl: {raw}\n")

    async def _read_body(self, receive: Receive) -> bytes:
        """The body, or RequestTooLarge once it passes the limit. An oversized body is
        still read to its end (up to a hard cap) so that the client gets the 400 rather
        than a connection reset in the middle of its upload."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size <= MAX_BODY_BYTES:
                chunks.append(chunk)
            elif size > 64 * MAX_BODY_BYTES:
                break
            if not message.get("more_body", False):
                break
        if size > MAX_BODY_BYTES:
            raise RequestTooLarge()
        return b"".join(chunks)

    async def _dispatch(self, ctx: RequestContext, body: bytes, content_type: str) -> Reply:
        path = ctx.path
        if path.lower().endswith(".json"):
            path = path[:-5]
        if self.options.faults and path.lower() == "/sandbox/faults":
            return self._faults_control(ctx.method, body)
        if self.options.faults and path.lower() == "/sandbox/requests":
            if ctx.method == "DELETE":
                self.arrivals.clear()
            return Reply(200, json.dumps({"counts": dict(self.arrivals)}).encode())
        if path.lower().rstrip("/") == "/types/metadata":
            if ctx.method not in ("GET", "HEAD"):
                raise UnknownRoute()
            return Reply(200, dumps(metadata.build(ctx, self.options), self.options.json))
        op, path_params = self._route(ctx.method, path, self.options)
        ctx.path = path
        query = parse_qsl(ctx.query_string, keep_blank_values=True)
        body_items = parse_body(op, body, content_type) if ctx.method not in ("GET", "HEAD") \
            else []
        fields, ctx.extras = bind(op, path_params=path_params, query=query, body_items=body_items)
        self._check(ctx, op, fields)
        result = await op.handler(ctx, fields)
        return Reply(200, dumps(result, self.options.json))

    @staticmethod
    def _route(method: str, path: str, options: SandboxOptions
               ) -> tuple[Operation, dict[str, str]]:
        predefined = _PREDEFINED.match(path)
        if predefined:
            op = BY_NAME.get(predefined["name"].lower())
            if op is None or not served(op, options):
                raise UnknownRoute()
            if method not in op.verbs:
                raise not_implemented(method, op)
            return op, {}
        for pattern, verbs, op in _ROUTES:
            match = pattern.match(path)
            if match is None or (verbs is not None and method not in verbs.split(",")) \
                    or not served(op, options):
                continue
            if method not in op.verbs:
                raise not_implemented(method, op)
            return op, match.groupdict()
        raise UnknownRoute()

    def _check(self, ctx: RequestContext, op: Operation, fields: dict[str, Any]) -> None:
        if op.requires_auth:
            caller = ctx.require_caller()
            missing = [r for r in op.required_roles if r not in caller.login.roles]
            if missing:
                if self.options.role_check == RoleCheck.REQUIRED_ROLE:
                    raise InvalidRole()
                raise forbidden(f"{missing[0]} Role Required")
        require(fields, *REQUIRED_FIELDS.get(op.name, ()))
        if op.tenanted:
            caller = ctx.require_caller()
            organisation = normalise_guid(fields["OrganisationId"])
            if organisation is None or not self.store.is_member(caller.login.id, organisation):
                raise forbidden("You are not a member of this organisation")
            ctx.organisation = organisation

    async def _send(self, send: Send, reply: Reply, method: str, *, slow: float) -> None:
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in reply.headers]
        headers.append((b"x-powered-by", self.powered_by.encode("latin-1")))
        if reply.content_type:
            headers.append((b"content-type", reply.content_type.encode("latin-1")))
        headers.append((b"content-length", str(len(reply.body)).encode()))
        start: dict[str, Any] = {"type": "http.response.start", "status": reply.status,
                                 "headers": headers}
        if reply.reason:  # (sandbox/server.py puts it on the status line)
            headers.append((REASON_HEADER, reply.reason.encode("latin-1")))
        await send(start)
        if slow:
            await asyncio.sleep(slow)
        await send({"type": "http.response.body", "body": reply.body, "more_body": False})
