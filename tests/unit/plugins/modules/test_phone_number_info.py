"""phone_number_info: the account's numbers and, with include_account, the account's name without its auth token."""

from __future__ import annotations

import json

import pytest
from twilio_payloads import ACCOUNT_SID, API_ACCOUNT_URL, AUTH, NUMBERS_URL, SERVICES_URL, error, owned_number, page, page2010

from ansible_collections.tendlc.twilio.plugins.modules import phone_number_info

ACCOUNT_URL = API_ACCOUNT_URL + ".json"
TOKEN_IN_ANSWER = "the-auth-token-twilio-returns-with-the-account"
KEY = {"account_sid": ACCOUNT_SID, "api_key_sid": "SK" + "2" * 32, "api_key_secret": "unit-test-key-secret"}


def account(friendly_name="Production (East)", status="active"):
    return {"auth_token": TOKEN_IN_ANSWER, "date_created": "Thu, 30 Jul 2015 20:00:00 +0000", "date_updated": "Thu, 30 Jul 2015 20:00:00 +0000",
            "friendly_name": friendly_name, "owner_account_sid": ACCOUNT_SID, "sid": ACCOUNT_SID, "status": status,
            "subresource_uris": {}, "type": "Full", "uri": "/2010-04-01/Accounts/%s.json" % ACCOUNT_SID}


@pytest.fixture(name="numbers")
def fixture_numbers(requests_mock):
    requests_mock.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [owned_number("PN" + "1" * 32, "+15550000001")],
                                                 "/2010-04-01/Accounts/%s/IncomingPhoneNumbers.json" % ACCOUNT_SID))
    requests_mock.get(SERVICES_URL, json=page("services", []))
    return requests_mock


def test_without_include_account_only_the_sid_and_no_extra_request(numbers, run_module):
    result = run_module(phone_number_info, AUTH)
    assert result["account"] == {"sid": ACCOUNT_SID}
    assert [n["phone_number"] for n in result["phone_numbers"]] == ["+15550000001"]
    assert not [r for r in numbers.request_history if r.url.split("?")[0] == ACCOUNT_URL]


def test_include_account_names_the_account_and_drops_its_auth_token(numbers, run_module):
    numbers.get(ACCOUNT_URL, json=account())
    result = run_module(phone_number_info, {**AUTH, "include_account": True})
    assert result["account"] == {"sid": ACCOUNT_SID, "friendly_name": "Production (East)", "status": "active", "type": "Full", "note": None}
    assert TOKEN_IN_ANSWER not in json.dumps(result)
    assert [r.method for r in numbers.request_history] == ["GET"] * len(numbers.request_history)


def test_an_email_address_as_friendly_name_is_not_returned(numbers, run_module):
    numbers.get(ACCOUNT_URL, json=account("ops.lead@example.com", "suspended"))
    result = run_module(phone_number_info, {**AUTH, "include_account": True})
    assert result["account"]["friendly_name"] is None and result["account"]["status"] == "suspended"
    assert "email address" in result["account"]["note"] and "ops.lead" not in json.dumps(result)


def test_a_standard_api_key_reads_the_numbers_but_not_the_account(numbers, run_module):
    numbers.get(ACCOUNT_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    result = run_module(phone_number_info, {**KEY, "include_account": True})
    assert result.get("failed") is not True, result
    assert result["account"]["sid"] == ACCOUNT_SID and result["account"]["friendly_name"] is None
    assert "Standard API key" in result["account"]["note"] and len(result["phone_numbers"]) == 1


@pytest.mark.parametrize("status, code, message, credentials, reason", [
    (503, 20503, "Service Unavailable", AUTH, "HTTP 503, Twilio error 20503 (Service Unavailable) after 1 retries"),
    (403, 70051, "Authorization Error", KEY, "HTTP 403, Twilio error 70051 (Authorization Error)"),
    (401, 20003, "Authenticate", AUTH, "HTTP 401, Twilio error 20003 (Authenticate)"),
])
def test_any_failure_to_read_the_account_is_a_note_and_the_numbers_are_returned(numbers, run_module, status, code, message, credentials, reason):
    """The friendly name is cosmetic: a 5xx after the retries, a Restricted API key without the permission (70051), a refusal."""
    numbers.get(ACCOUNT_URL, status_code=status, json=error(code, status, message))
    result = run_module(phone_number_info, {**credentials, "include_account": True, "max_retries": 1, "retry_backoff": 0})
    assert result.get("failed") is not True, result
    assert result["account"] == {"sid": ACCOUNT_SID, "friendly_name": None, "status": None, "type": None,
                                 "note": "friendly name not read: " + reason}
    assert [n["phone_number"] for n in result["phone_numbers"]] == ["+15550000001"]


def test_a_failure_to_list_the_numbers_still_fails(requests_mock, run_module):
    requests_mock.get(NUMBERS_URL, status_code=403, json=error(70051, 403, "Authorization Error"))
    requests_mock.get(ACCOUNT_URL, json=account())
    result = run_module(phone_number_info, {**KEY, "include_account": True})
    assert result["failed"] is True and "70051" in result["msg"]


def test_no_password_or_token_of_a_webhook_url_is_returned(requests_mock, run_module):
    """Twilio accepts user:password@ in webhook URLs (HTTP authentication); a query often carries a token."""
    requests_mock.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [
        owned_number("PN" + "1" * 32, "+15550000001", sms_url="https://alice:hunter2@example.com/mkt?token=SECRET123"),
        owned_number("PN" + "2" * 32, "+15550000002", sms_url="https://example.com/plain#SECRET456"),
        owned_number("PN" + "3" * 32, "+15550000003", sms_url="")], "/2010-04-01/Accounts/%s/IncomingPhoneNumbers.json" % ACCOUNT_SID))
    requests_mock.get(SERVICES_URL, json=page("services", []))
    result = run_module(phone_number_info, AUTH)
    assert "hunter2" not in json.dumps(result) and "SECRET" not in json.dumps(result) and "alice" not in json.dumps(result)
    assert [n["sms_url"] for n in result["phone_numbers"]] == ["https://***@example.com/mkt?...", "https://example.com/plain?...", ""]
