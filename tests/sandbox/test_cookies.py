"""The Cookie header, read as ASP.NET Core reads it (docs/api-contract.md §2): a bad pair
is skipped and the pairs after it are kept; empty names and values are ignored."""

from __future__ import annotations

import httpx
import pytest

from billie_desktop.sandbox.cookies import parse_cookie_headers
from tests.sandbox.helpers import MANAGER, PASSWORD


@pytest.mark.parametrize("header,expected", [
    ("a=1; b=2", {"a": "1", "b": "2"}),
    ("a=1, b=2;;c=3", {"a": "1", "b": "2", "c": "3"}),
    ("ss-tok=abc; 27 Dec 2026 02:14:32 GMT=null; ss-reftok=xyz",
     {"ss-tok": "abc", "GMT": "null", "ss-reftok": "xyz"}),
    ("a=1; not a pair; b=2", {"a": "1", "b": "2"}),
    ("a=; =b; c=3", {"c": "3"}),  # empty values and names are ignored
    ('q="quoted"; u=%41%20b', {"q": '"quoted"', "u": "A b"}),
    ('open="no end; z=9', {"z": "9"}),
    ("", {}), (";;,,", {}), ("garbage", {}),
])
def test_the_parser(header, expected):
    assert parse_cookie_headers([header]) == expected


def test_several_cookie_headers_are_read_together():
    assert parse_cookie_headers(["a=1", "b=2; a=3"]) == {"a": "3", "b": "2"}


@pytest.mark.parametrize("auth", ["jwt-cookie", "session"])
def test_a_naively_split_set_cookie_still_signs_in(sandbox_factory, auth):
    """What client libraries send after splitting Set-Cookie at the comma in expires."""
    sandbox = sandbox_factory(auth=auth, customers=10)
    signed = httpx.post(f"{sandbox.url}/auth/credentials",
                        json={"userName": MANAGER, "password": PASSWORD, "rememberMe": True})
    assert signed.status_code == 200
    pairs = [f"{c.name}={c.value}" for c in signed.cookies.jar]
    assert pairs
    broken = "; ".join([pairs[0], "27 Dec 2026 02:14:32 GMT=null", *pairs[1:],
                        "=orphan", "empty="])
    response = httpx.get(f"{sandbox.url}/auth", headers={"Cookie": broken})
    assert response.status_code == 200, response.text
    assert response.json()["userName"] == MANAGER
    # and with nothing valid left, signed out: an empty 401
    response = httpx.get(f"{sandbox.url}/auth", headers={"Cookie": "27 Dec 2026 GMT; ;="})
    assert response.status_code == 401
