"""The matching rule of Link by email (work/matching.py): exact email once trimmed and
case-folded; only one-to-one matches; everything else is for a person."""

from __future__ import annotations

from billie_desktop.api import CustomerContact, UserAccount
from billie_desktop.ui.bulk_models import reason_text, why_text
from billie_desktop.work.matching import Matcher, normal_email


def customer(cid, email, linked=None, first="Ann", last="Lee"):
    return CustomerContact(id=cid, first_name=first, last_name=last, email=email,
                           user_account_id=linked)


def account(aid, email, linked=None):
    return UserAccount(id=aid, email=email, display_name=f"Account {aid}", customer_id=linked)


def match(customers, accounts):
    matcher = Matcher()
    matcher.add_accounts(accounts)
    matcher.add_customers(customers)
    return matcher.result()


def test_emails_are_compared_trimmed_and_without_case():
    assert normal_email("  Ann.Lee@Example.COM ") == "ann.lee@example.com"
    result = match([customer("c1", "ann.lee@example.com")],
                   [account("a1", "  ANN.LEE@example.com ")])
    assert [(p.customer.id, p.account.id) for p in result.pairs] == [("c1", "a1")]
    assert why_text(result.pairs[0]) == "Same email, apart from case or spaces"
    same = match([customer("c1", "x@y.au")], [account("a1", "x@y.au")])
    assert why_text(same.pairs[0]) == "Same email"


def test_nothing_fuzzy_matches():
    result = match([customer("c1", "ann.lee@example.com"), customer("c2", "annlee@example.com"),
                    customer("c3", "ann.lee@example.co")],
                   [account("a1", "ann.lee@example.com.au"), account("a2", "ann_lee@example.com")])
    assert result.pairs == [] and result.needs_person == [] and result.unmatched == 3


def test_an_email_shared_by_two_customers_needs_a_person():
    result = match([customer("c1", "fam@example.com"), customer("c2", "FAM@example.com"),
                    customer("c3", "solo@example.com")],
                   [account("a1", "fam@example.com"), account("a2", "solo@example.com")])
    assert [(p.customer.id, p.account.id) for p in result.pairs] == [("c3", "a2")]
    assert sorted(n.customer.id for n in result.needs_person) == ["c1", "c2"]
    assert all(reason_text(n) == "2 customers share this email" for n in result.needs_person)
    assert result.ambiguous == 2 and result.unmatched == 0


def test_an_email_shared_by_two_accounts_needs_a_person():
    result = match([customer("c1", "work@example.com")],
                   [account("a1", "work@example.com"), account("a2", " Work@Example.com")])
    assert result.pairs == []
    [item] = result.needs_person
    assert reason_text(item) == "2 user accounts share this email"
    assert {a.id for a in item.accounts} == {"a1", "a2"}


def test_linked_ones_and_empty_emails_never_match():
    result = match([customer("c1", "a@b.au", linked="a9"), customer("c2", None),
                    customer("c3", "  "), customer("c4", "c@d.au")],
                   [account("a1", "a@b.au"), account("a2", None), account("a3", "c@d.au",
                                                                           linked="c8")])
    assert result.pairs == [] and result.needs_person == []
    assert result.unmatched == 3  # c2, c3, c4 (c1 is linked already: not counted)


def test_pairs_come_sorted_by_name():
    result = match([customer("c1", "z@x.au", last="Zed"), customer("c2", "a@x.au", last="Abe")],
                   [account("a1", "z@x.au"), account("a2", "a@x.au")])
    assert [p.customer.last_name for p in result.pairs] == ["Abe", "Zed"]
