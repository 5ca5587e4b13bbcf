""""A 404 becomes None", written once (_client.fetch_or_none), for every look-up by SID; other errors still fail."""

from __future__ import annotations

import pytest
from twilio_payloads import AUTH, BRANDS_URL, SERVICES_URL, brand, error, service

from ansible_collections.tendlc.twilio.plugins.module_utils import _client
from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import fetch_brand
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AUTHENTICATE, NOT_FOUND, ModuleError, is_not_found
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import fetch_service
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER, find_in_pool

MG = "MG" + "a" * 32
BN = "BN" + "b" * 32
PN = "PN" + "c" * 32
NUMBER_URL = "%s/%s/PhoneNumbers/%s" % (SERVICES_URL, MG, PN)
LOOKUPS = [
    ("service", SERVICES_URL + "/" + MG, lambda client: fetch_service(client, MG), service(MG, "Flex")),
    ("brand", BRANDS_URL + "/" + BN, lambda client: fetch_brand(client, BN), brand(BN)),
    ("pool member", NUMBER_URL, lambda client: find_in_pool(client, MG, PHONE_NUMBER, PN),
     {"sid": PN, "account_sid": AUTH["account_sid"], "service_sid": MG, "phone_number": "+15551230001", "country_code": "US",
      "capabilities": [], "url": NUMBER_URL, "date_created": None, "date_updated": None}),
]
IDS = [lookup[0] for lookup in LOOKUPS]


@pytest.fixture(name="client")
def fixture_client():
    return _client.build_client({**AUTH, "timeout": 5, "max_retries": 0})


@pytest.mark.parametrize("name, url, look_up, body", LOOKUPS, ids=IDS)
def test_a_404_is_none(requests_mock, client, name, url, look_up, body):
    requests_mock.get(url, status_code=404, json=error(NOT_FOUND, 404, "The requested resource was not found"))
    assert look_up(client) is None
    assert requests_mock.call_count == 1


@pytest.mark.parametrize("name, url, look_up, body", LOOKUPS, ids=IDS)
def test_a_found_resource_is_returned(requests_mock, client, name, url, look_up, body):
    requests_mock.get(url, json=body)
    assert look_up(client).sid == body["sid"]


@pytest.mark.parametrize("name, url, look_up, body", LOOKUPS, ids=IDS)
def test_other_errors_still_fail(requests_mock, client, name, url, look_up, body):
    requests_mock.get(url, status_code=401, json=error(AUTHENTICATE, 401, "Authenticate"))
    with pytest.raises(ModuleError) as caught:
        look_up(client)
    assert caught.value.code == AUTHENTICATE and not is_not_found(caught.value)
    assert "Twilio error 20003 (HTTP 401)" in caught.value.msg


def test_code_is_twilios_error_code_or_none():
    assert ModuleError("x", error={"code": NOT_FOUND}).code == NOT_FOUND
    assert ModuleError("x", error=None).code is None
    assert ModuleError("x", field="service").code is None


def test_the_names_modules_import_from_client_stay_there():
    """The split into _http (transport) and _client (calls) keeps every name the modules and _base import from _client."""
    for name in ("call", "create_once", "call_delete", "fetch_or_none", "resource_dict", "AUTH_ARGUMENT_SPEC", "TWILIO_IMPORT_ERROR",
                 "build_client"):
        assert hasattr(_client, name), name
    assert _client.TWILIO_IMPORT_ERROR is None
