"""Credentials: an API key is checked against account_sid before anything else; a refusal names the credentials, never the secret."""

from __future__ import annotations

from twilio_payloads import ACCOUNT_SID, AUTH, SERVICES_URL, error, page, service

from ansible_collections.tendlc.twilio.plugins.modules import messaging_service, messaging_service_info

KEY_SID = "SK" + "4" * 32
KEY_SECRET = "unit-test-key-secret-0004"
KEY_AUTH = {"account_sid": ACCOUNT_SID, "api_key_sid": KEY_SID, "api_key_secret": KEY_SECRET}
NUMBERS_URL = "https://api.twilio.com/2010-04-01/Accounts/%s/IncomingPhoneNumbers.json" % ACCOUNT_SID
NUMBERS_PAGE = {"incoming_phone_numbers": [], "end": 0, "first_page_uri": "", "next_page_uri": None, "page": 0, "page_size": 1,
                "previous_page_uri": None, "start": 0, "uri": ""}


def test_an_api_key_is_checked_in_account_sids_own_path_first(requests_mock, run_module):
    requests_mock.get(NUMBERS_URL, json=NUMBERS_PAGE)
    requests_mock.get(SERVICES_URL, json=page("services", [service("MG" + "1" * 32, "Flex")]))
    result = run_module(messaging_service_info, KEY_AUTH)
    assert len(result["services"]) == 1
    first = requests_mock.request_history[0]
    assert (first.method, first.url.split("?")[0], first.qs) == ("GET", NUMBERS_URL, {"pagesize": ["1"]})


def test_an_api_key_of_another_account_stops_before_any_write(requests_mock, run_module):
    requests_mock.get(NUMBERS_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    result = run_module(messaging_service, {**KEY_AUTH, "friendly_name": "Flex"})
    assert result["failed"] is True and result["field"] == "api_key_sid"
    assert ("Twilio refused api_key_sid='%s' with its api_key_secret for account_sid='%s'" % (KEY_SID, ACCOUNT_SID)) in result["msg"]
    assert "the key belongs to another account" in result["msg"]
    assert "Check the credentials: account_sid with auth_token" not in result["msg"]
    assert [r.method for r in requests_mock.request_history] == ["GET"]
    assert KEY_SECRET not in str(result)


def test_an_auth_token_sends_no_extra_request_and_a_refusal_names_the_account(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    result = run_module(messaging_service_info, AUTH)
    assert result["failed"] is True and result["field"] == "account_sid"
    assert "Twilio refused account_sid='%s' with its auth_token" % ACCOUNT_SID in result["msg"]
    assert len(requests_mock.request_history) == 1


def test_other_errors_keep_their_message(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, status_code=403, json=error(20403, 403, "Forbidden"))
    result = run_module(messaging_service_info, AUTH)
    assert result["msg"] == "Failed to list messaging services: Twilio error 20403 (HTTP 403): Forbidden."
