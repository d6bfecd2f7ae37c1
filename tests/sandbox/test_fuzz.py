"""No input gets a 500: a bounded Hypothesis run over every route the sandbox serves
(custom routes, pre-defined routes, metadata, the faults control and unknown paths),
with random verbs, path values, query strings and bodies (JSON of any shape and depth,
lone surrogates, huge numbers, raw bytes), signed in as a manager so that the handlers
really run. Every answer must be below 500 and, where it is an error with a body, JSON
shaped as ServiceStack's ``responseStatus`` (text/plain only where the contract says:
unknown routes and a missing role)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.operations import OPERATIONS
from billie_desktop.sandbox.server import SandboxServer
from tests.sandbox.helpers import MANAGER, organisations, sign_in

ROUTES = sorted({path for op in OPERATIONS for path, _ in op.routes}
                | {f"/api/{op.name}" for op in OPERATIONS}
                | {f"/json/reply/{op.name}" for op in OPERATIONS}
                | {"/types/metadata", "/sandbox/faults", "/nowhere", "/customers/x/y/z"})
TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)  # surrogates too
NAMES = st.sampled_from(["organisationId", "skip", "take", "orderBy", "orderByDesc", "search",
                         "include", "id", "userAccountId", "provider", "userName", "password",
                         "rememberMe", "refreshToken", "useTokenCookie", "lastNameStartsWith",
                         "emailContains", "postcode", "fault", "times", "format"]) | TEXT
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NAMES, inner, max_size=5),
    max_leaves=12)


def deep(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


BODIES = (st.dictionaries(NAMES, JSON, max_size=6).map(
              lambda d: json.dumps(d).encode())  # lone surrogates stay \ud800 escapes
          | JSON.map(lambda v: json.dumps(v).encode())
          | st.binary(max_size=60)
          | st.sampled_from([deep(1200), b"[" * 3000, b'{"take": 1e999}', b'{"skip": 9e18}',
                             b'{"userName": "\\ud800", "password": "\\udfff"}']))


@dataclass
class Manager:
    http: httpx.Client
    org: str


@pytest.fixture(scope="module")
def manager() -> Iterator[Manager]:
    with SandboxServer(SandboxOptions(customers=40, faults=True)) as server:
        session = sign_in(server, MANAGER)
        yield Manager(session.http, organisations(session)["Billie Cart Melbourne"])
        session.http.close()


def check(response: httpx.Response) -> None:
    assert response.status_code < 500, (response.request.method, response.request.url,
                                        response.status_code, response.text[:300])
    kind = response.headers.get("content-type", "")
    if response.status_code >= 400 and response.content and not kind.startswith("text/plain"):
        assert "responseStatus" in response.json()


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(route=st.sampled_from(ROUTES), method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
       value=TEXT, params=st.lists(st.tuples(NAMES, TEXT | st.integers().map(str)), max_size=6),
       body=BODIES, form=st.booleans(), with_org=st.booleans())
def test_no_input_gets_a_500(manager, route, method, value, params, body, form, with_org):
    segment = quote(value.encode("utf-8", "surrogatepass"), safe="")  # bytes a client may send
    path = route.replace("{Id}", segment or "x").replace("{provider}", segment or "credentials")
    query = [(k.encode("utf-8", "surrogatepass").decode("latin-1"),
              v.encode("utf-8", "surrogatepass").decode("latin-1")) for k, v in params]
    if with_org:
        query.append(("organisationId", manager.org))
    kind = "application/x-www-form-urlencoded" if form else "application/json"
    request = manager.http.build_request(method, path, params=query,
                                         content=body if method != "GET" else None,
                                         headers={"Content-Type": kind})
    check(manager.http.send(request))


@pytest.mark.parametrize("params", [
    {"skip": str(2**63)}, {"take": str(2**64)}, {"skip": "-" + "9" * 30},
    {"search": " ".join(["a"] * 1000)}, {"orderBy": ",".join(["email"] * 2000)},
], ids=["skip-2^63", "take-2^64", "skip-huge-negative", "search-1000-words", "orderBy-2000"])
def test_oversized_queries_are_clear_400s(manager, params):
    response = manager.http.get("/customers", params={"organisationId": manager.org, **params})
    assert response.status_code == 400, response.text
    status = response.json()["responseStatus"]
    assert status["errors"] and status["errors"][0]["fieldName"]


def test_a_thousand_implicit_filters_is_a_clear_400(manager):
    # differently cased names are distinct query keys but the same AutoQuery filter
    keys = ["".join(c.upper() if (i >> n) & 1 else c for n, c in enumerate("emailcontains"))
            for i in range(1000)]
    response = manager.http.get("/customers", params=[("organisationId", manager.org),
                                                      *[(k, "a") for k in keys]])
    assert response.status_code == 400, response.text
    assert "at most" in response.json()["responseStatus"]["message"]


@pytest.mark.parametrize("body", [b"[]", b'{"times": 1e999}', b'{"fault": "500", "times": "x"}',
                                  deep(1500)])
def test_the_faults_control_refuses_what_is_not_a_fault(manager, body):
    response = manager.http.post("/sandbox/faults", content=body,
                                 headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and "responseStatus" in response.json()
