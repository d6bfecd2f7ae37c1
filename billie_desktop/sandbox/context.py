"""What a handler knows of the request it serves: who is calling (resolved once, from a
session cookie, a bearer token or a JWT cookie), the tenancy checked for it, and the
cookies and headers its reply will set."""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from billie_desktop.sandbox import auth
from billie_desktop.sandbox.config import AuthMode, SandboxOptions
from billie_desktop.sandbox.errors import ApiError, NotAuthenticated, token_error
from billie_desktop.sandbox.store import LoginRow, Store


@dataclass
class RequestContext:
    options: SandboxOptions
    store: Store
    tokens: auth.Tokens
    method: str
    path: str
    query_string: str
    headers: dict[str, str]
    cookies: dict[str, str]
    secure: bool
    extras: dict[str, str] = field(default_factory=dict)
    organisation: str = ""
    reply_headers: list[tuple[str, str]] = field(default_factory=list)
    _caller: auth.Authenticated | None = None
    _resolved: bool = False

    def path_is(self, template: str) -> bool:
        return self.path.lower().rstrip("/") == template

    def new_session_id(self) -> str:
        return secrets.token_urlsafe(18)

    def set_cookie(self, name: str, value: str, expires: float | None = None) -> None:
        self.reply_headers.append(
            ("set-cookie", auth.cookie_header(name, value, secure=self.secure, expires=expires)))

    def set_token_cookie(self, access_token: str) -> None:
        """The access cookie outlives its token (until the refresh token expires), so that
        an expired ``ss-tok`` still reaches the server, which then renews it."""
        self.set_cookie(auth.TOKEN_COOKIE, access_token,
                        time.time() + self.options.refresh_token_ttl)

    # --- who is calling -----------------------------------------------------------------
    def caller(self) -> auth.Authenticated | None:
        if not self._resolved:
            self._caller = self._resolve()
            self._resolved = True
        return self._caller

    def require_caller(self) -> auth.Authenticated:
        caller = self.caller()
        if caller is None:
            raise NotAuthenticated()
        return caller

    def _resolve(self) -> auth.Authenticated | None:
        if self.options.auth == AuthMode.SESSION:
            for name in (auth.PERMANENT_COOKIE, auth.SESSION_COOKIE):
                session_id = self.cookies.get(name)
                login_id = self.store.session_login(session_id) if session_id else None
                login = self.store.login_by_id(login_id) if login_id else None
                if login is not None and not login.locked:
                    return auth.Authenticated(login, session_id or "")
            return None
        header = self.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else None
        token = token or self.cookies.get(auth.TOKEN_COOKIE)
        if token:
            try:
                claims = self.tokens.read_access(token)
            except ApiError:
                if auth.REFRESH_COOKIE not in self.cookies:
                    raise
                return self._renew_from_cookie()
            login = self.store.login_by_id(str(claims["sub"]))
            if login is None or login.locked:
                raise token_error("Invalid token")
            return auth.Authenticated(login, str(claims.get("sid", "")))
        if auth.REFRESH_COOKIE in self.cookies:
            return self._renew_from_cookie()
        return None

    def _renew_from_cookie(self) -> auth.Authenticated:
        """ServiceStack 6+: an expired ss-tok with a valid ss-reftok gets a new ss-tok."""
        try:
            login_id = self.tokens.read_refresh(self.cookies[auth.REFRESH_COOKIE])
        except ApiError as exc:
            raise token_error(exc.message) from exc
        login = self.store.login_by_id(login_id)
        if login is None or login.locked:
            raise token_error("Invalid RefreshToken")
        session_id = self.new_session_id()
        access = self.tokens.access_token(login, session_id)
        self.set_token_cookie(access)
        return auth.Authenticated(login, session_id)

    # --- signing in and out ---------------------------------------------------------------
    def sign_in(self, login: LoginRow, *, remember: bool, token_cookie: object,
                body: Mapping[str, Any]) -> dict[str, Any]:
        mode = self.options.auth
        if mode == AuthMode.SESSION:
            session_id = self.store.create_session(login.id, self.options.token_ttl, remember)
            self.set_cookie(auth.SESSION_COOKIE, session_id)
            if remember:
                forever = time.time() + 20 * 365 * 24 * 3600
                self.set_cookie(auth.PERMANENT_COOKIE, session_id, forever)
                self.set_cookie(auth.OPTIONS_COOKIE, "perm", forever)
            return {**body, "sessionId": session_id}
        session_id = self.new_session_id()
        access = self.tokens.access_token(login, session_id)
        refresh, refresh_expires = self.tokens.refresh_token(login)
        if mode == AuthMode.JWT_COOKIE or token_cookie is True:
            self.set_token_cookie(access)
            self.set_cookie(auth.REFRESH_COOKIE, refresh, refresh_expires)
            self.reply_headers.append(("x-cookies", f"{auth.TOKEN_COOKIE},{auth.REFRESH_COOKIE}"))
            return {**body, "sessionId": session_id}
        return {**body, "sessionId": session_id, "bearerToken": access, "refreshToken": refresh,
                "refreshTokenExpiry": dt.datetime.fromtimestamp(refresh_expires, dt.UTC)}

    def sign_out(self) -> None:
        for name in (auth.SESSION_COOKIE, auth.PERMANENT_COOKIE):
            if name in self.cookies:
                self.store.delete_session(self.cookies[name])
        for name in auth.ALL_COOKIES:
            self.reply_headers.append(("set-cookie", auth.expired_cookie(name, secure=self.secure)))
