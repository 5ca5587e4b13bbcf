"""Proxy v1 Services and their numbers: seeds, create/fetch/update/delete, number rules and codes, paging, isolation, the twilio SDK."""

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from emulator.errors import SeedError
from emulator.seed import load_seed
from emulator.server import Emulator, start
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, SEEDED_SERVICE, TOKEN_A, TOKEN_B, Api
from routing_testkit import (CONV_NUMBER, FREE_NUMBER, KS_A, KS_B, LEGACY_NUMBER, PN_B, PN_CONV, PN_FREE, PN_LEGACY, PN_UK, PROXY, PROXY_WEBHOOK,
                             UK_NUMBER, contract_problems, make_routing_seed, routing_emulator)

SERVICE_ORDER = ["sid", "unique_name", "account_sid", "chat_instance_sid", "callback_url", "default_ttl", "number_selection_behavior", "geo_match_level",
                 "intercept_callback_url", "out_of_session_callback_url", "date_created", "date_updated", "url", "links"]
NUMBER_ORDER = ["sid", "account_sid", "service_sid", "date_created", "date_updated", "phone_number", "friendly_name", "iso_country", "capabilities",
                "url", "is_reserved", "in_use"]
PATH = "/proxy/v1/Services"


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """The routing seed; the request log must conform to Twilio's proxy spec."""
    yield from routing_emulator(tmp_path)


def numbers(service: str, sid: str = "") -> str:
    return f"{PATH}/{service}/PhoneNumbers" + (f"/{sid}" if sid else "")


def error(response: Any) -> tuple[int, int, str]:
    body = response.json()
    return response.status_code, body["code"], body["message"]


def new_service(api: Api, name: str, **form: str) -> dict[str, Any]:
    response = api.post(PATH, {"UniqueName": name, **form})
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_seeded_service_and_number(api: Api) -> None:
    listing = api.get(PATH).json()
    [service] = listing["services"]
    assert list(service) == SERVICE_ORDER
    assert (service["sid"], service["unique_name"], service["account_sid"], service["default_ttl"]) == (KS_A, "Flex Proxy Service", ACCOUNT_A, 0)
    assert (service["geo_match_level"], service["number_selection_behavior"], service["chat_instance_sid"]) == ("country", "prefer-sticky", None)
    assert service["links"] == {"sessions": f"{PROXY}/{KS_A}/Sessions", "phone_numbers": f"{PROXY}/{KS_A}/PhoneNumbers"}
    assert listing["meta"]["key"] == "services" and listing["meta"]["url"] == f"{PROXY}?PageSize=50&Page=0"
    [member] = api.get(numbers(KS_A)).json()["phone_numbers"]
    assert list(member) == NUMBER_ORDER
    assert (member["sid"], member["service_sid"], member["phone_number"], member["friendly_name"]) == (PN_LEGACY, KS_A, LEGACY_NUMBER, "(555) 222-0001")
    assert (member["iso_country"], member["capabilities"], member["is_reserved"], member["in_use"]) == (
        "US", {"voice": True, "sms": True, "mms": True, "fax": False}, False, 0)
    assert member["url"] == f"{PROXY}/{KS_A}/PhoneNumbers/{PN_LEGACY}"
    assert api.get(numbers(KS_A, PN_LEGACY)).json() == member


def test_service_create_fetch_update_delete(api: Api) -> None:
    created = new_service(api, "Masked", DefaultTtl="3600", GeoMatchLevel="area-code", CallbackUrl="https://example.com/cb",
                          ChatInstanceSid="IS" + "e1" * 16)
    assert created["sid"].startswith("KS") and list(created) == SERVICE_ORDER
    assert (created["default_ttl"], created["geo_match_level"], created["callback_url"]) == (3600, "area-code", "https://example.com/cb")
    assert api.get(f"{PATH}/{created['sid']}").json() == created
    assert api.get(f"{PATH}/Masked").json() == created  # fetch by unique name
    updated = api.post(f"{PATH}/{created['sid']}", {"NumberSelectionBehavior": "avoid-sticky", "CallbackUrl": ""}).json()
    assert (updated["number_selection_behavior"], updated["callback_url"], updated["default_ttl"]) == ("avoid-sticky", None, 3600)
    assert api.post(f"{PATH}/{created['sid']}", {"UniqueName": "Masked"}).status_code == 200  # its own name
    assert error(api.post(PATH, {"UniqueName": "Flex Proxy Service"})) == (400, 80602, "Service UniqueName must be unique.")
    assert error(api.post(f"{PATH}/{created['sid']}", {"UniqueName": "Flex Proxy Service"}))[:2] == (400, 80602)
    assert error(api.post(PATH, {})) == (400, 20001, "Missing required parameter UniqueName in the post body")
    assert error(api.post(PATH, {"UniqueName": "x" * 192}))[:2] == (400, 20001)
    assert error(api.post(PATH, {"UniqueName": "y", "GeoMatchLevel": "planet"}))[:2] == (400, 20001)
    assert api.delete(f"{PATH}/{created['sid']}").status_code == 204
    assert error(api.get(f"{PATH}/{created['sid']}")) == (404, 20404, f"The requested resource /Services/{created['sid']} was not found")
    assert [s["sid"] for s in api.get(PATH).json()["services"]] == [KS_A]


def test_add_numbers_by_sid_or_number(api: Api, emu: Emulator) -> None:
    other = new_service(api, "Other")["sid"]
    by_sid = api.post(numbers(other), {"Sid": PN_FREE, "IsReserved": "true"})
    assert by_sid.status_code == 201, by_sid.text
    assert (by_sid.json()["sid"], by_sid.json()["phone_number"], by_sid.json()["is_reserved"]) == (PN_FREE, FREE_NUMBER, True)
    by_number = api.post(numbers(other), {"PhoneNumber": UK_NUMBER})
    assert by_number.status_code == 201, by_number.text
    assert (by_number.json()["sid"], by_number.json()["iso_country"], by_number.json()["capabilities"]["voice"]) == (PN_UK, "GB", False)
    both = api.post(numbers(other), {"Sid": PN_CONV, "PhoneNumber": CONV_NUMBER})
    assert (both.status_code, both.json()["friendly_name"]) == (201, "Conversations line")
    assert [m["sid"] for m in api.get(numbers(other)).json()["phone_numbers"]] == [PN_CONV, PN_FREE, PN_UK]  # seed order of the numbers
    page = api.get(numbers(other), params={"PageSize": "2"}).json()
    assert [m["sid"] for m in page["phone_numbers"]] == [PN_CONV, PN_FREE]
    assert [m["sid"] for m in api.get(page["meta"]["next_page_url"]).json()["phone_numbers"]] == [PN_UK]

    updated = api.post(numbers(other, PN_FREE), {"IsReserved": "false"}).json()
    assert updated["is_reserved"] is False
    assert error(api.get(numbers(KS_A, PN_FREE))) == (404, 20404, f"The requested resource /Services/{KS_A}/PhoneNumbers/{PN_FREE} was not found")
    assert api.delete(numbers(other, PN_FREE)).status_code == 204
    assert error(api.get(numbers(other, PN_FREE)))[:2] == (404, 20404)
    assert api.post(numbers(KS_A), {"Sid": PN_FREE}).status_code == 201  # free again
    logged = [r for r in emu.requests if r["method"] == "POST" and r["path"] == f"/v1/Services/{other}/PhoneNumbers"][0]
    assert (logged["product"], logged["form"], logged["status"]) == ("proxy", {"Sid": PN_FREE, "IsReserved": "true"}, 201)


def test_number_rules(api: Api) -> None:
    assert error(api.post(numbers(KS_A), {})) == (400, 20001, "Missing required parameter Sid or PhoneNumber in the post body")
    assert error(api.post(numbers(KS_A), {"Sid": PN_FREE, "IsReserved": "maybe"}))[:2] == (400, 20001)
    assert error(api.post(numbers(KS_A), {"Sid": "PN" + "99" * 16})) == (400, 21421, f"Sid PN{'99' * 16} is not a phone number SID of this account")
    assert error(api.post(numbers(KS_A), {"Sid": PN_B}))[:2] == (400, 21421)  # B's number
    assert error(api.post(numbers(KS_A), {"Sid": "SC" + "99" * 16}))[:2] == (400, 21421)
    assert error(api.post(numbers(KS_A), {"PhoneNumber": "+15550009999"})) == (400, 21421, "PhoneNumber +15550009999 is not a phone number of this account")
    assert error(api.post(numbers(KS_A), {"Sid": PN_FREE, "PhoneNumber": CONV_NUMBER}))[:2] == (400, 20001)
    again = api.post(numbers(KS_A), {"Sid": PN_LEGACY})  # already in this service: the 80104 page's example message
    assert error(again) == (400, 80104, "PhoneNumber has already been added to Service")
    other = new_service(api, "Other")["sid"]  # in another service: the 80601 page's example message
    assert error(api.post(numbers(other), {"PhoneNumber": LEGACY_NUMBER})) == (400, 80601, "PhoneNumber is not available. It may be bound to a number pool.")
    assert api.post(f"/messaging/v1/Services/{SEEDED_SERVICE}/PhoneNumbers", {"PhoneNumberSid": PN_FREE}).status_code == 201
    assert error(api.post(numbers(other), {"Sid": PN_FREE})) == (
        400, 21712, "Phone Number is already in a Messaging Service and cannot be added to a Proxy Service.")
    # the other way round is allowed: a Proxy number may join a Messaging Service (A2P 10DLC for legacy Flex)
    assert api.post(f"/messaging/v1/Services/{SEEDED_SERVICE}/PhoneNumbers", {"PhoneNumberSid": PN_LEGACY}).status_code == 201
    assert error(api.get(numbers("KS" + "99" * 16))) == (404, 20404, f"The requested resource /Services/KS{'99' * 16}/PhoneNumbers was not found")
    assert error(api.post(numbers("KS" + "99" * 16), {"Sid": PN_CONV}))[:2] == (404, 20404)


def test_deleting_a_service_frees_its_numbers_and_keeps_the_webhook(api: Api, emu: Emulator) -> None:
    assert api.delete(f"{PATH}/{KS_A}").status_code == 204
    assert emu.state.snapshot()["accounts"][ACCOUNT_A]["proxy_phone_numbers"] == []
    owned = api.get(f"/api/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers/{PN_LEGACY}.json").json()
    assert owned["sms_url"] == PROXY_WEBHOOK  # nothing is computed: the seed's sms_url stays
    fresh = new_service(api, "Flex Proxy Service")["sid"]  # the name is free again
    assert api.post(numbers(fresh), {"Sid": PN_LEGACY}).status_code == 201


def test_accounts_are_isolated(api: Api, api_as: Callable[..., Api]) -> None:
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert [s["sid"] for s in other.get(PATH).json()["services"]] == [KS_B]
    assert [m["sid"] for m in other.get(numbers(KS_B)).json()["phone_numbers"]] == [PN_B]
    for response in (other.get(f"{PATH}/{KS_A}"), other.get(f"{PATH}/Flex%20Proxy%20Service"), other.delete(f"{PATH}/{KS_A}"),
                     other.get(numbers(KS_A)), other.get(numbers(KS_A, PN_LEGACY)), other.delete(numbers(KS_A, PN_LEGACY)),
                     api.get(numbers(KS_B, PN_B))):
        assert error(response)[:2] == (404, 20404)
    assert other.post(PATH, {"UniqueName": "Flex Proxy Service"}).status_code == 201  # unique per account
    assert error(api_as(None).get(PATH)) == (401, 20003, "Authenticate")
    assert api.get(numbers(KS_A, PN_LEGACY)).status_code == 200


def test_twilio_sdk(sdk: Callable[..., Client]) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    [seeded] = client.proxy.v1.services.list()
    assert (seeded.sid, seeded.unique_name, seeded.default_ttl) == (KS_A, "Flex Proxy Service", 0)
    [member] = client.proxy.v1.services(KS_A).phone_numbers.list()
    assert (member.sid, member.phone_number, member.in_use, member.is_reserved) == (PN_LEGACY, LEGACY_NUMBER, 0, False)
    created = client.proxy.v1.services.create(unique_name="SDK", default_ttl=60, geo_match_level="country")
    added = client.proxy.v1.services(created.sid).phone_numbers.create(sid=PN_CONV, is_reserved=True)
    assert (added.service_sid, added.is_reserved, added.date_created is not None) == (created.sid, True, True)
    assert client.proxy.v1.services(created.sid).phone_numbers(PN_CONV).update(is_reserved=False).is_reserved is False
    assert [n.sid for n in client.proxy.v1.services(created.sid).phone_numbers.list(page_size=1)] == [PN_CONV]
    assert client.proxy.v1.services(created.sid).phone_numbers(PN_CONV).delete() is True
    assert client.proxy.v1.services(created.sid).delete() is True
    with pytest.raises(TwilioRestException) as failure:
        client.proxy.v1.services(KS_A).phone_numbers.create(phone_number=LEGACY_NUMBER)
    assert (failure.value.status, failure.value.code) == (400, 80104)  # already in this very service


@pytest.mark.parametrize(("service", "message"), [
    ({"phone_numbers": [FREE_NUMBER]}, "accounts[0].proxy_services[1]: unique_name is required"),
    ({"unique_name": "Flex Proxy Service"}, "accounts[0].proxy_services[1].unique_name: duplicate unique_name Flex Proxy Service"),
    ({"unique_name": "x", "phone_numbers": ["+15550009999"]}, "accounts[0].proxy_services[1].phone_numbers[0]: +15550009999 is not one of this account's"),
    ({"unique_name": "x", "phone_numbers": [PN_B]}, f"accounts[0].proxy_services[1].phone_numbers[0]: {PN_B} is not one of this account's"),
    ({"unique_name": "x", "phone_numbers": [15552220003]}, "accounts[0].proxy_services[1].phone_numbers[0]: expected an E.164 number"),
    ({"unique_name": "x", "phone_numbers": [LEGACY_NUMBER]},
     "accounts[0].proxy_services[1].phone_numbers[0]: PhoneNumber is not available. It may be bound to a number pool."),
    ({"unique_name": "x", "phone_numbers": PN_FREE}, "accounts[0].proxy_services[1].phone_numbers: expected a list"),
    ({"unique_name": "x", "geo_match_level": "planet"}, "accounts[0].proxy_services[1].geo_match_level: Invalid value 'planet'"),
    ({"unique_name": "x", "numbers": []}, "accounts[0].proxy_services[1]: unknown field(s) numbers"),
    ({"unique_name": "x", "sid": "MG" + "1" * 32}, "accounts[0].proxy_services[1].sid: 'MG11111111111111111111111111111111' is not a SID (KS"),
])
def test_seed_errors(service: dict[str, Any], message: str) -> None:
    seed = make_routing_seed()
    seed["accounts"][0]["proxy_services"].append(service)
    with pytest.raises(SeedError) as failure:
        load_seed(seed)
    assert message in str(failure.value)


def test_seed_by_sid_and_settings(tmp_path: Path) -> None:
    seed = make_routing_seed()
    seed["accounts"][0]["proxy_services"].append({"unique_name": "Second", "phone_numbers": [PN_FREE, UK_NUMBER], "default_ttl": 300})
    with start(seed, log_path=str(tmp_path / "requests.jsonl")) as emu:
        api = Api(emu.url, (ACCOUNT_A, TOKEN_A))
        second = api.get(f"{PATH}/Second").json()
        assert second["default_ttl"] == 300 and second["sid"].startswith("KS")
        assert [m["phone_number"] for m in api.get(numbers(second["sid"])).json()["phone_numbers"]] == [FREE_NUMBER, UK_NUMBER]
    assert not contract_problems(tmp_path / "requests.jsonl")
