# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""twilio 9.13's own requests, for every call the collection makes, pass the checker as sent.

A stand-in HTTP client answers each SDK call with the spec's example response and logs it the way
the emulator does, so the checker sees the exact names and encodings the SDK produces.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response
from twilio.rest import Client

from contract.spec_examples import response_example
from contract.spec_store import load_product_spec
from contract.validator import validate_records

ACCOUNT = "AC" + "a" * 32
MG, PN, QE, BN, BU = ("MG" + "b" * 32, "PN" + "c" * 32, "QE" + "d" * 32, "BN" + "e" * 32, "BU" + "f" * 32)
SAMPLES = ["Example Clinic: your appointment is tomorrow at 10am.", "Example Clinic: reply C to confirm your visit."]
CAMPAIGN_TEXT = {
    "description": "Appointment reminders for customers of Example Clinic.",
    "message_flow": "Customers opt in on the booking form at https://example.com/book before any message.",
    "message_samples": SAMPLES,
    "has_embedded_links": True,
    "has_embedded_phone": False,
    "age_gated": False,
    "direct_lending": False,
    "privacy_policy_url": "https://example.com/privacy",
    "terms_and_conditions_url": "https://example.com/terms",
}


def _strings(values: dict[str, Any] | None) -> dict[str, Any]:
    return {name: [str(item) for item in value] if isinstance(value, list) else str(value) for name, value in (values or {}).items()}


class SpecExampleClient(HttpClient):
    """Answers with the spec's example for the first documented 2xx status; logs emulator-style records."""

    def __init__(self, spec_dir: Path) -> None:
        super().__init__(logging.getLogger("contract-test"), is_async=False)
        self.spec_dir = spec_dir
        self.records: list[dict[str, Any]] = []

    def request(self, method: str, uri: str, params: dict[str, object] | None = None, data: dict[str, object] | None = None,
                headers: dict[str, str] | None = None, auth: tuple[str, str] | None = None, timeout: float | None = None,
                allow_redirects: bool = False) -> Response:
        url = urlsplit(uri)
        product = (url.hostname or "").split(".")[0]
        spec = load_product_spec(self.spec_dir, product)
        operation = spec.find_operation(method, url.path)
        status = min(int(code) for code in operation.definition["responses"] if code.startswith("2"))
        documented = spec.deref(operation.definition["responses"][str(status)])
        body = response_example(spec, method, operation.pattern, status) if "content" in documented else None
        query = {name: values if len(values) > 1 else values[0] for name, values in parse_qs(url.query).items()}
        self.records.append({"time": "2025-01-01T00:00:00Z", "method": method.upper(), "product": product, "path": url.path,
                             "query": {**query, **_strings(params)}, "form": _strings(data), "status": status,
                             "account_sid": ACCOUNT, "response": body})
        return Response(status, "" if body is None else json.dumps(body))


@pytest.fixture(name="sdk")
def fixture_sdk(spec_dir: Path) -> tuple[Client, SpecExampleClient]:
    http = SpecExampleClient(spec_dir)
    return Client(ACCOUNT, "token", http_client=http), http


def test_messaging_service_and_sender_pool_calls(sdk: tuple[Client, SpecExampleClient], spec_dir: Path) -> None:
    client, http = sdk
    services = client.messaging.v1.services
    services.create(friendly_name="Flex A2P", sticky_sender=True, use_inbound_webhook_on_number=True, inbound_request_url="https://example.com/in",
                    inbound_method="POST", scan_message_content="inherit", validity_period=600, usecase="notifications", area_code_geomatch=True)
    services.list(page_size=1000)
    services(MG).fetch()
    services(MG).update(friendly_name="Flex A2P", fallback_to_long_code=False, smart_encoding=True, status_callback="https://example.com/status")
    services(MG).phone_numbers.create(phone_number_sid=PN)
    services(MG).phone_numbers.list(limit=50)
    services(MG).phone_numbers(PN).fetch()
    services(MG).phone_numbers(PN).delete()
    services(MG).short_codes.create(short_code_sid="SC" + "a" * 32)
    services(MG).alpha_senders.create(alpha_sender="ExampleCo")
    services(MG).delete()
    assert len(http.records) == 11
    assert validate_records(http.records, spec_dir) == []


def test_campaign_and_brand_calls(sdk: tuple[Client, SpecExampleClient], spec_dir: Path) -> None:
    client, http = sdk
    campaigns = client.messaging.v1.services(MG).us_app_to_person
    campaigns.create(brand_registration_sid=BN, us_app_to_person_usecase="ACCOUNT_NOTIFICATION", opt_in_keywords=["START"], opt_out_keywords=["STOP"],
                     help_keywords=["HELP"], opt_in_message="You are opted in.", opt_out_message="You are opted out.", help_message="Reply STOP.",
                     subscriber_opt_in=True, **CAMPAIGN_TEXT)
    campaigns.list()
    campaigns(QE).fetch()
    campaigns(QE).update(**CAMPAIGN_TEXT)
    campaigns(QE).delete()
    client.messaging.v1.services(MG).us_app_to_person_usecases.fetch(brand_registration_sid=BN)
    client.messaging.v1.usecases.fetch()
    client.messaging.v1.external_campaign.create(campaign_id="CABCDEF", messaging_service_sid=MG)
    client.messaging.v1.brand_registrations.create(customer_profile_bundle_sid=BU, a2p_profile_bundle_sid=BU, brand_type="STANDARD",
                                                   mock=False, skip_automatic_sec_vet=True)
    client.messaging.v1.brand_registrations(BN).fetch()
    client.messaging.v1.brand_registrations.list()
    assert len(http.records) == 11
    sent = http.records[0]["form"]
    assert sent["MessageSamples"] == SAMPLES and sent["HasEmbeddedLinks"] == "true" and "PrivacyPolicyUrl" in sent
    assert validate_records(http.records, spec_dir) == []


def test_number_and_flex_routing_calls(sdk: tuple[Client, SpecExampleClient], spec_dir: Path) -> None:
    client, http = sdk
    numbers = client.api.v2010.accounts(ACCOUNT).incoming_phone_numbers
    numbers.list(phone_number="+18089255327")
    numbers(PN).fetch()
    numbers(PN).update(sms_url="https://webhooks.twilio.com/v1/Accounts/AC/Proxy/KS/Webhooks/Message", sms_method="POST", sms_application_sid="")
    flows = client.flex_api.v1.flex_flow
    flows.list(friendly_name="SMS Flow")
    flows.create(friendly_name="SMS Flow", chat_service_sid="IS" + "a" * 32, channel_type="sms", contact_identity="+18089255327", enabled=True,
                 integration_type="external", integration_url="https://example.com/flex")
    flows("FO" + "a" * 32).update(enabled=False)
    addresses = client.conversations.v1.address_configurations
    addresses.list(type="sms")
    addresses.create(type="sms", address="+18089255327", friendly_name="Flex SMS", auto_creation_enabled=True, auto_creation_type="studio",
                     auto_creation_studio_flow_sid="FW" + "a" * 32)
    addresses("IG" + "a" * 32).delete()
    client.proxy.v1.services("KS" + "a" * 32).phone_numbers.list()
    assert len(http.records) == 10
    assert validate_records(http.records, spec_dir) == []
