"""The real twilio SDK round-trips against the emulator (its HTTP client only rewrites host to emulator)."""

from typing import Any, Callable

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, KEY_A, KEY_SECRET_A, SEEDED_SERVICE, TOKEN_A, TOKEN_B

SdkFactory = Callable[..., Client]


def test_sdk_create_list_fetch_update_delete(sdk: SdkFactory, emu: Emulator) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    services = client.messaging.v1.services
    created = [services.create(friendly_name=f"SDK {index}", use_inbound_webhook_on_number=True, validity_period=600) for index in range(4)]
    assert created[0].sid.startswith("MG") and created[0].account_sid == ACCOUNT_A
    assert created[0].use_inbound_webhook_on_number is True and created[0].validity_period == 600
    assert created[0].links["phone_numbers"].endswith(f"/v1/Services/{created[0].sid}/PhoneNumbers")

    emu.app.log.clear()
    listed = services.list(page_size=2)
    assert [s.sid for s in listed] == [SEEDED_SERVICE] + [s.sid for s in created]
    pages = emu.requests
    assert [(r["method"], r["path"], r["status"]) for r in pages] == [("GET", "/v1/Services", 200)] * 3
    assert pages[0]["query"] == {"PageSize": "2"}
    assert pages[1]["query"]["PageToken"] == "PA" + created[0].sid
    assert pages[2]["query"]["Page"] == "2"

    fetched = services(created[1].sid).fetch()
    assert fetched.friendly_name == "SDK 1" and fetched.sticky_sender is True

    updated = services(created[1].sid).update(friendly_name="Renamed", sticky_sender=False, scan_message_content="enable")
    assert (updated.friendly_name, updated.sticky_sender, updated.scan_message_content) == ("Renamed", False, "enable")
    assert updated.validity_period == 600

    assert services(created[1].sid).delete() is True
    with pytest.raises(TwilioRestException) as raised:
        services(created[1].sid).fetch()
    assert raised.value.status == 404 and raised.value.code == 20404
    assert f"/Services/{created[1].sid}" in raised.value.msg


def test_sdk_limit_stops_paging(sdk: SdkFactory, emu: Emulator) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    for index in range(5):
        client.messaging.v1.services.create(friendly_name=f"Limit {index}")
    emu.app.log.clear()
    assert len(client.messaging.v1.services.list(limit=3, page_size=2)) == 3
    assert len(emu.requests) == 2


def test_sdk_validation_error_is_a_rest_exception(sdk: SdkFactory) -> None:
    with pytest.raises(TwilioRestException) as raised:
        sdk(ACCOUNT_A, TOKEN_A).messaging.v1.services.create(friendly_name="x" * 65)
    assert raised.value.status == 400 and raised.value.code == 20001


def test_sdk_bad_credentials_are_401_20003(sdk: SdkFactory) -> None:
    with pytest.raises(TwilioRestException) as raised:
        sdk(ACCOUNT_A, "wrong-token").messaging.v1.services.create(friendly_name="nope")
    assert raised.value.status == 401 and raised.value.code == 20003


def test_sdk_with_api_key_acts_as_its_account(sdk: SdkFactory) -> None:
    client = sdk(KEY_A, KEY_SECRET_A, account_sid=ACCOUNT_A)
    created = client.messaging.v1.services.create(friendly_name="Via key")
    assert created.account_sid == ACCOUNT_A
    assert sdk(ACCOUNT_A, TOKEN_A).messaging.v1.services(created.sid).fetch().friendly_name == "Via key"


def test_sdk_accounts_are_isolated(sdk: SdkFactory) -> None:
    other = sdk(ACCOUNT_B, TOKEN_B)
    assert other.messaging.v1.services.list() == []
    with pytest.raises(TwilioRestException) as raised:
        other.messaging.v1.services(SEEDED_SERVICE).fetch()
    assert raised.value.status == 404


def test_sdk_urls_are_twilio_urls(sdk: SdkFactory) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    client.messaging.v1.services.list(page_size=1)
    http_client: Any = client.http_client
    assert http_client.urls and all(url.startswith("https://messaging.twilio.com/v1/Services") for url in http_client.urls)
