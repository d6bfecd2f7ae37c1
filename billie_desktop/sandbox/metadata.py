"""``/types/metadata``: the sandbox describes its own operations the way ServiceStack
does (PascalCase property names; inherited properties on the base type in ``types``)."""

from __future__ import annotations

from typing import Any

from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.context import RequestContext
from billie_desktop.sandbox.operations import OPERATIONS, Operation, served

NAMESPACE = "Billiecart.ServiceModel"
_TYPE_NAMES = {str: "String", int: "Int32", bool: "Boolean"}


def _props(names: dict[str, str]) -> list[dict[str, Any]]:
    return [{"name": n, "type": t, "namespace": "System"} for n, t in names.items()]


_BASE_TYPES: list[dict[str, Any]] = [
    {"name": "PutOperationUnTenanted`1", "namespace": NAMESPACE, "genericArgs": ["TResponse"],
     "implements": [{"name": "IReturn`1", "genericArgs": ["TResponse"]}, {"name": "IPut"}],
     "isAbstract": True, "isGenericTypeDef": True},
    {"name": "PutOperationTenanted`1", "namespace": NAMESPACE, "genericArgs": ["TResponse"],
     "inherits": {"name": "PutOperationUnTenanted`1", "genericArgs": ["TResponse"]},
     "implements": [{"name": "ITenantedRequest"}], "isAbstract": True, "isGenericTypeDef": True,
     "properties": _props({"OrganisationId": "String"})},
    {"name": "GetOperationTenanted`1", "namespace": NAMESPACE, "genericArgs": ["TResponse"],
     "implements": [{"name": "IReturn`1", "genericArgs": ["TResponse"]}, {"name": "IGet"},
                    {"name": "ITenantedRequest"}],
     "isAbstract": True, "isGenericTypeDef": True,
     "properties": _props({"OrganisationId": "String"})},
    {"name": "DeleteOperationTenanted`1", "namespace": NAMESPACE, "genericArgs": ["TResponse"],
     "implements": [{"name": "IReturn`1", "genericArgs": ["TResponse"]}, {"name": "IDelete"},
                    {"name": "ITenantedRequest"}],
     "isAbstract": True, "isGenericTypeDef": True,
     "properties": _props({"OrganisationId": "String"})},
    {"name": "QueryTenanted`1", "namespace": NAMESPACE, "genericArgs": ["T"],
     "inherits": {"name": "QueryBase", "namespace": "ServiceStack"},
     "implements": [{"name": "ITenantedRequest"}], "isAbstract": True, "isGenericTypeDef": True,
     "properties": _props({"OrganisationId": "String"})},
    {"name": "BankAccount", "namespace": NAMESPACE,
     "properties": _props({"BsbNumber": "String", "AccountNumber": "String"})},
    {"name": "Customer", "namespace": NAMESPACE,
     "implements": [{"name": "IIdentifiableResource"}],
     "properties": [*_props({"Id": "String", "FirstName": "String", "LastName": "String"}),
                    {"name": "DateOfBirth", "type": "Nullable`1", "namespace": "System",
                     "genericArgs": ["DateTime"]},
                    *_props({"DriversLicenceNo": "String", "Email": "String", "Phone": "String",
                             "PreferredContactMethod": "String", "AddressLine1": "String",
                             "AddressLine2": "String", "Suburb": "String",
                             "StateTerritory": "String", "Postcode": "String"}),
                    {"name": "BankAccount", "type": "BankAccount", "namespace": NAMESPACE},
                    {"name": "UserAccountId", "type": "String", "namespace": "System"}]},
]


def _operation(op: Operation) -> dict[str, Any]:
    inherited = {"OrganisationId"} if op.inherits else set()
    request: dict[str, Any] = {
        "name": op.name, "namespace": "ServiceStack" if op.name in (
            "Authenticate", "GetAccessToken") else NAMESPACE,
        "implements": [{"name": "IReturn`1", "genericArgs": [op.response]}],
        "properties": [{"name": n, "type": _TYPE_NAMES[t], "namespace": "System"}
                       for n, t in op.fields.items() if n not in inherited
                       and n not in ("Skip", "Take", "OrderBy", "OrderByDesc", "Include",
                                     "Fields")],
    }
    if op.inherits:
        request["inherits"] = {"name": op.inherits, "namespace": NAMESPACE,
                               "genericArgs": [op.response if "Operation" in op.inherits
                                               else "Customer"]}
    result: dict[str, Any] = {
        "request": request,
        "response": {"name": op.response, "namespace": NAMESPACE},
        "actions": list(op.verbs),
        "method": op.verbs[0] if len(op.verbs) == 1 else None,
        "routes": [{"path": p, "verbs": v} for p, v in op.routes],
        "requiresAuth": op.requires_auth,
        "requiredRoles": list(op.required_roles),
        "tags": [],
    }
    return {k: v for k, v in result.items() if v is not None}


def build(ctx: RequestContext, options: SandboxOptions) -> dict[str, Any]:
    scheme = "https" if ctx.secure else "http"
    host = ctx.headers.get("host", f"{options.host}:{options.port}")
    return {
        "config": {"baseUrl": f"{scheme}://{host}", "serviceName": "Billiecart API",
                   "debugMode": False},
        "namespaces": ["System", "ServiceStack", NAMESPACE],
        "types": _BASE_TYPES,
        "operations": [_operation(op) for op in OPERATIONS if served(op, options)],
    }
