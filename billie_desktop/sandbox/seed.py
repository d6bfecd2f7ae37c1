"""Deterministic, realistic Australian demo data for the sandbox.

Everything comes from one ``random.Random(seed)``: the same seed gives the same
organisations, customers and user accounts, ids included. E-mail domains are reserved
example domains, so no address belongs to a real person.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import unicodedata
from collections.abc import Iterator

from billie_desktop.sandbox.wire import new_guid

FIRST_NAMES = (
    "Olivia", "Charlotte", "Amelia", "Isla", "Mia", "Ava", "Grace", "Chloe", "Zoë", "Matilda",
    "Ruby", "Sienna", "Harper", "Evie", "Lucy", "Sophie", "Jessica", "Emily", "Hannah", "Ella",
    "Jack", "Oliver", "William", "Noah", "Thomas", "Henry", "Lachlan", "Harrison", "Cooper",
    "James", "Lucas", "Ethan", "Liam", "Mason", "Archie", "Hugo", "Riley", "Angus", "Fletcher",
    "Mohammed", "Aarav", "Priya", "Ananya", "Arjun", "Wei", "Mei", "Jun", "Xin", "Minh",
    "Linh", "Thanh", "Huong", "Giorgos", "Eleni", "Dimitri", "Sofia", "Marco", "Giulia",
    "Luca", "Francesca", "Fatima", "Omar", "Layla", "Yusuf", "Aisha", "Jarrah", "Kirra",
    "Talara", "Bindi", "Mandawuy", "Siobhán", "Seán", "Niamh", "Ciarán", "José", "Renée",
    "Chloé", "Anh", "Sione", "Mele", "Tane", "Aroha", "Raj", "Deepika", "Kenji", "Yuki",
)
LAST_NAMES = (
    "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White", "Martin",
    "Anderson", "Thompson", "Nguyen", "Thomas", "Walker", "Harris", "Lee", "Ryan", "Robinson",
    "Kelly", "King", "Davis", "Wright", "Evans", "Roberts", "Green", "Hall", "Wood", "Jackson",
    "Clarke", "Patel", "Khan", "Singh", "Chen", "Wang", "Li", "Zhang", "Tran", "Le", "Pham",
    "Huynh", "Papadopoulos", "Nikolaidis", "Georgiou", "Rossi", "Russo", "Romano", "Esposito",
    "Bianchi", "O'Brien", "O'Connor", "O'Neill", "McDonald", "MacKenzie", "Fitzgerald",
    "Murphy", "Byrne", "Haddad", "Khoury", "Nasser", "Saleh", "Ahmed", "Hussain", "Yildiz",
    "Kowalski", "Novak", "van der Berg", "de Silva", "Fernando", "Perera", "Tanaka", "Sato",
    "Kim", "Park", "Mabo", "Yunupingu", "Watson", "Smith-Jones", "Campbell", "Stewart",
    "Mitchell", "Sullivan", "Morrison", "Hughes", "Edwards", "Turner", "Baker", "Cooper",
)
STREETS = (
    "High", "Station", "Church", "Victoria", "Queen", "King", "Elizabeth", "George",
    "William", "Bridge", "Park", "Railway", "Lygon", "Sydney", "Chapel", "Brunswick",
    "Smith", "Johnston", "Swan", "Albert", "Gipps", "Bourke", "Collins", "Flinders", "Pitt",
    "Oxford", "Crown", "Glebe Point", "Parramatta", "Anzac", "Banksia", "Wattle", "Acacia",
    "Jacaranda", "Waratah", "Kookaburra", "Koala", "Boronia", "Grevillea", "Eucalyptus",
)
STREET_TYPES = ("Street", "Road", "Avenue", "Parade", "Crescent", "Court", "Place", "Drive",
                "Lane", "Terrace", "Highway", "Close", "Grove", "Way")
ADDRESS_LINE2 = ("Unit {n}", "Apartment {n}", "Level {n}", "Suite {n}", "Flat {n}", "Rear")

# (suburb, state or territory, postcode): real combinations.
VIC = (
    ("Fitzroy", "VIC", "3065"), ("Carlton", "VIC", "3053"), ("Brunswick", "VIC", "3056"),
    ("Richmond", "VIC", "3121"), ("St Kilda", "VIC", "3182"), ("Footscray", "VIC", "3011"),
    ("Box Hill", "VIC", "3128"), ("Frankston", "VIC", "3199"), ("Geelong", "VIC", "3220"),
    ("Ballarat Central", "VIC", "3350"), ("Bendigo", "VIC", "3550"),
    ("Dandenong", "VIC", "3175"), ("Werribee", "VIC", "3030"), ("Hawthorn", "VIC", "3122"),
    ("Doncaster", "VIC", "3108"), ("Essendon", "VIC", "3040"), ("Preston", "VIC", "3072"),
    ("Coburg", "VIC", "3058"), ("Glen Waverley", "VIC", "3150"),
    ("Craigieburn", "VIC", "3064"), ("Sunshine", "VIC", "3020"),
    ("Moonee Ponds", "VIC", "3039"), ("Williamstown", "VIC", "3016"),
    ("Mornington", "VIC", "3931"), ("Cranbourne", "VIC", "3977"), ("Pakenham", "VIC", "3810"),
)
NSW = (
    ("Parramatta", "NSW", "2150"), ("Bondi", "NSW", "2026"), ("Newtown", "NSW", "2042"),
    ("Manly", "NSW", "2095"), ("Chatswood", "NSW", "2067"), ("Penrith", "NSW", "2750"),
    ("Liverpool", "NSW", "2170"), ("Blacktown", "NSW", "2148"), ("Hornsby", "NSW", "2077"),
    ("Cronulla", "NSW", "2230"), ("Surry Hills", "NSW", "2010"),
    ("Marrickville", "NSW", "2204"), ("Randwick", "NSW", "2031"), ("Ryde", "NSW", "2112"),
    ("Campbelltown", "NSW", "2560"), ("Newcastle", "NSW", "2300"),
    ("Wollongong", "NSW", "2500"), ("Gosford", "NSW", "2250"), ("Castle Hill", "NSW", "2154"),
    ("Bankstown", "NSW", "2200"),
)
ELSEWHERE = (
    ("Canberra", "ACT", "2600"), ("Belconnen", "ACT", "2617"), ("Brisbane City", "QLD", "4000"),
    ("Fortitude Valley", "QLD", "4006"), ("Southport", "QLD", "4215"),
    ("Adelaide", "SA", "5000"), ("Glenelg", "SA", "5045"), ("Perth", "WA", "6000"),
    ("Fremantle", "WA", "6160"), ("Hobart", "TAS", "7000"), ("Launceston", "TAS", "7250"),
    ("Darwin City", "NT", "0800"), ("Alice Springs", "NT", "0870"),
)
AREA_CODES = {"VIC": "03", "TAS": "03", "NSW": "02", "ACT": "02", "QLD": "07",
              "SA": "08", "WA": "08", "NT": "08"}
BANK_PREFIXES = ("01", "03", "06", "08", "73", "76", "48", "63")  # ANZ, WBC, CBA, NAB, ...
BSB_STATE_DIGIT = {"NSW": "2", "ACT": "2", "VIC": "3", "TAS": "7", "QLD": "4", "SA": "5",
                   "NT": "5", "WA": "6"}
CONTACT_METHODS = ("Email", "Email", "Email", "SMS", "SMS", "Phone", "Post")
EMAIL_DOMAINS = ("example.com.au", "example.net.au", "example.com", "mail.example",
                 "example.org.au")
EDGE_BIRTH_DATES = (dt.date(2000, 2, 29), dt.date(1988, 2, 29), dt.date(1970, 1, 1),
                    dt.date(1999, 12, 31), dt.date(1984, 1, 1), dt.date(1964, 2, 29))

CUSTOMER_COLUMNS = (
    "id", "organisation_id", "first_name", "last_name", "date_of_birth", "drivers_licence_no",
    "email", "phone", "phone_digits", "preferred_contact_method", "address_line1",
    "address_line2", "suburb", "state_territory", "postcode", "bsb_number", "account_number",
    "user_account_id",
)


@functools.cache  # (a few hundred names, folded for two million customers' emails)
def ascii_fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def _licence(rng: random.Random, state: str) -> str:
    if state in ("NSW",):
        return f"{rng.randrange(10**7, 10**8)}"
    if state in ("SA", "TAS"):
        return f"{rng.choice('SABCDT')}{rng.randrange(10**4, 10**5)}"
    if state == "WA":
        return f"{rng.randrange(10**6, 10**7)}"
    return f"{rng.randrange(10**8, 10**9)}"


def _phone(rng: random.Random, state: str) -> str:
    roll = rng.random()
    if roll < 0.68:
        return f"04{rng.randrange(10, 100)} {rng.randrange(100, 1000)} {rng.randrange(100, 1000)}"
    if roll < 0.78:
        return (f"+61 4{rng.randrange(10, 100)} {rng.randrange(100, 1000)} "
                f"{rng.randrange(100, 1000)}")
    return f"({AREA_CODES[state]}) {rng.randrange(4000, 10000)} {rng.randrange(1000, 10000)}"


def _birth_date(rng: random.Random, index: int) -> dt.date:
    if index < len(EDGE_BIRTH_DATES):
        return EDGE_BIRTH_DATES[index]
    return dt.date(1936, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 70))


def customer_rows(rng: random.Random, organisation_id: str, home: tuple[tuple[str, str, str], ...],
                  count: int) -> Iterator[tuple[object, ...]]:
    """Rows in CUSTOMER_COLUMNS order (user_account_id left empty: linked later)."""
    for index in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        suburb, state, postcode = rng.choice(home) if rng.random() < 0.92 else rng.choice(ELSEWHERE)
        email = (f"{ascii_fold(first)}.{ascii_fold(last)}{rng.randrange(1, 1000)}"
                 f"@{rng.choice(EMAIL_DOMAINS)}") if rng.random() < 0.95 else None
        phone = _phone(rng, state) if rng.random() < 0.93 else None
        line2 = rng.choice(ADDRESS_LINE2).format(n=rng.randrange(1, 40)) if rng.random() < 0.22 \
            else None
        has_bank = rng.random() < 0.85
        yield (
            new_guid(rng), organisation_id, first, last, _birth_date(rng, index).isoformat(),
            _licence(rng, state) if rng.random() < 0.9 else None,
            email, phone, "".join(c for c in phone if c.isdigit()) if phone else None,
            rng.choice(CONTACT_METHODS),
            f"{rng.randrange(1, 400)} {rng.choice(STREETS)} {rng.choice(STREET_TYPES)}",
            line2, suburb, state, postcode,
            f"{rng.choice(BANK_PREFIXES)}{BSB_STATE_DIGIT[state]}-{rng.randrange(0, 1000):03d}"
            if has_bank else None,
            f"{rng.randrange(10**5, 10**9)}" if has_bank else None,
            None,
        )
