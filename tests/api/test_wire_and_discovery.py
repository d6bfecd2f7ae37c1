"""Dates, GUIDs, the error mapping and discovery: property-based where it pays."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billie_desktop.api import (
    BillieClient,
    BillieError,
    IncompatibleServerError,
    QueryCustomersRequest,
    RetryPolicy,
    ValidationError,
    normal_guid,
    same_id,
)
from billie_desktop.api.errors import MissingRoleError, error_from_response
from billie_desktop.api.wire import format_ms_date, parse_calendar_date, parse_datetime

offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m)))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), offsets)
def test_a_calendar_date_written_at_local_midnight_never_shifts(day, tz):
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=tz)
    assert parse_calendar_date(format_ms_date(midnight)) == day
    assert parse_calendar_date("\\" + format_ms_date(midnight)[:-1] + "\\/") == day
    assert parse_calendar_date(midnight.replace(tzinfo=None).isoformat()) == day
    assert parse_calendar_date(midnight.isoformat()) == day


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1),
                    timezones=offsets))
def test_ms_dates_round_trip(moment):
    moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    assert parse_datetime(format_ms_date(moment)) == moment
    assert parse_datetime(moment.isoformat()) == moment


def test_ms_date_without_offset_is_utc():
    assert parse_datetime("/Date(1577836800000)/") == dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    assert parse_calendar_date("/Date(1577836800000-0000)/") == dt.date(2020, 1, 1)
    assert parse_calendar_date("1990-05-01") == dt.date(1990, 5, 1)
    with pytest.raises(ValueError):
        parse_datetime("yesterday")


@given(st.uuids())
def test_guids_compare_in_one_normal_form(value: uuid.UUID):
    spellings = [value.hex, str(value), str(value).upper(), "{" + str(value) + "}",
                 value.hex.upper()]
    assert {normal_guid(s) for s in spellings} == {value.hex}
    assert all(same_id(spellings[0], s) for s in spellings)
    assert not same_id(value.hex, uuid.uuid4().hex) or value.hex == uuid.uuid4().hex


def test_non_guid_ids_are_opaque():
    assert normal_guid(" 42 ") == "42" and same_id("abc", "abc") and not same_id("abc", None)


# --- the error mapping ---------------------------------------------------------------------

bodies = st.one_of(
    st.binary(max_size=300),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                 lambda inner: st.lists(inner, max_size=4)
                 | st.dictionaries(st.sampled_from(["responseStatus", "errors", "fieldName",
                                                    "message", "errorCode", "x"]),
                                   inner, max_size=4), max_leaves=12
                 ).map(lambda v: json.dumps(v).encode()))


@given(st.integers(min_value=100, max_value=599), bodies,
       st.sampled_from(["application/json", "text/plain", "text/html", ""]), st.booleans())
def test_any_status_and_body_maps_to_a_typed_error(status, body, content_type, signing_in):
    error = error_from_response(status, {"content-type": content_type}, body,
                                signing_in=signing_in)
    assert isinstance(error, BillieError) and error.message


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=200, max_value=599), bodies,
       st.sampled_from(["application/json; charset=utf-8", "text/html", "text/plain"]))
async def test_send_only_ever_raises_typed_errors(status, body, content_type):
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    http = httpx.AsyncClient(transport=httpx.MockTransport(reply))
    client = BillieClient("http://127.0.0.1:1", http_client=http,
                          retry=RetryPolicy(attempts=2, base_delay=0, max_delay=0))
    try:
        await client.send(QueryCustomersRequest(organisation_id="o"))
    except BillieError:
        pass
    finally:
        await http.aclose()


def test_validation_error_answers_per_field_case_insensitively_with_dotted_paths():
    body = json.dumps({"responseStatus": {
        "errorCode": "NotEmpty", "message": "'User Account Id' must not be empty.",
        "errors": [
            {"errorCode": "NotEmpty", "fieldName": "UserAccountId",
             "message": "'User Account Id' must not be empty."},
            {"errorCode": "Length", "fieldName": "BankAccount.BsbNumber", "message": "6 digits"},
            {"errorCode": "Predicate", "fieldName": "Colour", "message": "Unknown colour"},
            {"errorCode": "Predicate", "message": "The request makes no sense"}]}}).encode()
    error = error_from_response(400, {}, body)
    assert isinstance(error, ValidationError)
    assert error.error_for("userAccountId") == "'User Account Id' must not be empty."
    assert error.error_for("user_account_id") == error.error_for("USERACCOUNTID")
    assert error.error_for("bankAccount.bsbNumber") == "6 digits"
    assert error.error_for("email") is None
    assert error.general_errors(["UserAccountId", "BankAccount.BsbNumber"]) == [
        "Unknown colour", "The request makes no sense"]
    bare = error_from_response(400, {}, json.dumps({"responseStatus": {
        "errorCode": "ArgumentException", "message": "Bad", "errors": []}}).encode())
    assert isinstance(bare, ValidationError) and bare.general_errors(["X"]) == ["Bad"]


def test_a_text_plain_403_without_reason_phrase_is_still_a_missing_role():
    error = error_from_response(403, {"content-type": "text/plain"}, b"Forbidden\n\nRequest...")
    assert isinstance(error, MissingRoleError)


# --- discovery ------------------------------------------------------------------------------

def metadata(**changes) -> dict:
    link = {"request": {"name": "AssociateUserAccountToCustomerRequest",
                        "inherits": {"name": "PutOperationTenanted`1"},
                        "properties": [{"name": "Id"}, {"name": "UserAccountId"}]},
            "method": "PUT", "actions": ["PUT"], "requiresAuth": True,
            "requiredRoles": ["manager"],
            "routes": [{"path": "/customers/{Id}/associate-to-user-account", "verbs": "PUT"}]}
    link.update(changes)
    return {"types": [{"name": "PutOperationTenanted`1",
                       "properties": [{"name": "OrganisationId"}]}],
            "operations": [link, {"request": {"name": "QueryCustomersRequest"},
                                  "routes": [{"path": "/v2/customers", "verbs": "GET"}]}]}


async def discover(document: dict | None, status: int = 200):
    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/types/metadata":
            return httpx.Response(status, json=document)
        return httpx.Response(200, json={"results": []})

    http = httpx.AsyncClient(transport=httpx.MockTransport(reply))
    client = BillieClient("https://billiecart.example", http_client=http)
    try:
        return client, await client.discover()
    finally:
        await http.aclose()


async def test_discovery_accepts_the_documented_operation_and_repoints_assumed_routes():
    client, report = await discover(metadata())
    assert report.link_operation_ok and report.offers("QueryCustomersRequest")
    assert not report.offers("QueryUserAccountsRequest")
    assert client.route_overrides["QueryCustomersRequest"] == "/v2/customers"
    url, _ = client._url(QueryCustomersRequest(organisation_id="o"))
    assert url == "https://billiecart.example/v2/customers"


@pytest.mark.parametrize("changes,words", [
    ({"method": "POST", "actions": ["POST"],
      "routes": [{"path": "/customers/{Id}/associate-to-user-account", "verbs": "POST"}]},
     "not PUT"),
    ({"routes": [{"path": "/customers/{Id}/link", "verbs": "PUT"}]}, "/customers/{Id}/link"),
    ({"requiredRoles": ["admin"]}, "admin"),
    ({"request": {"name": "AssociateUserAccountToCustomerRequest", "properties": [
        {"name": "Id"}]}}, "UserAccountId, OrganisationId"),
])
async def test_discovery_names_what_differs(changes, words):
    with pytest.raises(IncompatibleServerError) as caught:
        await discover(metadata(**changes))
    assert words in caught.value.message and caught.value.differences


async def test_a_server_without_the_operation_is_incompatible():
    with pytest.raises(IncompatibleServerError) as caught:
        await discover({"operations": []})
    assert "no AssociateUserAccountToCustomerRequest" in caught.value.message


async def test_hidden_metadata_is_reported_not_fatal():
    _, report = await discover(None, status=404)
    assert not report.metadata_available and report.offers("QueryUserAccountsRequest")
    assert report.reads_by_key("QueryCustomersRequest")  # (tried: nothing says it cannot)


async def test_only_an_autoquery_operation_is_read_by_key():
    """(issue #26) AutoQuery's conventions (IdGreaterThan…) come with its bases: a query
    that inherits none of them, however far up, is read by skip."""
    _, plain = await discover(metadata())
    assert plain.offers("QueryCustomersRequest")
    assert not plain.reads_by_key("QueryCustomersRequest")
    document = metadata()
    document["operations"][1]["request"]["inherits"] = {"name": "QueryTenanted`1"}
    document["types"].append({"name": "QueryTenanted`1", "inherits": {"name": "QueryDb`1"}})
    _, auto = await discover(document)
    assert auto.reads_by_key("QueryCustomersRequest")
    assert not auto.reads_by_key("QueryUserAccountsRequest")  # (not offered at all)


@pytest.mark.parametrize("typed,exact", [
    (" {1C2B3A4D-0000-4000-8000-00000000ABCD} ", "1c2b3a4d00004000800000000000abcd"),
    ("1c2b3a4d\u200b00004000\u200b8000\u200d00000000abcd", "1c2b3a4d00004000800000000000abcd"),
    ("1c2b 3a4d-0000-4000-8000-00000000abcd\ufeff", "1c2b3a4d00004000800000000000abcd"),
    ("user-42", "user-42"), ("", ""), ("1c2b-3a4d", "1c2b-3a4d"),
])
def test_ids_as_typed_or_pasted_are_made_exact(typed, exact):
    from billie_desktop.api import clean_id

    assert clean_id(typed) == exact


def test_a_request_names_its_response_once():
    """``class GetX(Request[X])`` is enough: the client reads ``response_type`` from it
    (no pydantic generic model is made for it, nor a second mention)."""
    from typing import ClassVar

    from billie_desktop.api import Request
    from billie_desktop.api.dtos import Dto, EmptyResponse

    class Answer(Dto):
        value: int | None = None

    class Ask(Request[Answer]):
        route: ClassVar[str] = "/ask"
        question: str | None = None

    class AskAgain(Ask):
        pass

    assert Ask.response_type is Answer and AskAgain.response_type is Answer
    assert Ask.__mro__[1] is Request and Request.response_type is EmptyResponse
    assert Ask(question="why").to_wire() == {"question": "why"}
