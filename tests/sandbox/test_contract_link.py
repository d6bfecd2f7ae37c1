"""§1 of docs/api-contract.md, the link operation, row by row in every flavour."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from tests.sandbox.helpers import (
    MEL_MANAGER,
    STAFF,
    first_unlinked,
    link,
    sign_in,
)

# --- §1 the link operation --------------------------------------------------------------------

@pytest.mark.parametrize("route", ["custom", "predefined"])
def test_link_success_is_idempotent(server, manager, mel, route):
    customer = first_unlinked(manager, mel)
    account = first_unlinked(manager, mel, "user-accounts")
    for _ in range(2):
        response = link(manager, customer["id"],
                        {"userAccountId": account["id"], "organisationId": mel}, route)
        assert response.status_code == 200, response.text
        assert response.json()["customer"]["userAccountId"] == account["id"]
        assert response.json()["customer"]["id"] == customer["id"]
    stored = manager.get(f"/customers/{customer['id']}", params={"organisationId": mel})
    assert stored.json()["customer"]["userAccountId"] == account["id"]


@pytest.mark.parametrize("body,fields", [
    ({"userAccountId": "", "organisationId": "ORG"}, ["UserAccountId"]),
    ({"userAccountId": "x"}, ["OrganisationId"]),
    ({}, ["UserAccountId", "OrganisationId"]),
])
def test_link_empty_fields_are_not_empty_errors(server, manager, mel, body, fields):
    body = {k: (mel if v == "ORG" else v) for k, v in body.items()}
    customer = first_unlinked(manager, mel)
    response = link(manager, customer["id"], body)
    assert response.status_code == 400
    status = response.json()["responseStatus"]
    assert [e["fieldName"] for e in status["errors"]] == fields
    assert all(e["errorCode"] == "NotEmpty" for e in status["errors"])
    assert status["errorCode"] == "NotEmpty" and status["message"] == status["errors"][0]["message"]
    first = status["errors"][0]
    assert first["meta"]["PropertyName"] == re.sub(r"(?<=[a-z])(?=[A-Z])", " ", fields[0])


def test_link_unknown_user_account_is_a_field_error(server, manager, mel):
    customer = first_unlinked(manager, mel)
    response = link(manager, customer["id"], {"userAccountId": uuid.uuid4().hex,
                                              "organisationId": mel})
    assert response.status_code == 400
    error = response.json()["responseStatus"]["errors"][0]
    assert (error["errorCode"], error["fieldName"]) == ("NotFound", "UserAccountId")


def test_link_account_of_another_organisation_is_not_found(server, manager, orgs):
    mel, syd = orgs["Billie Cart Melbourne"], orgs["Billie Cart Sydney"]
    customer = first_unlinked(manager, mel)
    sydney_account = first_unlinked(manager, syd, "user-accounts")
    response = link(manager, customer["id"], {"userAccountId": sydney_account["id"],
                                              "organisationId": mel})
    assert response.status_code == 400
    assert response.json()["responseStatus"]["errors"][0]["fieldName"] == "UserAccountId"


def test_link_account_already_linked_elsewhere_is_a_conflict(server, manager, mel):
    accounts = manager.get("/user-accounts", params={"organisationId": mel}).json()["results"]
    taken = next(a for a in accounts if "customerId" in a)
    holder = manager.get(f"/customers/{taken['customerId']}",
                         params={"organisationId": mel}).json()["customer"]
    customer = first_unlinked(manager, mel)
    response = link(manager, customer["id"], {"userAccountId": taken["id"], "organisationId": mel})
    assert response.status_code == 409
    status = response.json()["responseStatus"]
    assert status["errorCode"] == "Conflict"
    assert f"{holder['firstName']} {holder['lastName']}" in status["message"]


def test_link_replaces_an_existing_link(server, manager, mel):
    rows = manager.get("/customers", params={"organisationId": mel, "take": 500}).json()["results"]
    linked = next(r for r in rows if "userAccountId" in r)
    account = first_unlinked(manager, mel, "user-accounts")
    response = link(manager, linked["id"], {"userAccountId": account["id"], "organisationId": mel})
    assert response.status_code == 200
    assert response.json()["customer"]["userAccountId"] == account["id"]
    accounts = manager.get("/user-accounts", params={"organisationId": mel,
                                                     "search": account["email"]}).json()
    assert any(a.get("customerId") == linked["id"] for a in accounts["results"])


def test_link_customer_of_another_organisation_is_not_found(server, manager, orgs):
    mel, syd = orgs["Billie Cart Melbourne"], orgs["Billie Cart Sydney"]
    sydney_customer = first_unlinked(manager, syd)
    account = first_unlinked(manager, mel, "user-accounts")
    response = link(manager, sydney_customer["id"], {"userAccountId": account["id"],
                                                     "organisationId": mel})
    assert response.status_code == 404
    assert response.json()["responseStatus"]["errorCode"] == "NotFound"


def test_link_path_overrides_body(server, manager, mel):
    customer = first_unlinked(manager, mel)
    account = first_unlinked(manager, mel, "user-accounts")
    response = manager.put(f"/customers/{customer['id']}/associate-to-user-account",
                           json={"id": uuid.uuid4().hex, "userAccountId": account["id"],
                                 "organisationId": mel})
    assert response.status_code == 200
    assert response.json()["customer"]["id"] == customer["id"]


def test_link_by_non_member_is_a_json_forbidden(server, orgs):
    mel_manager = sign_in(server, MEL_MANAGER)
    syd = orgs["Billie Cart Sydney"]
    response = link(mel_manager, uuid.uuid4().hex, {"userAccountId": uuid.uuid4().hex,
                                                    "organisationId": syd})
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["responseStatus"]["errorCode"] == "Forbidden"


def test_missing_role_is_refused_the_flavours_way(server, mel):
    staff = sign_in(server, STAFF)
    response = link(staff, uuid.uuid4().hex, {"userAccountId": "x", "organisationId": mel})
    assert response.status_code == 403
    if server.options.role_check == "required-role":
        assert response.headers["content-type"].startswith("text/plain")
        assert response.reason_phrase == "Invalid Role"
        assert response.text.startswith("Forbidden")
    else:
        assert response.json()["responseStatus"] == {
            "errorCode": "Forbidden", "message": "manager Role Required", "errors": []}


# --- §1a removing a link (Assumed) -------------------------------------------------------------

def unlink(session, customer_id: str, org: str | None, route: str = "custom") -> httpx.Response:
    params = {"organisationId": org} if org is not None else {}
    url = f"/customers/{customer_id}/associate-to-user-account" if route == "custom" else \
        "/api/DisassociateUserAccountFromCustomerRequest"
    if route != "custom":
        params["id"] = customer_id
    return session.delete(url, params=params)


@pytest.mark.parametrize("route", ["custom", "predefined"])
def test_unlink_removes_the_link_and_is_idempotent(server, manager, mel, route):
    customer = first_unlinked(manager, mel)
    account = first_unlinked(manager, mel, "user-accounts")
    assert link(manager, customer["id"], {"userAccountId": account["id"],
                                          "organisationId": mel}).status_code == 200
    for _ in range(2):
        response = unlink(manager, customer["id"], mel, route)
        assert response.status_code == 200, response.text
        assert response.json()["customer"]["id"] == customer["id"]
        assert "userAccountId" not in response.json()["customer"]
    stored = manager.get(f"/customers/{customer['id']}", params={"organisationId": mel})
    assert "userAccountId" not in stored.json()["customer"]
    again = link(manager, customer["id"], {"userAccountId": account["id"], "organisationId": mel})
    assert again.status_code == 200  # the account is free again


def test_unlink_refusals(server, manager, orgs):
    mel, syd = orgs["Billie Cart Melbourne"], orgs["Billie Cart Sydney"]
    sydney_customer = first_unlinked(manager, syd)
    assert unlink(manager, sydney_customer["id"], mel).status_code == 404  # tenanted
    assert unlink(manager, uuid.uuid4().hex, mel).status_code == 404
    empty = unlink(manager, sydney_customer["id"], None)
    assert empty.status_code == 400
    assert empty.json()["responseStatus"]["errors"][0]["fieldName"] == "OrganisationId"
    staff = sign_in(server, STAFF)
    assert unlink(staff, sydney_customer["id"], syd).status_code == 403
    assert httpx.delete(f"{server.url}/customers/x/associate-to-user-account").status_code == 401


def test_unlink_is_in_the_metadata_unless_the_sandbox_plays_a_server_without_it(server):
    names = {op["request"]["name"]: op for op in
             httpx.get(f"{server.url}/types/metadata").json()["operations"]}
    op = names["DisassociateUserAccountFromCustomerRequest"]
    assert op["routes"] == [{"path": "/customers/{Id}/associate-to-user-account",
                             "verbs": "DELETE"}]
    assert op["requiredRoles"] == ["manager"] and op["method"] == "DELETE"
    from billie_desktop.sandbox.config import SandboxOptions
    from billie_desktop.sandbox.server import SandboxServer

    with SandboxServer(SandboxOptions(customers=10, unlink=False)) as without:
        listed = {op["request"]["name"] for op in
                  httpx.get(f"{without.url}/types/metadata").json()["operations"]}
        assert "DisassociateUserAccountFromCustomerRequest" not in listed
        manager = sign_in(without)
        response = manager.delete("/customers/x/associate-to-user-account",
                                  params={"organisationId": "x"})
        assert response.status_code in (404, 405)  # no such route here


@pytest.mark.parametrize("method,url", [
    ("GET", "/organisations"), ("GET", "/customers?organisationId=x"),
    ("GET", "/customers/x?organisationId=x"), ("GET", "/user-accounts?organisationId=x"),
    ("PUT", "/customers/x/associate-to-user-account"),
    ("PUT", "/api/AssociateUserAccountToCustomerRequest"),
])
def test_unauthenticated_requests_are_an_empty_401(server, method, url):
    response = httpx.request(method, f"{server.url}{url}", json={})
    assert response.status_code == 401
    assert response.content == b""
    assert "www-authenticate" in response.headers
