"""BillieClient against real sandboxes in every session style and JSON flavour."""

from __future__ import annotations

import pytest

from billie_desktop.api import (
    AccountLockedError,
    AssociateUserAccountToCustomerRequest,
    ConflictError,
    ForbiddenError,
    GetCustomerRequest,
    InvalidCredentialsError,
    MissingRoleError,
    NotFoundError,
    NotSignedInError,
    QueryCustomersRequest,
    QueryOrganisationsRequest,
    SessionExpiredError,
    ValidationError,
    same_id,
)
from billie_desktop.sandbox.config import ROLE_CHECKS
from tests.api.helpers import orgs, unlinked

PASSWORD = "billie-sandbox"
MANAGER, MEL, STAFF = "manager@sandbox.test", "mel.manager@sandbox.test", "staff@sandbox.test"


# --- sign-in ------------------------------------------------------------------------------

async def test_sign_in_detects_the_style_and_keeps_no_token_in_user(server, make_client):
    client = make_client(server.url)
    me = await client.sign_in(MANAGER, PASSWORD)
    assert me.user_name == MANAGER and me.has_role("manager")
    assert client.style == server.options.auth
    assert me.bearer_token is None and me.refresh_token is None
    assert (await client.who_am_i()).user_name == MANAGER
    assert "ServiceStack" in (client.powered_by or "")


@pytest.mark.parametrize("user,password,error", [
    (MANAGER, "wrong", InvalidCredentialsError), ("nobody@x.test", PASSWORD,
                                                  InvalidCredentialsError),
    ("locked@sandbox.test", PASSWORD, AccountLockedError),
])
async def test_sign_in_failures(server, make_client, user, password, error):
    client = make_client(server.url)
    with pytest.raises(error) as caught:
        await client.sign_in(user, password)
    assert caught.value.message and caught.value.status == 401
    assert not client.signed_in


async def test_empty_sign_in_is_a_validation_error_per_field(server, make_client):
    client = make_client(server.url)
    with pytest.raises(ValidationError) as caught:
        await client.sign_in("", "")
    assert caught.value.error_for("userName") and caught.value.error_for("PASSWORD")


@pytest.mark.parametrize("role_check", ROLE_CHECKS)
async def test_non_manager_gets_a_missing_role_error(sandbox_factory, make_client, role_check):
    sandbox = sandbox_factory(role_check=role_check)
    client = make_client(sandbox.url)
    me = await client.sign_in(STAFF, PASSWORD)
    assert not me.has_role("manager")
    org = next(iter((await orgs(client)).values()))
    with pytest.raises(MissingRoleError) as caught:
        await client.send(QueryCustomersRequest(organisation_id=org))
    assert "manager role" in caught.value.message


async def test_not_signed_in(server, make_client):
    client = make_client(server.url)
    with pytest.raises(NotSignedInError) as caught:
        await client.send(QueryOrganisationsRequest())
    assert not isinstance(caught.value, SessionExpiredError)


async def test_sign_out_forgets_everything(server, make_client):
    client = make_client(server.url)
    await client.sign_in(MANAGER, PASSWORD, remember=True)
    await client.sign_out()
    assert client.user is None and not client.cookies and client.session.bearer_token is None
    assert client.token_store.load(client.base_url) is None
    with pytest.raises(NotSignedInError):
        await client.send(QueryOrganisationsRequest())


# --- lists --------------------------------------------------------------------------------

async def test_paging_sorting_and_searching(server, make_client):
    client = make_client(server.url)
    await client.sign_in(MANAGER, PASSWORD)
    org = (await orgs(client))["Billie Cart Melbourne"]
    first = await client.send(QueryCustomersRequest(organisation_id=org, take=40, skip=0,
                                                    include="Total", order_by="-lastName"))
    assert first.total == 150 and len(first.results) == 40
    names = [c.last_name.lower() for c in first.results if c.last_name]
    assert names == sorted(names, reverse=True)
    second = await client.send(QueryCustomersRequest(organisation_id=org, take=40, skip=40,
                                                     order_by="-lastName"))
    assert not {c.id for c in first.results} & {c.id for c in second.results}
    target = first.results[3]
    found = await client.send(QueryCustomersRequest(organisation_id=org,
                                                    search=target.email, include="Total"))
    assert any(same_id(c.id, target.id) for c in found.results)
    one = await client.send(GetCustomerRequest(id=target.id, organisation_id=org))
    assert one.customer == target


async def test_dates_of_birth_read_the_same_in_every_flavour(server, make_client):
    import datetime as dt

    client = make_client(server.url)
    await client.sign_in(MANAGER, PASSWORD)
    org = (await orgs(client))["Billie Cart Melbourne"]
    page = await client.send(QueryCustomersRequest(organisation_id=org, take=500))
    dates = {c.date_of_birth for c in page.results}
    assert {dt.date(2000, 2, 29), dt.date(1970, 1, 1), dt.date(1999, 12, 31)} <= dates


# --- every link outcome -------------------------------------------------------------------

async def test_link_outcomes(server, make_client, wire):
    client = make_client(server.url)
    await client.sign_in(MANAGER, PASSWORD)
    all_orgs = await orgs(client)
    org = all_orgs["Billie Cart Melbourne"]
    customer, account = await unlinked(client, org)

    def link(**kw: str) -> AssociateUserAccountToCustomerRequest:
        return AssociateUserAccountToCustomerRequest(
            **{"id": customer.id, "organisation_id": org, **kw})

    with pytest.raises(ValidationError) as empty:
        await client.send(link(user_account_id=""))
    assert empty.value.error_for("userAccountId") == "'User Account Id' must not be empty."
    assert empty.value.general_errors(["UserAccountId"]) == []
    before = wire.count("PUT", "associate")
    with pytest.raises(ValidationError) as unknown:
        await client.send(link(user_account_id="00000000000000000000000000000000"))
    assert wire.count("PUT", "associate") == before + 1  # a 400 is never sent twice
    assert unknown.value.errors_for("UserAccountId")[0].error_code == "NotFound"

    done = await client.send(link(user_account_id=account))
    assert done.customer is not None and same_id(done.customer.user_account_id, account)
    again = await client.send(link(user_account_id=account))  # idempotent
    assert same_id(again.customer.user_account_id, account)  # type: ignore[union-attr]

    other, _ = await unlinked(client, org)
    with pytest.raises(ConflictError) as conflict:
        await client.send(link(id=other.id, user_account_id=account))
    assert customer.full_name in conflict.value.message

    with pytest.raises(NotFoundError):
        await client.send(link(id="ffffffffffffffffffffffffffffffff", user_account_id=account))

    mel_only = make_client(server.url)
    await mel_only.sign_in(MEL, PASSWORD)
    with pytest.raises(ForbiddenError) as forbidden:
        await mel_only.send(link(organisation_id=all_orgs["Billie Cart Sydney"],
                                 user_account_id=account))
    assert not isinstance(forbidden.value, MissingRoleError)
    assert "member" in forbidden.value.message


async def test_predefined_routes_work_too(server, make_client, wire):
    client = make_client(server.url, use_predefined_routes=True)
    await client.sign_in(MANAGER, PASSWORD)
    org = (await orgs(client))["Billie Cart Sydney"]
    customer, account = await unlinked(client, org)
    done = await client.send(AssociateUserAccountToCustomerRequest(
        id=customer.id, user_account_id=account, organisation_id=org))
    assert done.customer is not None
    assert wire.count("PUT", "/api/AssociateUserAccountToCustomerRequest") == 1


# --- remember me ----------------------------------------------------------------------------

async def test_remember_me_resumes_without_the_password(server, make_client):
    first = make_client(server.url)
    await first.sign_in(MANAGER, PASSWORD, remember=True)
    stored = first.token_store.load(first.base_url)
    assert stored is not None and stored.user_name == MANAGER
    assert PASSWORD not in stored.to_json()
    assert stored.refresh_token or stored.cookies

    second = make_client(server.url, token_store=first.token_store)
    me = await second.resume()
    assert me is not None and me.user_name == MANAGER
    assert (await orgs(second))


async def test_a_resumed_session_is_not_written_again_when_unchanged(server, make_client):
    """(a keyring's write is a D-Bus round trip on the way to the customers)"""
    from billie_desktop.api import MemoryTokenStore

    class Counting(MemoryTokenStore):
        saves = 0

        def save(self, server, session):
            self.saves += 1
            super().save(server, session)

    store = Counting()
    first = make_client(server.url, token_store=store)
    await first.sign_in(MANAGER, PASSWORD, remember=True)
    kept, saves = store.load(first.base_url), store.saves
    assert saves == 1
    second = make_client(server.url, token_store=store)
    assert await second.resume() is not None
    assert store.saves == saves and store.load(first.base_url) == kept
    assert (await orgs(second))


async def test_without_remember_me_nothing_is_kept(server, make_client):
    client = make_client(server.url)
    await client.sign_in(MANAGER, PASSWORD, remember=True)
    await client.sign_in(MANAGER, PASSWORD, remember=False)
    assert client.token_store.load(client.base_url) is None
    assert await make_client(server.url, token_store=client.token_store).resume() is None


async def test_a_stale_remembered_session_is_forgotten(server, make_client):
    from billie_desktop.api import StoredSession

    client = make_client(server.url)
    client.token_store.save(client.base_url, StoredSession(
        MANAGER, server.options.auth, refresh_token="junk.junk.junk",
        cookies={"ss-tok": "junk", "ss-reftok": "junk", "ss-id": "junk", "ss-pid": "junk"}))
    assert await client.resume() is None
    assert client.token_store.load(client.base_url) is None
    assert client.user is None


async def test_keyring_store_round_trip(server, make_client, memory_keyring):
    from billie_desktop.api import KeyringTokenStore, open_token_store

    choice = open_token_store()
    assert choice.store.persistent and choice.warning is None
    client = make_client(server.url, token_store=choice.store)
    await client.sign_in(MANAGER, PASSWORD, remember=True)
    assert list(memory_keyring.secrets) == [("billie-desktop", client.base_url)]
    assert PASSWORD not in next(iter(memory_keyring.secrets.values()))
    resumed = make_client(server.url, token_store=KeyringTokenStore())
    assert (await resumed.resume()) is not None
    await resumed.sign_out()
    assert memory_keyring.secrets == {}


def test_no_keyring_means_memory_and_a_warning():
    import keyring
    from keyring.backends import fail

    from billie_desktop.api import open_token_store

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        choice = open_token_store()
    finally:
        keyring.set_keyring(previous)
    assert not choice.store.persistent
    assert choice.warning and "Remember me" in choice.warning


# --- logs -------------------------------------------------------------------------------------

async def test_logs_hold_no_secret_or_personal_data(server, make_client, caplog):
    caplog.set_level("DEBUG")
    client = make_client(server.url)
    await client.sign_in(MANAGER, PASSWORD, remember=True)
    org = (await orgs(client))["Billie Cart Melbourne"]
    page = await client.send(QueryCustomersRequest(organisation_id=org, take=20,
                                                   search="a"))
    text = caplog.text
    assert "GET /customers 200" in text
    secrets = [PASSWORD, *(c.value for c in client.cookies.jar if c.value)]
    if client.session.bearer_token:
        secrets += [client.session.bearer_token, client.session.refresh_token or "x" * 40]
    personal = [v for c in page.results for v in (c.email, c.last_name, c.phone) if v]
    for secret in secrets + personal:
        assert secret not in text, secret[:12]
    httpx_lines = [r for r in caplog.records if r.name.startswith(("httpx", "httpcore"))
                   and r.levelno >= 20]
    assert not httpx_lines  # held at WARNING: they would log full URLs, search included


def test_sessions_remembered_before_the_keyring_answered_move_into_it(memory_keyring):
    from billie_desktop.api import KeyringTokenStore, SafeTokenStore, StoredSession
    from billie_desktop.api.session import SessionStyle
    from billie_desktop.api.tokens import TokenStoreChoice

    store = SafeTokenStore()  # no keyring yet: memory
    session = StoredSession("mel@example.com", SessionStyle.JWT_BODY, "refresh-token")
    store.save("https://billiecart.example", session)
    assert not store.persistent and memory_keyring.secrets == {}
    store.use(TokenStoreChoice(KeyringTokenStore(), None))  # the keyring answers
    assert store.persistent and store.memory.items() == []
    assert store.load("https://billiecart.example") == session
    assert len(memory_keyring.secrets) == 1
