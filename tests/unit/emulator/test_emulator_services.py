"""Messaging v1 Services over HTTP: create, fetch, update, delete, validation and error shapes."""

import base64
import http.client
import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from emulator.messaging import a2p_campaigns as campaigns_module
from emulator.messaging import pool as pool_module
from emulator.messaging import services as services_module
from emulator_testkit import ACCOUNT_A, SEEDED_SERVICE

SERVICE_KEYS = [
    "sid", "account_sid", "friendly_name", "date_created", "date_updated", "inbound_request_url", "inbound_method",
    "fallback_url", "fallback_method", "status_callback", "sticky_sender", "mms_converter", "smart_encoding",
    "scan_message_content", "fallback_to_long_code", "area_code_geomatch", "synchronous_validation", "validity_period",
    "url", "links", "usecase", "us_app_to_person_registered", "use_inbound_webhook_on_number",
]
LINK_SUFFIXES = {
    "phone_numbers": "PhoneNumbers",
    "short_codes": "ShortCodes",
    "alpha_senders": "AlphaSenders",
    "messages": "Messages",
    "us_app_to_person": "Compliance/Usa2p",
    "us_app_to_person_usecases": "Compliance/Usa2p/Usecases",
    "channel_senders": "ChannelSenders",
    "destination_alpha_senders": "DestinationAlphaSenders",
}
ISO = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"


def test_create_returns_201_with_twilio_defaults(api: Any) -> None:
    response = api.post("/messaging/v1/Services", {"FriendlyName": "Flex"})
    assert response.status_code == 201
    assert response.headers["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == SERVICE_KEYS
    sid = body["sid"]
    assert sid.startswith("MG") and len(sid) == 34 and sid[2:] == sid[2:].lower()
    assert body["account_sid"] == ACCOUNT_A
    assert body["friendly_name"] == "Flex"
    assert body["date_created"] == body["date_updated"]
    for key in ("date_created", "date_updated"):
        assert re.match(ISO, body[key])
    assert {k: body[k] for k in SERVICE_KEYS[5:18] + SERVICE_KEYS[20:]} == {
        "inbound_request_url": None, "inbound_method": "POST", "fallback_url": None, "fallback_method": "POST",
        "status_callback": None, "sticky_sender": True, "mms_converter": True, "smart_encoding": True,
        "scan_message_content": "inherit", "fallback_to_long_code": True, "area_code_geomatch": True,
        "synchronous_validation": True, "validity_period": 36000, "usecase": "undeclared",
        "us_app_to_person_registered": False, "use_inbound_webhook_on_number": False,
    }
    assert body["url"] == f"https://messaging.twilio.com/v1/Services/{sid}"
    assert body["links"] == {key: f"https://messaging.twilio.com/v1/Services/{sid}/{suffix}" for key, suffix in LINK_SUFFIXES.items()}


def test_create_with_every_field(api: Any) -> None:
    form = {
        "InboundRequestUrl": "https://example.com/in", "InboundMethod": "get",
        "FallbackUrl": "https://example.com/fb", "FallbackMethod": "GET", "StatusCallback": "https://example.com/st",
        "StickySender": "false", "MmsConverter": "False", "SmartEncoding": "false", "ScanMessageContent": "disable",
        "FallbackToLongCode": "false", "AreaCodeGeomatch": "false", "ValidityPeriod": "600", "SynchronousValidation": "false",
        "Usecase": "marketing", "UseInboundWebhookOnNumber": "true", "SomethingTwilioIgnores": "x",
    }
    body = api.create_service("All fields", **form)
    assert body["inbound_request_url"] == "https://example.com/in"
    assert body["inbound_method"] == "GET"
    assert body["fallback_url"] == "https://example.com/fb"
    assert body["fallback_method"] == "GET"
    assert body["status_callback"] == "https://example.com/st"
    assert [body[k] for k in ("sticky_sender", "mms_converter", "smart_encoding", "fallback_to_long_code", "area_code_geomatch")] == [False] * 5
    assert body["synchronous_validation"] is False
    assert body["scan_message_content"] == "disable"
    assert body["validity_period"] == 600
    assert body["usecase"] == "marketing"
    assert body["use_inbound_webhook_on_number"] is True
    assert "something_twilio_ignores" not in body and "SomethingTwilioIgnores" not in body


def test_friendly_names_are_not_unique(api: Any) -> None:
    first = api.create_service("Same name")
    second = api.create_service("Same name")
    assert first["sid"] != second["sid"]
    names = [s["friendly_name"] for s in api.get("/messaging/v1/Services").json()["services"]]
    assert names.count("Same name") == 2


def test_missing_friendly_name_is_400_20001(api: Any) -> None:
    for form in ({}, {"FriendlyName": ""}, {"StickySender": "true"}):
        response = api.post("/messaging/v1/Services", form)
        assert response.status_code == 400
        assert response.json() == {
            "code": 20001,
            "message": "Missing required parameter FriendlyName in the post body",
            "more_info": "https://www.twilio.com/docs/errors/20001",
            "status": 400,
        }


def test_friendly_name_up_to_64_characters(api: Any) -> None:
    assert api.create_service("x" * 64)["friendly_name"] == "x" * 64
    response = api.post("/messaging/v1/Services", {"FriendlyName": "x" * 65})
    assert response.status_code == 400
    assert response.json()["code"] == 20001


@pytest.mark.parametrize("field, value, code", [
    ("StickySender", "yes", 20001),
    ("MmsConverter", "1", 20001),
    ("InboundMethod", "PUT", 20001),
    ("FallbackMethod", "DELETE", 20001),
    ("ScanMessageContent", "on", 20001),
    ("ValidityPeriod", "0", 20001),
    ("ValidityPeriod", "36001", 20001),
    ("ValidityPeriod", "ten", 20001),
    ("Usecase", "chat", 21713),
])
def test_invalid_values_are_400_and_create_nothing(api: Any, field: str, value: str, code: int) -> None:
    before = len(api.get("/messaging/v1/Services").json()["services"])
    response = api.post("/messaging/v1/Services", {"FriendlyName": "Bad", field: value})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"code", "message", "more_info", "status"}
    assert body["code"] == code and body["status"] == 400 and field in body["message"]
    assert body["more_info"] == f"https://www.twilio.com/docs/errors/{code}"
    assert len(api.get("/messaging/v1/Services").json()["services"]) == before


def test_invalid_usecase_has_twilios_words(api: Any) -> None:
    """21713 with the message twilio/twilio-node#937 shows, on create and on update."""
    sid = api.create_service("Use case")["sid"]
    for path in ("/messaging/v1/Services", f"/messaging/v1/Services/{sid}"):
        response = api.post(path, {"FriendlyName": "Bad", "Usecase": "customer care"})
        assert (response.status_code, response.json()["code"], response.json()["message"]) == (400, 21713, "Usecase is invalid")


def test_fetch(api: Any) -> None:
    created = api.create_service("Fetch me")
    response = api.get(f"/messaging/v1/Services/{created['sid']}")
    assert response.status_code == 200
    assert response.json() == created


def test_update_changes_only_sent_fields_and_bumps_date_updated(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    created = api.create_service("Before", StatusCallback="https://example.com/st")
    monkeypatch.setattr(services_module, "iso8601", lambda: "2030-01-02T03:04:05Z")
    response = api.post(f"/messaging/v1/Services/{created['sid']}", {"FriendlyName": "After", "StickySender": "false", "Ignored": "1"})
    assert response.status_code == 200
    updated = response.json()
    expected = dict(created, friendly_name="After", sticky_sender=False, date_updated="2030-01-02T03:04:05Z")
    assert updated == expected
    assert api.get(f"/messaging/v1/Services/{created['sid']}").json() == expected


def test_update_clears_a_url_with_an_empty_value(api: Any) -> None:
    created = api.create_service("Clear", InboundRequestUrl="https://example.com/in")
    updated = api.post(f"/messaging/v1/Services/{created['sid']}", {"InboundRequestUrl": ""}).json()
    assert updated["inbound_request_url"] is None


def test_invalid_update_changes_nothing(api: Any) -> None:
    created = api.create_service("Keep")
    response = api.post(f"/messaging/v1/Services/{created['sid']}", {"FriendlyName": "Changed", "ValidityPeriod": "-1"})
    assert response.status_code == 400
    assert api.get(f"/messaging/v1/Services/{created['sid']}").json() == created


def test_delete_is_204_with_empty_body_then_404(api: Any) -> None:
    created = api.create_service("Delete me")
    response = api.delete(f"/messaging/v1/Services/{created['sid']}")
    assert response.status_code == 204
    assert response.content == b""
    assert response.headers["Content-Length"] == "0"
    assert api.get(f"/messaging/v1/Services/{created['sid']}").status_code == 404
    assert api.delete(f"/messaging/v1/Services/{created['sid']}").status_code == 404
    assert created["sid"] not in [s["sid"] for s in api.get("/messaging/v1/Services").json()["services"]]


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_unknown_sid_is_404_20404(api: Any, method: str) -> None:
    sid = "MG" + "0" * 32
    response = api.session.request(method, api.url(f"/messaging/v1/Services/{sid}"), data={"FriendlyName": "x"}, timeout=10)
    assert response.status_code == 404
    assert response.json() == {
        "code": 20404,
        "message": f"The requested resource /Services/{sid} was not found",
        "more_info": "https://www.twilio.com/docs/errors/20404",
        "status": 404,
    }


def test_unknown_path_and_product_are_404(api: Any) -> None:
    unknown_path = api.get("/messaging/v1/Nothing")
    assert unknown_path.status_code == 404
    assert unknown_path.json()["message"] == "The requested resource /Nothing was not found"
    for path in ("/nosuchproduct/v1/Services", "/conversations/v1/Services", "/", "/api/2010-04-01/Calls.json"):
        response = api.get(path)
        assert response.status_code == 404, path
        assert response.json()["code"] == 20404


def test_unsupported_method_on_known_path_is_405(api: Any) -> None:
    response = api.session.put(api.url("/messaging/v1/Services"), timeout=10)
    assert response.status_code == 405
    assert response.json()["code"] == 20004


def test_seeded_service_is_served(api: Any) -> None:
    body = api.get(f"/messaging/v1/Services/{SEEDED_SERVICE}").json()
    assert body["friendly_name"] == "Seeded"
    assert body["use_inbound_webhook_on_number"] is True
    assert body["sticky_sender"] is True


def test_delete_cascades_see_the_deleted_service(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The service's delete handler frees its senders and drops its campaign, once, for the deleted service only."""
    seen: list[tuple[str, str, str]] = []
    for module, name in ((pool_module, "free_senders"), (campaigns_module, "drop_campaign_of")):
        monkeypatch.setattr(module, name, lambda account, sid, name=name: seen.append((name, account.sid, sid)))
    created = api.create_service("Hooked")
    api.delete(f"/messaging/v1/Services/{created['sid']}")
    api.delete(f"/messaging/v1/Services/{created['sid']}")
    assert seen == [("free_senders", ACCOUNT_A, created["sid"]), ("drop_campaign_of", ACCOUNT_A, created["sid"])]


def test_keep_alive_connection_serves_every_response_kind(api: Any) -> None:
    created = api.create_service("Keep alive")
    parts = urlsplit(api.base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Authorization": _basic(*api.session.auth), "Content-Type": "application/x-www-form-urlencoded"}
    try:
        statuses = []
        for method, path, body in (
            ("GET", "/messaging/v1/Services", None),
            ("GET", "/messaging/v1/Services/MG" + "0" * 32, None),
            ("POST", "/messaging/v1/Services", "FriendlyName=over+one+socket"),
            ("DELETE", f"/messaging/v1/Services/{created['sid']}", None),
            ("GET", "/_emulator/health", None),
        ):
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            assert response.getheader("Content-Length") is not None
            response.read()
            statuses.append(response.status)
            assert not response.will_close
        assert statuses == [200, 404, 201, 204, 200]
    finally:
        connection.close()


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
