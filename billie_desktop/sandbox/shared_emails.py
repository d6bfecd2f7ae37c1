"""``--shared-emails N``: the untidy data a bulk link by email meets (issue #12).

The seed already gives about a third of the customers a user account that is not linked
yet and carries the customer's email. This adds, per organisation, N cases of each kind
that a person has to look at or that matching must see through:

- an account whose email differs from its customer's only in case and surrounding spaces
  (still one to one: it must match);
- a second account with the same email as an unlinked customer's account (two accounts
  share the email: not one to one);
- a second unlinked customer given the email of another's account (two customers share
  it: not one to one).

Idempotent, like ``--hostile-text``: applied once per database."""

from __future__ import annotations

import random

from billie_desktop.sandbox.customer_query import search_text
from billie_desktop.sandbox.store import Store
from billie_desktop.sandbox.wire import new_guid

PAIRS = ("SELECT c.id, c.email, u.id FROM customers c JOIN user_accounts u "
         "ON u.organisation_id = c.organisation_id AND u.email = c.email "
         "WHERE c.organisation_id = ? AND c.user_account_id IS NULL AND u.customer_id IS NULL "
         "ORDER BY c.id LIMIT ?")


def add_shared_emails(store: Store, per_organisation: int, seed_value: int = 12) -> None:
    db = store.db
    if per_organisation <= 0 or store.meta("shared_emails"):
        return
    rng = random.Random(seed_value)
    db.execute("BEGIN")
    try:
        for (org,) in db.execute("SELECT id FROM organisations").fetchall():
            pairs = db.execute(PAIRS, (org, 4 * per_organisation)).fetchall()
            rng.shuffle(pairs)
            messy = pairs[:per_organisation]
            two_accounts = pairs[per_organisation:2 * per_organisation]
            two_customers = pairs[2 * per_organisation:3 * per_organisation]
            spare = [r[0] for r in db.execute(
                "SELECT id FROM customers WHERE organisation_id = ? AND user_account_id IS "
                "NULL AND id NOT IN (SELECT c.id FROM customers c JOIN user_accounts u ON "
                "u.email = c.email) ORDER BY id DESC LIMIT ?", (org, per_organisation))]
            for _customer, email, account in messy:
                db.execute("UPDATE user_accounts SET email = ? WHERE id = ?",
                           (f"  {email.upper()} ", account))
            for _customer, email, account in two_accounts:
                name = db.execute("SELECT display_name FROM user_accounts WHERE id = ?",
                                  (account,)).fetchone()[0]
                db.execute("INSERT INTO user_accounts (id, organisation_id, email, "
                           "display_name) VALUES (?, ?, ?, ?)",
                           (new_guid(rng), org, email.capitalize(), f"{name} (work)"))
            for (_customer, email, _account), other in zip(two_customers, spare, strict=False):
                db.execute("UPDATE customers SET email = ? WHERE id = ?", (email, other))
                row = db.execute("SELECT * FROM customers WHERE id = ?", (other,)).fetchone()
                db.execute("UPDATE customers SET search_text = ? WHERE id = ?",
                           (search_text(row), other))
        store.set_meta("shared_emails", str(per_organisation))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
