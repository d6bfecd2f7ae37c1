"""Every operation the sandbox serves: its name, verbs, routes, fields and handler.

Each is defined once here; the router, the binder and ``/types/metadata`` read the same
definitions, so what the metadata says is what the server does.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from billie_desktop.sandbox import auth
from billie_desktop.sandbox.config import MAX_TAKE, AuthMode, SandboxOptions
from billie_desktop.sandbox.context import RequestContext
from billie_desktop.sandbox.customer_query import search_words
from billie_desktop.sandbox.errors import (
    ApiError,
    FieldError,
    NotAuthenticated,
    conflict,
    not_empty,
    not_found,
    token_error,
    validation_failed,
)
from billie_desktop.sandbox.store import CUSTOMER_FIELDS, LoginRow, verify_password
from billie_desktop.sandbox.wire import Guid, RawDate, normalise_guid

Handler = Callable[[RequestContext, dict[str, Any]], Awaitable[Mapping[str, Any]]]


@dataclass(frozen=True)
class Operation:
    name: str
    response: str
    verbs: tuple[str, ...]  # the service methods implemented (Get, Put, ...)
    routes: tuple[tuple[str, str | None], ...]  # (path template, verbs or None for any)
    fields: dict[str, type]  # PascalCase name -> str / int / bool
    handler: Handler
    requires_auth: bool = False
    required_roles: tuple[str, ...] = ()
    tenanted: bool = False
    inherits: str | None = None
    jwt_only: bool = False  # served only where a JWT provider is registered


# --- wire shapes (docs/api-contract.md §2) ---------------------------------------------------

class BankAccountWire(TypedDict):
    bsbNumber: str | None
    accountNumber: str | None


class CustomerWire(TypedDict):
    id: Guid
    firstName: str | None
    lastName: str | None
    dateOfBirth: RawDate | None
    driversLicenceNo: str | None
    email: str | None
    phone: str | None
    preferredContactMethod: str | None
    addressLine1: str | None
    addressLine2: str | None
    suburb: str | None
    stateTerritory: str | None
    postcode: str | None
    bankAccount: BankAccountWire | None
    userAccountId: Guid | None


class AuthWire(TypedDict):
    userId: Guid
    sessionId: str
    userName: str
    displayName: str
    roles: list[str]
    permissions: list[str]


def customer_wire(row: sqlite3.Row) -> CustomerWire:
    bank: BankAccountWire | None = None
    if row["bsb_number"] or row["account_number"]:
        bank = {"bsbNumber": row["bsb_number"], "accountNumber": row["account_number"]}
    dob = row["date_of_birth"]
    return {
        "id": Guid(row["id"]), "firstName": row["first_name"], "lastName": row["last_name"],
        "dateOfBirth": RawDate(dt.date.fromisoformat(dob)) if dob else None,
        "driversLicenceNo": row["drivers_licence_no"], "email": row["email"],
        "phone": row["phone"], "preferredContactMethod": row["preferred_contact_method"],
        "addressLine1": row["address_line1"], "addressLine2": row["address_line2"],
        "suburb": row["suburb"], "stateTerritory": row["state_territory"],
        "postcode": row["postcode"], "bankAccount": bank,
        "userAccountId": Guid(row["user_account_id"]) if row["user_account_id"] else None,
    }


def _auth_response(login: LoginRow, session_id: str) -> AuthWire:
    return {"userId": Guid(login.id), "sessionId": session_id, "userName": login.user_name,
            "displayName": login.display_name, "roles": list(login.roles), "permissions": []}


def require(fields: dict[str, Any], *names: str) -> None:
    """FluentValidation's NotEmpty on each of ``names``: every failure in one 400."""
    errors = [not_empty(n, fields.get(n)) for n in names
              if fields.get(n) is None or not str(fields.get(n)).strip()]
    if errors:
        raise validation_failed(errors)


def _paging(fields: dict[str, Any]) -> tuple[int, int]:
    skip = max(0, fields.get("Skip") or 0)
    take = fields.get("Take")
    take = MAX_TAKE if take is None else max(0, min(take, MAX_TAKE))
    return skip, take


# Bounds on what one query may ask for. SQLite refuses an expression tree over 1,000
# deep ("Expression tree is too large"): past these, a clear 400 instead of a 500.
MAX_SEARCH_WORDS = 32
MAX_FILTERS = 32
MAX_ORDER_FIELDS = 16
MAX_IDS_IN = 500  # (a list page asks for its linked accounts at once: 200 rows at most)


def _too_many(field_name: str, limit: int, what: str) -> ApiError:
    return validation_failed([FieldError(
        field_name, "Predicate", f"'{field_name}' can hold at most {limit} {what}.")])


def _search(fields: dict[str, Any]) -> str | None:
    text = fields.get("Search")
    if text is not None and len(search_words(str(text))) > MAX_SEARCH_WORDS:
        raise _too_many("Search", MAX_SEARCH_WORDS, "words")
    return text


def _includes_total(fields: dict[str, Any]) -> bool:
    include = fields.get("Include") or ""
    return "total" in [part.strip().lower() for part in include.split(",")]


# --- authentication -------------------------------------------------------------------------

async def authenticate(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    provider = (f.get("Provider") or "").strip().lower()
    if provider == "logout":
        return await logout(ctx, f)
    if not provider:  # who am I
        caller = ctx.caller()
        if caller is None:
            raise ApiError(401, "Unauthorized", "Not Authenticated")
        return _auth_response(caller.login, caller.session_id)
    if ctx.method == "GET":
        raise ApiError(405, "NotImplementedException",
                       "GET Authenticate requests are disabled, use POST")
    if provider != "credentials":
        raise not_found(f"No configuration was added for OAuth provider '{f.get('Provider')}'")
    require(f, "UserName", "Password")
    login = ctx.store.login_by_name(str(f["UserName"]).strip())
    if login is None or not verify_password(str(f["Password"]), login.password_hash):
        raise ApiError(401, "Unauthorized", "Invalid Username or Password")
    if login.locked:
        raise ApiError(401, "AuthenticationException", "This account has been locked")
    return ctx.sign_in(login, remember=bool(f.get("RememberMe")),
                       token_cookie=f.get("UseTokenCookie"),
                       body=_auth_response(login, ""))


async def logout(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    ctx.sign_out()
    return {}


async def get_access_token(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    token = f.get("RefreshToken") or ctx.cookies.get(auth.REFRESH_COOKIE)
    if not token:
        raise ApiError(400, "ArgumentNullException",
                       "Value cannot be null. (Parameter 'RefreshToken')")
    login = ctx.store.login_by_id(ctx.tokens.read_refresh(str(token)))
    if login is None or login.locked:
        raise token_error("Invalid RefreshToken")
    access = ctx.tokens.access_token(login, ctx.new_session_id())
    use_cookie = ctx.options.auth == AuthMode.JWT_COOKIE or bool(f.get("UseTokenCookie"))
    if use_cookie:
        ctx.set_token_cookie(access)
        return {}
    return {"accessToken": access}


# --- organisations, customers, user accounts ---------------------------------------------------

async def query_organisations(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    caller = ctx.require_caller()
    orgs = ctx.store.organisations_of(caller.login.id)
    return {"offset": 0, "total": len(orgs),
            "results": [{"id": Guid(o["id"]), "name": o["name"]} for o in orgs]}


_IMPLICIT = (("startswith", "starts"), ("contains", "contains"), ("endswith", "ends"),
             ("isnotnull", "not-null"), ("isnull", "null"), ("greaterthanorequalto", ">="),
             ("greaterthan", ">"), ("lessthan", "<"))
_FIELDS_LOWER = {k.lower(): v for k, v in CUSTOMER_FIELDS.items()}
# A user account's fields a query may filter and sort on (the others have filters of
# their own: customerIdIsNull, idIn, search)
_ACCOUNT_FIELDS_LOWER = {"id": "id", "email": "email", "customerid": "customer_id"}


def _order(fields: dict[str, Any], known: dict[str, str] = _FIELDS_LOWER
           ) -> list[tuple[str, bool]]:
    order: list[tuple[str, bool]] = []
    for key, descending in (("OrderBy", False), ("OrderByDesc", True)):
        for part in str(fields.get(key) or "").split(","):
            name = part.strip()
            if not name:
                continue
            desc = descending != name.startswith("-")
            column = known.get(name.lstrip("-").lower())
            if column is None:
                raise ApiError(400, "ArgumentException",
                               f"Could not find field {name.lstrip('-')}")
            order.append((column, desc))
            if len(order) > MAX_ORDER_FIELDS:
                raise _too_many("OrderBy", MAX_ORDER_FIELDS, "fields")
    return order


def _implicit_filters(extras: dict[str, str], known: dict[str, str] = _FIELDS_LOWER
                      ) -> list[tuple[str, str, str]]:
    """AutoQuery's implicit conventions: ?postcode=3065, ?lastNameStartsWith=O, ..."""
    filters = []
    for key, value in extras.items():
        lower = key.lower()
        found = [(known[lower], "=")] if lower in known else [
            (known[lower[: -len(suffix)]], operator) for suffix, operator in _IMPLICIT
            if lower.endswith(suffix) and lower[: -len(suffix)] in known]
        for column, operator in found:
            if column in ("id", "user_account_id"):  # GUIDs are compared in one form
                value = normalise_guid(value) or value
            filters.append((column, operator, value))
        if len(filters) > MAX_FILTERS:
            raise validation_failed([FieldError(
                key, "Predicate", f"A query can hold at most {MAX_FILTERS} filters.")])
    return filters


async def query_customers(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    org = ctx.organisation
    skip, take = _paging(f)
    rows, total = ctx.store.query_customers(
        org, skip=skip, take=take, order=_order(f), search=_search(f),
        filters=_implicit_filters(ctx.extras), include_total=_includes_total(f))
    results: list[Any] = [customer_wire(r) for r in rows]
    if f.get("Fields"):  # AutoQuery's ?fields=id,email: only those (unknown names ignored)
        wanted = {name.strip().lower() for name in str(f["Fields"]).split(",")}
        results = [{k: v for k, v in c.items() if k.lower() in wanted} for c in results]
    return {"offset": skip, "total": total or 0, "results": results}


async def get_customer(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    row = ctx.store.customer(ctx.organisation, normalise_guid(f["Id"]) or "")
    if row is None:
        raise not_found(f"Customer '{f['Id']}' does not exist")
    return {"customer": customer_wire(row)}


def _ids_in(extras: dict[str, str]) -> list[str] | None:
    """AutoQuery's ``%In`` convention on the id: ``?idIn=a,b,c`` (``{Field} IN ({Values})``,
    the values split on commas)."""
    text = next((v for k, v in extras.items() if k.lower() == "idin"), None)
    if text is None:
        return None
    ids = [normalise_guid(part.strip()) or part.strip() for part in text.split(",")
           if part.strip()]
    if len(ids) > MAX_IDS_IN:
        raise validation_failed([FieldError(
            "IdIn", "Predicate", f"A query can ask for at most {MAX_IDS_IN} ids.")])
    return ids


async def query_user_accounts(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    skip, take = _paging(f)
    account_id = (normalise_guid(f["Id"]) or f["Id"]) if f.get("Id") else None
    among = _ids_in(ctx.extras)
    rows, total = ctx.store.query_user_accounts(  # (customerIdIsNull: an implicit filter)
        ctx.organisation, search=_search(f), account_id=account_id, skip=skip, take=take,
        include_total=_includes_total(f), among=among,
        order=_order(f, _ACCOUNT_FIELDS_LOWER),
        filters=_implicit_filters(ctx.extras, _ACCOUNT_FIELDS_LOWER))
    results = [{"id": Guid(r["id"]), "email": r["email"], "displayName": r["display_name"],
                "customerId": Guid(r["customer_id"]) if r["customer_id"] else None}
               for r in rows]
    return {"offset": skip, "total": total or 0, "results": results}


async def associate(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    org = ctx.organisation
    customer = ctx.store.customer(org, normalise_guid(f["Id"]) or "")
    if customer is None:
        raise not_found(f"Customer '{f['Id']}' does not exist")
    account_id = normalise_guid(f["UserAccountId"])
    account = ctx.store.user_account(org, account_id) if account_id else None
    if account is None:
        raise validation_failed([FieldError(
            "UserAccountId", "NotFound",
            f"User account '{f['UserAccountId']}' does not exist in this organisation.",
            f["UserAccountId"])])
    holder = ctx.store.customer_of_user_account(account["id"])
    if holder is not None and holder["id"] != customer["id"]:
        raise conflict(
            f"User account '{account['email']}' is already linked to customer "
            f"{holder['first_name']} {holder['last_name']} ({Guid(holder['id']).hex}).")
    ctx.store.link(customer["id"], account["id"])
    updated = ctx.store.customer(org, customer["id"])
    assert updated is not None
    return {"customer": customer_wire(updated)}


async def disassociate(ctx: RequestContext, f: dict[str, Any]) -> Mapping[str, Any]:
    """Assumed (issue #23): the customer's link removed; its account is free again.
    Removing a link that is not there changes nothing and succeeds (DELETE is idempotent)."""
    org = ctx.organisation
    customer = ctx.store.customer(org, normalise_guid(f["Id"]) or "")
    if customer is None:
        raise not_found(f"Customer '{f['Id']}' does not exist")
    ctx.store.unlink(customer["id"])
    updated = ctx.store.customer(org, customer["id"])
    assert updated is not None
    return {"customer": customer_wire(updated)}


QUERY_FIELDS: dict[str, type] = {"Skip": int, "Take": int, "OrderBy": str, "OrderByDesc": str,
                                 "Include": str, "Fields": str}

OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "Authenticate", "AuthenticateResponse", ("GET", "POST"),
        (("/auth", None), ("/auth/{provider}", None)),
        {"Provider": str, "UserName": str, "Password": str, "RememberMe": bool,
         "UseTokenCookie": bool, "AccessToken": str, "Continue": str}, authenticate),
    Operation("GetAccessToken", "GetAccessTokenResponse", ("POST",),
              (("/access-token", None),), {"RefreshToken": str, "UseTokenCookie": bool},
              get_access_token, jwt_only=True),
    Operation("QueryOrganisationsRequest", "QueryOrganisationsResponse", ("GET",),
              (("/organisations", "GET"),), {}, query_organisations, requires_auth=True),
    Operation("QueryCustomersRequest", "QueryCustomersResponse", ("GET",),
              (("/customers", "GET"),),
              {**QUERY_FIELDS, "OrganisationId": str, "Search": str}, query_customers,
              requires_auth=True, required_roles=("manager",), tenanted=True,
              inherits="QueryTenanted`1"),
    Operation("GetCustomerRequest", "GetCustomerResponse", ("GET",),
              (("/customers/{Id}", "GET"),), {"Id": str, "OrganisationId": str}, get_customer,
              requires_auth=True, required_roles=("manager",), tenanted=True,
              inherits="GetOperationTenanted`1"),
    Operation("QueryUserAccountsRequest", "QueryUserAccountsResponse", ("GET",),
              (("/user-accounts", "GET"),),
              {**QUERY_FIELDS, "OrganisationId": str, "Search": str, "Id": str},
              query_user_accounts,
              requires_auth=True, required_roles=("manager",), tenanted=True,
              inherits="QueryTenanted`1"),
    Operation("AssociateUserAccountToCustomerRequest", "AssociateUserAccountToCustomerResponse",
              ("PUT",), (("/customers/{Id}/associate-to-user-account", "PUT"),),
              {"Id": str, "UserAccountId": str, "OrganisationId": str}, associate,
              requires_auth=True, required_roles=("manager",), tenanted=True,
              inherits="PutOperationTenanted`1"),
    Operation("DisassociateUserAccountFromCustomerRequest",
              "DisassociateUserAccountFromCustomerResponse",
              ("DELETE",), (("/customers/{Id}/associate-to-user-account", "DELETE"),),
              {"Id": str, "OrganisationId": str}, disassociate,
              requires_auth=True, required_roles=("manager",), tenanted=True,
              inherits="DeleteOperationTenanted`1"),
)

# What each operation validates before its handler runs (FluentValidation NotEmpty rules).
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "AssociateUserAccountToCustomerRequest": ("Id", "UserAccountId", "OrganisationId"),
    "DisassociateUserAccountFromCustomerRequest": ("Id", "OrganisationId"),
    "GetCustomerRequest": ("Id", "OrganisationId"),
    "QueryCustomersRequest": ("OrganisationId",),
    "QueryUserAccountsRequest": ("OrganisationId",),
}

BY_NAME = {op.name.lower(): op for op in OPERATIONS}


def served(op: Operation, options: SandboxOptions) -> bool:
    """Whether this sandbox offers ``op``: the JWT operations not in session mode, the
    unlink only when asked to (``--no-unlink`` plays a server without it)."""
    if op.name == "DisassociateUserAccountFromCustomerRequest" and not options.unlink:
        return False
    return not (op.jwt_only and options.auth == AuthMode.SESSION)

__all__ = ["BY_NAME", "OPERATIONS", "REQUIRED_FIELDS", "NotAuthenticated", "Operation", "require",
           "served"]
