"""Acting for a subaccount with the parent's credentials: the subaccount's own token is read through the parent (one GET),
checked (owner, status) and used for every other request; it never shows in the result."""

from __future__ import annotations

import base64

import pytest
from twilio_payloads import SERVICES_URL, error, page, service

from ansible_collections.tendlc.twilio.plugins.modules import messaging_service, messaging_service_info

PARENT_SID = "AC" + "a" * 32
PARENT_TOKEN = "unit-test-parent-token-000a"
SUB_SID = "AC" + "b" * 32
SUB_TOKEN = "unit-test-sub-token-00000b"
OTHER_SID = "AC" + "c" * 32
ACCOUNT_URL = "https://api.twilio.com/2010-04-01/Accounts/%s.json" % SUB_SID
PARENT_AUTH = {"account_sid": SUB_SID, "parent_account_sid": PARENT_SID, "parent_auth_token": PARENT_TOKEN}


def account(sid: str = SUB_SID, owner: str = PARENT_SID, status: str = "active", token: str | None = SUB_TOKEN) -> dict:
    return {"sid": sid, "owner_account_sid": owner, "status": status, "auth_token": token, "friendly_name": "Fleet 01", "type": "Full",
            "date_created": "Thu, 30 Jul 2015 20:00:00 +0000", "date_updated": "Thu, 30 Jul 2015 20:00:00 +0000",
            "subresource_uris": {}, "uri": "/2010-04-01/Accounts/%s.json" % sid}


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


@pytest.fixture(autouse=True)
def no_parent_env(monkeypatch):
    for var in ("TWILIO_PARENT_ACCOUNT_SID", "TWILIO_PARENT_AUTH_TOKEN"):
        monkeypatch.delenv(var, raising=False)


def test_the_subaccount_is_read_through_the_parent_then_acts_with_its_own_token(requests_mock, run_module):
    requests_mock.get(ACCOUNT_URL, json=account())
    requests_mock.get(SERVICES_URL, json=page("services", [service("MG" + "1" * 32, "Flex", account_sid=SUB_SID)]))
    result = run_module(messaging_service_info, PARENT_AUTH)
    assert len(result["services"]) == 1, result
    fetch, services = requests_mock.request_history
    assert (fetch.method, fetch.url.split("?")[0], fetch.headers["Authorization"]) == ("GET", ACCOUNT_URL, basic(PARENT_SID, PARENT_TOKEN))
    assert services.headers["Authorization"] == basic(SUB_SID, SUB_TOKEN)
    assert SUB_TOKEN not in str(result) and PARENT_TOKEN not in str(result)


def test_the_token_is_masked_in_the_output(requests_mock, run_module):
    # A service whose name holds the token (as a stand-in for any output that could carry it) shows it masked.
    requests_mock.get(ACCOUNT_URL, json=account())
    requests_mock.get(SERVICES_URL, json=page("services", [service("MG" + "1" * 32, "name %s" % SUB_TOKEN)]))
    result = run_module(messaging_service_info, PARENT_AUTH)
    assert SUB_TOKEN not in str(result)
    assert result["services"][0]["friendly_name"] == "name ********"


@pytest.mark.parametrize("owner", [OTHER_SID, None])
def test_an_account_of_another_owner_is_not_managed(requests_mock, run_module, owner):
    requests_mock.get(ACCOUNT_URL, json=account(owner=owner))
    result = run_module(messaging_service, {**PARENT_AUTH, "friendly_name": "Flex"})
    assert result["failed"] is True and result["field"] == "account_sid"
    assert result["msg"].startswith("account_sid=%r is not a subaccount of parent_account_sid=%r" % (SUB_SID, PARENT_SID)), result["msg"]
    assert len(requests_mock.request_history) == 1
    assert SUB_TOKEN not in str(result)


def test_an_unknown_account_is_not_a_subaccount(requests_mock, run_module):
    requests_mock.get(ACCOUNT_URL, status_code=404, json=error(20404, 404, "The requested resource was not found"))
    result = run_module(messaging_service, {**PARENT_AUTH, "friendly_name": "Flex"})
    assert "is not a subaccount of parent_account_sid=%r: Twilio knows no such account" % PARENT_SID in result["msg"], result["msg"]


@pytest.mark.parametrize("status", ["suspended", "closed"])
def test_a_suspended_or_closed_subaccount_is_not_managed(requests_mock, run_module, status):
    requests_mock.get(ACCOUNT_URL, json=account(status=status))
    result = run_module(messaging_service, {**PARENT_AUTH, "friendly_name": "Flex"})
    assert result["failed"] is True and result["account_status"] == status
    assert result["msg"].startswith("account_sid=%r is %s, not active: a suspended or closed subaccount is not managed" % (SUB_SID, status))
    assert len(requests_mock.request_history) == 1 and SUB_TOKEN not in str(result)


def test_the_parent_itself_acts_with_its_own_token(requests_mock, run_module):
    requests_mock.get("https://api.twilio.com/2010-04-01/Accounts/%s.json" % PARENT_SID, json=account(PARENT_SID, PARENT_SID, token=PARENT_TOKEN))
    requests_mock.get(SERVICES_URL, json=page("services", []))
    result = run_module(messaging_service_info, {**PARENT_AUTH, "account_sid": PARENT_SID})
    assert result["services"] == []
    assert requests_mock.request_history[1].headers["Authorization"] == basic(PARENT_SID, PARENT_TOKEN)


def test_a_refused_parent_token_names_the_parent(requests_mock, run_module):
    requests_mock.get(ACCOUNT_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    result = run_module(messaging_service, {**PARENT_AUTH, "friendly_name": "Flex"})
    assert result["failed"] is True and result["field"] == "parent_auth_token"
    assert "Twilio refused parent_account_sid=%r with its parent_auth_token (reading subaccount %r)" % (PARENT_SID, SUB_SID) in result["msg"]
    assert "account_sid with auth_token" not in result["msg"] and PARENT_TOKEN not in str(result)


def test_a_later_refusal_names_the_subaccounts_token(requests_mock, run_module):
    requests_mock.get(ACCOUNT_URL, json=account())
    requests_mock.get(SERVICES_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    result = run_module(messaging_service_info, PARENT_AUTH)
    assert result["field"] == "account_sid"
    assert "Twilio refused account_sid=%r with its own auth token, read through parent_account_sid=%r" % (SUB_SID, PARENT_SID) in result["msg"]


@pytest.mark.parametrize("extra, message", [
    ({"parent_account_sid": "ACnot-a-sid-but-long"}, "parent_account_sid is not an account SID: expected AC followed by 32 lowercase hex"),
    ({"parent_account_sid": "SK" + "a" * 32}, "parent_account_sid is not an account SID"),
    ({"parent_auth_token": "   "}, "parent_auth_token is blank"),
    ({"parent_auth_token": "AC" + "d" * 32}, "parent_auth_token has the shape of a(n) account SID"),
])
def test_bad_parent_options_fail_before_any_request(requests_mock, run_module, extra, message):
    result = run_module(messaging_service_info, {**PARENT_AUTH, **extra})
    assert result["failed"] is True and result["msg"].startswith(message), result["msg"]
    assert requests_mock.request_history == []
    assert "ACnot-a-sid-but-long" not in str(result)


@pytest.mark.parametrize("extra, message", [
    ({"auth_token": "sub-token-given-too"}, "parameters are mutually exclusive: parent_auth_token|auth_token"),
    ({"api_key_sid": "SK" + "e" * 32, "api_key_secret": "key-secret-000e"}, "parameters are mutually exclusive: parent_auth_token|api_key_sid"),
])
def test_the_subaccounts_own_credentials_are_not_given_with_the_parents(requests_mock, run_module, extra, message):
    result = run_module(messaging_service_info, {**PARENT_AUTH, **extra})
    assert result["failed"] is True and message in result["msg"], result["msg"]
    assert requests_mock.request_history == []


def test_the_parent_sid_needs_the_parent_token(requests_mock, run_module):
    result = run_module(messaging_service_info, {"account_sid": SUB_SID, "parent_account_sid": PARENT_SID})
    assert result["failed"] is True and "parent_account_sid" in result["msg"] and "parent_auth_token" in result["msg"], result["msg"]
    assert requests_mock.request_history == []


def test_the_environment_gives_the_parent(requests_mock, run_module, monkeypatch):
    monkeypatch.setenv("TWILIO_PARENT_ACCOUNT_SID", PARENT_SID)
    monkeypatch.setenv("TWILIO_PARENT_AUTH_TOKEN", PARENT_TOKEN)
    requests_mock.get(ACCOUNT_URL, json=account())
    requests_mock.get(SERVICES_URL, json=page("services", []))
    result = run_module(messaging_service_info, {"account_sid": SUB_SID})
    assert result["services"] == [] and requests_mock.request_history[1].headers["Authorization"] == basic(SUB_SID, SUB_TOKEN)
