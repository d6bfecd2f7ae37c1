"""What the console knows of user accounts by id, so that a linked customer's detail
shows "Name <email>" rather than a bare id, whether the link was made now (the dialog
knows the account) or before (the account is looked up once)."""

from __future__ import annotations

from billie_desktop.api import BillieError, QueryUserAccountsRequest, normal_guid, same_id
from billie_desktop.ui.account_results import describe_account
from billie_desktop.ui.session import Session

LOOKUP = QueryUserAccountsRequest.operation_name()


class AccountNames:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._texts: dict[str, str] = {}

    def text(self, account_id: str | None) -> str | None:
        return self._texts.get(normal_guid(account_id) or "") if account_id else None

    def remember(self, account_id: str, text: str) -> None:
        self._texts[normal_guid(account_id) or account_id] = text

    def clear(self) -> None:
        self._texts.clear()

    async def look_up(self, organisation_id: str, account_id: str) -> str | None:
        """The account's "Name <email>", asked of the server once; None when it cannot
        be told (no account search on this server, or it failed: the id is shown)."""
        known = self.text(account_id)
        if known is not None or not self.session.offers(LOOKUP):
            return known
        try:
            page = await self.session.send(QueryUserAccountsRequest(
                organisation_id=organisation_id, id=account_id, take=1))
        except BillieError:
            return None
        account = next((a for a in page.results if same_id(a.id, account_id)), None)
        if account is None:
            return None
        text = describe_account(account, account.id)
        self.remember(account_id, text)
        return text
