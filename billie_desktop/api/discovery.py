"""Reading ``/types/metadata``: is the documented operation there as documented, and
which assumed operations does this server offer (at which routes)?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from billie_desktop.api.dtos import ASSUMED_OPERATIONS, AssociateUserAccountToCustomerRequest

LINK = AssociateUserAccountToCustomerRequest
LINK_PROPERTIES = ("Id", "UserAccountId", "OrganisationId")
LINK_ROLE = "manager"


@dataclass(frozen=True)
class DiscoveryReport:
    metadata_available: bool
    link_operation_ok: bool
    differences: list[str] = field(default_factory=list)
    offered: dict[str, bool] = field(default_factory=dict)  # assumed operation -> offered
    routes: dict[str, str] = field(default_factory=dict)  # operation -> custom route
    powered_by: str | None = None
    queries: dict[str, bool] = field(default_factory=dict)  # operation -> AutoQuery's

    def offers(self, operation: str) -> bool:
        """Unknown (no metadata) counts as offered: the console tries and copes."""
        return self.offered.get(operation, not self.metadata_available)

    def reads_by_key(self, operation: str) -> bool:
        """The operation takes AutoQuery's implicit conventions (``IdGreaterThan``…), so
        that every row can be read by key (work/keyset.py): it is an AutoQuery service,
        or there is no metadata to say it is not."""
        return self.queries.get(operation, not self.metadata_available)


def _ci(items: Iterable[str]) -> set[str]:
    return {i.lower() for i in items}


def _properties(op: dict[str, Any], types: dict[str, dict[str, Any]]) -> set[str]:
    """The request's own properties and those it inherits, through the ``types`` list."""
    names: set[str] = set()
    current: dict[str, Any] | None = op.get("request") or {}
    seen: set[str] = set()
    while current:
        names |= {str(p.get("name", "")) for p in current.get("properties") or []}
        parent = (current.get("inherits") or {}).get("name")
        if not parent or parent in seen:
            break
        seen.add(parent)
        current = types.get(parent)
    return _ci(names)


AUTOQUERY_BASES = {"querybase", "querydb`1", "querydb`2", "querydata`1", "querydata`2"}


def _is_autoquery(op: dict[str, Any], types: dict[str, dict[str, Any]]) -> bool:
    """The request inherits (through the ``types`` list) one of AutoQuery's bases."""
    current: dict[str, Any] | None = op.get("request") or {}
    seen: set[str] = set()
    while current:
        parent = str((current.get("inherits") or {}).get("name") or "")
        if parent.lower() in AUTOQUERY_BASES:
            return True
        if not parent or parent in seen:
            return False
        seen.add(parent)
        current = types.get(parent)
    return False


def _verbs(op: dict[str, Any]) -> set[str]:
    verbs = set()
    if op.get("method"):
        verbs.add(str(op["method"]).upper())
    verbs |= {str(a).upper() for a in op.get("actions") or [] if str(a).upper() != "ANY"}
    for route in op.get("routes") or []:
        if route.get("verbs"):
            verbs |= {v.strip().upper() for v in str(route["verbs"]).split(",")}
    return verbs


def _route_for(op: dict[str, Any], verb: str) -> str | None:
    for route in op.get("routes") or []:
        verbs = route.get("verbs")
        if not verbs or verb in {v.strip().upper() for v in str(verbs).split(",")}:
            return str(route.get("path"))
    return None


def analyse(metadata: dict[str, Any], powered_by: str | None = None) -> DiscoveryReport:
    operations = {str((op.get("request") or {}).get("name", "")).lower(): op
                  for op in metadata.get("operations") or [] if isinstance(op, dict)}
    types = {str(t.get("name")): t for t in metadata.get("types") or [] if isinstance(t, dict)}
    differences: list[str] = []
    link = operations.get(LINK.operation_name().lower())
    if link is None:
        differences.append(f"the server has no {LINK.operation_name()} operation")
    else:
        verbs = _verbs(link)
        if verbs and "PUT" not in verbs:
            differences.append(f"{LINK.operation_name()} is {'/'.join(sorted(verbs))}, not PUT")
        paths = [str(r.get("path", "")) for r in link.get("routes") or []]
        if LINK.route.lower() not in _ci(paths):
            differences.append(f"{LINK.operation_name()} is not at {LINK.route} "
                               f"(the server lists {', '.join(paths) or 'no route'})")
        roles = _ci(link.get("requiredRoles") or [])
        if roles and LINK_ROLE not in roles:
            differences.append(f"{LINK.operation_name()} requires the role(s) "
                               f"{', '.join(sorted(roles))}, not {LINK_ROLE}")
        properties = _properties(link, types)
        missing = [p for p in LINK_PROPERTIES if p.lower() not in properties]
        if missing:
            differences.append(f"{LINK.operation_name()} lacks the field(s) "
                               f"{', '.join(missing)}")
    offered: dict[str, bool] = {}
    routes: dict[str, str] = {}
    queries: dict[str, bool] = {}
    for request_type in ASSUMED_OPERATIONS:
        op = operations.get(request_type.operation_name().lower())
        offered[request_type.operation_name()] = op is not None
        queries[request_type.operation_name()] = op is not None and _is_autoquery(op, types)
        if op is not None:
            route = _route_for(op, request_type.verb)
            if route:
                routes[request_type.operation_name()] = route
    return DiscoveryReport(True, not differences, differences, offered, routes, powered_by,
                           queries)
