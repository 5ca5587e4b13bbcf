"""2010 Accounts with subaccounts: list, create, fetch, update, the seed's ``parent`` and ``status``, and the
authentication rules of Twilio's Subaccounts page (main credentials on a subaccount's 2010 paths, never on other products;
no subaccount credentials on the parent or a sibling; no main API key on a subaccount; inactive accounts refused)."""

import copy
import json
import re
from pathlib import Path
from typing import Any, Callable

import pytest
from twilio.rest import Client

from contract.log_records import read_log
from contract.spec_fetch import fetch_spec
from contract.validator import format_problems, validate_records
from emulator.errors import SeedError
from emulator.reqlog import REDACTED
from emulator.seed import load_seed
from emulator.server import Emulator
from emulator_testkit import Api, EmulatorHttpClient
from fleet_testkit import fixture_fleet  # noqa: F401  # pylint: disable=unused-import
from fleet_testkit import (OTHER, OTHER_TOKEN, PARENT, PARENT_KEY, PARENT_KEY_SECRET, PARENT_TOKEN, SUB_1, SUB_1_TOKEN, SUB_2, SUB_2_TOKEN,
                           SUSPENDED, SUSPENDED_TOKEN, TOKENS, fleet_seed)

ACCOUNTS = "/api/2010-04-01/Accounts.json"
NOT_ACTIVE = {"code": 20005, "message": "Account not active", "more_info": "https://www.twilio.com/docs/errors/20005", "status": 401}


def account_path(sid: str, suffix: str = ".json") -> str:
    return f"/api/2010-04-01/Accounts/{sid}{suffix}"


def numbers_path(sid: str) -> str:
    return account_path(sid, "/IncomingPhoneNumbers.json")


@pytest.fixture(name="as_")
def fixture_as(fleet: Emulator) -> Callable[[str, str], Api]:
    return lambda user, password: Api(fleet.url, (user, password))


def sdk(fleet: Emulator, user: str, password: str, account_sid: str) -> Client:
    return Client(user, password, account_sid=account_sid, http_client=EmulatorHttpClient(fleet.url))


def error(response: Any) -> tuple[int, int]:
    return response.status_code, response.json()["code"]


def test_a_main_account_lists_itself_and_its_subaccounts_with_their_tokens(as_: Callable[[str, str], Api]) -> None:
    body = as_(PARENT, PARENT_TOKEN).get(ACCOUNTS).json()
    listed = [(a["sid"], a["owner_account_sid"], a["status"], a["auth_token"]) for a in body["accounts"]]
    assert listed == [(PARENT, PARENT, "active", PARENT_TOKEN), (SUB_1, PARENT, "active", SUB_1_TOKEN),
                      (SUB_2, PARENT, "active", SUB_2_TOKEN), (SUSPENDED, PARENT, "suspended", SUSPENDED_TOKEN)]
    assert (body["uri"], body["page_size"], body["next_page_uri"]) == ("/2010-04-01/Accounts.json?PageSize=50&Page=0", 50, None)


def test_a_subaccount_lists_only_itself(as_: Callable[[str, str], Api]) -> None:
    assert [a["sid"] for a in as_(SUB_1, SUB_1_TOKEN).get(ACCOUNTS).json()["accounts"]] == [SUB_1]


def test_the_list_filters_and_pages(as_: Callable[[str, str], Api]) -> None:
    api = as_(PARENT, PARENT_TOKEN)
    assert [a["sid"] for a in api.get(ACCOUNTS, params={"Status": "suspended"}).json()["accounts"]] == [SUSPENDED]
    by_name = api.get(ACCOUNTS, params={"FriendlyName": "Fleet 02"}).json()
    assert [a["sid"] for a in by_name["accounts"]] == [SUB_2] and "FriendlyName=Fleet+02" in by_name["uri"]
    assert api.get(ACCOUNTS, params={"FriendlyName": "Fleet"}).json()["accounts"] == []  # exact, not a prefix
    assert error(api.get(ACCOUNTS, params={"Status": "gone"})) == (400, 20001)
    first = api.get(ACCOUNTS, params={"PageSize": 3, "Status": "active"}).json()
    assert [a["sid"] for a in first["accounts"]] == [PARENT, SUB_1, SUB_2] and first["next_page_uri"] is None
    pages, uri = [], ACCOUNTS + "?PageSize=2"
    while uri:
        page = api.get(uri).json()
        pages.append([a["sid"] for a in page["accounts"]])
        uri = page["next_page_uri"] and "/api" + page["next_page_uri"]
    assert pages == [[PARENT, SUB_1], [SUB_2, SUSPENDED]]


def test_the_sdk_lists_every_page_and_creates_a_subaccount(fleet: Emulator) -> None:
    client = sdk(fleet, PARENT, PARENT_TOKEN, PARENT)
    assert [a.sid for a in client.api.v2010.accounts.list(page_size=1)] == [PARENT, SUB_1, SUB_2, SUSPENDED]
    created = client.api.v2010.accounts.create(friendly_name="Fleet 04")
    assert (created.owner_account_sid, created.status, created.friendly_name) == (PARENT, "active", "Fleet 04")
    assert re.fullmatch(r"AC[0-9a-f]{32}", created.sid) and re.fullmatch(r"[0-9a-f]{32}", created.auth_token)
    own = sdk(fleet, created.sid, created.auth_token, created.sid)
    assert own.api.v2010.accounts(created.sid).incoming_phone_numbers.list() == []
    assert [a.sid for a in client.api.v2010.accounts.list(friendly_name="Fleet 04")] == [created.sid]


def test_a_new_subaccount_gets_the_default_name_and_a_subaccount_cannot_create_one(as_: Callable[[str, str], Api]) -> None:
    created = as_(PARENT, PARENT_TOKEN).post(ACCOUNTS)
    assert created.status_code == 201
    assert re.fullmatch(r"SubAccount Created at \d{4}-\d{2}-\d{2} \d{2}:\d{2} (AM|PM)", created.json()["friendly_name"])
    assert error(as_(SUB_1, SUB_1_TOKEN).post(ACCOUNTS, {"FriendlyName": "nested"})) == (400, 20001)
    assert error(as_(PARENT, PARENT_TOKEN).post(ACCOUNTS, {"FriendlyName": "x" * 65})) == (400, 20001)


def test_fetch_reaches_own_account_and_subaccounts_only(as_: Callable[[str, str], Api]) -> None:
    parent = as_(PARENT, PARENT_TOKEN)
    sub = parent.get(account_path(SUB_1)).json()
    assert (sub["sid"], sub["owner_account_sid"], sub["auth_token"], sub["friendly_name"]) == (SUB_1, PARENT, SUB_1_TOKEN, "Fleet 01")
    assert parent.get(account_path(SUSPENDED)).json()["status"] == "suspended"  # the parent still reads a suspended one
    assert error(parent.get(account_path(OTHER))) == (401, 20003)
    assert error(as_(SUB_1, SUB_1_TOKEN).get(account_path(PARENT))) == (401, 20003)
    assert error(as_(SUB_1, SUB_1_TOKEN).get(account_path(SUB_2))) == (401, 20003)
    by_key = as_(PARENT_KEY, PARENT_KEY_SECRET)
    for response in (by_key.get(account_path(SUB_1)), by_key.get(ACCOUNTS), by_key.post(ACCOUNTS), by_key.post(account_path(SUB_1), {"Status": "suspended"})):
        assert (response.status_code, response.json()["message"]) == (401, "Authentication Error - invalid username")


def test_suspend_reactivate_and_close_a_subaccount(as_: Callable[[str, str], Api]) -> None:
    parent, sub = as_(PARENT, PARENT_TOKEN), as_(SUB_1, SUB_1_TOKEN)
    suspended = parent.post(account_path(SUB_1), {"Status": "suspended", "FriendlyName": "Fleet 01 (paused)"})
    assert suspended.status_code == 200 and (suspended.json()["status"], suspended.json()["friendly_name"]) == ("suspended", "Fleet 01 (paused)")
    assert sub.get(numbers_path(SUB_1)).json() == NOT_ACTIVE
    assert sub.get("/messaging/v1/Services").json() == NOT_ACTIVE
    assert parent.get(numbers_path(SUB_1)).json() == NOT_ACTIVE
    assert parent.post(account_path(SUB_1), {"Status": "active"}).json()["status"] == "active"
    assert sub.get(numbers_path(SUB_1)).status_code == 200
    assert parent.post(account_path(SUB_1), {"Status": "closed"}).json()["status"] == "closed"
    reopened = parent.post(account_path(SUB_1), {"Status": "active"})
    assert error(reopened) == (400, 21479) and "can not be re-opened" in reopened.json()["message"]
    assert sub.get(ACCOUNTS).json() == NOT_ACTIVE
    assert [a["sid"] for a in parent.get(ACCOUNTS, params={"Status": "closed"}).json()["accounts"]] == [SUB_1]


def test_an_account_cannot_change_its_own_status_and_the_status_is_checked(as_: Callable[[str, str], Api]) -> None:
    assert error(as_(PARENT, PARENT_TOKEN).post(account_path(PARENT), {"Status": "suspended"})) == (400, 20001)
    assert error(as_(SUB_1, SUB_1_TOKEN).post(account_path(SUB_1), {"Status": "closed"})) == (400, 20001)
    assert error(as_(PARENT, PARENT_TOKEN).post(account_path(SUB_1), {"Status": "paused"})) == (400, 20001)
    renamed = as_(SUB_1, SUB_1_TOKEN).post(account_path(SUB_1), {"FriendlyName": "Renamed"})
    assert renamed.status_code == 200 and renamed.json()["friendly_name"] == "Renamed"


def test_a_suspended_accounts_own_credentials_are_refused(as_: Callable[[str, str], Api]) -> None:
    assert as_(SUSPENDED, SUSPENDED_TOKEN).get(account_path(SUSPENDED)).json() == NOT_ACTIVE
    assert as_(SUSPENDED, SUSPENDED_TOKEN).get("/messaging/v1/Tollfree/Verifications").json() == NOT_ACTIVE


def test_a_suspended_main_account_suspends_its_subaccounts(fleet: Emulator, as_: Callable[[str, str], Api]) -> None:
    admin = Api(fleet.url, None)
    assert admin.post(f"/_emulator/accounts/{PARENT}", json={"status": "suspended"}).json()["auth_token"] == REDACTED
    assert as_(PARENT, PARENT_TOKEN).get(ACCOUNTS).json() == NOT_ACTIVE
    assert as_(SUB_1, SUB_1_TOKEN).get(numbers_path(SUB_1)).json() == NOT_ACTIVE
    assert admin.post(f"/_emulator/accounts/{PARENT}", json={"status": "active"}).status_code == 200
    assert as_(SUB_1, SUB_1_TOKEN).get(numbers_path(SUB_1)).status_code == 200


def test_the_admin_route_checks_its_body(fleet: Emulator) -> None:
    admin = Api(fleet.url, None)
    assert admin.post(f"/_emulator/accounts/{SUB_1}", json={"status": "paused"}).status_code == 400
    assert admin.post(f"/_emulator/accounts/{SUB_1}", json={"token": "x"}).status_code == 400
    assert admin.post("/_emulator/accounts/AC" + "9" * 32, json={"status": "active"}).status_code == 404


def test_parent_credentials_act_on_a_subaccounts_2010_resources(as_: Callable[[str, str], Api], fleet: Emulator) -> None:
    listed = as_(PARENT, PARENT_TOKEN).get(numbers_path(SUB_1)).json()["incoming_phone_numbers"]
    assert [n["phone_number"] for n in listed] == ["+18335550101", "+18445550102"] and {n["account_sid"] for n in listed} == {SUB_1}
    client = sdk(fleet, PARENT, PARENT_TOKEN, SUB_1)  # the helper libraries' way: main SID and token, the subaccount's SID
    assert [n.phone_number for n in client.incoming_phone_numbers.list()] == ["+18335550101", "+18445550102"]


def test_the_refusals_of_the_auth_matrix(as_: Callable[[str, str], Api]) -> None:
    assert error(as_(PARENT_KEY, PARENT_KEY_SECRET).get(numbers_path(SUB_1))) == (401, 20003)  # main API key on a subaccount
    assert as_(PARENT_KEY, PARENT_KEY_SECRET).get(numbers_path(PARENT)).status_code == 200  # on its own account it works
    assert error(as_(SUB_1, SUB_1_TOKEN).get(numbers_path(PARENT))) == (401, 20003)  # subaccount on its parent
    assert error(as_(SUB_1, SUB_1_TOKEN).get(numbers_path(SUB_2))) == (401, 20003)  # subaccount on a sibling
    assert error(as_(OTHER, OTHER_TOKEN).get(numbers_path(SUB_1))) == (401, 20003)  # an unrelated account
    assert error(as_(PARENT, PARENT_TOKEN).get(numbers_path(OTHER))) == (401, 20003)  # a main account on an unrelated one


def test_parent_credentials_on_other_products_act_on_the_parent(fleet: Emulator) -> None:
    client = sdk(fleet, PARENT, PARENT_TOKEN, SUB_1)  # whatever account SID the SDK holds, v1 paths carry none
    client.messaging.v1.services.create(friendly_name="made with the parent's credentials")
    state = fleet.state.snapshot()["accounts"]
    assert [s["friendly_name"] for s in state[PARENT]["services"]] == ["made with the parent's credentials"]
    assert state[SUB_1].get("services", []) == []


def test_the_log_never_holds_a_token(as_: Callable[[str, str], Api], tmp_path: Path) -> None:
    parent = as_(PARENT, PARENT_TOKEN)
    created = parent.post(ACCOUNTS, {"FriendlyName": "Fleet 05"}).json()
    parent.get(ACCOUNTS)
    parent.get(account_path(SUB_1))
    parent.post(account_path(SUB_2), {"FriendlyName": "Fleet 02b"})
    log = tmp_path / "requests.jsonl"
    text = log.read_text(encoding="utf-8")
    assert [token for token in TOKENS + (created["auth_token"],) if token in text] == []
    records = read_log(log)
    assert records[0]["response"]["auth_token"] == REDACTED
    assert {a["auth_token"] for a in records[1]["response"]["accounts"]} == {REDACTED}
    problems = validate_records(records, fetch_spec())
    assert not problems, format_problems(problems, str(log))


def test_the_state_snapshot_shows_parents_and_statuses_but_no_token(fleet: Emulator) -> None:
    state = fleet.state.snapshot()["accounts"]
    assert (state[SUB_1]["parent"], state[SUSPENDED]["status"], state[PARENT]["parent"]) == (PARENT, "suspended", None)
    assert [token for token in TOKENS if token in json.dumps(state)] == []


def bad_seed(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    seed = copy.deepcopy(fleet_seed())
    change(seed)
    return seed


@pytest.mark.parametrize("change, message", [
    (lambda seed: seed["accounts"][1].update(parent="AC" + "9" * 32), r"accounts\[1\]\.parent: .* is not the SID of another seeded account"),
    (lambda seed: seed["accounts"][1].update(parent=SUB_1), r"accounts\[1\]\.parent: .* is not the SID of another seeded account"),
    (lambda seed: seed["accounts"][2].update(parent=SUB_1), r"accounts\[2\]\.parent: .* is a subaccount itself"),
    (lambda seed: seed["accounts"][0].update(status="paused"), r"accounts\[0\]\.status: 'paused' is not one of active, suspended, closed"),
])
def test_seed_errors_name_the_entry(change: Callable[[dict[str, Any]], None], message: str) -> None:
    with pytest.raises(SeedError, match=message):
        load_seed(bad_seed(change))
