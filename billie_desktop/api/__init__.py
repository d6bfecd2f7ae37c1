"""The typed async Billiecart client. No Qt here: usable from scripts and notebooks too."""

import logging as _logging

from billie_desktop.api.client import BillieClient
from billie_desktop.api.discovery import DiscoveryReport
from billie_desktop.api.dtos import (
    AssociateUserAccountToCustomerRequest,
    AssociateUserAccountToCustomerResponse,
    AuthenticateResponse,
    BankAccount,
    Customer,
    GetCustomerRequest,
    GetCustomerResponse,
    Organisation,
    QueryCustomersRequest,
    QueryCustomersResponse,
    QueryOrganisationsRequest,
    QueryOrganisationsResponse,
    QueryUserAccountsRequest,
    QueryUserAccountsResponse,
    Request,
    ResponseError,
    ResponseStatus,
    UserAccount,
)
from billie_desktop.api.errors import (
    AccountLockedError,
    BillieError,
    CannotConnectError,
    ConflictError,
    ForbiddenError,
    IncompatibleServerError,
    InsecureTransportError,
    InvalidCredentialsError,
    MissingRoleError,
    NotFoundError,
    NotSignedInError,
    RequestTimeoutError,
    ServerError,
    SessionExpiredError,
    TlsError,
    TransportError,
    UnexpectedResponseError,
    ValidationError,
)
from billie_desktop.api.session import ClientSession, SessionState, SessionStyle
from billie_desktop.api.tokens import (
    KeyringTokenStore,
    MemoryTokenStore,
    SafeTokenStore,
    StoredSession,
    TokenStore,
    TokenStoreChoice,
    open_token_store,
    probe_keyring,
)
from billie_desktop.api.transport import RetryPolicy
from billie_desktop.api.wire import clean_id, normal_guid, same_id

__all__ = [
    "AccountLockedError", "AssociateUserAccountToCustomerRequest",
    "AssociateUserAccountToCustomerResponse", "AuthenticateResponse", "BankAccount",
    "BillieClient", "BillieError", "CannotConnectError", "ClientSession", "ConflictError",
    "Customer",
    "DiscoveryReport", "ForbiddenError", "GetCustomerRequest", "GetCustomerResponse",
    "IncompatibleServerError", "InsecureTransportError", "InvalidCredentialsError",
    "KeyringTokenStore", "MemoryTokenStore", "MissingRoleError", "NotFoundError",
    "NotSignedInError", "Organisation", "QueryCustomersRequest", "QueryCustomersResponse",
    "QueryOrganisationsRequest", "QueryOrganisationsResponse", "QueryUserAccountsRequest",
    "QueryUserAccountsResponse", "Request", "RequestTimeoutError", "ResponseError",
    "ResponseStatus", "RetryPolicy", "SafeTokenStore", "ServerError", "SessionExpiredError",
    "SessionState", "SessionStyle", "StoredSession",
    "TlsError", "TokenStore", "TokenStoreChoice", "TransportError", "UnexpectedResponseError",
    "UserAccount", "ValidationError", "clean_id", "normal_guid", "open_token_store",
    "probe_keyring", "same_id",
]


# httpx logs every request's full URL at INFO, query string included: a customer search
# would put a person's name in the log; httpcore logs raw headers (cookies, Authorization)
# at DEBUG. The client logs its own redacted line instead, so both are held at WARNING.
for _name in ("httpx", "httpcore"):
    _logging.getLogger(_name).setLevel(_logging.WARNING)

