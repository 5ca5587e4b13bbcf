"""Owned phone numbers and short codes (2010 API): seed, fields, Twilio's PhoneNumber filter, paging, fetch, update, isolation."""

import copy
import re
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from emulator.errors import SeedError
from emulator.seed import load_seed
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, KEY_A, KEY_SECRET_A, TOKEN_A
from numbers_testkit import AP_1, FLEX_WEBHOOK, PN_1, PN_2, PN_3, PN_4, PN_B, PN_VOICE, SC_1, SC_B, make_numbers_seed, numbers_emulator, numbers_uri

RFC_2822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$")
# api.v2010.account.incoming_phone_number, in the spec's order, plus subresource_uris (spec examples)
NUMBER_KEYS = [
    "account_sid", "address_sid", "address_requirements", "api_version", "beta", "capabilities", "date_created", "date_updated",
    "friendly_name", "identity_sid", "phone_number", "origin", "sid", "sms_application_sid", "sms_fallback_method", "sms_fallback_url",
    "sms_method", "sms_url", "status_callback", "status_callback_method", "trunk_sid", "uri", "voice_receive_mode",
    "voice_application_sid", "voice_caller_id_lookup", "voice_fallback_method", "voice_fallback_url", "voice_method", "voice_url",
    "emergency_status", "emergency_address_sid", "emergency_address_status", "bundle_sid", "status", "subresource_uris",
]
SHORT_CODE_KEYS = ["account_sid", "api_version", "date_created", "date_updated", "friendly_name", "short_code", "sid",
                   "sms_fallback_method", "sms_fallback_url", "sms_method", "sms_url", "uri"]
SHORT_CODES_URI = f"/api/2010-04-01/Accounts/{ACCOUNT_A}/SMS/ShortCodes"
SdkFactory = Callable[..., Client]


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """The emulator seeded with owned numbers and short codes."""
    yield from numbers_emulator(tmp_path)


def listed(api: Any, **query: str) -> list[str]:
    response = api.get(numbers_uri(), params=query)
    assert response.status_code == 200, response.text
    return [number["sid"] for number in response.json()["incoming_phone_numbers"]]


def test_number_fields_follow_the_spec(api: Any) -> None:
    response = api.get(numbers_uri(suffix=f"/{PN_1}.json"))
    assert response.status_code == 200
    number = response.json()
    assert list(number) == NUMBER_KEYS
    assert number["account_sid"] == ACCOUNT_A and number["sid"] == PN_1 and number["phone_number"] == "+15551230001"
    assert number["capabilities"] == {"voice": True, "sms": True, "mms": True, "fax": False}
    assert (number["sms_url"], number["sms_method"], number["sms_application_sid"]) == (FLEX_WEBHOOK, "POST", "")
    assert number["friendly_name"] == "(555) 123-0001" and number["status"] == "in-use" and number["beta"] is False
    assert RFC_2822.match(number["date_created"]) and number["date_updated"] == number["date_created"]
    assert number["uri"] == f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers/{PN_1}.json"
    assert number["subresource_uris"] == {"assigned_add_ons": f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers/{PN_1}/AssignedAddOns.json"}
    for key in ("voice_caller_id_lookup",):
        assert isinstance(number[key], bool)
    for key in ("address_requirements", "api_version", "origin", "voice_receive_mode", "emergency_status", "emergency_address_status"):
        assert isinstance(number[key], str)


def test_seeded_values_and_defaults(api: Any) -> None:
    numbers = {number["sid"]: number for number in api.get(numbers_uri()).json()["incoming_phone_numbers"]}
    assert numbers[PN_2]["friendly_name"] == "Support line"
    assert numbers[PN_3]["sms_application_sid"] == AP_1
    assert numbers[PN_4]["capabilities"] == {"voice": True, "sms": True, "mms": False, "fax": False}
    assert numbers[PN_VOICE]["capabilities"]["sms"] is False
    generated = [number for sid, number in numbers.items() if sid not in (PN_1, PN_2, PN_3, PN_4, PN_VOICE)]
    assert len(generated) == 1 and re.match(r"^PN[0-9a-f]{32}$", generated[0]["sid"])
    assert generated[0]["friendly_name"] == "+447700900123"


def test_list_envelope_is_2010_style(api: Any) -> None:
    body = api.get(numbers_uri(), params={"PageSize": "50"}).json()
    assert list(body) == ["incoming_phone_numbers", "end", "first_page_uri", "next_page_uri", "page", "page_size", "previous_page_uri", "start", "uri"]
    assert (body["start"], body["end"], body["page"], body["page_size"]) == (0, 5, 0, 50)
    assert body["uri"] == f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json?PageSize=50&Page=0"
    assert body["next_page_uri"] is None and body["previous_page_uri"] is None


@pytest.mark.parametrize("pattern, expected", [
    ("+15551230001", [PN_1]),                         # exact
    ("+1555123", [PN_1, PN_2, PN_VOICE]),             # partial, anchored at the start by its +
    ("+1555", [PN_1, PN_2, PN_3, PN_VOICE]),
    ("555", [PN_1, PN_2, PN_3, PN_4, PN_VOICE]),      # partial anywhere: +14155550100 holds 555 too
    ("555*", [PN_1, PN_2, PN_3, PN_4, PN_VOICE]),     # * is one digit
    ("+1555*2300*", [PN_1, PN_2, PN_VOICE]),
    ("+1555***0003", [PN_3]),
    ("0100", [PN_4]),
    ("(555) 123-0002", [PN_2]),                       # formatting characters are ignored
    ("+1666", []),
    ("TWILIO", []),
])
def test_phone_number_filter(api: Any, pattern: str, expected: list[str]) -> None:
    assert listed(api, PhoneNumber=pattern) == expected


def test_unencoded_plus_is_a_space_and_unanchored(api: Any) -> None:
    response = api.get(numbers_uri() + "?PhoneNumber=+1555123")  # '+' decodes to ' '
    assert [number["sid"] for number in response.json()["incoming_phone_numbers"]] == [PN_1, PN_2, PN_VOICE]


def test_friendly_name_origin_and_beta_filters(api: Any) -> None:
    assert listed(api, FriendlyName="Support line") == [PN_2]
    assert listed(api, FriendlyName="Support") == []
    assert listed(api, FriendlyName="Support line", PhoneNumber="+1666") == []
    assert len(listed(api, Origin="twilio")) == 6 and listed(api, Origin="hosted") == []
    assert len(listed(api, Beta="false")) == 6
    response = api.get(numbers_uri(), params={"Beta": "maybe"})
    assert (response.status_code, response.json()["code"]) == (400, 20001)


def test_filters_are_carried_in_paging_uris(api: Any) -> None:
    body = api.get(numbers_uri(), params={"PhoneNumber": "+1555", "PageSize": "2"}).json()
    assert [number["sid"] for number in body["incoming_phone_numbers"]] == [PN_1, PN_2]
    assert body["first_page_uri"] == f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json?PhoneNumber=%2B1555&PageSize=2&Page=0"
    assert body["next_page_uri"].startswith(f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json?PhoneNumber=%2B1555&PageSize=2&Page=1&PageToken=PA")
    second = api.get("/api" + body["next_page_uri"]).json()
    assert [number["sid"] for number in second["incoming_phone_numbers"]] == [PN_3, PN_VOICE]
    assert (second["start"], second["end"], second["next_page_uri"]) == (2, 3, None)


def test_sdk_lists_all_pages_with_page_size_2(sdk: SdkFactory, emu: Emulator) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    emu.app.log.clear()
    numbers = client.incoming_phone_numbers.list(page_size=2)
    assert [number.sid for number in numbers][:5] == [PN_1, PN_2, PN_3, PN_4, PN_VOICE] and len(numbers) == 6
    pages = emu.requests
    assert [(r["method"], r["product"], r["path"], r["status"]) for r in pages] == [
        ("GET", "api", f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json", 200)] * 3
    assert pages[0]["query"] == {"PageSize": "2"}
    assert pages[1]["query"]["PageToken"] == "PA" + PN_2 and pages[2]["query"]["Page"] == "2"
    assert numbers[0].capabilities == {"voice": True, "sms": True, "mms": True, "fax": False}
    assert numbers[0].date_created.year >= 2024  # the SDK parsed the RFC 2822 date
    exact = client.incoming_phone_numbers.list(phone_number="+15551230002")
    assert [number.sid for number in exact] == [PN_2]


def test_update_sms_settings(api: Any, emu: Emulator) -> None:
    uri = numbers_uri(suffix=f"/{PN_2}.json")
    before = api.get(uri).json()
    response = api.post(uri, {"SmsUrl": "https://example.com/sms", "SmsMethod": "get", "SmsFallbackUrl": "https://example.com/fb",
                              "SmsFallbackMethod": "GET", "SmsApplicationSid": AP_1, "FriendlyName": "Renamed", "Unknown": "ignored"})
    assert response.status_code == 200, response.text
    after = response.json()
    assert (after["sms_url"], after["sms_method"], after["sms_fallback_url"], after["sms_fallback_method"]) == (
        "https://example.com/sms", "GET", "https://example.com/fb", "GET")
    assert (after["sms_application_sid"], after["friendly_name"]) == (AP_1, "Renamed")
    assert {k: v for k, v in after.items() if not k.startswith("sms_") and k not in ("friendly_name", "date_updated")} == \
        {k: v for k, v in before.items() if not k.startswith("sms_") and k not in ("friendly_name", "date_updated")}
    assert RFC_2822.match(after["date_updated"])
    assert api.get(uri).json() == after
    cleared = api.post(uri, {"SmsUrl": "", "SmsApplicationSid": ""}).json()
    assert (cleared["sms_url"], cleared["sms_application_sid"], cleared["sms_method"]) == ("", "", "GET")
    record = emu.requests[-1]
    assert (record["method"], record["product"], record["path"], record["status"], record["account_sid"]) == (
        "POST", "api", f"/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers/{PN_2}.json", 200, ACCOUNT_A)
    assert record["form"] == {"SmsUrl": "", "SmsApplicationSid": ""} and record["response"] == cleared


@pytest.mark.parametrize(("form", "code"), [
    ({"SmsMethod": "PUT"}, 21403), ({"VoiceFallbackMethod": "DELETE"}, 21403), ({"StatusCallbackMethod": "x"}, 21403),
    ({"SmsApplicationSid": "AP123"}, 20001), ({"FriendlyName": "x" * 65}, 20001), ({"VoiceCallerIdLookup": "yes"}, 20001)])
def test_update_rejects_bad_values_and_changes_nothing(api: Any, form: dict[str, str], code: int) -> None:
    uri = numbers_uri(suffix=f"/{PN_1}.json")
    before = api.get(uri).json()
    response = api.post(uri, {"SmsUrl": "https://changed.example", **form})
    assert (response.status_code, response.json()["code"]) == (400, code)  # 21403: https://www.twilio.com/docs/errors/21403
    assert api.get(uri).json() == before


def test_short_code_bad_method_is_20001(api: Any) -> None:
    response = api.post(SHORT_CODES_URI + f"/{SC_1}.json", {"SmsMethod": "PUT"})
    assert (response.status_code, response.json()["code"]) == (400, 20001)


def test_sdk_fetch_and_update(sdk: SdkFactory) -> None:
    client = sdk(KEY_A, KEY_SECRET_A, account_sid=ACCOUNT_A)
    updated = client.incoming_phone_numbers(PN_3).update(sms_url="https://example.com/in", sms_method="POST")
    assert (updated.sms_url, updated.sms_method, updated.sms_application_sid) == ("https://example.com/in", "POST", AP_1)
    assert client.incoming_phone_numbers(PN_3).fetch().sms_url == "https://example.com/in"
    with pytest.raises(TwilioRestException) as raised:
        client.incoming_phone_numbers("PN" + "99" * 16).fetch()
    assert (raised.value.status, raised.value.code) == (404, 20404)


def test_unknown_number_is_404_with_the_full_path(api: Any) -> None:
    for sid in ("PN" + "99" * 16, PN_B, "nonsense"):
        response = api.get(numbers_uri(suffix=f"/{sid}.json"))
        assert response.status_code == 404
        assert response.json()["message"] == f"The requested resource /2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers/{sid}.json was not found"
    assert api.post(numbers_uri(suffix=f"/{PN_B}.json"), {"SmsUrl": "https://x.example"}).status_code == 404


def test_another_accounts_sid_in_the_path_is_401(api: Any, api_as: Callable[..., Any]) -> None:
    for uri in (numbers_uri(ACCOUNT_B), numbers_uri(ACCOUNT_B, f"/{PN_B}.json"), f"/api/2010-04-01/Accounts/{ACCOUNT_B}/SMS/ShortCodes.json"):
        response = api.get(uri)
        assert (response.status_code, response.json()["code"], response.json()["message"]) == (401, 20003, "Authenticate")
    other = api_as(ACCOUNT_B, "token-of-account-b-0123456789").get(numbers_uri(ACCOUNT_B)).json()
    assert [number["sid"] for number in other["incoming_phone_numbers"]] == [PN_B]


def test_short_codes(api: Any) -> None:
    body = api.get(SHORT_CODES_URI + ".json").json()
    assert list(body)[0] == "short_codes" and body["end"] == 1
    first, second = body["short_codes"]
    assert list(first) == SHORT_CODE_KEYS
    assert (first["sid"], first["short_code"], first["friendly_name"]) == (SC_1, "12345", "Alerts")
    assert (first["sms_url"], first["sms_method"], first["api_version"]) == (None, "POST", "2010-04-01")
    assert first["uri"] == f"/2010-04-01/Accounts/{ACCOUNT_A}/SMS/ShortCodes/{SC_1}.json" and RFC_2822.match(first["date_created"])
    assert (second["short_code"], second["friendly_name"]) == ("67890", "67890")
    assert api.get(SHORT_CODES_URI + f"/{SC_1}.json").json() == first
    assert [code["sid"] for code in api.get(SHORT_CODES_URI + ".json", params={"ShortCode": "123*5"}).json()["short_codes"]] == [SC_1]
    assert api.get(SHORT_CODES_URI + ".json", params={"FriendlyName": "67890"}).json()["short_codes"] == [second]
    assert api.get(SHORT_CODES_URI + f"/{SC_B}.json").status_code == 404
    updated = api.post(SHORT_CODES_URI + f"/{SC_1}.json", {"SmsUrl": "https://example.com/sc", "SmsMethod": "GET"}).json()
    assert (updated["sms_url"], updated["sms_method"]) == ("https://example.com/sc", "GET")


def test_sdk_short_codes(sdk: SdkFactory) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    codes = client.short_codes.list(page_size=1)
    assert [code.short_code for code in codes] == ["12345", "67890"]
    assert client.short_codes(SC_1).fetch().friendly_name == "Alerts"


def test_state_snapshot_holds_numbers_and_short_codes(emu: Emulator) -> None:
    account = emu.state.snapshot()["accounts"][ACCOUNT_A]
    assert [number["phone_number"] for number in account["phone_numbers"]][:2] == ["+15551230001", "+15551230002"]
    assert [code["short_code"] for code in account["short_codes"]] == ["12345", "67890"]


def _with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    seed = copy.deepcopy(make_numbers_seed())
    change(seed)
    return seed


def _number(index: int, **values: Any) -> Callable[[dict[str, Any]], None]:
    def change(seed: dict[str, Any]) -> None:
        seed["accounts"][0]["phone_numbers"][index].update(values)
    return change


def _short_code(**values: Any) -> Callable[[dict[str, Any]], None]:
    def change(seed: dict[str, Any]) -> None:
        seed["accounts"][0]["short_codes"][0].update(values)
    return change


BAD_SEEDS = [
    (_number(0, phone_number="5551230001"), "accounts[0].phone_numbers[0].phone_number: '5551230001' is not an E.164 number"),
    (_number(0, phone_number="+0123"), "accounts[0].phone_numbers[0].phone_number: '+0123' is not an E.164 number"),
    (_number(0, phone_number=15551230001), "is not an E.164 number"),
    (_number(1, phone_number="+15551230001"),
     "accounts[0].phone_numbers[1].phone_number: duplicate phone_number +15551230001 (already used at accounts[0].phone_numbers[0].phone_number)"),
    (_number(0, sid="SC" + "01" * 16), "accounts[0].phone_numbers[0].sid: 'SC0101"),
    (_number(1, sid=PN_1), "accounts[0].phone_numbers[1].sid: duplicate SID"),
    (_number(0, capabilities={"sms": "yes"}), "accounts[0].phone_numbers[0].capabilities.sms: expected true or false"),
    (_number(0, capabilities={"rcs": True}), "accounts[0].phone_numbers[0].capabilities: unknown capability(ies) rcs"),
    (_number(0, capabilities=["sms"]), "accounts[0].phone_numbers[0].capabilities: expected a mapping"),
    (_number(0, sms_method="PUT"), "accounts[0].phone_numbers[0].sms_method: expected GET or POST"),
    (_number(0, sms_application_sid="AP1"), "accounts[0].phone_numbers[0].sms_application_sid: 'AP1' is not a SID"),
    (_number(0, sms_url=5), "accounts[0].phone_numbers[0].sms_url: expected a string"),
    (_number(0, status=""), "accounts[0].phone_numbers[0].status: expected a non-empty string"),
    (_number(0, voice_url="https://x"), "accounts[0].phone_numbers[0]: unknown field(s) voice_url"),
    (lambda seed: seed["accounts"][0]["phone_numbers"][0].pop("phone_number"), "accounts[0].phone_numbers[0]: phone_number is required"),
    (lambda seed: seed["accounts"][0]["phone_numbers"].append("+15550009999"), "accounts[0].phone_numbers[6]: expected a mapping"),
    (_short_code(short_code="12"), "accounts[0].short_codes[0].short_code: '12' is not a short code (3 to 8 digits)"),
    (_short_code(short_code="67890"), "accounts[0].short_codes[1].short_code: duplicate short_code 67890"),
    (_short_code(sid="PN" + "77" * 16), "accounts[0].short_codes[0].sid"),
    (_short_code(friendly_name=7), "accounts[0].short_codes[0].friendly_name: expected a string"),
    (_short_code(sms_url="x"), "accounts[0].short_codes[0]: unknown field(s) sms_url"),
]


@pytest.mark.parametrize("change, message", BAD_SEEDS)
def test_bad_number_seeds_name_the_entry(change: Callable[[dict[str, Any]], None], message: str) -> None:
    with pytest.raises(SeedError) as raised:
        load_seed(_with(change))
    assert str(raised.value).startswith("seed: ")
    assert message in str(raised.value)
