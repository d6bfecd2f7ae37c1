"""Tenancy on every route, bad input, faults, persistence, scale and the server's life."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
from billie_desktop.sandbox.store import Store
from tests.conftest import port_is_listening
from tests.sandbox.helpers import (
    MANAGER,
    MEL_MANAGER,
    PASSWORD,
    first_unlinked,
    organisations,
    sign_in,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server():
    with SandboxServer(SandboxOptions(customers=150, faults=True)) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def orgs(server):
    return organisations(sign_in(server, MANAGER))


# --- tenancy ------------------------------------------------------------------------------

def test_no_route_lets_one_organisation_see_or_change_anothers(server, orgs):
    manager = sign_in(server, MANAGER)
    mel_manager = sign_in(server, MEL_MANAGER)
    mel, syd = orgs["Billie Cart Melbourne"], orgs["Billie Cart Sydney"]
    sydney_customer = first_unlinked(manager, syd)
    sydney_account = first_unlinked(manager, syd, "user-accounts")
    attempts = [
        ("GET", "/customers", {"organisationId": syd}, None),
        ("GET", "/api/QueryCustomersRequest", {"organisationId": syd}, None),
        ("GET", f"/customers/{sydney_customer['id']}", {"organisationId": syd}, None),
        ("GET", "/user-accounts", {"organisationId": syd}, None),
        ("PUT", f"/customers/{sydney_customer['id']}/associate-to-user-account", None,
         {"userAccountId": sydney_account["id"], "organisationId": syd}),
    ]
    for method, url, params, body in attempts:
        response = mel_manager.http.request(method, url, params=params, json=body)
        assert response.status_code == 403, (method, url)
        assert response.json()["responseStatus"]["errorCode"] == "Forbidden"
    # A Melbourne manager naming Melbourne cannot reach Sydney's rows either.
    via_own = mel_manager.get(f"/customers/{sydney_customer['id']}", params={"organisationId": mel})
    assert via_own.status_code == 404
    listed = mel_manager.get("/customers", params={"organisationId": mel, "take": 500}).json()
    assert sydney_customer["id"] not in {r["id"] for r in listed["results"]}
    unchanged = manager.get(f"/customers/{sydney_customer['id']}", params={"organisationId": syd})
    assert "userAccountId" not in unchanged.json()["customer"]


def test_organisation_id_must_be_given(server):
    manager = sign_in(server, MANAGER)
    response = manager.get("/customers")
    assert response.status_code == 400
    assert response.json()["responseStatus"]["errors"][0]["fieldName"] == "OrganisationId"


# --- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize("params", [{"take": "abc"}, {"skip": "1.5"}, {"take": "9" * 40 + "x"}])
def test_wrong_types_in_the_query_are_binding_errors(server, orgs, params):
    manager = sign_in(server, MANAGER)
    response = manager.get("/customers", params={"organisationId": orgs["Billie Cart Sydney"],
                                                 **params})
    assert response.status_code == 400
    status = response.json()["responseStatus"]
    assert status["errorCode"] == "RequestBindingException"
    assert status["errors"][0]["fieldName"].lower() in params


@pytest.mark.parametrize("body", [
    b"{not json", b"[1, 2, 3]", b'"a string"', b'{"userAccountId": {"nested": true}}',
    b'{"userAccountId": [1]}', b"\xff\xfe\x00garbage", b'{"userAccountId": true}',
])
def test_broken_bodies_are_400s(server, orgs, body):
    manager = sign_in(server, MANAGER)
    response = manager.http.put(f"/customers/{uuid.uuid4().hex}/associate-to-user-account",
                                content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["responseStatus"]["errorCode"]


def test_huge_bodies_are_refused_without_a_crash(server, orgs):
    manager = sign_in(server, MANAGER)
    huge = b'{"userAccountId": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = manager.http.put(f"/customers/{uuid.uuid4().hex}/associate-to-user-account",
                                content=huge, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert manager.get("/organisations").status_code == 200  # still serving


def test_unknown_fields_and_nulls_are_ignored(server, orgs):
    manager = sign_in(server, MANAGER)
    mel = orgs["Billie Cart Melbourne"]
    customer = first_unlinked(manager, mel)
    account = first_unlinked(manager, mel, "user-accounts")
    response = manager.put(f"/customers/{customer['id']}/associate-to-user-account",
                           json={"userAccountId": account["id"], "organisationId": mel,
                                 "shoeSize": 44, "id": None, "meta": {"a": "b"}})
    assert response.status_code == 200, response.text


def test_numbers_bind_to_string_fields_and_strings_to_numbers(server, orgs):
    manager = sign_in(server, MANAGER)
    response = manager.http.request(
        "GET", "/customers", params={"organisationId": orgs["Billie Cart Melbourne"],
                                     "take": " 3 "})
    assert response.status_code == 200 and len(response.json()["results"]) == 3


def test_garbage_never_gets_a_500(server, orgs):
    manager = sign_in(server, MANAGER)
    junk = ["", "%00", "'; DROP TABLE customers; --", "\u202e\u0000", "😀" * 50, "a" * 5000]
    for value in junk:
        for params in ({"organisationId": value}, {"organisationId": orgs["Billie Cart Sydney"],
                                                   "orderBy": value, "search": value}):
            response = manager.get("/customers", params=params)
            assert response.status_code < 500, (params, response.text)
        segment = quote(value[:100] or "x", safe="")
        response = manager.put(f"/customers/{segment}/associate-to-user-account",
                               json={"userAccountId": value, "organisationId": value})
        assert response.status_code < 500


# --- faults -----------------------------------------------------------------------------------

def fault(server, spec: str) -> httpx.Response:
    return httpx.get(f"{server.url}/types/metadata", headers={"X-Sandbox-Fault": spec})


def test_fault_statuses(server):
    five = fault(server, "500")
    assert five.status_code == 500 and five.json()["responseStatus"]["errorCode"]
    for status in (502, 503, 504):
        response = fault(server, f"{status},retry-after=2")
        assert response.status_code == status
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["retry-after"] == "2"


def test_fault_bodies(server):
    import json

    for spec in ("malformed-json", "truncated-json"):
        response = fault(server, spec)
        assert response.status_code == 200
        with pytest.raises(json.JSONDecodeError):
            response.json()
    assert not isinstance(fault(server, "wrong-shape").json()["results"], list)
    assert fault(server, "html").headers["content-type"].startswith("text/html")


def test_fault_drop_and_delays(server):
    with pytest.raises(httpx.RemoteProtocolError):
        fault(server, "drop")
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(f"{server.url}/types/metadata", headers={"X-Sandbox-Fault": "slow=2"},
                  timeout=httpx.Timeout(5, read=0.3))
    started = time.monotonic()
    assert fault(server, "latency=0.2").status_code == 200
    assert time.monotonic() - started >= 0.2


def link_with_fault(server, spec: str, **kw):
    """Links the first unlinked Melbourne customer with a fault on the PUT; returns what
    the client saw (a response or an exception) and a function that reads the customer."""
    manager = sign_in(server, MANAGER)
    mel = organisations(manager)["Billie Cart Melbourne"]
    customer = first_unlinked(manager, mel)
    account = first_unlinked(manager, mel, "user-accounts")
    try:
        outcome: object = manager.http.put(
            f"/customers/{customer['id']}/associate-to-user-account",
            json={"userAccountId": account["id"], "organisationId": mel},
            headers={"X-Sandbox-Fault": spec}, **kw)
    except httpx.HTTPError as exc:
        outcome = exc

    def linked_now() -> bool:
        row = manager.get(f"/customers/{customer['id']}", params={"organisationId": mel})
        return row.json()["customer"].get("userAccountId") == account["id"]

    return outcome, linked_now


def test_a_lost_answer_is_a_write_carried_out_then_a_dropped_connection(server):
    outcome, linked_now = link_with_fault(server, "lost-answer")
    assert isinstance(outcome, httpx.RemoteProtocolError)  # no answer at all...
    assert linked_now()  # ...but the write happened


def test_drop_is_a_write_never_carried_out(server):
    outcome, linked_now = link_with_fault(server, "drop")
    assert isinstance(outcome, httpx.RemoteProtocolError)
    assert not linked_now()


def test_latency_reads_the_request_first_so_a_client_that_gives_up_still_wrote(server):
    outcome, linked_now = link_with_fault(server, "latency=0.6",
                                          timeout=httpx.Timeout(5, read=0.2))
    assert isinstance(outcome, httpx.ReadTimeout)  # it gave up after sending everything
    assert not linked_now()  # the server is still waiting...
    time.sleep(0.8)
    assert linked_now()  # ...then carries the write out: slow, not lost


def test_queued_faults_hit_requests_the_test_does_not_build(server):
    control = f"{server.url}/sandbox/faults"
    assert httpx.post(control, json={"fault": "503", "path": "/organisations", "times": 2}
                      ).status_code == 200
    manager = sign_in(server, MANAGER)
    assert [manager.get("/organisations").status_code for _ in range(3)] == [503, 503, 200]
    assert httpx.post(control, json={"fault": "bogus"}).status_code == 400
    httpx.post(control, json={"fault": "500", "path": "/organisations"})
    assert httpx.delete(control).json() == {"queued": []}
    assert manager.get("/organisations").status_code == 200


def test_faults_are_off_unless_asked_for(sandbox_factory):
    server = sandbox_factory()
    assert fault(server, "500").status_code == 200
    assert httpx.post(f"{server.url}/sandbox/faults", json={"fault": "500"}).status_code == 404


# --- persistence, scale ---------------------------------------------------------------------

def test_a_link_survives_a_restart_and_reset_forgets_it(sandbox_factory, tmp_path):
    db = tmp_path / "sandbox.sqlite3"
    first = sandbox_factory(db_path=db)
    manager = sign_in(first, MANAGER)
    mel = organisations(manager)["Billie Cart Melbourne"]
    customer = first_unlinked(manager, mel)
    account = first_unlinked(manager, mel, "user-accounts")
    assert manager.put(f"/customers/{customer['id']}/associate-to-user-account",
                       json={"userAccountId": account["id"], "organisationId": mel}
                       ).status_code == 200
    first.stop()
    assert (db.parent / "sandbox.sqlite3-wal").exists() or db.stat().st_size > 0

    second = sandbox_factory(db_path=db)
    again = sign_in(second, MANAGER)
    assert organisations(again)["Billie Cart Melbourne"] == mel  # same data, same ids
    stored = again.get(f"/customers/{customer['id']}", params={"organisationId": mel}).json()
    assert stored["customer"]["userAccountId"] == account["id"]
    second.stop()

    third = sandbox_factory(db_path=db, reset=True)
    fresh = sign_in(third, MANAGER)
    after_reset = fresh.get(f"/customers/{customer['id']}", params={"organisationId": mel})
    assert "userAccountId" not in after_reset.json()["customer"]


def test_seed_is_deterministic_and_realistic():
    one = Store(None, customers=200, reset=False, seed_value=7)
    two = Store(None, customers=200, reset=False, seed_value=7)
    rows_one = [tuple(r) for r in one.db.execute("SELECT * FROM customers ORDER BY id")]
    rows_two = [tuple(r) for r in two.db.execute("SELECT * FROM customers ORDER BY id")]
    assert rows_one == rows_two
    for row in one.db.execute("SELECT * FROM customers"):
        state, postcode = row["state_territory"], row["postcode"]
        first_digit = {"VIC": "3", "NSW": "2", "ACT": "2", "QLD": "4", "SA": "5", "WA": "6",
                       "TAS": "7", "NT": "0"}[state]
        assert postcode.startswith(first_digit) and len(postcode) == 4
        if row["phone"]:
            assert re.fullmatch(r"04\d\d \d{3} \d{3}|\+61 4\d\d \d{3} \d{3}|\(0\d\) \d{4} \d{4}",
                                row["phone"])
        if row["bsb_number"]:
            assert re.fullmatch(r"\d{3}-\d{3}", row["bsb_number"])
    stored = one.db.execute("SELECT password_hash FROM logins").fetchall()
    assert stored and all(PASSWORD not in r[0] for r in stored)
    one.close()
    two.close()


def test_one_hundred_thousand_customers_are_generated_and_served(tmp_path):
    started = time.perf_counter()
    store = Store(tmp_path / "big.sqlite3", customers=100_000, reset=False, seed_value=1)
    elapsed = time.perf_counter() - started
    org = store.all_organisations()[0]["id"]
    assert store.count_customers(org) == 100_000
    rows, total = store.query_customers(org, skip=99_900, take=100, order=[("last_name", True)],
                                        search=None, filters=[], include_total=True)
    assert total == 100_000 and len(rows) == 100
    print(f"seeded 200,000 customers in {elapsed:.1f} s")  # a figure, not an assertion
    store.close()


# --- the server's life -----------------------------------------------------------------------

def test_listening_socket_is_tcp_so_asyncio_disables_nagle():
    """asyncio sets TCP_NODELAY on accepted sockets only when proto is IPPROTO_TCP; a
    socket made without it stalls every kept-alive response ~40 ms (delayed ACK)."""
    import socket

    from billie_desktop.sandbox.server import bind_socket

    sock = bind_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_stopping_leaves_nothing_listening():
    sandbox = SandboxServer(SandboxOptions(customers=10)).start()
    port = sandbox.port
    assert port_is_listening(port) and sandbox.url == f"http://127.0.0.1:{port}"
    sandbox.stop()
    assert not port_is_listening(port)


def test_foreground_command_reports_its_address_and_stops_cleanly(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "billie_desktop.sandbox.cli", "--port", "0", "--memory",
         "--customers", "20", "--auth", "jwt-body", "--json", "stj"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        lines = []
        while not any("listening on" in line for line in lines):
            line = process.stdout.readline()
            assert line, "".join(lines)
            lines.append(line)
        url = re.search(r"http://\S+", lines[-1])[0]  # type: ignore[index]
        response = httpx.post(f"{url}/auth/credentials",
                              json={"userName": MANAGER, "password": PASSWORD})
        assert response.status_code == 200 and "bearerToken" in response.json()
        banner = "".join(process.stdout.readline() for _ in range(4))
        assert "manager@sandbox.test" in banner and "billie-sandbox" in banner
    finally:
        process.terminate()
        # SIGTERM, which the command handles; on Windows terminate() is TerminateProcess,
        # which ends it with exit code 1 and no handler (there is no signal to stop on)
        assert process.wait(10) == (1 if sys.platform == "win32" else 0)


# --- Qt stays out of the core ----------------------------------------------------------------

@pytest.mark.parametrize("package", ["sandbox", "api"])
def test_core_packages_never_import_qt(package):
    forbidden = {"PySide6", "qasync", "shiboken6", "PyQt5", "PyQt6"}
    folder = ROOT / "billie_desktop" / package
    files = list(folder.rglob("*.py"))
    if package == "api" and not files:
        pytest.skip("no api package yet")
    assert files
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{path} imports {name}"
    code = (f"import sys, billie_desktop.{package}; "
            f"bad = {sorted(forbidden)!r}; "
            "sys.exit(1 if any(m.split('.')[0] in bad for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
