"""Plain-httpx helpers for talking to a sandbox in any flavour."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import httpx

from billie_desktop.sandbox.config import AUTH_MODES, JSON_MODES, ROLE_CHECKS
from billie_desktop.sandbox.server import SandboxServer

PASSWORD = "billie-sandbox"
MANAGER = "manager@sandbox.test"
MEL_MANAGER = "mel.manager@sandbox.test"
STAFF = "staff@sandbox.test"
LOCKED = "locked@sandbox.test"

FLAVOURS = [dict(auth=a, json=j, role_check=r)
            for a, j, r in itertools.product(AUTH_MODES, JSON_MODES, ROLE_CHECKS)]
FLAVOUR_IDS = [f"{f['auth']}-{f['json']}-{f['role_check']}" for f in FLAVOURS]


@dataclass
class Session:
    """An httpx client signed in the way the sandbox's flavour hands out sessions."""

    http: httpx.Client
    auth_mode: str
    body: dict[str, Any]

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.http.get(url, **kw)

    def put(self, url: str, **kw: Any) -> httpx.Response:
        return self.http.put(url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.http.post(url, **kw)

    def delete(self, url: str, **kw: Any) -> httpx.Response:
        return self.http.delete(url, **kw)


def sign_in(server: SandboxServer, user: str = MANAGER, *, remember: bool = False) -> Session:
    http = httpx.Client(base_url=server.url, timeout=10)
    response = http.post("/auth/credentials",
                         json={"userName": user, "password": PASSWORD, "rememberMe": remember})
    assert response.status_code == 200, response.text
    body = response.json()
    if server.options.auth == "jwt-body":
        http.headers["Authorization"] = f"Bearer {body['bearerToken']}"
    return Session(http, server.options.auth, body)


def organisations(session: Session) -> dict[str, str]:
    response = session.get("/organisations")
    assert response.status_code == 200, response.text
    return {o["name"]: o["id"] for o in response.json()["results"]}


def first_unlinked(session: Session, org: str, kind: str = "customers") -> dict[str, Any]:
    key = "userAccountId" if kind == "customers" else "customerId"
    for skip in range(0, 10_000, 500):
        response = session.get(f"/{kind}", params={"organisationId": org, "skip": skip})
        rows = [r for r in response.json()["results"] if key not in r]
        if rows:
            return rows[0]
    raise AssertionError(f"no unlinked {kind}")


def link(session: Session, customer_id: str, body: dict, route: str = "custom") -> httpx.Response:
    if route == "custom":
        return session.put(f"/customers/{customer_id}/associate-to-user-account", json=body)
    return session.put("/api/AssociateUserAccountToCustomerRequest",
                       json={"id": customer_id, **body})
