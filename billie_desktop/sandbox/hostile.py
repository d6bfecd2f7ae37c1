"""``--hostile-text``: data that tries to dress up as interface.

A customer named ``<span style="color:red;font-size:28pt">ACCOUNT SUSPENDED</span>`` must
appear in the console as exactly those characters, never as a big red notice. This
rewrites every text field of the first customers of each organisation, their user
accounts and the organisation names, wrapping each value in markup (the original value
stays inside, so searches still find it).
"""

from __future__ import annotations

from billie_desktop.sandbox.customer_query import search_text
from billie_desktop.sandbox.store import Store

MARKER = "ACCOUNT SUSPENDED"
MARKUP = '<span style="color:red;font-size:28pt">' + MARKER + '</span> <b>{0}</b>'
CUSTOMER_TEXT = ("first_name", "last_name", "drivers_licence_no", "email", "phone",
                 "preferred_contact_method", "address_line1", "address_line2", "suburb",
                 "state_territory", "postcode", "bsb_number", "account_number")


def dress_up(store: Store, per_organisation: int = 5) -> None:
    """Idempotent: a database dressed up once is left as it is."""
    db = store.db
    if store.meta("hostile_text"):
        return
    db.execute("BEGIN")
    try:
        organisations = [r[0] for r in db.execute("SELECT id FROM organisations")]
        db.execute("UPDATE organisations SET name = replace(?, '{0}', name)", (MARKUP,))
        for org in organisations:
            _customers(store, org, per_organisation)
            db.execute(
                "UPDATE user_accounts SET display_name = replace(?, '{0}', "
                "coalesce(display_name, '')), email = replace(?, '{0}', email) WHERE id IN "
                "(SELECT id FROM user_accounts WHERE organisation_id = ? ORDER BY email "
                "LIMIT ?) OR id IN (SELECT user_account_id FROM customers WHERE "
                "organisation_id = ? AND first_name LIKE '<span%')",
                (MARKUP, MARKUP, org, per_organisation, org))
        store.set_meta("hostile_text", "1")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _customers(store: Store, organisation_id: str, count: int) -> None:
    db = store.db
    first = "SELECT id FROM customers WHERE organisation_id = ? {0} ORDER BY last_name LIMIT ?"
    ids = {r[0] for r in db.execute(first.format(""), (organisation_id, count))}
    # and some that are linked, so that their accounts show in the link dialog too
    ids |= {r[0] for r in db.execute(first.format("AND user_account_id IS NOT NULL"),
                                     (organisation_id, 2))}
    sets = ", ".join(f"{c} = CASE WHEN {c} IS NULL THEN NULL ELSE replace(?, '{{0}}', {c}) END"
                     for c in CUSTOMER_TEXT)
    for customer_id in ids:
        db.execute(f"UPDATE customers SET {sets} WHERE id = ?",
                   (*([MARKUP] * len(CUSTOMER_TEXT)), customer_id))
        row = db.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
        db.execute("UPDATE customers SET search_text = ? WHERE id = ?",
                   (search_text(row), customer_id))
