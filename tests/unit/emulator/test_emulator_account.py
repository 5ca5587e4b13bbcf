"""The 2010 Account resource: the spec's fields, no credential in the log, refused to API keys and other accounts."""

import re
from pathlib import Path
from typing import Any, Callable

from contract.log_records import read_log
from contract.spec_fetch import fetch_spec
from contract.validator import format_problems, validate_records
from emulator.reqlog import REDACTED
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, KEY_A, KEY_SECRET_A, TOKEN_A, TOKEN_B

# api.v2010.account, in the spec's order
ACCOUNT_KEYS = ["auth_token", "date_created", "date_updated", "friendly_name", "owner_account_sid", "sid", "status", "subresource_uris",
                "type", "uri"]
RFC_2822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$")


def account_path(sid: str) -> str:
    return f"/api/2010-04-01/Accounts/{sid}.json"


def test_the_account_follows_the_spec_and_carries_no_token(api: Any, emu: Emulator, tmp_path: Path) -> None:
    response = api.get(account_path(ACCOUNT_A))
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body) == ACCOUNT_KEYS
    assert (body["sid"], body["owner_account_sid"], body["friendly_name"]) == (ACCOUNT_A, ACCOUNT_A, "Staging")
    assert (body["status"], body["type"], body["uri"]) == ("active", "Full", f"/2010-04-01/Accounts/{ACCOUNT_A}.json")
    assert RFC_2822.match(body["date_created"]) and body["date_updated"] == body["date_created"]
    assert body["subresource_uris"]["incoming_phone_numbers"] == f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json"
    assert body["subresource_uris"]["short_codes"] == f"/2010-04-01/Accounts/{ACCOUNT_A}/SMS/ShortCodes.json"
    assert body["auth_token"] == TOKEN_A  # as the spec's fetch example: the account's token; the log redacts it
    log = tmp_path / "requests.jsonl"
    assert TOKEN_A not in log.read_text(encoding="utf-8") and read_log(log)[-1]["response"]["auth_token"] == REDACTED
    problems = validate_records(read_log(log), fetch_spec())
    assert not problems, format_problems(problems, str(log))


def test_an_account_without_a_friendly_name_is_named_by_its_sid(api_as: Callable[..., Any]) -> None:
    response = api_as(ACCOUNT_B, TOKEN_B).get(account_path(ACCOUNT_B))
    assert response.status_code == 200 and response.json()["friendly_name"] == ACCOUNT_B


def test_an_api_key_and_another_account_are_refused(api: Any, api_as: Callable[..., Any], tmp_path: Path) -> None:
    by_key = api_as(KEY_A, KEY_SECRET_A).get(account_path(ACCOUNT_A))
    assert (by_key.status_code, by_key.json()["code"], by_key.json()["message"]) == (401, 20003, "Authentication Error - invalid username")
    assert api_as(KEY_A, KEY_SECRET_A).get(f"/api/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json").status_code == 200
    other = api.get(account_path(ACCOUNT_B))
    refused = {"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}
    assert other.status_code == 401 and other.json() == refused
    problems = validate_records(read_log(tmp_path / "requests.jsonl"), fetch_spec())
    assert not problems, format_problems(problems, str(tmp_path / "requests.jsonl"))


def test_the_sdk_reads_the_account(sdk: Callable[..., Any]) -> None:
    account = sdk(ACCOUNT_A, TOKEN_A).api.v2010.accounts(ACCOUNT_A).fetch()
    assert (account.sid, account.friendly_name, account.status, account.type) == (ACCOUNT_A, "Staging", "active", "Full")
