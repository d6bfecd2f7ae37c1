"""Sessions and tokens in the three styles a ServiceStack server hands them out.

- session:    ``ss-id`` / ``ss-pid`` cookies naming a server-side session;
- jwt-body:   ``bearerToken`` + ``refreshToken`` in the body, ``Authorization: Bearer``;
- jwt-cookie: HttpOnly ``ss-tok`` / ``ss-reftok`` cookies; an expired ``ss-tok`` with a
              valid ``ss-reftok`` is replaced by the server itself.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from typing import Any

import jwt

from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.errors import ApiError, token_error
from billie_desktop.sandbox.store import LoginRow, Store

ISSUER = "billiecart-sandbox"
TOKEN_COOKIE, REFRESH_COOKIE = "ss-tok", "ss-reftok"
SESSION_COOKIE, PERMANENT_COOKIE, OPTIONS_COOKIE = "ss-id", "ss-pid", "ss-opt"
ALL_COOKIES = (SESSION_COOKIE, PERMANENT_COOKIE, OPTIONS_COOKIE, TOKEN_COOKIE, REFRESH_COOKIE)


def cookie_header(name: str, value: str, *, secure: bool, expires: float | None = None) -> str:
    parts = [f"{name}={value}", "path=/", "samesite=lax", "httponly"]
    if expires is not None:
        when = dt.datetime.fromtimestamp(max(expires, 0), dt.UTC)
        parts.insert(1, f"expires={format_datetime(when, usegmt=True)}")
    if secure:  # only over HTTPS: a Secure cookie is never sent back over plain http
        parts.append("secure")
    return "; ".join(parts)


def expired_cookie(name: str, *, secure: bool) -> str:
    return cookie_header(name, "", secure=secure, expires=0)


@dataclass
class Authenticated:
    login: LoginRow
    session_id: str
    set_cookies: list[str] = field(default_factory=list)


class Tokens:
    """Mints and reads this sandbox's JWTs (HS256, secret kept in the database)."""

    def __init__(self, options: SandboxOptions, store: Store) -> None:
        self.options = options
        secret = store.meta("jwt_secret")
        if secret is None:
            secret = secrets.token_hex(32)
            store.set_meta("jwt_secret", secret)
        self._key = bytes.fromhex(secret)

    def access_token(self, login: LoginRow, session_id: str) -> str:
        now = time.time()
        claims = {"iss": ISSUER, "sub": login.id, "iat": int(now),
                  "exp": now + self.options.token_ttl,
                  "sid": session_id, "name": login.display_name,
                  "preferred_username": login.user_name, "roles": list(login.roles),
                  "perms": []}
        return jwt.encode(claims, self._key, algorithm="HS256")

    def refresh_token(self, login: LoginRow) -> tuple[str, float]:
        now = time.time()
        expires = now + self.options.refresh_token_ttl
        claims = {"iss": ISSUER, "sub": login.id, "iat": int(now), "exp": expires}
        token = jwt.encode(claims, self._key, algorithm="HS256", headers={"typ": "JWTR"})
        return token, expires

    def read_access(self, token: str) -> dict[str, Any]:
        """The claims of a valid access token; 401 TokenException otherwise."""
        try:
            header = jwt.get_unverified_header(token)
            claims: dict[str, Any] = jwt.decode(token, self._key, algorithms=["HS256"],
                                                issuer=ISSUER)
        except jwt.ExpiredSignatureError as exc:
            raise token_error("Token has expired") from exc
        except jwt.InvalidTokenError as exc:
            raise token_error("Invalid token") from exc
        if header.get("typ") == "JWTR":
            raise token_error("Invalid token: a refresh token is no access token")
        return claims

    def read_refresh(self, token: str) -> str:
        """The login id in a valid refresh token. Malformed: 400 ArgumentException;
        expired or not ours: 401 TokenException."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise ApiError(400, "ArgumentException", "Illegal base64url string.") from exc
        if header.get("typ") != "JWTR":
            raise ApiError(400, "ArgumentException", "Invalid RefreshToken")
        try:
            claims = jwt.decode(token, self._key, algorithms=["HS256"], issuer=ISSUER)
        except jwt.ExpiredSignatureError as exc:
            raise token_error("Token has expired") from exc
        except jwt.InvalidTokenError as exc:
            raise token_error("Invalid RefreshToken") from exc
        return str(claims["sub"])
