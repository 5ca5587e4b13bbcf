"""HTTP Basic auth with account SID + token or API key + secret, and per-account isolation."""

from typing import Any, Callable

import pytest
import requests

from emulator_testkit import ACCOUNT_A, ACCOUNT_B, KEY_A, KEY_SECRET_A, SEEDED_SERVICE, TOKEN_A, TOKEN_B

AUTHENTICATE = {"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}


@pytest.mark.parametrize("user, password", [
    (None, ""),
    (ACCOUNT_A, "wrong"),
    (ACCOUNT_A, TOKEN_B),
    (ACCOUNT_A, ""),
    (KEY_A, "wrong"),
    (KEY_A, TOKEN_A),
    ("AC" + "0" * 32, TOKEN_A),
    ("SK" + "0" * 32, KEY_SECRET_A),
])
def test_bad_credentials_are_401(api_as: Callable[..., Any], user: Any, password: str) -> None:
    client = api_as(user, password)
    for response in (client.get("/messaging/v1/Services"), client.post("/messaging/v1/Services", {"FriendlyName": "x"}),
                     client.get(f"/messaging/v1/Services/{SEEDED_SERVICE}"), client.get("/messaging/v1/NoSuchPath")):
        assert response.status_code == 401
        assert response.json() == AUTHENTICATE
        assert response.headers["WWW-Authenticate"] == 'Basic realm="Twilio API"'


@pytest.mark.parametrize("header", ["Basic !!!not-base64", "Bearer abc", "Basic " + "QUM=", "Digest x"])
def test_malformed_authorization_is_401(api: Any, header: str) -> None:
    response = requests.get(api.url("/messaging/v1/Services"), headers={"Authorization": header}, timeout=10)
    assert response.status_code == 401 and response.json() == AUTHENTICATE


def test_nothing_is_written_without_auth(api: Any, api_as: Callable[..., Any]) -> None:
    api_as(None).post("/messaging/v1/Services", {"FriendlyName": "anonymous"})
    assert "anonymous" not in [s["friendly_name"] for s in api.get("/messaging/v1/Services").json()["services"]]


def test_api_key_acts_as_its_account(api_as: Callable[..., Any]) -> None:
    key = api_as(KEY_A, KEY_SECRET_A)
    assert [s["sid"] for s in key.get("/messaging/v1/Services").json()["services"]] == [SEEDED_SERVICE]
    created = key.create_service("Made with a key")
    assert created["account_sid"] == ACCOUNT_A


def test_accounts_see_only_their_own_services(api: Any, api_as: Callable[..., Any]) -> None:
    other = api_as(ACCOUNT_B, TOKEN_B)
    mine = api.create_service("Account A service")
    theirs = other.create_service("Account B service")
    assert theirs["account_sid"] == ACCOUNT_B
    assert [s["sid"] for s in other.get("/messaging/v1/Services").json()["services"]] == [theirs["sid"]]
    assert theirs["sid"] not in [s["sid"] for s in api.get("/messaging/v1/Services").json()["services"]]
    for method in ("GET", "POST", "DELETE"):
        response = other.session.request(method, other.url(f"/messaging/v1/Services/{mine['sid']}"), data={"FriendlyName": "hijack"}, timeout=10)
        assert response.status_code == 404 and response.json()["code"] == 20404
    assert api.get(f"/messaging/v1/Services/{mine['sid']}").json() == mine
