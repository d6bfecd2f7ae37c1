"""The DTOs of the contract as pydantic models: snake_case in Python, camelCase on the
wire, unknown fields ignored, nulls left out when sending, both date styles read.

Each request DTO knows its verb, its custom route and its pre-defined route name, as
ServiceStack's own DTOs do. The operations marked *Assumed* are defined only here, so
that they can be re-pointed when a real server's metadata says otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, TypeVar

# No pydantic plugins (logfire and the like, if installed beside the console): they would
# see every answer validated, customers' details too. (Nor is every installed package's
# entry points read to look for them, on the way to the first answer.)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.alias_generators import to_camel

from billie_desktop.api.wire import parse_calendar_date, parse_datetime

CalendarDate = Annotated[dt.date | None, BeforeValidator(parse_calendar_date)]
WireDateTime = Annotated[dt.datetime | None, BeforeValidator(parse_datetime)]


class Dto(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore",
                              defer_build=True,
                              frozen=True)

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


# --- shared shapes -------------------------------------------------------------------------

class ResponseError(Dto):
    error_code: str | None = None
    field_name: str | None = None
    message: str | None = None
    meta: dict[str, str] | None = None


class ResponseStatus(Dto):
    error_code: str | None = None
    message: str | None = None
    stack_trace: str | None = None
    errors: list[ResponseError] = Field(default_factory=list)
    meta: dict[str, str] | None = None


class BankAccount(Dto):
    bsb_number: str | None = None
    account_number: str | None = None


class Customer(Dto):
    id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    date_of_birth: CalendarDate = None
    drivers_licence_no: str | None = None
    email: str | None = None
    phone: str | None = None
    preferred_contact_method: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    suburb: str | None = None
    state_territory: str | None = None
    postcode: str | None = None
    bank_account: BankAccount | None = None
    user_account_id: str | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "(no name)"


class CustomerContact(Dto):
    """What a bulk link by email reads of each customer (``fields=``): 100,000 of these
    are a few MB where full customers would be ~170 MB."""

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    user_account_id: str | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "(no name)"


class Organisation(Dto):
    id: str
    name: str = ""


class UserAccount(Dto):
    id: str
    email: str | None = None
    display_name: str | None = None
    customer_id: str | None = None


# --- responses -----------------------------------------------------------------------------

class AuthenticateResponse(Dto):
    user_id: str | None = None
    session_id: str | None = None
    user_name: str | None = None
    display_name: str | None = None
    roles: list[str] = Field(default_factory=list)
    permissions: list[str] = Field(default_factory=list)
    bearer_token: str | None = Field(default=None, repr=False)
    refresh_token: str | None = Field(default=None, repr=False)
    refresh_token_expiry: WireDateTime = None
    response_status: ResponseStatus | None = None

    def has_role(self, role: str) -> bool:
        return role.lower() in (r.lower() for r in self.roles)


class GetAccessTokenResponse(Dto):
    access_token: str | None = Field(default=None, repr=False)
    response_status: ResponseStatus | None = None


class QueryCustomersResponse(Dto):
    offset: int = 0
    total: int = 0
    results: list[Customer] = Field(default_factory=list)
    meta: dict[str, str] | None = None
    response_status: ResponseStatus | None = None


class QueryCustomerContactsResponse(Dto):
    offset: int = 0
    total: int = 0
    results: list[CustomerContact] = Field(default_factory=list)
    response_status: ResponseStatus | None = None


class GetCustomerResponse(Dto):
    customer: Customer | None = None
    response_status: ResponseStatus | None = None


class QueryOrganisationsResponse(Dto):
    results: list[Organisation] = Field(default_factory=list)
    response_status: ResponseStatus | None = None


class QueryUserAccountsResponse(Dto):
    offset: int = 0
    total: int = 0
    results: list[UserAccount] = Field(default_factory=list)
    response_status: ResponseStatus | None = None


class AssociateUserAccountToCustomerResponse(Dto):
    response_status: ResponseStatus | None = None
    customer: Customer | None = None


class EmptyResponse(Dto):
    response_status: ResponseStatus | None = None


# --- requests ------------------------------------------------------------------------------

ResponseT = TypeVar("ResponseT", bound=BaseModel)


class _Answered:
    """``Request[X]`` at run time: a base that stands for ``Request`` and remembers ``X``."""

    def __init__(self, request: type, response_type: type[BaseModel]) -> None:
        self.request, self.response_type = request, response_type

    def __mro_entries__(self, bases: tuple[Any, ...]) -> tuple[type, ...]:
        return (self.request,)


class Request(Dto, Generic[ResponseT]):
    """A request DTO: ``await client.send(request)`` returns its ``response_type``."""

    verb: ClassVar[str] = "GET"
    route: ClassVar[str] = ""
    response_type: ClassVar[type[BaseModel]] = EmptyResponse
    assumed: ClassVar[bool] = False  # not in the seed document: re-pointable from metadata

    if not TYPE_CHECKING:
        def __class_getitem__(cls, response_type: Any) -> _Answered:
            """``class GetX(Request[X])`` names the response once: the type checker reads
            ``Request[X]`` (``send`` returns an ``X``), and at run time it is ``Request``
            itself, whose subclass gets ``response_type = X`` (``__pydantic_init_subclass__``).
            A pydantic generic model made a new model class for each: 13 ms of start-up."""
            return _Answered(cls, response_type)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        for base in cls.__dict__.get("__orig_bases__", ()):
            if isinstance(base, _Answered):
                cls.response_type = base.response_type

    @classmethod
    def operation_name(cls) -> str:
        return cls.__name__

    @classmethod
    def predefined_route(cls) -> str:
        return f"/api/{cls.operation_name()}"


class Authenticate(Request[AuthenticateResponse]):
    verb: ClassVar[str] = "POST"
    route: ClassVar[str] = "/auth/credentials"
    provider: str | None = "credentials"
    user_name: str | None = None
    password: str | None = Field(default=None, repr=False)
    remember_me: bool | None = None


class GetAccessToken(Request[GetAccessTokenResponse]):
    verb: ClassVar[str] = "POST"
    route: ClassVar[str] = "/access-token"
    refresh_token: str | None = Field(default=None, repr=False)


class QueryOrganisationsRequest(Request[QueryOrganisationsResponse]):
    route: ClassVar[str] = "/organisations"
    assumed: ClassVar[bool] = True


class QueryCustomersRequest(Request[QueryCustomersResponse]):
    route: ClassVar[str] = "/customers"
    assumed: ClassVar[bool] = True
    organisation_id: str | None = None
    skip: int | None = None
    take: int | None = None
    order_by: str | None = None
    include: str | None = None
    search: str | None = None
    user_account_id_is_null: bool | None = None  # AutoQuery %IsNull: not linked
    user_account_id_is_not_null: bool | None = None  # AutoQuery %IsNotNull: linked
    fields: str | None = None  # AutoQuery: only these fields in each result ("id,email")
    # More AutoQuery implicit filters, sent as given: {"lastNameLessThan": "Smith"}
    filters: dict[str, str] | None = Field(default=None, exclude=True)

    def to_wire(self) -> dict[str, Any]:
        return {**super().to_wire(), **(self.filters or {})}


class QueryCustomerContactsRequest(Request[QueryCustomerContactsResponse]):
    """``QueryCustomersRequest`` asking only for the fields a bulk link reads (AutoQuery's
    ``fields``): the same operation, a lighter answer."""

    route: ClassVar[str] = "/customers"
    assumed: ClassVar[bool] = True
    organisation_id: str | None = None
    skip: int | None = None
    take: int | None = None
    include: str | None = None
    user_account_id_is_null: bool | None = None
    user_account_id_is_not_null: bool | None = None  # the linked ones (an undo's review)
    fields: str = "id,firstName,lastName,email,userAccountId"
    order_by: str | None = None
    filters: dict[str, str] | None = Field(default=None, exclude=True)  # as customers'

    def to_wire(self) -> dict[str, Any]:
        return {**super().to_wire(), **(self.filters or {})}

    @classmethod
    def operation_name(cls) -> str:
        return "QueryCustomersRequest"


class GetCustomerRequest(Request[GetCustomerResponse]):
    route: ClassVar[str] = "/customers/{Id}"
    assumed: ClassVar[bool] = True
    id: str | None = None
    organisation_id: str | None = None


class QueryUserAccountsRequest(Request[QueryUserAccountsResponse]):
    route: ClassVar[str] = "/user-accounts"
    assumed: ClassVar[bool] = True
    organisation_id: str | None = None
    search: str | None = None
    id: str | None = None  # AutoQuery's implicit filter on the account's id
    id_in: str | None = None  # AutoQuery's %In convention: ids, comma-separated
    customer_id_is_null: bool | None = None  # AutoQuery %IsNull: not linked to a customer
    customer_id_is_not_null: bool | None = None  # AutoQuery %IsNotNull: linked to one
    skip: int | None = None
    take: int | None = None
    include: str | None = None
    order_by: str | None = None  # "email" (the default, then the id) or "id"
    filters: dict[str, str] | None = Field(default=None, exclude=True)  # as customers'

    def to_wire(self) -> dict[str, Any]:
        return {**super().to_wire(), **(self.filters or {})}


class AssociateUserAccountToCustomerRequest(Request[AssociateUserAccountToCustomerResponse]):
    """The documented operation (seed): link a customer to a user account."""

    verb: ClassVar[str] = "PUT"
    route: ClassVar[str] = "/customers/{Id}/associate-to-user-account"
    id: str | None = None
    user_account_id: str | None = None
    organisation_id: str | None = None


class DisassociateUserAccountFromCustomerRequest(
        Request[AssociateUserAccountToCustomerResponse]):
    """Assumed (issue #23): removes a customer's link to its user account (undo); answers
    with the customer. Offered where the server's metadata lists it."""

    verb: ClassVar[str] = "DELETE"
    route: ClassVar[str] = "/customers/{Id}/associate-to-user-account"
    assumed: ClassVar[bool] = True
    id: str | None = None
    organisation_id: str | None = None


ASSUMED_OPERATIONS: tuple[type[Request[Any]], ...] = (
    QueryOrganisationsRequest, QueryCustomersRequest, GetCustomerRequest,
    QueryUserAccountsRequest, DisassociateUserAccountFromCustomerRequest)


class WhoAmI(Request[AuthenticateResponse]):
    """``GET /auth``: the signed-in session, or 401."""

    route: ClassVar[str] = "/auth"

    @classmethod
    def operation_name(cls) -> str:
        return "Authenticate"
