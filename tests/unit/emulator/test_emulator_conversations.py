"""Conversations v1 Address Configurations: seeds, create/fetch/update/delete by SID or address, rules, filter, paging, isolation, the twilio SDK."""

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from emulator.errors import SeedError
from emulator.seed import load_seed
from emulator.server import Emulator, start
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, TOKEN_A, TOKEN_B, Api
from routing_testkit import (ADDRESSES, CONV_NUMBER, FREE_NUMBER, FW_A, IG_A, IG_B, IS_A, LEGACY_NUMBER, NUMBER_B, PN_CONV, contract_problems,
                             make_routing_seed, routing_emulator)

ORDER = ["sid", "account_sid", "type", "address", "friendly_name", "auto_creation", "date_created", "date_updated", "url", "address_country"]
PATH = "/conversations/v1/Configuration/Addresses"
SEEDED_AUTO = {"enabled": True, "type": "studio", "conversation_service_sid": IS_A, "studio_flow_sid": FW_A, "studio_retry_count": 3}


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """The routing seed; the request log must conform to Twilio's conversations spec."""
    yield from routing_emulator(tmp_path)


def error(response: Any) -> tuple[int, int, str]:
    body = response.json()
    return response.status_code, body["code"], body["message"]


def test_seeded_configuration(api: Api) -> None:
    listing = api.get(PATH).json()
    [config] = listing["address_configurations"]
    assert list(config) == ORDER
    assert (config["sid"], config["account_sid"], config["type"], config["address"]) == (IG_A, ACCOUNT_A, "sms", CONV_NUMBER)
    assert (config["friendly_name"], config["auto_creation"], config["address_country"]) == ("Flex Conversations", SEEDED_AUTO, None)
    assert config["url"] == f"{ADDRESSES}/{IG_A}" and config["date_created"] == config["date_updated"]
    assert listing["meta"]["key"] == "address_configurations" and listing["meta"]["url"] == f"{ADDRESSES}?PageSize=50&Page=0"
    number = api.get(f"/api/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers/{PN_CONV}.json").json()
    assert number["sms_url"] == "" and number["sms_application_sid"] == ""  # a Flex Conversations number: no webhook


def test_create_fetch_update_delete(api: Api, emu: Emulator) -> None:
    form = {"Type": "sms", "Address": FREE_NUMBER, "FriendlyName": "Webhook line", "AutoCreation.Enabled": "true", "AutoCreation.Type": "webhook",
            "AutoCreation.WebhookUrl": "https://example.com/hook", "AutoCreation.WebhookMethod": "post",
            "AutoCreation.WebhookFilters": ["onParticipantAdded", "onMessageAdded"]}
    response = api.post(PATH, form)
    assert response.status_code == 201, response.text
    config = response.json()
    assert list(config) == ORDER and config["sid"].startswith("IG") and config["url"] == f"{ADDRESSES}/{config['sid']}"
    assert (config["type"], config["address"], config["friendly_name"]) == ("sms", FREE_NUMBER, "Webhook line")
    assert config["auto_creation"] == {"enabled": True, "type": "webhook", "webhook_url": "https://example.com/hook", "webhook_method": "POST",
                                       "webhook_filters": ["onParticipantAdded", "onMessageAdded"]}
    assert api.get(f"{PATH}/{config['sid']}").json() == config
    assert api.get(f"{PATH}/{FREE_NUMBER.replace('+', '%2B')}").json() == config  # the address works as {Sid}

    updated = api.post(f"{PATH}/{config['sid']}", {"FriendlyName": "Renamed", "AutoCreation.Enabled": "false", "AutoCreation.WebhookUrl": ""})
    assert updated.status_code == 200, updated.text
    assert updated.json()["friendly_name"] == "Renamed"
    assert updated.json()["auto_creation"] == {"enabled": False, "type": "webhook", "webhook_method": "POST",
                                               "webhook_filters": ["onParticipantAdded", "onMessageAdded"]}
    assert (updated.json()["type"], updated.json()["address"]) == ("sms", FREE_NUMBER)

    assert api.delete(f"{PATH}/{FREE_NUMBER.replace('+', '%2B')}").status_code == 204
    assert error(api.get(f"{PATH}/{config['sid']}")) == (404, 20404, f"The requested resource /Configuration/Addresses/{config['sid']} was not found")
    assert api.post(PATH, {"Type": "sms", "Address": FREE_NUMBER}).status_code == 201  # free again
    logged = emu.requests[0]
    assert (logged["product"], logged["path"], logged["status"]) == ("conversations", "/v1/Configuration/Addresses", 201)
    assert logged["form"]["AutoCreation.WebhookFilters"] == ["onParticipantAdded", "onMessageAdded"] and logged["response"] == config


def test_rules(api: Api) -> None:
    assert error(api.post(PATH, {"Address": FREE_NUMBER})) == (400, 20001, "Missing required parameter Type in the post body")
    assert error(api.post(PATH, {"Type": "sms"})) == (400, 20001, "Missing required parameter Address in the post body")
    assert error(api.post(PATH, {"Type": "fax", "Address": FREE_NUMBER}))[:2] == (400, 20001)
    assert error(api.post(PATH, {"Type": "sms", "Address": "+15550009999"})) == (
        400, 21421, "Address +15550009999 is not an E.164 phone number of this account")
    assert error(api.post(PATH, {"Type": "sms", "Address": NUMBER_B}))[:2] == (400, 21421)  # B's number
    duplicate = api.post(PATH, {"Type": "sms", "Address": CONV_NUMBER})
    assert error(duplicate) == (400, 20001, f"An address configuration of type sms already exists for {CONV_NUMBER} ({IG_A})")
    assert error(api.post(PATH, {"Type": "sms", "Address": FREE_NUMBER, "AutoCreation.WebhookFilters": "onEverything"}))[:2] == (400, 20001)
    assert error(api.post(PATH, {"Type": "sms", "Address": FREE_NUMBER, "FriendlyName": "x" * 257}))[:2] == (400, 20001)
    whatsapp = api.post(PATH, {"Type": "whatsapp", "Address": "whatsapp:" + CONV_NUMBER})
    assert whatsapp.status_code == 201 and whatsapp.json()["auto_creation"] == {"enabled": False}
    assert api.post(PATH, {"Type": "email", "Address": "support@example.com", "AddressCountry": "US"}).json()["address_country"] == "US"
    assert [c["address"] for c in api.get(PATH).json()["address_configurations"]] == [CONV_NUMBER, "whatsapp:" + CONV_NUMBER, "support@example.com"]


def test_type_filter_and_paging(api: Api) -> None:
    made = [api.post(PATH, {"Type": "email", "Address": f"agent{index}@example.com"}).json()["sid"] for index in range(4)]
    api.post(PATH, {"Type": "sms", "Address": LEGACY_NUMBER})
    sms = api.get(PATH, params={"Type": "sms"}).json()
    assert [c["address"] for c in sms["address_configurations"]] == [CONV_NUMBER, LEGACY_NUMBER]
    assert sms["meta"]["url"] == f"{ADDRESSES}?Type=sms&PageSize=50&Page=0"
    page = api.get(PATH, params={"Type": "email", "PageSize": "3"}).json()
    assert [c["sid"] for c in page["address_configurations"]] == made[:3]
    rest = api.get(page["meta"]["next_page_url"]).json()
    assert [c["sid"] for c in rest["address_configurations"]] == made[3:] and rest["meta"]["next_page_url"] is None
    assert rest["meta"]["page"] == 1 and rest["meta"]["url"].startswith(f"{ADDRESSES}?Type=email&PageSize=3&Page=1&PageToken=PA")


def test_page_size_is_at_most_50(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    with start(make_routing_seed(), log_path=str(log)) as emu:
        api = Api(emu.url, (ACCOUNT_A, TOKEN_A))
        for index in range(52):
            assert api.post(PATH, {"Type": "chat", "Address": f"chat-{index}"}).status_code == 201
        page = api.get(PATH, params={"PageSize": "100"}).json()
        assert page["meta"]["page_size"] == 50 and len(page["address_configurations"]) == 50
        assert page["meta"]["next_page_url"].startswith(f"{ADDRESSES}?PageSize=50&Page=1&PageToken=PA")
        assert len(api.get(page["meta"]["next_page_url"]).json()["address_configurations"]) == 3
    assert contract_problems(log) == [  # the spec's maximum: Twilio may refuse larger values (*unconfirmed*), the emulator clamps
        "#52 GET conversations /v1/Configuration/Addresses -> 200: request: query parameter PageSize: 100 is greater than the maximum of 50"]


def test_accounts_are_isolated(api: Api, api_as: Callable[..., Api]) -> None:
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert [c["sid"] for c in other.get(PATH).json()["address_configurations"]] == [IG_B]
    for response in (other.get(f"{PATH}/{IG_A}"), other.get(f"{PATH}/{CONV_NUMBER.replace('+', '%2B')}"),
                     other.post(f"{PATH}/{IG_A}", {"FriendlyName": "x"}), other.delete(f"{PATH}/{IG_A}"), api.get(f"{PATH}/{IG_B}")):
        assert error(response)[:2] == (404, 20404)
    assert other.post(PATH, {"Type": "sms", "Address": NUMBER_B}).status_code == 201  # B's own number
    assert error(api_as(None).get(PATH)) == (401, 20003, "Authenticate")
    assert api.get(f"{PATH}/{IG_A}").json()["friendly_name"] == "Flex Conversations"


def test_twilio_sdk(sdk: Callable[..., Client]) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    [seeded] = client.conversations.v1.address_configurations.list()
    assert (seeded.sid, seeded.type, seeded.address, seeded.auto_creation) == (IG_A, "sms", CONV_NUMBER, SEEDED_AUTO)
    created = client.conversations.v1.address_configurations.create(type="sms", address=FREE_NUMBER, friendly_name="SDK", auto_creation_enabled=True,
                                                                    auto_creation_type="default")
    assert (created.address, created.auto_creation, created.date_created.year > 2000) == (FREE_NUMBER, {"enabled": True, "type": "default"}, True)
    assert [c.sid for c in client.conversations.v1.address_configurations.list(type="sms", page_size=1)] == [IG_A, created.sid]
    assert client.conversations.v1.address_configurations(CONV_NUMBER).fetch().sid == IG_A  # by address, "+" unencoded
    assert client.conversations.v1.address_configurations(created.sid).update(friendly_name="Renamed").friendly_name == "Renamed"
    assert client.conversations.v1.address_configurations(created.sid).delete() is True
    with pytest.raises(TwilioRestException) as failure:
        client.conversations.v1.address_configurations.create(type="sms", address=CONV_NUMBER)
    assert (failure.value.status, failure.value.code) == (400, 20001)


@pytest.mark.parametrize(("config", "message"), [
    ({"address": FREE_NUMBER}, "accounts[0].address_configurations[1]: type is required"),
    ({"type": "sms"}, "accounts[0].address_configurations[1]: address is required"),
    ({"type": "pager", "address": FREE_NUMBER}, "accounts[0].address_configurations[1].type: Invalid value 'pager'"),
    ({"type": "sms", "address": 15552220003}, "accounts[0].address_configurations[1].address: expected a string"),
    ({"type": "sms", "address": "+15550009999"}, "accounts[0].address_configurations[1].address: Address +15550009999 is not an E.164 phone number"),
    ({"type": "sms", "address": CONV_NUMBER}, "accounts[0].address_configurations[1].address: An address configuration of type sms already exists"),
    ({"type": "sms", "address": FREE_NUMBER, "auto_creation": {"enabled": "maybe"}},
     "accounts[0].address_configurations[1].auto_creation.enabled: Invalid value 'maybe'"),
    ({"type": "sms", "address": FREE_NUMBER, "auto_creation": {"flow": FW_A}}, "accounts[0].address_configurations[1].auto_creation: unknown field(s) flow"),
    ({"type": "sms", "address": FREE_NUMBER, "sid": "IG1"}, "accounts[0].address_configurations[1].sid: 'IG1' is not a SID"),
])
def test_seed_errors(config: dict[str, Any], message: str) -> None:
    seed = make_routing_seed()
    seed["accounts"][0]["address_configurations"].append(config)
    with pytest.raises(SeedError) as failure:
        load_seed(seed)
    assert message in str(failure.value)


def test_seed_needs_the_numbers_seeded() -> None:
    seed = make_routing_seed()
    del seed["accounts"][0]["phone_numbers"]
    with pytest.raises(SeedError) as failure:
        load_seed(seed)
    assert "is not an E.164 phone number of this account" in str(failure.value) or "is not one of this account's phone_numbers" in str(failure.value)
