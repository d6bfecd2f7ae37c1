"""Sign-in, who-am-I, logout and token refresh in every session style (docs/api-contract.md §2)."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest

from billie_desktop.sandbox.config import AUTH_MODES
from tests.sandbox.helpers import LOCKED, MANAGER, PASSWORD, STAFF, organisations, sign_in


def wait_for(condition, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


@pytest.mark.parametrize("auth", AUTH_MODES)
def test_each_style_hands_out_the_session_its_own_way(sandbox_factory, auth):
    server = sandbox_factory(auth=auth)
    response = httpx.post(f"{server.url}/auth/credentials",
                          json={"userName": MANAGER, "password": PASSWORD, "rememberMe": True})
    assert response.status_code == 200
    body = response.json()
    assert body["userName"] == MANAGER and body["roles"] == ["manager"]
    assert body["displayName"] and body["userId"] and body["sessionId"]
    cookies = response.headers.get_list("set-cookie")
    names = {c.split("=", 1)[0] for c in cookies}
    assert bool(cookies) == (auth != "jwt-body")  # JWT in the body sets no cookie
    assert all("httponly" in c.lower() and "secure" not in c.lower() for c in cookies)
    if auth == "session":
        assert {"ss-id", "ss-pid", "ss-opt"} <= names
        assert "bearerToken" not in body
    elif auth == "jwt-body":
        assert body["bearerToken"].count(".") == 2 and body["refreshToken"].count(".") == 2
        assert "refreshTokenExpiry" in body and "ss-tok" not in names
    else:
        assert {"ss-tok", "ss-reftok"} <= names
        assert response.headers["x-cookies"] == "ss-tok,ss-reftok"
        assert "bearerToken" not in body and "refreshToken" not in body


@pytest.mark.parametrize("route,extra", [("/auth/credentials", {}),
                                         ("/auth", {"provider": "credentials"}),
                                         ("/api/Authenticate", {"provider": "credentials"}),
                                         ("/json/reply/Authenticate", {"Provider": "credentials"})])
def test_sign_in_at_every_route(sandbox_factory, route, extra):
    server = sandbox_factory()
    response = httpx.post(f"{server.url}{route}",
                          json={"userName": MANAGER, "password": PASSWORD, **extra})
    assert response.status_code == 200, response.text
    assert response.json()["userName"] == MANAGER


def test_sign_in_accepts_a_form_body_and_pascal_case_names(sandbox_factory):
    server = sandbox_factory()
    response = httpx.post(f"{server.url}/auth/credentials",
                          data={"UserName": MANAGER, "Password": PASSWORD})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("user,password", [(MANAGER, "wrong"), ("nobody@sandbox.test", PASSWORD)])
def test_wrong_credentials_are_a_json_401(sandbox_factory, user, password):
    server = sandbox_factory()
    response = httpx.post(f"{server.url}/auth/credentials",
                          json={"userName": user, "password": password})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.json() == {"responseStatus": {"errorCode": "Unauthorized",
                                                  "message": "Invalid Username or Password",
                                                  "errors": []}}


def test_empty_credentials_are_not_empty_validation_errors(sandbox_factory):
    server = sandbox_factory()
    response = httpx.post(f"{server.url}/auth/credentials", json={"userName": " "})
    assert response.status_code == 400
    status = response.json()["responseStatus"]
    assert [e["fieldName"] for e in status["errors"]] == ["UserName", "Password"]
    assert {e["errorCode"] for e in status["errors"]} == {"NotEmpty"}
    assert status["errorCode"] == "NotEmpty"
    assert status["message"] == "'User Name' must not be empty."


def test_locked_account_is_refused(sandbox_factory):
    server = sandbox_factory()
    response = httpx.post(f"{server.url}/auth/credentials",
                          json={"userName": LOCKED, "password": PASSWORD})
    assert response.status_code == 401
    assert response.json()["responseStatus"]["errorCode"] == "AuthenticationException"


def test_user_names_match_case_insensitively(sandbox_factory):
    server = sandbox_factory()
    response = httpx.post(f"{server.url}/auth/credentials",
                          json={"userName": MANAGER.upper(), "password": PASSWORD})
    assert response.status_code == 200


def test_staff_signs_in_without_the_manager_role(sandbox_factory):
    server = sandbox_factory()
    assert sign_in(server, STAFF).body["roles"] == ["staff"]


@pytest.mark.parametrize("auth", AUTH_MODES)
def test_who_am_i_and_logout(sandbox_factory, auth):
    server = sandbox_factory(auth=auth)
    anonymous = httpx.get(f"{server.url}/auth")
    assert anonymous.status_code == 401
    assert anonymous.json()["responseStatus"]["message"] == "Not Authenticated"
    session = sign_in(server)
    me = session.get("/auth")
    assert me.status_code == 200 and me.json()["userName"] == MANAGER
    assert session.get("/api/Authenticate").json()["userName"] == MANAGER
    out = session.post("/auth/logout")
    assert out.status_code == 200 and out.json() == {}
    expired = [c for c in out.headers.get_list("set-cookie") if "1970" in c]
    assert {c.split("=")[0] for c in expired} >= {"ss-id", "ss-tok", "ss-reftok"}
    if auth != "jwt-body":  # cookies are gone; a bearer token lives until it expires (SS)
        after = session.get("/organisations")
        assert after.status_code == 401 and after.content == b""


def test_logout_also_answers_get(sandbox_factory):
    server = sandbox_factory(auth="session")
    session = sign_in(server)
    assert session.get("/auth/logout").status_code == 200
    assert session.get("/organisations").status_code == 401


# --- refresh -----------------------------------------------------------------------------

@pytest.mark.parametrize("route", ["/access-token", "/api/GetAccessToken"])
def test_jwt_body_refresh_gives_a_new_access_token(sandbox_factory, route):
    server = sandbox_factory(auth="jwt-body")
    session = sign_in(server)
    response = httpx.post(f"{server.url}{route}",
                          json={"refreshToken": session.body["refreshToken"]})
    assert response.status_code == 200, response.text
    token = response.json()["accessToken"]
    again = httpx.get(f"{server.url}/organisations", headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 200


def test_expired_access_token_is_a_json_token_exception(sandbox_factory):
    server = sandbox_factory(auth="jwt-body", token_ttl=0.5)
    session = sign_in(server)
    response = wait_for(lambda: (r := session.get("/organisations")).status_code == 401 and r)
    assert response.json()["responseStatus"] == {"errorCode": "TokenException",
                                                 "message": "Token has expired", "errors": []}
    refreshed = session.post("/access-token", json={"refreshToken": session.body["refreshToken"]})
    assert refreshed.status_code == 200


def test_expired_and_malformed_refresh_tokens(sandbox_factory):
    server = sandbox_factory(auth="jwt-body", token_ttl=0.5, refresh_token_ttl=0.5)
    session = sign_in(server)
    malformed = session.post("/access-token", json={"refreshToken": "not-a-token"})
    assert malformed.status_code == 400
    assert malformed.json()["responseStatus"]["errorCode"] == "ArgumentException"
    missing = session.post("/access-token", json={})
    assert missing.status_code == 400
    expired = wait_for(lambda: (r := session.post(
        "/access-token", json={"refreshToken": session.body["refreshToken"]})
    ).status_code == 401 and r)
    assert expired.json()["responseStatus"]["errorCode"] == "TokenException"


def test_jwt_cookie_server_renews_an_expired_access_cookie_itself(sandbox_factory):
    server = sandbox_factory(auth="jwt-cookie", token_ttl=0.5)
    session = sign_in(server)
    first_token = session.http.cookies["ss-tok"]
    expires = jwt.decode(first_token, options={"verify_signature": False})["exp"]
    wait_for(lambda: time.time() > expires + 0.05)  # access expired, refresh still valid
    response = session.get("/organisations")
    assert response.status_code == 200
    assert "ss-tok=" in response.headers["set-cookie"]
    assert session.http.cookies["ss-tok"] != first_token
    explicit = session.post("/access-token", json={})
    assert explicit.status_code == 200 and explicit.json() == {}
    assert "ss-tok=" in explicit.headers["set-cookie"]


def test_jwt_cookie_with_an_expired_refresh_cookie_is_a_token_exception(sandbox_factory):
    server = sandbox_factory(auth="jwt-cookie", token_ttl=0.3, refresh_token_ttl=0.3)
    signed_in = httpx.post(f"{server.url}/auth/credentials",
                           json={"userName": MANAGER, "password": PASSWORD})
    stale = "; ".join(c.split(";")[0] for c in signed_in.headers.get_list("set-cookie"))
    response = wait_for(lambda: (r := httpx.get(f"{server.url}/organisations",
                                                headers={"Cookie": stale})
                                 ).status_code == 401 and r)
    assert response.json()["responseStatus"]["errorCode"] == "TokenException"


def test_session_style_expires_into_an_empty_401(sandbox_factory):
    server = sandbox_factory(auth="session", token_ttl=0.5)
    session = sign_in(server)
    assert organisations(session)
    response = wait_for(lambda: (r := session.get("/organisations")).status_code == 401 and r)
    assert response.content == b""
    assert response.headers["www-authenticate"].startswith("credentials")
    assert session.post("/access-token", json={}).status_code == 404  # no JWT provider
