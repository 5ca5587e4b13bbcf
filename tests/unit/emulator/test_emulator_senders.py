"""Messaging Service sender pools: phone numbers, short codes and alpha senders; Twilio's pool rules and their error codes."""

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import requests
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from a2p_testkit import assert_error, campaign_form, usa2p
from emulator.messaging.a2p_lifecycle import CAMPAIGNS
from emulator.server import Emulator, start
from emulator.settings import Settings
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, SEEDED_SERVICE, TOKEN_A, TOKEN_B, Api
from numbers_testkit import (PN_1, PN_2, PN_3, PN_4, PN_B, PN_VOICE, SC_1, SC_B, SECOND_SERVICE, SERVICE_B, make_numbers_seed, numbers_emulator,
                             numbers_uri, pool_path)

MESSAGING = "https://messaging.twilio.com/v1/Services"
PHONE_KEYS = ["sid", "account_sid", "service_sid", "date_created", "date_updated", "phone_number", "country_code", "capabilities", "url"]
SdkFactory = Callable[..., Client]


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """The emulator seeded with owned numbers and short codes."""
    yield from numbers_emulator(tmp_path)


def add(api: Any, service: str, segment: str, **form: str) -> requests.Response:
    return api.post(pool_path(service, segment), form)  # type: ignore[no-any-return]


def error(response: requests.Response) -> tuple[int, int]:
    return response.status_code, response.json()["code"]


def test_add_fetch_list_remove_phone_number(api: Any, emu: Emulator) -> None:
    owned_before = api.get(numbers_uri(suffix=f"/{PN_1}.json")).json()
    response = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1)
    assert response.status_code == 201, response.text
    member = response.json()
    assert list(member) == PHONE_KEYS
    assert (member["sid"], member["account_sid"], member["service_sid"]) == (PN_1, ACCOUNT_A, SEEDED_SERVICE)
    assert (member["phone_number"], member["country_code"], member["capabilities"]) == ("+15551230001", "US", ["MMS", "SMS", "Voice"])
    assert member["url"] == f"{MESSAGING}/{SEEDED_SERVICE}/PhoneNumbers/{PN_1}"
    assert member["date_created"].endswith("Z") and member["date_updated"] == member["date_created"]
    assert api.get(pool_path(SEEDED_SERVICE, "PhoneNumbers", PN_1)).json() == member

    listing = api.get(pool_path(SEEDED_SERVICE, "PhoneNumbers")).json()
    assert listing["phone_numbers"] == [member]
    assert listing["meta"]["key"] == "phone_numbers"
    assert listing["meta"]["url"] == f"{MESSAGING}/{SEEDED_SERVICE}/PhoneNumbers?PageSize=50&Page=0"
    assert api.get(numbers_uri(suffix=f"/{PN_1}.json")).json() == owned_before  # pooling does not touch the owned number

    removed = api.delete(pool_path(SEEDED_SERVICE, "PhoneNumbers", PN_1))
    assert (removed.status_code, removed.content) == (204, b"")
    gone = api.get(pool_path(SEEDED_SERVICE, "PhoneNumbers", PN_1))
    assert error(gone) == (404, 20404)
    assert gone.json()["message"] == f"The requested resource /Services/{SEEDED_SERVICE}/PhoneNumbers/{PN_1} was not found"
    assert error(api.delete(pool_path(SEEDED_SERVICE, "PhoneNumbers", PN_1))) == (404, 20404)
    assert api.get(pool_path(SEEDED_SERVICE, "PhoneNumbers")).json()["phone_numbers"] == []
    assert api.get(numbers_uri(suffix=f"/{PN_1}.json")).json() == owned_before

    records = [(r["method"], r["path"], r["status"]) for r in emu.requests if r["product"] == "messaging"]
    base = f"/v1/Services/{SEEDED_SERVICE}/PhoneNumbers"
    assert records == [("POST", base, 201), ("GET", f"{base}/{PN_1}", 200), ("GET", base, 200), ("DELETE", f"{base}/{PN_1}", 204),
                       ("GET", f"{base}/{PN_1}", 404), ("DELETE", f"{base}/{PN_1}", 404), ("GET", base, 200)]
    create = next(r for r in emu.requests if r["method"] == "POST")
    assert create["form"] == {"PhoneNumberSid": PN_1} and create["account_sid"] == ACCOUNT_A and create["response"] == member


def test_capabilities_and_country_come_from_the_owned_number(api: Any) -> None:
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_4).json()["capabilities"] == ["SMS", "Voice"]
    uk_sid = next(n["sid"] for n in api.get(numbers_uri()).json()["incoming_phone_numbers"] if n["phone_number"] == "+447700900123")
    uk = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=uk_sid).json()
    assert (uk["phone_number"], uk["country_code"]) == ("+447700900123", "GB")


def test_short_codes_in_a_pool(api: Any) -> None:
    member = add(api, SEEDED_SERVICE, "ShortCodes", ShortCodeSid=SC_1).json()
    assert list(member) == ["sid", "account_sid", "service_sid", "date_created", "date_updated", "short_code", "country_code", "capabilities", "url"]
    assert (member["sid"], member["short_code"], member["country_code"], member["capabilities"]) == (SC_1, "12345", "US", ["SMS"])
    assert member["url"] == f"{MESSAGING}/{SEEDED_SERVICE}/ShortCodes/{SC_1}"
    assert api.get(pool_path(SEEDED_SERVICE, "ShortCodes")).json()["short_codes"] == [member]
    assert api.get(pool_path(SEEDED_SERVICE, "ShortCodes", SC_1)).json() == member
    assert error(add(api, SECOND_SERVICE, "ShortCodes", ShortCodeSid=SC_1)) == (409, 21712)
    assert error(add(api, SEEDED_SERVICE, "ShortCodes", ShortCodeSid=SC_1)) == (409, 21710)
    assert error(add(api, SEEDED_SERVICE, "ShortCodes", ShortCodeSid=SC_B)) == (400, 21421)
    assert error(add(api, SEEDED_SERVICE, "ShortCodes", ShortCodeSid=PN_1)) == (400, 21421)
    assert api.delete(pool_path(SEEDED_SERVICE, "ShortCodes", SC_1)).status_code == 204
    assert add(api, SECOND_SERVICE, "ShortCodes", ShortCodeSid=SC_1).status_code == 201


def test_alpha_senders(api: Any) -> None:
    response = add(api, SEEDED_SERVICE, "AlphaSenders", AlphaSender="Flex & Co")
    assert response.status_code == 201, response.text
    member = response.json()
    assert list(member) == ["sid", "account_sid", "service_sid", "date_created", "date_updated", "alpha_sender", "capabilities", "url"]
    assert member["sid"].startswith("AI") and len(member["sid"]) == 34
    assert (member["alpha_sender"], member["capabilities"]) == ("Flex & Co", ["SMS"])
    assert member["url"] == f"{MESSAGING}/{SEEDED_SERVICE}/AlphaSenders/{member['sid']}"
    assert api.get(pool_path(SEEDED_SERVICE, "AlphaSenders")).json()["alpha_senders"] == [member]
    assert api.get(pool_path(SEEDED_SERVICE, "AlphaSenders", member["sid"])).json() == member
    # one alpha sender per service (Twilio's docs); the same text may serve another service
    assert error(add(api, SEEDED_SERVICE, "AlphaSenders", AlphaSender="Other")) == (400, 21709)
    assert add(api, SECOND_SERVICE, "AlphaSenders", AlphaSender="Flex & Co").status_code == 201
    assert api.delete(pool_path(SEEDED_SERVICE, "AlphaSenders", member["sid"])).status_code == 204
    assert add(api, SEEDED_SERVICE, "AlphaSenders", AlphaSender="Other").status_code == 201


@pytest.mark.parametrize("text", ["12345", "TwelveChars1", "Flex#Co", "Café", "+-_&", " "])
def test_invalid_alpha_sender_is_21709(api: Any, text: str) -> None:
    assert error(add(api, SEEDED_SERVICE, "AlphaSenders", AlphaSender=text)) == (400, 21709)


@pytest.mark.parametrize("text", ["A", "Elevenchars", "Tw 1+2-3_4&"])
def test_valid_alpha_senders(api: Any, text: str) -> None:
    assert add(api, SEEDED_SERVICE, "AlphaSenders", AlphaSender=text).json()["alpha_sender"] == text


@pytest.mark.parametrize("segment, param", [("PhoneNumbers", "PhoneNumberSid"), ("ShortCodes", "ShortCodeSid"), ("AlphaSenders", "AlphaSender")])
def test_missing_parameter_is_20001(api: Any, segment: str, param: str) -> None:
    response = add(api, SEEDED_SERVICE, segment)
    assert error(response) == (400, 20001)
    assert response.json()["message"] == f"Missing required parameter {param} in the post body"


def test_number_in_another_service_is_409_21712_and_in_this_one_409_21710(api: Any) -> None:
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
    refused = add(api, SECOND_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1)
    assert refused.json() == {"code": 21712, "message": "Phone Number or Short Code is associated with another Messaging Service.",
                              "more_info": "https://www.twilio.com/docs/errors/21712", "status": 409}
    again = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1)
    assert again.json() == {"code": 21710, "message": "Phone Number or Short Code is already in the Messaging Service.",
                            "more_info": "https://www.twilio.com/docs/errors/21710", "status": 409}
    assert again.status_code == 409 and [m["sid"] for m in api.get(pool_path(SEEDED_SERVICE, "PhoneNumbers")).json()["phone_numbers"]] == [PN_1]
    assert api.get(pool_path(SECOND_SERVICE, "PhoneNumbers")).json()["phone_numbers"] == []
    assert error(api.get(pool_path(SECOND_SERVICE, "PhoneNumbers", PN_1))) == (404, 20404)      # not this service's member
    assert error(api.delete(pool_path(SECOND_SERVICE, "PhoneNumbers", PN_1))) == (404, 20404)
    assert api.delete(pool_path(SEEDED_SERVICE, "PhoneNumbers", PN_1)).status_code == 204
    assert add(api, SECOND_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201


def test_number_without_sms_or_mms_is_21715(api: Any) -> None:
    response = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_VOICE)
    assert error(response) == (400, 21715)
    assert "+15551230005" in response.json()["message"] and "SMS or MMS" in response.json()["message"]


def test_mms_only_number_joins_a_pool(api: Any, emu: Emulator) -> None:
    with emu.state.lock:  # error page 21715: a number needs SMS or MMS; make PN_4 MMS-only
        emu.state.accounts[ACCOUNT_A].get("phone_numbers", PN_4)["capabilities"].update(sms=False, mms=True)
    response = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_4)
    assert response.status_code == 201, response.text
    assert response.json()["capabilities"] == ["MMS", "Voice"]


@pytest.mark.parametrize("sid", ["PN123", "pn" + "01" * 16, "PN" + "99" * 16, PN_B, SC_1, "+15551230001"])
def test_unknown_malformed_or_foreign_number_is_21421(api: Any, sid: str) -> None:
    assert error(add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=sid)) == (400, 21421)


def test_unknown_or_foreign_service_is_20404(api: Any) -> None:
    unknown = "MG" + "00" * 16
    for service in (unknown, SERVICE_B):
        for segment, form in (("PhoneNumbers", {"PhoneNumberSid": PN_1}), ("ShortCodes", {"ShortCodeSid": SC_1}), ("AlphaSenders", {"AlphaSender": "X"})):
            response = api.post(pool_path(service, segment), form)
            assert error(response) == (404, 20404)
            assert response.json()["message"] == f"The requested resource /Services/{service}/{segment} was not found"
            assert error(api.get(pool_path(service, segment))) == (404, 20404)


def test_accounts_are_isolated(api: Any, api_as: Callable[..., Any]) -> None:
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert add(other, SERVICE_B, "PhoneNumbers", PhoneNumberSid=PN_B).status_code == 201
    assert error(add(other, SERVICE_B, "PhoneNumbers", PhoneNumberSid=PN_1)) == (400, 21421)
    assert error(other.get(pool_path(SEEDED_SERVICE, "PhoneNumbers"))) == (404, 20404)
    assert error(api.get(pool_path(SERVICE_B, "PhoneNumbers", PN_B))) == (404, 20404)
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
    assert [m["sid"] for m in other.get(pool_path(SERVICE_B, "PhoneNumbers")).json()["phone_numbers"]] == [PN_B]


def test_deleting_a_service_frees_its_senders(api: Any, emu: Emulator) -> None:
    service = api.create_service("Doomed")["sid"]
    assert add(api, service, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
    assert add(api, service, "ShortCodes", ShortCodeSid=SC_1).status_code == 201
    assert add(api, service, "AlphaSenders", AlphaSender="Doomed").status_code == 201
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2).status_code == 201
    assert api.delete(f"/messaging/v1/Services/{service}").status_code == 204
    state = emu.state.snapshot()["accounts"][ACCOUNT_A]
    assert [m["sid"] for m in state["service_phone_numbers"]] == [PN_2]
    assert state["service_short_codes"] == [] and state["service_alpha_senders"] == []
    assert add(api, SECOND_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
    assert add(api, SECOND_SERVICE, "ShortCodes", ShortCodeSid=SC_1).status_code == 201
    assert error(add(api, SECOND_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2)) == (409, 21712)


def test_pool_limit_counts_phone_numbers_and_short_codes_not_alpha_senders() -> None:
    with start(make_numbers_seed(), settings=Settings(pool_limit=3)) as emu:
        api = Api(emu.url, (ACCOUNT_A, TOKEN_A))
        assert add(api, SEEDED_SERVICE, "AlphaSenders", AlphaSender="Free").status_code == 201
        assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
        assert add(api, SEEDED_SERVICE, "ShortCodes", ShortCodeSid=SC_1).status_code == 201
        assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_4).status_code == 201  # the third number or short code
        refused = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2)
        assert error(refused) == (400, 21714)
        assert refused.json()["message"] == f"Messaging Service {SEEDED_SERVICE} has reached its sender pool limit of 3 phone numbers and short codes"
        assert api.delete(pool_path(SEEDED_SERVICE, "AlphaSenders", add_alpha_sid(api))).status_code == 204
        assert add(api, SEEDED_SERVICE, "AlphaSenders", AlphaSender="StillFree").status_code == 201  # a full pool takes an alpha sender
        other_code = api.get(f"/api/2010-04-01/Accounts/{ACCOUNT_A}/SMS/ShortCodes.json", params={"ShortCode": "67890"}).json()["short_codes"][0]
        assert error(add(api, SEEDED_SERVICE, "ShortCodes", ShortCodeSid=other_code["sid"])) == (400, 21714)
        assert add(api, SECOND_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2).status_code == 201  # the limit is per service
        assert api.delete(pool_path(SEEDED_SERVICE, "PhoneNumbers", PN_1)).status_code == 204
        assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_3).status_code == 201


def test_pool_limit_admin_route_and_reset(emu: Emulator, api: Any) -> None:
    admin = emu.url + "/_emulator/pool-limit"
    assert requests.post(admin, json={"limit": 1}, timeout=10).json() == {"pool_limit": 1}
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
    assert error(add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2)) == (400, 21714)
    for bad in ({"limit": -1}, {"limit": "3"}, {"limit": True}, {"max": 3}, [3]):
        response = requests.post(admin, json=bad, timeout=10)
        assert error(response) == (400, 20001), bad
    requests.post(emu.url + "/_emulator/reset", timeout=10)
    assert emu.state.settings["pool_limit"] == 400
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2).status_code == 201


def test_default_limit_is_400(api: Any, emu: Emulator) -> None:
    with emu.state.lock:  # the seed has too few numbers to reach 400 through the API: fill the pool's store directly
        account = emu.state.accounts[ACCOUNT_A]
        for index in range(399):
            sid = account.new_sid("PN")
            account.add("service_phone_numbers", {"sid": sid, "service_sid": SEEDED_SERVICE, "phone_number": f"+1555900{index:04d}"})
    assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
    response = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2)
    assert error(response) == (400, 21714) and "limit of 400" in response.json()["message"]


def test_pool_list_paging(api: Any) -> None:
    for sid in (PN_3, PN_1, PN_4, PN_2):
        assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=sid).status_code == 201
    first = api.get(pool_path(SEEDED_SERVICE, "PhoneNumbers"), params={"PageSize": "2"}).json()
    assert [m["sid"] for m in first["phone_numbers"]] == [PN_1, PN_2]  # in the account's order of the numbers
    second = api.get(first["meta"]["next_page_url"]).json()
    assert [m["sid"] for m in second["phone_numbers"]] == [PN_3, PN_4]
    assert second["meta"]["next_page_url"] is None
    assert second["meta"]["previous_page_url"].startswith(f"{MESSAGING}/{SEEDED_SERVICE}/PhoneNumbers?PageSize=2&Page=0&PageToken=PB")


def test_sdk_round_trip(sdk: SdkFactory) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    service = client.messaging.v1.services(SEEDED_SERVICE)
    created = service.phone_numbers.create(phone_number_sid=PN_1)
    assert (created.sid, created.phone_number, created.capabilities, created.country_code) == (PN_1, "+15551230001", ["MMS", "SMS", "Voice"], "US")
    service.phone_numbers.create(phone_number_sid=PN_2)
    service.phone_numbers.create(phone_number_sid=PN_3)
    assert [member.sid for member in service.phone_numbers.list(page_size=2)] == [PN_1, PN_2, PN_3]
    assert service.short_codes.create(short_code_sid=SC_1).short_code == "12345"
    alpha = service.alpha_senders.create(alpha_sender="FlexCo")
    assert service.alpha_senders(alpha.sid).fetch().alpha_sender == "FlexCo"
    assert service.phone_numbers(PN_2).fetch().service_sid == SEEDED_SERVICE
    assert service.phone_numbers(PN_2).delete() is True
    with pytest.raises(TwilioRestException) as raised:
        client.messaging.v1.services(SECOND_SERVICE).phone_numbers.create(phone_number_sid=PN_1)
    assert (raised.value.status, raised.value.code) == (409, 21712)
    assert raised.value.msg == "Unable to create record: Phone Number or Short Code is associated with another Messaging Service."
    with pytest.raises(TwilioRestException) as raised:
        service.phone_numbers.create(phone_number_sid=PN_1)
    assert (raised.value.status, raised.value.code) == (409, 21710)
    with pytest.raises(TwilioRestException) as raised:
        service.phone_numbers.create(phone_number_sid=PN_VOICE)
    assert raised.value.code == 21715


def add_alpha_sid(api: Any) -> str:
    return str(api.get(pool_path(SEEDED_SERVICE, "AlphaSenders")).json()["alpha_senders"][0]["sid"])


SOLE_BRAND = "BN" + "5e" * 16


@contextmanager
def sole_proprietor_emulator(tmp_path: Path) -> Iterator[tuple[Emulator, Api]]:
    """The numbers seed plus an APPROVED, VERIFIED sole-proprietor brand in account A; the emulator and account A's client."""
    seed = make_numbers_seed()
    seed["accounts"][0]["brands"] = [{"sid": SOLE_BRAND, "customer_profile_bundle_sid": "BU" + "51" * 16, "a2p_profile_bundle_sid": "BU" + "52" * 16,
                                      "brand_type": "SOLE_PROPRIETOR"}]
    with start(seed, log_path=str(tmp_path / "requests.jsonl")) as emu:
        yield emu, Api(emu.url, (ACCOUNT_A, TOKEN_A))


def test_sole_proprietor_campaign_takes_one_phone_number(tmp_path: Path) -> None:
    """Twilio: each sole-proprietor campaign may use one phone number (docs/emulator.md, "Sender pools"); code 21714 *unconfirmed*."""
    with sole_proprietor_emulator(tmp_path) as (emu, api):
        with emu.state.lock:  # the campaign itself is another module's business: put it in place directly
            account = emu.state.accounts[ACCOUNT_A]
            account.add(CAMPAIGNS, {"sid": "QE" + "5e" * 16, "messaging_service_sid": SEEDED_SERVICE, "brand_registration_sid": SOLE_BRAND})
        assert add(api, SEEDED_SERVICE, "ShortCodes", ShortCodeSid=SC_1).status_code == 201  # short codes are not limited by it
        assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1).status_code == 201
        refused = add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2)
        assert error(refused) == (400, 21714)
        assert SOLE_BRAND in refused.json()["message"] and "only 1 phone number" in refused.json()["message"]
        assert error(add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_1)) == (409, 21710)  # already here comes first
        assert add(api, SECOND_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_2).status_code == 201  # a service without campaign
        assert api.delete(pool_path(SEEDED_SERVICE, "PhoneNumbers", PN_1)).status_code == 204
        assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_3).status_code == 201  # the one number may change


def test_no_sole_proprietor_campaign_on_a_pool_of_two_numbers(tmp_path: Path) -> None:
    """Issue 11 F5: the other way round, the campaign create refuses a service already holding two phone numbers (21714 *unconfirmed*)."""
    with sole_proprietor_emulator(tmp_path) as (emu, api):
        for number in (PN_1, PN_2):
            assert add(api, SEEDED_SERVICE, "PhoneNumbers", PhoneNumberSid=number).status_code == 201
        assert add(api, SECOND_SERVICE, "PhoneNumbers", PhoneNumberSid=PN_3).status_code == 201
        assert add(api, SECOND_SERVICE, "ShortCodes", ShortCodeSid=SC_1).status_code == 201  # short codes do not count
        refused = api.post(usa2p(SEEDED_SERVICE), campaign_form(SOLE_BRAND, "SOLE_PROPRIETOR"))
        assert_error(refused, 400, 21714, f"Messaging Service {SEEDED_SERVICE} holds 2 phone numbers")
        assert SOLE_BRAND in refused.json()["message"] and api.get(usa2p(SEEDED_SERVICE)).json()["compliance"] == []
        assert api.post(usa2p(SECOND_SERVICE), campaign_form(SOLE_BRAND, "SOLE_PROPRIETOR")).status_code == 201
