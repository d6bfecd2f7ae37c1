"""ServiceStack's own Python client (``servicestack`` on PyPI) against the sandbox: it calls
the pre-defined ``/api/{Request}`` routes, puts GET fields in a camelCase query string and
parses ``ResponseStatus`` itself, so it checks the sandbox with code we did not write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pytest
from dataclasses_json import LetterCase, Undefined, dataclass_json
from servicestack import IGet, IPut, IReturn, JsonServiceClient, WebServiceException
from servicestack.types import Authenticate, ResponseStatus

from billie_desktop.sandbox.config import AUTH_MODES, SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
from tests.sandbox.helpers import MANAGER, PASSWORD

# ruff: noqa: UP045


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class Organisation:
    id: Optional[str] = None
    name: Optional[str] = None


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class QueryOrganisationsResponse:
    results: Optional[list[Organisation]] = None


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class QueryOrganisationsRequest(IReturn[QueryOrganisationsResponse], IGet):
    pass


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class Customer:
    id: Optional[str] = None
    first_name: Optional[str] = None
    user_account_id: Optional[str] = None


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class QueryCustomersResponse:
    offset: Optional[int] = None
    total: Optional[int] = None
    results: Optional[list[Customer]] = None


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class QueryCustomersRequest(IReturn[QueryCustomersResponse], IGet):
    organisation_id: Optional[str] = None
    take: Optional[int] = None
    include: Optional[str] = None
    order_by: Optional[str] = None


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class AssociateUserAccountToCustomerResponse:
    response_status: Optional[ResponseStatus] = None
    customer: Optional[Customer] = None


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class AssociateUserAccountToCustomerRequest(IReturn[AssociateUserAccountToCustomerResponse], IPut):
    id: Optional[str] = None
    user_account_id: Optional[str] = None
    organisation_id: Optional[str] = None


@pytest.mark.parametrize("auth", AUTH_MODES)
def test_official_client_signs_in_lists_and_gets_field_errors(auth):
    with SandboxServer(SandboxOptions(customers=50, auth=auth)) as server:
        client = JsonServiceClient(server.url)
        response = client.post(Authenticate(provider="credentials", user_name=MANAGER,
                                            password=PASSWORD))
        assert response.user_name == MANAGER
        if response.bearer_token:
            client.bearer_token = response.bearer_token
        orgs = client.get(QueryOrganisationsRequest()).results
        assert {o.name for o in orgs} == {"Billie Cart Melbourne", "Billie Cart Sydney"}
        page = client.get(QueryCustomersRequest(organisation_id=orgs[0].id, take=5,
                                                include="Total", order_by="-lastName"))
        assert page.total == 50 and len(page.results) == 5
        with pytest.raises(WebServiceException) as caught:
            client.put(AssociateUserAccountToCustomerRequest(
                id=page.results[0].id, user_account_id="", organisation_id=orgs[0].id))
        assert caught.value.status_code == 400
        errors = caught.value.response_status.errors
        assert [e.field_name for e in errors] == ["UserAccountId"]


def test_official_client_sees_an_unauthenticated_call_as_401():
    with SandboxServer(SandboxOptions(customers=5)) as server:
        with pytest.raises(WebServiceException) as caught:
            JsonServiceClient(server.url).get(QueryOrganisationsRequest())
        assert caught.value.status_code == 401
