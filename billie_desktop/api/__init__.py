"""The typed async Billiecart client. No Qt here: usable from scripts and notebooks too.

Its names are imported on first use, so that importing the package (the console does,
before its first window) costs nothing until the client is needed."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "AccountLockedError": "billie_desktop.api.errors",
    "AssociateUserAccountToCustomerRequest": "billie_desktop.api.dtos",
    "AssociateUserAccountToCustomerResponse": "billie_desktop.api.dtos",
    "AuthenticateResponse": "billie_desktop.api.dtos",
    "BankAccount": "billie_desktop.api.dtos",
    "BillieClient": "billie_desktop.api.client",
    "BillieError": "billie_desktop.api.errors",
    "CannotConnectError": "billie_desktop.api.errors",
    "ClientSession": "billie_desktop.api.session",
    "ConflictError": "billie_desktop.api.errors",
    "Customer": "billie_desktop.api.dtos",
    "CustomerContact": "billie_desktop.api.dtos",
    "DiscoveryReport": "billie_desktop.api.discovery",
    "ForbiddenError": "billie_desktop.api.errors",
    "GetCustomerRequest": "billie_desktop.api.dtos",
    "GetCustomerResponse": "billie_desktop.api.dtos",
    "IncompatibleServerError": "billie_desktop.api.errors",
    "InsecureTransportError": "billie_desktop.api.errors",
    "InvalidCredentialsError": "billie_desktop.api.errors",
    "KeyringTokenStore": "billie_desktop.api.tokens",
    "MemoryTokenStore": "billie_desktop.api.tokens",
    "MissingRoleError": "billie_desktop.api.errors",
    "NotFoundError": "billie_desktop.api.errors",
    "NotSignedInError": "billie_desktop.api.errors",
    "Organisation": "billie_desktop.api.dtos",
    "QueryCustomerContactsRequest": "billie_desktop.api.dtos",
    "QueryCustomerContactsResponse": "billie_desktop.api.dtos",
    "QueryCustomersRequest": "billie_desktop.api.dtos",
    "QueryCustomersResponse": "billie_desktop.api.dtos",
    "QueryOrganisationsRequest": "billie_desktop.api.dtos",
    "QueryOrganisationsResponse": "billie_desktop.api.dtos",
    "QueryUserAccountsRequest": "billie_desktop.api.dtos",
    "QueryUserAccountsResponse": "billie_desktop.api.dtos",
    "Request": "billie_desktop.api.dtos",
    "RequestTimeoutError": "billie_desktop.api.errors",
    "ResponseError": "billie_desktop.api.dtos",
    "ResponseStatus": "billie_desktop.api.dtos",
    "RetryPolicy": "billie_desktop.api.transport",
    "SafeTokenStore": "billie_desktop.api.tokens",
    "ServerError": "billie_desktop.api.errors",
    "SessionExpiredError": "billie_desktop.api.errors",
    "SessionState": "billie_desktop.api.session",
    "SessionStyle": "billie_desktop.api.session",
    "StoredSession": "billie_desktop.api.tokens",
    "TlsError": "billie_desktop.api.errors",
    "TokenStore": "billie_desktop.api.tokens",
    "TokenStoreChoice": "billie_desktop.api.tokens",
    "TransportError": "billie_desktop.api.errors",
    "UnexpectedResponseError": "billie_desktop.api.errors",
    "UserAccount": "billie_desktop.api.dtos",
    "ValidationError": "billie_desktop.api.errors",
    "clean_id": "billie_desktop.api.wire",
    "normal_guid": "billie_desktop.api.wire",
    "open_token_store": "billie_desktop.api.tokens",
    "probe_keyring": "billie_desktop.api.tokens",
    "same_id": "billie_desktop.api.wire",
}

if TYPE_CHECKING:
    from billie_desktop.api.client import (
        BillieClient as BillieClient,
    )
    from billie_desktop.api.discovery import (
        DiscoveryReport as DiscoveryReport,
    )
    from billie_desktop.api.dtos import (
        AssociateUserAccountToCustomerRequest as AssociateUserAccountToCustomerRequest,
    )
    from billie_desktop.api.dtos import (
        AssociateUserAccountToCustomerResponse as AssociateUserAccountToCustomerResponse,
    )
    from billie_desktop.api.dtos import (
        AuthenticateResponse as AuthenticateResponse,
    )
    from billie_desktop.api.dtos import (
        BankAccount as BankAccount,
    )
    from billie_desktop.api.dtos import (
        Customer as Customer,
    )
    from billie_desktop.api.dtos import (
        CustomerContact as CustomerContact,
    )
    from billie_desktop.api.dtos import (
        GetCustomerRequest as GetCustomerRequest,
    )
    from billie_desktop.api.dtos import (
        GetCustomerResponse as GetCustomerResponse,
    )
    from billie_desktop.api.dtos import (
        Organisation as Organisation,
    )
    from billie_desktop.api.dtos import (
        QueryCustomerContactsRequest as QueryCustomerContactsRequest,
    )
    from billie_desktop.api.dtos import (
        QueryCustomerContactsResponse as QueryCustomerContactsResponse,
    )
    from billie_desktop.api.dtos import (
        QueryCustomersRequest as QueryCustomersRequest,
    )
    from billie_desktop.api.dtos import (
        QueryCustomersResponse as QueryCustomersResponse,
    )
    from billie_desktop.api.dtos import (
        QueryOrganisationsRequest as QueryOrganisationsRequest,
    )
    from billie_desktop.api.dtos import (
        QueryOrganisationsResponse as QueryOrganisationsResponse,
    )
    from billie_desktop.api.dtos import (
        QueryUserAccountsRequest as QueryUserAccountsRequest,
    )
    from billie_desktop.api.dtos import (
        QueryUserAccountsResponse as QueryUserAccountsResponse,
    )
    from billie_desktop.api.dtos import (
        Request as Request,
    )
    from billie_desktop.api.dtos import (
        ResponseError as ResponseError,
    )
    from billie_desktop.api.dtos import (
        ResponseStatus as ResponseStatus,
    )
    from billie_desktop.api.dtos import (
        UserAccount as UserAccount,
    )
    from billie_desktop.api.errors import (
        AccountLockedError as AccountLockedError,
    )
    from billie_desktop.api.errors import (
        BillieError as BillieError,
    )
    from billie_desktop.api.errors import (
        CannotConnectError as CannotConnectError,
    )
    from billie_desktop.api.errors import (
        ConflictError as ConflictError,
    )
    from billie_desktop.api.errors import (
        ForbiddenError as ForbiddenError,
    )
    from billie_desktop.api.errors import (
        IncompatibleServerError as IncompatibleServerError,
    )
    from billie_desktop.api.errors import (
        InsecureTransportError as InsecureTransportError,
    )
    from billie_desktop.api.errors import (
        InvalidCredentialsError as InvalidCredentialsError,
    )
    from billie_desktop.api.errors import (
        MissingRoleError as MissingRoleError,
    )
    from billie_desktop.api.errors import (
        NotFoundError as NotFoundError,
    )
    from billie_desktop.api.errors import (
        NotSignedInError as NotSignedInError,
    )
    from billie_desktop.api.errors import (
        RequestTimeoutError as RequestTimeoutError,
    )
    from billie_desktop.api.errors import (
        ServerError as ServerError,
    )
    from billie_desktop.api.errors import (
        SessionExpiredError as SessionExpiredError,
    )
    from billie_desktop.api.errors import (
        TlsError as TlsError,
    )
    from billie_desktop.api.errors import (
        TransportError as TransportError,
    )
    from billie_desktop.api.errors import (
        UnexpectedResponseError as UnexpectedResponseError,
    )
    from billie_desktop.api.errors import (
        ValidationError as ValidationError,
    )
    from billie_desktop.api.session import (
        ClientSession as ClientSession,
    )
    from billie_desktop.api.session import (
        SessionState as SessionState,
    )
    from billie_desktop.api.session import (
        SessionStyle as SessionStyle,
    )
    from billie_desktop.api.tokens import (
        KeyringTokenStore as KeyringTokenStore,
    )
    from billie_desktop.api.tokens import (
        MemoryTokenStore as MemoryTokenStore,
    )
    from billie_desktop.api.tokens import (
        SafeTokenStore as SafeTokenStore,
    )
    from billie_desktop.api.tokens import (
        StoredSession as StoredSession,
    )
    from billie_desktop.api.tokens import (
        TokenStore as TokenStore,
    )
    from billie_desktop.api.tokens import (
        TokenStoreChoice as TokenStoreChoice,
    )
    from billie_desktop.api.tokens import (
        open_token_store as open_token_store,
    )
    from billie_desktop.api.tokens import (
        probe_keyring as probe_keyring,
    )
    from billie_desktop.api.transport import (
        RetryPolicy as RetryPolicy,
    )
    from billie_desktop.api.wire import (
        clean_id as clean_id,
    )
    from billie_desktop.api.wire import (
        normal_guid as normal_guid,
    )
    from billie_desktop.api.wire import (
        same_id as same_id,
    )

__all__ = [
    "AccountLockedError",
    "AssociateUserAccountToCustomerRequest",
    "AssociateUserAccountToCustomerResponse",
    "AuthenticateResponse",
    "BankAccount",
    "BillieClient",
    "BillieError",
    "CannotConnectError",
    "ClientSession",
    "ConflictError",
    "Customer",
    "CustomerContact",
    "DiscoveryReport",
    "ForbiddenError",
    "GetCustomerRequest",
    "GetCustomerResponse",
    "IncompatibleServerError",
    "InsecureTransportError",
    "InvalidCredentialsError",
    "KeyringTokenStore",
    "MemoryTokenStore",
    "MissingRoleError",
    "NotFoundError",
    "NotSignedInError",
    "Organisation",
    "QueryCustomerContactsRequest",
    "QueryCustomerContactsResponse",
    "QueryCustomersRequest",
    "QueryCustomersResponse",
    "QueryOrganisationsRequest",
    "QueryOrganisationsResponse",
    "QueryUserAccountsRequest",
    "QueryUserAccountsResponse",
    "Request",
    "RequestTimeoutError",
    "ResponseError",
    "ResponseStatus",
    "RetryPolicy",
    "SafeTokenStore",
    "ServerError",
    "SessionExpiredError",
    "SessionState",
    "SessionStyle",
    "StoredSession",
    "TlsError",
    "TokenStore",
    "TokenStoreChoice",
    "TransportError",
    "UnexpectedResponseError",
    "UserAccount",
    "ValidationError",
    "clean_id",
    "normal_guid",
    "open_token_store",
    "probe_keyring",
    "same_id",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once found, a plain attribute
    return value
