"""The client layer: URL rewrite, credentials, error translation, with the real SDK over requests-mock."""

from __future__ import annotations

import base64

import pytest
from twilio_payloads import ACCOUNT_SID, AUTH_TOKEN, SERVICES_URL, error, page, service

from ansible_collections.tendlc.twilio.plugins.module_utils._client import build_client, call, resource_dict, rewrite_url
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError

EMULATOR = "http://127.0.0.1:8080"
MG1 = "MG" + "c" * 32
KEY_SID = "SK" + "d" * 32


def params(**overrides):
    base = {"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN, "api_key_sid": None, "api_key_secret": None,
            "region": None, "edge": None, "timeout": 30, "api_url": None}
    base.update(overrides)
    return base


@pytest.mark.parametrize("url, expected", [
    ("https://messaging.twilio.com/v1/Services", EMULATOR + "/messaging/v1/Services"),
    ("https://messaging.twilio.com/v1/Services?PageSize=2&Page=1&PageToken=PAMG1", EMULATOR + "/messaging/v1/Services?PageSize=2&Page=1&PageToken=PAMG1"),
    ("https://api.twilio.com/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json", EMULATOR + "/api/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json"),
    ("https://flex-api.twilio.com/v1/FlexFlows", EMULATOR + "/flex-api/v1/FlexFlows"),
    ("https://messaging.dublin.ie1.twilio.com/v1/Services", EMULATOR + "/messaging/v1/Services"),
    ("https://example.com/v1/Services", "https://example.com/v1/Services"),
])
def test_rewrite_url(url, expected):
    assert rewrite_url(url, EMULATOR + "/") == expected


def test_rewrite_is_off_without_api_url():
    assert rewrite_url("https://messaging.twilio.com/v1/Services", None) == "https://messaging.twilio.com/v1/Services"


def test_api_url_reaches_every_page(requests_mock):
    first = EMULATOR + "/messaging/v1/Services"
    next_page = SERVICES_URL + "?PageSize=1000&Page=1&PageToken=PA" + MG1
    requests_mock.get(first, json=page("services", [service(MG1, "a")], next_page_url=next_page))
    requests_mock.get(EMULATOR + "/messaging/v1/Services?PageSize=1000&Page=1&PageToken=PA" + MG1, json=page("services", [service(MG1, "b")]))
    client = build_client(params(api_url=EMULATOR))
    names = [s.friendly_name for s in client.messaging.v1.services.list(page_size=1000)]
    assert names == ["a", "b"]
    assert [r.url.split("?")[0] for r in requests_mock.request_history] == [first, first]


def basic(request) -> str:
    return base64.b64decode(request.headers["Authorization"].split()[1]).decode()


def test_auth_token_and_api_key_credentials(requests_mock):
    requests_mock.get(SERVICES_URL, json=page("services", []))
    build_client(params()).messaging.v1.services.list()
    build_client(params(auth_token=None, api_key_sid=KEY_SID, api_key_secret="s3cret")).messaging.v1.services.list()
    assert [basic(r) for r in requests_mock.request_history] == [ACCOUNT_SID + ":" + AUTH_TOKEN, KEY_SID + ":s3cret"]


def test_api_key_client_knows_its_account():
    client = build_client(params(auth_token=None, api_key_sid=KEY_SID, api_key_secret="s3cret"))
    assert client.account_sid == ACCOUNT_SID


def test_timeout_reaches_the_http_client():
    assert build_client(params(timeout=7.5)).http_client.timeout == 7.5


def test_call_translates_rest_errors(requests_mock):
    requests_mock.get(SERVICES_URL + "/" + MG1, status_code=404, json=error(20404, 404, "The requested resource /Services/%s was not found" % MG1))
    client = build_client(params())
    with pytest.raises(ModuleError) as caught:
        call("fetch messaging service " + MG1, client.messaging.v1.services(MG1).fetch)
    assert caught.value.extra["error"]["code"] == 20404
    assert caught.value.msg == ("Failed to fetch messaging service %s: Twilio error 20404 (HTTP 404): "
                                "The requested resource /Services/%s was not found." % (MG1, MG1))


def test_call_translates_failed_list_pages(requests_mock):
    requests_mock.get(SERVICES_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    with pytest.raises(ModuleError) as caught:
        call("list messaging services", build_client(params()).messaging.v1.services.list)
    assert caught.value.extra["error"] == {"code": 20003, "status": 401, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003"}


def test_call_translates_connection_errors():
    client = build_client(params(api_url="http://127.0.0.1:9", timeout=2))
    with pytest.raises(ModuleError) as caught:
        call("list messaging services", client.messaging.v1.services.list)
    assert caught.value.msg.startswith("Failed to list messaging services: could not reach Twilio")


def test_resource_dict_has_twilio_fields_and_iso_dates(requests_mock):
    requests_mock.get(SERVICES_URL + "/" + MG1, json=service(MG1, "Flex"))
    fields = resource_dict(build_client(params()).messaging.v1.services(MG1).fetch())
    assert fields == service(MG1, "Flex")
