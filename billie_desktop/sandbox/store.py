"""The sandbox's SQLite storage: schema, seeding and every query the operations need.

One connection, used only from the server's event-loop thread. Text columns that people
search and sort on are ``COLLATE NOCASE`` so that their indexes serve case-insensitive
ORDER BY and equality; every sortable column has an ``(organisation_id, column, id)``
index so that a sorted page of 100,000 customers is an index walk, not a sort.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import random
import secrets
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from billie_desktop.sandbox import demo, seed
from billie_desktop.sandbox.config import DEMO_PASSWORD
from billie_desktop.sandbox.customer_query import (
    MatchCounts,
    escape_like,
    filters_clause,
    search_text,
    search_words,
    trigram_match,
    walk_the_sort_index,
    where_clause,
)
from billie_desktop.sandbox.wire import new_guid

log = logging.getLogger(__name__)

# The customers whose search_text holds every trigram-long word (then tested by LIKE, so
# that the trigram index only narrows what is tested: the rows found are LIKE's).
_CANDIDATES = ("rowid IN (SELECT rowid FROM customers_search "
               "WHERE customers_search MATCH ?)")
SEEDING_CACHE = -262_144  # KiB (256 MB) of pages while seeding sorts the indexes
# A candidate looked up by rowid costs about as much as this many rows of the covering
# search index scanned (measured: 1.5 us against 0.17 us).
LOOKUP_COST = 8

SCHEMA_VERSION = "6"  # a database of another version is seeded again (3: suburb, postcode
# and national phone numbers in search_text; 4: user_accounts.customer_id; 5: the trigram
# index of search_text; 6: an index of the accounts not linked, by id, and indexes only
# for the console's sorts)

# wire name -> column, for every Customer field that can be sorted or filtered on.
CUSTOMER_FIELDS = {
    "id": "id", "firstName": "first_name", "lastName": "last_name",
    "dateOfBirth": "date_of_birth", "driversLicenceNo": "drivers_licence_no", "email": "email",
    "phone": "phone", "preferredContactMethod": "preferred_contact_method",
    "addressLine1": "address_line1", "addressLine2": "address_line2", "suburb": "suburb",
    "stateTerritory": "state_territory", "postcode": "postcode",
    "userAccountId": "user_account_id",
}
# The columns the console sorts by (work/columns.py; the name has an index of its own):
# each index costs 75 bytes a customer (the five others once held cost 0.8 GB at a million
# customers an organisation). Other sorts and filters still work, the slower.
_INDEXED = ("date_of_birth", "email", "phone", "suburb", "state_territory", "postcode",
            "user_account_id")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS logins (
    id TEXT PRIMARY KEY, user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL, password_hash TEXT NOT NULL, roles TEXT NOT NULL,
    locked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS memberships (
    login_id TEXT NOT NULL REFERENCES logins(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (login_id, organisation_id));
CREATE TABLE IF NOT EXISTS user_accounts (
    id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL REFERENCES organisations(id),
    email TEXT NOT NULL COLLATE NOCASE, display_name TEXT COLLATE NOCASE,
    customer_id TEXT);  -- the customer linked to it: kept by tr_customers_link
CREATE TABLE IF NOT EXISTS customers (
    id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL REFERENCES organisations(id),
    first_name TEXT COLLATE NOCASE, last_name TEXT COLLATE NOCASE, date_of_birth TEXT,
    drivers_licence_no TEXT COLLATE NOCASE, email TEXT COLLATE NOCASE, phone TEXT,
    phone_digits TEXT, preferred_contact_method TEXT COLLATE NOCASE,
    address_line1 TEXT COLLATE NOCASE, address_line2 TEXT COLLATE NOCASE,
    suburb TEXT COLLATE NOCASE, state_territory TEXT COLLATE NOCASE, postcode TEXT,
    bsb_number TEXT, account_number TEXT, user_account_id TEXT REFERENCES user_accounts(id),
    search_text TEXT NOT NULL DEFAULT '');
-- Who holds an account, kept beside it so that "accounts not linked" is an index range
-- (customerIdIsNull, paged 500 at a time by Link by email), whoever writes the link.
CREATE TRIGGER IF NOT EXISTS tr_customers_link AFTER UPDATE OF user_account_id ON customers
BEGIN
    UPDATE user_accounts SET customer_id = NULL
        WHERE id = OLD.user_account_id AND customer_id = OLD.id;
    UPDATE user_accounts SET customer_id = NEW.id WHERE id = NEW.user_account_id;
END;
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, login_id TEXT NOT NULL REFERENCES logins(id),
    expires REAL NOT NULL, permanent INTEGER NOT NULL);
"""


# Search's trigram index (FTS5): which customers hold a word of 3 characters or more,
# without reading every search_text. It indexes customers.search_text by rowid (an external
# content table, kept by these triggers): the database is never VACUUMed, which could
# renumber rowids. A SQLite without FTS5 or its trigram tokenizer searches by LIKE alone.
_TRIGRAMS = """
CREATE VIRTUAL TABLE IF NOT EXISTS customers_search USING fts5(
    search_text, content='customers', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS tr_customers_search_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_search(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER IF NOT EXISTS tr_customers_search_update AFTER UPDATE OF search_text
ON customers BEGIN
    INSERT INTO customers_search(customers_search, rowid, search_text)
        VALUES ('delete', OLD.rowid, OLD.search_text);
    INSERT INTO customers_search(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
"""


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 60_000)
    return f"pbkdf2_sha256$60000${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, iterations, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt_hex),
                                     int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


@dataclass(frozen=True)
class LoginRow:
    id: str
    user_name: str
    display_name: str
    password_hash: str
    roles: tuple[str, ...]
    locked: bool


def _order_sql(order: Sequence[tuple[str, bool]], table: str) -> str:
    """ORDER BY (column, descending)…, then the id in the last column's direction (unless
    the id is sorted on already: a second id term keeps SQLite from using the index)."""
    terms = [(column, descending) for column, descending in order]
    if not any(column == "id" for column, _ in terms):
        terms.append(("id", bool(terms) and terms[-1][1]))
    return ", ".join(f"{table}{c} {'DESC' if d else 'ASC'}" for c, d in terms)


class Store:
    def __init__(self, path: Path | None, *, customers: int, reset: bool, seed_value: int) -> None:
        self.path = path
        self._counts = MatchCounts()
        self._sizes: dict[str, int] = {}
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            if reset:
                self._delete_files()
        self.db = self._open()
        self.seeded_now = False
        if self.meta("schema") not in (None, SCHEMA_VERSION):
            log.warning("sandbox database schema %s is not %s: seeding it again",
                        self.meta("schema"), SCHEMA_VERSION)
            self.db.close()
            self._delete_files()
            self.db = self._open()
        if self.meta("schema") is None:
            started = time.perf_counter()
            self._seed(customers, seed_value)
            self.seeded_now = True
            log.info("seeded %d customers per organisation in %.1f s", customers,
                     time.perf_counter() - started)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path) if self.path else ":memory:",
                             check_same_thread=False, isolation_level=None)
        db.row_factory = sqlite3.Row
        if self.path is not None:
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.executescript(_SCHEMA)
        try:
            db.executescript(_TRIGRAMS)
            self.trigrams = True
        except sqlite3.OperationalError as exc:  # no fts5, or no trigram tokenizer
            log.warning("search without a trigram index: %s", exc)
            self.trigrams = False
        return db

    def _delete_files(self) -> None:
        if self.path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        self.db.close()

    # --- meta -------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # --- seeding ----------------------------------------------------------------------
    def _seed(self, customers_per_org: int, seed_value: int) -> None:
        """Bulk, as a server's import would be: the trigram index built once at the end
        rather than row by row through its trigger, no foreign key looked up for data
        consistent by construction, a large cache while the indexes are sorted; then the
        write-ahead log folded into the file."""
        db = self.db
        db.execute("PRAGMA foreign_keys=OFF")  # (outside a transaction, or ignored)
        db.execute(f"PRAGMA cache_size={SEEDING_CACHE}")
        db.execute("DROP TRIGGER IF EXISTS tr_customers_search_insert")
        try:
            self._seed_rows(customers_per_org, seed_value)
        finally:
            if self.trigrams:
                db.executescript(_TRIGRAMS)  # (the trigger again)
            db.execute("PRAGMA cache_size=-2000")  # (SQLite's default)
            db.execute("PRAGMA foreign_keys=ON")
        if self.path is not None:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _seed_rows(self, customers_per_org: int, seed_value: int) -> None:
        rng = random.Random(seed_value)
        db = self.db
        db.execute("BEGIN")
        try:
            org_ids = {}
            for index, name in enumerate(demo.ORGANISATIONS):
                org_ids[name] = new_guid(rng)
                db.execute("INSERT INTO organisations VALUES (?, ?)", (org_ids[name], name))
                home = seed.VIC if index == 0 else seed.NSW
                rows = list(seed.customer_rows(rng, org_ids[name], home, customers_per_org))
                db.executemany(f"INSERT INTO customers VALUES ({','.join('?' * 19)})",
                               [(*row, search_text(row)) for row in rows])
                self._seed_user_accounts(rng, org_ids[name], rows)
            for login in demo.LOGINS:
                login_id = new_guid(rng)
                db.execute("INSERT INTO logins VALUES (?, ?, ?, ?, ?, ?)",
                           (login_id, login.user_name, login.display_name,
                            hash_password(DEMO_PASSWORD), ",".join(login.roles), int(login.locked)))
                db.executemany("INSERT INTO memberships VALUES (?, ?)",
                               [(login_id, org_ids[o]) for o in login.organisations])
            if self.trigrams:
                db.execute("INSERT INTO customers_search(customers_search) VALUES ('rebuild')")
            for column in _INDEXED:
                db.execute(f"CREATE INDEX IF NOT EXISTS ix_customers_{column} "
                           f"ON customers(organisation_id, {column}, id)")
            db.execute("CREATE INDEX IF NOT EXISTS ix_customers_name "
                       "ON customers(organisation_id, last_name, first_name, id)")
            # covering index for search: the LIKE runs over the index alone, never the table
            db.execute("CREATE INDEX IF NOT EXISTS ix_customers_search "
                       "ON customers(organisation_id, search_text)")
            db.execute("CREATE UNIQUE INDEX IF NOT EXISTS ux_customers_user_account "
                       "ON customers(user_account_id) WHERE user_account_id IS NOT NULL")
            db.execute("CREATE INDEX IF NOT EXISTS ix_user_accounts_email "
                       "ON user_accounts(organisation_id, email)")
            db.execute("CREATE INDEX IF NOT EXISTS ix_user_accounts_holder "
                       "ON user_accounts(organisation_id, customer_id, email, id)")
            # the accounts not linked, read by key (Link by email: idGreaterThan, by id)
            db.execute("CREATE INDEX IF NOT EXISTS ix_user_accounts_holder_id "
                       "ON user_accounts(organisation_id, customer_id, id)")
            self.set_meta("schema", SCHEMA_VERSION)
            self.set_meta("jwt_secret", secrets.token_hex(32))
            self.set_meta("customers_per_organisation", str(customers_per_org))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("ANALYZE")

    def _seed_user_accounts(self, rng: random.Random, org_id: str,
                            rows: Sequence[Sequence[Any]]) -> None:
        """About 10% of customers already linked; three times as many accounts not yet
        linked, most of them carrying the e-mail of a customer who is not linked yet."""
        accounts: list[tuple[str, str, str, str]] = []
        links: list[tuple[str, str]] = []
        for row in rows:
            customer_id, first, last, email = row[0], row[2], row[3], row[6]
            roll = rng.random()
            if email is None or roll >= 0.4:
                continue
            account_id = new_guid(rng)
            accounts.append((account_id, org_id, str(email), f"{first} {last}"))
            if roll < 0.1:
                links.append((account_id, str(customer_id)))
        for _ in range(len(rows) // 20):
            first, last = rng.choice(seed.FIRST_NAMES), rng.choice(seed.LAST_NAMES)
            email = (f"{seed.ascii_fold(first)}{rng.randrange(10, 10000)}"
                     f"@{rng.choice(seed.EMAIL_DOMAINS)}")
            accounts.append((new_guid(rng), org_id, email, f"{first} {last}"))
        self.db.executemany("INSERT INTO user_accounts (id, organisation_id, email, "
                            "display_name) VALUES (?, ?, ?, ?)", accounts)
        self.db.executemany("UPDATE customers SET user_account_id = ? WHERE id = ?", links)

    # --- logins, organisations, sessions ------------------------------------------------
    def login_by_name(self, user_name: str) -> LoginRow | None:
        row = self.db.execute("SELECT * FROM logins WHERE user_name = ?", (user_name,)).fetchone()
        return self._login(row)

    def login_by_id(self, login_id: str) -> LoginRow | None:
        row = self.db.execute("SELECT * FROM logins WHERE id = ?", (login_id,)).fetchone()
        return self._login(row)

    @staticmethod
    def _login(row: sqlite3.Row | None) -> LoginRow | None:
        if row is None:
            return None
        roles = tuple(r for r in row["roles"].split(",") if r)
        return LoginRow(row["id"], row["user_name"], row["display_name"], row["password_hash"],
                        roles, bool(row["locked"]))

    def organisations_of(self, login_id: str) -> list[dict[str, str]]:
        rows = self.db.execute(
            "SELECT o.id, o.name FROM organisations o JOIN memberships m "
            "ON m.organisation_id = o.id WHERE m.login_id = ? ORDER BY o.name", (login_id,))
        return [{"id": r["id"], "name": r["name"]} for r in rows]

    def is_member(self, login_id: str, organisation_id: str) -> bool:
        return self.db.execute(
            "SELECT 1 FROM memberships WHERE login_id = ? AND organisation_id = ?",
            (login_id, organisation_id)).fetchone() is not None

    def all_organisations(self) -> list[dict[str, str]]:
        rows = self.db.execute("SELECT id, name FROM organisations ORDER BY name")
        return [{"id": r["id"], "name": r["name"]} for r in rows]

    def create_session(self, login_id: str, ttl: float, permanent: bool) -> str:
        session_id = secrets.token_urlsafe(24)
        self.db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)",
                        (session_id, login_id, time.time() + ttl, int(permanent)))
        return session_id

    def session_login(self, session_id: str) -> str | None:
        row = self.db.execute("SELECT login_id, expires FROM sessions WHERE id = ?",
                              (session_id,)).fetchone()
        if row is None or row["expires"] < time.time():
            return None
        return str(row["login_id"])

    def delete_session(self, session_id: str) -> None:
        self.db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def _one(self, sql: str, args: tuple[Any, ...]) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.db.execute(sql, args).fetchone()
        return row

    # --- customers ----------------------------------------------------------------------
    def count_customers(self, organisation_id: str) -> int:
        row = self.db.execute("SELECT COUNT(*) FROM customers WHERE organisation_id = ?",
                              (organisation_id,)).fetchone()
        return int(row[0])

    def query_customers(self, organisation_id: str, *, skip: int, take: int,
                        order: Sequence[tuple[str, bool]], search: str | None,
                        filters: Iterable[tuple[str, str, str]], include_total: bool,
                        ) -> tuple[list[sqlite3.Row], int | None]:
        """order: (column, descending); filters: (column, operator, value) with operator
        one of '=', 'starts', 'contains', 'ends'."""
        sql_where, args = where_clause(organisation_id, search, filters)
        source, total = "customers", None
        order_sql = _order_sql(order, "")
        if search_words(search):
            match = trigram_match(search) if self.trigrams else None
            candidates = self._candidates(match)
            size = self._size(organisation_id)
            if match is not None and candidates * LOOKUP_COST < size and \
                    not walk_the_sort_index(candidates, size, skip, take):  # (fewer match)
                ordered = self._ordered(f"{_CANDIDATES} AND +{sql_where}", [match, *args],
                                        order_sql)
                return self._at(ordered[skip:skip + take]), \
                    len(ordered) if include_total else None
            total = self._matches(organisation_id, sql_where, args, match)
            if walk_the_sort_index(total, self._size(organisation_id), skip, take):
                pass  # (the sort order's index, each row tested)
            elif match is not None:  # the trigram index's few candidates, each tested
                sql_where, args = f"{_CANDIDATES} AND +{sql_where}", [match, *args]
            else:
                source = "customers INDEXED BY ix_customers_search"
        elif include_total:
            total = int(self.db.execute(f"SELECT COUNT(*) FROM customers WHERE {sql_where}",
                                        args).fetchone()[0])
        if total is not None and skip >= total:  # past the end: nothing to look for
            return [], total if include_total else None
        rows = self.db.execute(
            f"SELECT * FROM {source} WHERE {sql_where} ORDER BY {order_sql} LIMIT ? OFFSET ?",
            [*args, take, skip]).fetchall()
        return rows, total if include_total else None

    def _matches(self, organisation_id: str, sql_where: str, args: list[Any],
                 match: str | None) -> int:
        """How many customers a search matches: through the trigram index when it names
        few candidates (each then tested), else through the covering search index."""
        count = self._counts.get(sql_where, args)
        if count is not None:
            return count
        query = f"SELECT COUNT(*) FROM customers INDEXED BY ix_customers_search " \
                f"WHERE {sql_where}", args
        # all organisations' candidates: a bound, and cheap to count
        if match is not None and \
                self._candidates(match) * LOOKUP_COST < self._size(organisation_id):
            query = f"SELECT COUNT(*) FROM customers WHERE {_CANDIDATES} AND " \
                    f"+{sql_where}", [match, *args]
        count = int(self.db.execute(*query).fetchone()[0])
        self._counts.put(sql_where, args, count)
        return count

    def _candidates(self, match: str | None) -> int:
        """How many customers (of every organisation) hold the trigrams of ``match``: a
        bound of how many match (none without a word long enough: no bound)."""
        if match is None:
            return 1 << 62
        count = self._counts.get("MATCH", [match])
        if count is None:
            count = int(self.db.execute(
                "SELECT COUNT(*) FROM customers_search WHERE customers_search MATCH ?",
                [match]).fetchone()[0])
            self._counts.put("MATCH", [match], count)
        return count

    def _ordered(self, sql_where: str, args: list[Any], order_sql: str) -> list[int]:
        """The rowids of the matches in order, found once for every page of the query (and
        its count: their number), until the next write. At a million customers, 23,000
        Smiths were fetched, tested and sorted twice for the first page (to count them,
        then for the page), 64 + 70 ms; now once."""
        ordered = self._counts.ordered(sql_where, args, order_sql)
        if ordered is None:
            ordered = [row[0] for row in self.db.execute(
                f"SELECT rowid FROM customers WHERE {sql_where} ORDER BY {order_sql}", args)]
            self._counts.put_ordered(sql_where, args, order_sql, ordered)
        return ordered

    def _at(self, rowids: list[int]) -> list[sqlite3.Row]:
        """Those customers, in that order."""
        if not rowids:
            return []
        rows = self.db.execute(f"SELECT rowid AS at_rowid, * FROM customers WHERE rowid IN "
                               f"({','.join('?' * len(rowids))})", rowids).fetchall()
        place = {rowid: n for n, rowid in enumerate(rowids)}
        return sorted(rows, key=lambda row: place[row["at_rowid"]])

    def _size(self, organisation_id: str) -> int:
        """How many customers the organisation has: counted once (a link changes no
        organisation's size; 50 ms at a million, counted again after every link)."""
        size = self._sizes.get(organisation_id)
        if size is None:
            size = self._sizes[organisation_id] = self.count_customers(organisation_id)
        return size

    def customer(self, organisation_id: str, customer_id: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM customers WHERE id = ? AND organisation_id = ?",
                               (customer_id, organisation_id))

    def customer_of_user_account(self, user_account_id: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM customers WHERE user_account_id = ?",
                               (user_account_id,))

    def link(self, customer_id: str, user_account_id: str) -> None:
        self.db.execute("UPDATE customers SET user_account_id = ? WHERE id = ?",
                        (user_account_id, customer_id))
        self._counts.forget()

    def unlink(self, customer_id: str) -> None:
        self.db.execute("UPDATE customers SET user_account_id = NULL WHERE id = ?",
                        (customer_id,))
        self._counts.forget()

    # --- user accounts ------------------------------------------------------------------
    def user_account(self, organisation_id: str, account_id: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM user_accounts WHERE id = ? AND organisation_id = ?",
                               (account_id, organisation_id))

    def query_user_accounts(self, organisation_id: str, *, search: str | None,
                            account_id: str | None = None, skip: int, take: int,
                            include_total: bool, among: list[str] | None = None,
                            order: Sequence[tuple[str, bool]] = (),
                            filters: Iterable[tuple[str, str, str]] = (),
                            ) -> tuple[list[sqlite3.Row], int | None]:
        """among: only these ids; order: (column, descending), by email then id when
        none; filters: as customers' (customer_query.filters_clause: customerIdIsNull…)."""
        where = "u.organisation_id = ?"
        args: list[Any] = [organisation_id]
        if account_id:
            where += " AND u.id = ?"
            args.append(account_id)
        if among is not None:
            where += f" AND u.id IN ({','.join('?' * len(among)) or 'NULL'})"
            args += among
        if search and search.strip():
            like = f"%{escape_like(search.strip())}%"
            where += " AND (u.email LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')"
            args += [like, like]
        more, more_args = filters_clause(filters, "u.")
        where, args = " AND ".join([where, *more]), args + more_args
        order_sql = _order_sql(order or [("email", False)], "u.")
        rows = self.db.execute(
            "SELECT u.id, u.email, u.display_name, u.customer_id FROM user_accounts u "
            f"WHERE {where} ORDER BY {order_sql} LIMIT ? OFFSET ?", [*args, take, skip]
        ).fetchall()
        total = None
        if include_total:
            total = int(self.db.execute(f"SELECT COUNT(*) FROM user_accounts u WHERE {where}",
                                        args).fetchone()[0])
        return rows, total
