"""Every row of the tables in docs/api-contract.md (§3 to §8), in every flavour; §1 is in
test_contract_link.py."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import httpx
import pytest

from tests.sandbox.helpers import (
    MEL_MANAGER,
    organisations,
    sign_in,
)

CLASSIC_DATE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")


def is_guid_of_flavour(value: str, flavour: str) -> bool:
    pattern = r"^[0-9a-f]{32}$" if flavour == "classic" else \
        r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    return re.match(pattern, value) is not None


def parse_date(value: str) -> dt.date:
    match = CLASSIC_DATE.match(value)
    if match is None:
        return dt.datetime.fromisoformat(value).date()
    offset = match[2] or "+0000"
    tz = dt.timezone(dt.timedelta(hours=int(offset[:3]), minutes=int(offset[0] + offset[3:])))
    # (arithmetic, not fromtimestamp: Windows' C library refuses times before 1970)
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return (epoch + dt.timedelta(milliseconds=int(match[1]))).astimezone(tz).date()


# --- §4 JSON, §8 odds and ends ------------------------------------------------------------

def test_ids_and_dates_are_written_in_the_flavours_style(server, manager, mel):
    flavour = server.options.json
    assert is_guid_of_flavour(mel, flavour)
    rows = manager.get("/customers", params={"organisationId": mel, "take": 50}).json()["results"]
    for row in rows:
        assert is_guid_of_flavour(row["id"], flavour)
        raw = row["dateOfBirth"]
        assert (CLASSIC_DATE.match(raw) is not None) == (flavour == "classic")
        assert "dateOfBirth" in row and all(v is not None for v in row.values())


def test_classic_dates_escape_their_slashes(server, manager, mel):
    text = manager.get("/customers", params={"organisationId": mel, "take": 1}).text
    if server.options.json == "classic":
        assert '"\\/Date(' in text
    else:
        assert "/Date(" not in text


def test_dates_of_birth_never_shift_a_day(server, manager, mel):
    """The seed puts edge dates first; whatever the wire style, they read back exact."""
    edge = {dt.date(2000, 2, 29), dt.date(1988, 2, 29), dt.date(1970, 1, 1),
            dt.date(1999, 12, 31), dt.date(1984, 1, 1)}
    seen = set()
    for skip in (0, 500):
        rows = manager.get("/customers", params={"organisationId": mel, "skip": skip}).json()
        seen |= {parse_date(r["dateOfBirth"]) for r in rows["results"] if "dateOfBirth" in r}
    assert edge <= seen


def test_guids_are_accepted_in_any_spelling(server, manager, mel):
    hex32 = uuid.UUID(mel).hex
    for spelling in (hex32, str(uuid.UUID(hex32)), str(uuid.UUID(hex32)).upper(),
                     "{" + str(uuid.UUID(hex32)) + "}"):
        response = manager.get("/customers", params={"organisationId": spelling, "take": 1})
        assert response.status_code == 200, spelling


def test_every_response_has_powered_by_and_json_content_type(server, manager, mel):
    for response in (manager.get("/organisations"), manager.get("/types/metadata"),
                     manager.get("/customers", params={"organisationId": mel, "take": "x"}),
                     httpx.get(f"{server.url}/customers"), httpx.get(f"{server.url}/nope")):
        assert response.headers["x-powered-by"].startswith("ServiceStack/")
        if response.content and response.status_code not in (404,):
            assert response.headers["content-type"] == "application/json; charset=utf-8"


def test_format_json_and_json_suffix_are_honoured(server, manager, mel):
    for url in ("/organisations.json", "/organisations?format=json"):
        response = manager.get(url)
        assert response.status_code == 200 and response.json()["results"]


# --- §5 listing customers ---------------------------------------------------------------------

@pytest.mark.parametrize("route", ["/customers", "/api/QueryCustomersRequest"])
def test_paging_and_total(server, manager, mel, route):
    first = manager.get(route, params={"organisationId": mel, "take": 20, "include": "Total"})
    assert first.status_code == 200
    body = first.json()
    assert body["offset"] == 0 and body["total"] == 150 and len(body["results"]) == 20
    second = manager.get(route, params={"organisationId": mel, "skip": 20, "take": 20})
    assert second.json()["offset"] == 20
    assert not {r["id"] for r in body["results"]} & {r["id"] for r in second.json()["results"]}
    assert second.json()["total"] == 0  # only filled with include=Total


def test_take_is_capped_at_500(sandbox_factory):
    server = sandbox_factory(customers=600)
    session = sign_in(server)
    mel = organisations(session)["Billie Cart Melbourne"]
    body = session.get("/customers", params={"organisationId": mel, "take": 5000}).json()
    assert len(body["results"]) == 500
    everything = session.get("/customers", params={"organisationId": mel}).json()
    assert len(everything["results"]) == 500


@pytest.mark.parametrize("order_by,key,reverse", [
    ("lastName", "lastName", False), ("-lastName", "lastName", True),
    ("postcode", "postcode", False), ("-email", "email", True),
])
def test_order_by_sorts_case_insensitively(server, manager, mel, order_by, key, reverse):
    rows = manager.get("/customers", params={"organisationId": mel, "orderBy": order_by,
                                             "take": 500}).json()["results"]
    values = [r.get(key, "").lower() for r in rows if key in r]
    assert values == sorted(values, reverse=reverse)


def test_order_by_several_fields_and_order_by_desc(server, manager, mel):
    rows = manager.get("/customers", params={"organisationId": mel, "orderBy": "lastName,firstName",
                                             "take": 500}).json()["results"]
    pairs = [(r["lastName"].lower(), r["firstName"].lower()) for r in rows]
    assert pairs == sorted(pairs)
    desc = manager.get("/customers", params={"organisationId": mel, "orderByDesc": "lastName",
                                             "take": 500}).json()["results"]
    names = [r["lastName"].lower() for r in desc]
    assert names == sorted(names, reverse=True)


def test_order_by_an_unknown_field_is_a_400(server, manager, mel):
    response = manager.get("/customers", params={"organisationId": mel, "orderBy": "shoeSize"})
    assert response.status_code == 400
    assert response.json()["responseStatus"]["errorCode"] == "ArgumentException"


def test_search_matches_names_email_phone_and_licence(server, manager, mel):
    sample = manager.get("/customers", params={"organisationId": mel, "take": 30}).json()["results"]
    row = next(r for r in sample if "phone" in r and "driversLicenceNo" in r and "email" in r)
    for term in (row["lastName"].upper(), row["email"][:8], row["phone"],
                 row["phone"].replace(" ", ""), row["driversLicenceNo"],
                 f"{row['firstName']} {row['lastName']}"):
        found = manager.get("/customers", params={"organisationId": mel, "search": term,
                                                  "include": "Total"}).json()
        assert row["id"] in {r["id"] for r in found["results"]}, term
        assert found["total"] >= 1
    none = manager.get("/customers", params={"organisationId": mel, "search": "zzqqxx",
                                             "include": "Total"}).json()
    assert none["total"] == 0 and none["results"] == []


def test_search_takes_what_people_type(server, manager, mel):
    """The table's own "Last, First", a mobile typed nationally or internationally, a
    suburb, a postcode (docs/api-contract.md §5)."""
    sample = manager.get("/customers", params={"organisationId": mel, "take": 200}).json()
    mobile = next(r for r in sample["results"] if r.get("phone", "").startswith("+61 4"))
    local = next(r for r in sample["results"] if r.get("phone", "").startswith("04"))
    row = sample["results"][0]
    cases = [(f"{row['lastName']}, {row['firstName']}", row),
             ("0" + mobile["phone"][4:7], mobile),  # +61 419 ... typed as 0419
             ("0" + mobile["phone"][4:].replace(" ", ""), mobile),
             ("+61 " + local["phone"][1:4], local),  # 0412 ... typed as +61 412
             (row["suburb"], row), (row["postcode"], row),
             (f"{row['suburb']} {row['lastName']}", row)]
    for term, expected in cases:
        found = manager.get("/customers", params={"organisationId": mel, "search": term,
                                                  "take": 500}).json()["results"]
        assert expected["id"] in {r["id"] for r in found}, term


def test_linked_and_not_linked_filters(server, manager, mel):
    """AutoQuery's %IsNull / %IsNotNull conventions on userAccountId."""
    counts = {}
    for name in ("userAccountIdIsNull", "userAccountIdIsNotNull"):
        page = manager.get("/customers", params={"organisationId": mel, name: "true",
                                                 "include": "Total", "take": 500}).json()
        assert page["results"]
        assert all(("userAccountId" in r) == name.endswith("NotNull") for r in page["results"])
        counts[name] = page["total"]
    everyone = manager.get("/customers", params={"organisationId": mel, "include": "Total",
                                                 "take": 1}).json()["total"]
    assert counts["userAccountIdIsNull"] + counts["userAccountIdIsNotNull"] == everyone


def test_search_treats_wildcards_literally(server, manager, mel):
    body = manager.get("/customers", params={"organisationId": mel, "search": "%",
                                             "include": "Total"}).json()
    assert body["total"] == 0


def test_autoquery_implicit_filters(server, manager, mel):
    rows = manager.get("/customers", params={"organisationId": mel, "take": 500}).json()["results"]
    postcode = rows[0]["postcode"]
    by_postcode = manager.get("/customers", params={"organisationId": mel, "postcode": postcode,
                                                    "take": 500}).json()["results"]
    assert by_postcode and all(r["postcode"] == postcode for r in by_postcode)
    starts = manager.get("/customers", params={"organisationId": mel, "lastNameStartsWith": "o'",
                                               "take": 500}).json()["results"]
    assert starts and all(r["lastName"].lower().startswith("o'") for r in starts)
    contains = manager.get("/customers", params={"organisationId": mel,
                                                 "emailContains": "example.org",
                                                 "take": 500}).json()["results"]
    assert contains and all("example.org" in r["email"] for r in contains)


def test_get_customer(server, manager, mel):
    row = manager.get("/customers", params={"organisationId": mel, "take": 1}).json()["results"][0]
    for route, params in ((f"/customers/{row['id']}", {}),
                          ("/api/GetCustomerRequest", {"id": row["id"]})):
        response = manager.get(route, params={"organisationId": mel, **params})
        assert response.status_code == 200 and response.json()["customer"] == row
    missing = manager.get(f"/customers/{uuid.uuid4().hex}", params={"organisationId": mel})
    assert missing.status_code == 404
    assert missing.json()["responseStatus"]["errorCode"] == "NotFound"


# --- §6 organisations and user accounts -------------------------------------------------------

def test_organisations_are_the_callers(server, manager):
    assert set(organisations(manager)) == {"Billie Cart Melbourne", "Billie Cart Sydney"}
    assert set(organisations(sign_in(server, MEL_MANAGER))) == {"Billie Cart Melbourne"}


def test_user_accounts_lookup(server, manager, mel):
    body = manager.get("/user-accounts", params={"organisationId": mel, "include": "Total"}).json()
    assert body["total"] > 0
    account = body["results"][0]
    assert {"id", "email", "displayName"} <= set(account)
    found = manager.get("/user-accounts", params={"organisationId": mel,
                                                  "search": account["email"].upper()}).json()
    assert account["id"] in [a["id"] for a in found["results"]]
    by_id = manager.get("/user-accounts", params={"organisationId": mel,
                                                  "id": account["id"].upper()}).json()
    assert [a["id"] for a in by_id["results"]] == [account["id"]]
    linked = [a for a in body["results"] if "customerId" in a]
    for account in linked[:3]:
        customer = manager.get(f"/customers/{account['customerId']}",
                               params={"organisationId": mel}).json()["customer"]
        assert customer["userAccountId"] == account["id"]


def test_user_accounts_by_several_ids_at_once(server, manager, mel):
    """AutoQuery's %In convention: ?idIn=a,b,c (GUIDs in any of their forms)."""
    body = manager.get("/user-accounts", params={"organisationId": mel, "take": 5}).json()
    ids = [a["id"] for a in body["results"]]
    asked = ",".join([ids[0].upper(), ids[2], ids[4].replace("-", "")])
    found = manager.get("/user-accounts", params={"organisationId": mel, "idIn": asked,
                                                  "take": 10}).json()
    assert sorted(a["id"] for a in found["results"]) == sorted([ids[0], ids[2], ids[4]])
    too_many = manager.get("/user-accounts", params={"organisationId": mel, "idIn": ",".join(
        [ids[0]] * 501)})
    assert too_many.status_code == 400
    assert too_many.json()["responseStatus"]["errors"][0]["fieldName"] == "IdIn"


def test_keyset_conventions_page_customers_and_accounts_by_id(server, manager, mel):
    """(issue #26) Reading by key: AutoQuery's %GreaterThan% and %GreaterThanOrEqualTo% /
    %LessThan% on the id, with orderBy=Id, give the rows after (from, before) an id in
    the same order as skip does, GUIDs in any of their forms; the user accounts too."""
    for path, extra in (("/customers", {}), ("/user-accounts", {"customerIdIsNull": "true"})):
        base = {"organisationId": mel, "orderBy": "Id", **extra}
        everyone = manager.get(path, params={**base, "take": 500}).json()["results"]
        ids = [row["id"] for row in everyone]
        assert ids == sorted(ids, key=lambda i: i.replace("-", ""))
        at = ids[len(ids) // 3]
        after = manager.get(path, params={**base, "take": 20,
                                          "idGreaterThan": at.upper()}).json()["results"]
        assert [r["id"] for r in after] == ids[len(ids) // 3 + 1:][:20]
        between = manager.get(path, params={
            **base, "take": 500, "idGreaterThanOrEqualTo": at.replace("-", ""),
            "idLessThan": ids[len(ids) // 2]}).json()["results"]
        assert [r["id"] for r in between] == ids[len(ids) // 3:len(ids) // 2]


def test_keyset_conventions_on_a_sort_field(server, manager, mel):
    """The rows after a row sorted by lastName: the same lastName and a greater id, then a
    greater lastName (in the sort's collation: case ignored), as skip gives them."""
    base = {"organisationId": mel, "orderBy": "lastName", "take": 500}
    everyone = manager.get("/customers", params=base).json()["results"]
    row = everyone[100]
    same = manager.get("/customers", params={
        **base, "lastName": row["lastName"].upper(), "idGreaterThan": row["id"]}).json()
    later = manager.get("/customers", params={
        **base, "lastNameGreaterThan": row["lastName"].lower()}).json()
    joined = [r["id"] for r in same["results"] + later["results"]]
    assert joined[:len(everyone) - 101] == [r["id"] for r in everyone[101:]]
    from_here = manager.get("/customers", params={
        **base, "lastNameGreaterThanOrEqualTo": row["lastName"]}).json()["results"]
    assert from_here[0]["lastName"] == row["lastName"]
    assert all(r["lastName"].lower() >= row["lastName"].lower() for r in from_here)


# --- §3 odd statuses --------------------------------------------------------------------------

def test_unknown_route_is_a_text_404(server):
    response = httpx.get(f"{server.url}/no/such/thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/plain")
    assert "Request.PathInfo: /no/such/thing" in response.text


def test_wrong_verb_on_a_predefined_route_is_a_json_405(server):
    response = httpx.delete(f"{server.url}/api/AssociateUserAccountToCustomerRequest")
    assert response.status_code == 405
    assert response.json()["responseStatus"]["errorCode"] == "NotImplementedException"


# --- §7 metadata ------------------------------------------------------------------------------

def test_metadata_describes_the_documented_operation(server):
    meta = httpx.get(f"{server.url}/types/metadata").json()
    assert {"config", "namespaces", "types", "operations"} <= set(meta)
    ops = {op["request"]["name"]: op for op in meta["operations"]}
    link_op = ops["AssociateUserAccountToCustomerRequest"]
    assert link_op["method"] == "PUT" and link_op["requiresAuth"] is True
    assert link_op["requiredRoles"] == ["manager"]
    assert {"path": "/customers/{Id}/associate-to-user-account", "verbs": "PUT"} \
        in link_op["routes"]
    assert {p["name"] for p in link_op["request"]["properties"]} == {"Id", "UserAccountId"}
    base = next(t for t in meta["types"] if t["name"] == link_op["request"]["inherits"]["name"])
    assert [p["name"] for p in base["properties"]] == ["OrganisationId"]
    assert {"QueryCustomersRequest", "GetCustomerRequest", "QueryOrganisationsRequest",
            "QueryUserAccountsRequest", "Authenticate"} <= set(ops)
    assert ("GetAccessToken" in ops) == (server.options.auth != "session")
