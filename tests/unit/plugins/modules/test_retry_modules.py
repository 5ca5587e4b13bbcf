"""Each module's creates under an ambiguous failure (a reset or 5xx after sending): looked up first, never sent twice when present.

Every case runs the module twice over the same script of answers but for the look-up: present -> one create,
absent -> the create is sent once more. requests-mock answers each URL from a list, in order.
"""

from __future__ import annotations

import pytest
import requests
from twilio_payloads import (
    AUTH, BRANDS_URL, NUMBERS_URL, SERVICES_URL, brand, campaign, error, mock_carried, owned_number, page, page2010, pool_member, service,
)
from urllib3.exceptions import ProtocolError

from ansible_collections.tendlc.twilio.plugins.modules import a2p_brand, a2p_campaign, a2p_external_campaign, messaging_service, sender_pool

MG = "MG" + "a" * 32
PN = "PN" + "2" * 32
QE = "QE" + "c" * 32
BN = "BN" + "b" * 32
USA2P = "%s/%s/Compliance/Usa2p" % (SERVICES_URL, MG)
EXTERNAL_URL = "https://messaging.twilio.com/v1/Services/PreregisteredUsa2p"
RESET = {"exc": requests.exceptions.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset")))}
FAILURES = {"reset": RESET, "503": {"status_code": 503, "json": error(20503, 503, "Service Unavailable")}}
CAMPAIGN = {
    "service": MG, "brand_registration_sid": BN, "usecase": "CUSTOMER_CARE",
    "description": "Customer care conversations between agents and customers.",
    "message_flow": "Customers text our published support number first.",
    "message_samples": ["Hi, this is support. Your replacement ships today.", "Your case is resolved. Reply STOP to opt out."],
    "has_embedded_links": False, "has_embedded_phone": False,
}


def creates(mock, url):
    return [r for r in mock.request_history if r.method == "POST" and r.url.split("?")[0] == url]


def listed(key, items, url):
    return {"json": page(key, items, url=url)}


@pytest.fixture(name="failure", params=sorted(FAILURES))
def fixture_failure(request):
    return FAILURES[request.param]


@pytest.mark.parametrize("present", [True, False])
def test_messaging_service_looks_up_by_exact_name(requests_mock, run_module, failure, present):
    after = [service(MG, "Flex")] if present else []
    requests_mock.get(SERVICES_URL, [listed("services", [service("MG" + "9" * 32, "Flex (old)")], SERVICES_URL),
                                     listed("services", [service("MG" + "9" * 32, "Flex (old)")] + after, SERVICES_URL)])
    requests_mock.post(SERVICES_URL, [failure, {"status_code": 201, "json": service(MG, "Flex")}])
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex"})
    assert result["changed"] is True and result["service"]["sid"] == MG
    assert len(creates(requests_mock, SERVICES_URL)) == (1 if present else 2)


@pytest.mark.parametrize("present", [True, False])
def test_sender_pool_looks_up_the_sender_in_the_pool(requests_mock, run_module, failure, present):
    requests_mock.get(SERVICES_URL, **listed("services", [service(MG, "Flex")], SERVICES_URL))
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    for kind, key in (("PhoneNumbers", "phone_numbers"), ("ShortCodes", "short_codes"), ("AlphaSenders", "alpha_senders")):
        requests_mock.get("%s/%s/%s" % (SERVICES_URL, MG, kind), **listed(key, [], "%s/%s/%s" % (SERVICES_URL, MG, kind)))
    requests_mock.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [owned_number(PN, "+15550000002")], "/numbers"))
    member = pool_member(MG, PN, "phone_number", "+15550000002")
    pool = "%s/%s/PhoneNumbers" % (SERVICES_URL, MG)
    requests_mock.get(pool + "/" + PN, **({"json": member} if present else {"status_code": 404, "json": error(20404, 404, "gone")}))
    requests_mock.post(pool, [failure, {"status_code": 201, "json": member}])
    result = run_module(sender_pool, {**AUTH, "service": MG, "phone_numbers": ["+15550000002"]})
    assert result["changed"] is True and result["added"] == [{"sid": PN, "kind": "phone_number", "value": "+15550000002"}]
    assert len(creates(requests_mock, pool)) == (1 if present else 2)


@pytest.mark.parametrize("present", [True, False])
def test_a2p_campaign_looks_up_the_services_campaign(requests_mock, run_module, failure, present):
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    requests_mock.get(BRANDS_URL + "/" + BN, json=brand(BN))
    requests_mock.get(USA2P + "/Usecases", json={"us_app_to_person_usecases": [
        {"code": "CUSTOMER_CARE", "name": "Customer Care", "description": "x", "post_approval_required": False}]})
    found = [campaign(MG, QE, BN, status="PENDING")] if present else []
    requests_mock.get(USA2P, [listed("compliance", [], USA2P), listed("compliance", found, USA2P)])
    requests_mock.post(USA2P, [failure, {"status_code": 201, "json": campaign(MG, QE, BN, status="PENDING")}])
    result = run_module(a2p_campaign, {**AUTH, **CAMPAIGN})
    assert result["changed"] is True and result["campaign"]["sid"] == QE
    assert len(creates(requests_mock, USA2P)) == (1 if present else 2)


@pytest.mark.parametrize("present", [True, False])
def test_a2p_external_campaign_looks_up_the_link(requests_mock, run_module, failure, present):
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    linked = campaign(MG, QE, None, is_externally_registered=True, campaign_id="CEXT123")
    requests_mock.get(USA2P, [listed("compliance", [], USA2P), listed("compliance", [linked] if present else [], USA2P),
                              listed("compliance", [linked], USA2P)])
    requests_mock.post(EXTERNAL_URL, [failure, {"status_code": 201, "json": {
        "sid": QE, "account_sid": AUTH["account_sid"], "campaign_id": "CEXT123", "messaging_service_sid": MG, "date_created": "2026-11-27T10:00:00Z"}}])
    result = run_module(a2p_external_campaign, {**AUTH, "service": MG, "campaign_id": "CEXT123"})
    assert result["changed"] is True and result["campaign"]["campaign_id"] == "CEXT123"
    assert len(creates(requests_mock, EXTERNAL_URL)) == (1 if present else 2)


@pytest.mark.parametrize("present", [True, False])
def test_a2p_brand_looks_up_the_brand_by_bundles(requests_mock, run_module, failure, present):
    requests_mock.get(BRANDS_URL, [listed("data", [], BRANDS_URL), listed("data", [brand(BN, status="PENDING")] if present else [], BRANDS_URL)])
    requests_mock.post(BRANDS_URL, [failure, {"status_code": 201, "json": brand(BN, status="PENDING")}])
    result = run_module(a2p_brand, {**AUTH, "customer_profile_bundle_sid": "BU" + "c" * 32, "a2p_profile_bundle_sid": "BU" + "d" * 32})
    assert result["changed"] is True and result["brand"]["sid"] == BN
    assert len(creates(requests_mock, BRANDS_URL)) == (1 if present else 2)


def test_delete_retried_after_a_reset_that_answers_404_is_done(requests_mock, run_module, failure):
    requests_mock.get(SERVICES_URL, **listed("services", [service(MG, "Flex")], SERVICES_URL))
    requests_mock.delete(SERVICES_URL + "/" + MG, [failure, {"status_code": 404, "json": error(20404, 404, "gone")}])
    mock_carried(requests_mock, MG)
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "state": "absent"})
    assert result["changed"] is True and "failed" not in result


def test_reads_retry_rate_limits_transparently(requests_mock, run_module, sleeps):
    limited = {"status_code": 429, "json": error(20429, 429, "Too Many Requests"), "headers": {"Retry-After": "2"}}
    requests_mock.get(SERVICES_URL, [limited, limited, listed("services", [service(MG, "Flex")], SERVICES_URL)])
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex"})
    assert result["changed"] is False and len(sleeps) == 2 and all(2.0 <= s <= 4.0 for s in sleeps)


def test_retry_options_are_validated_before_any_request(requests_mock, run_module):
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "max_retries": -1})
    assert result["failed"] is True and "max_retries must be 0 or more, got -1." in result["msg"]
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "retry_deadline": -5})
    assert result["failed"] is True and "retry_deadline must be a number of seconds, 0 or more, got -5.0." in result["msg"]
    assert not requests_mock.request_history


@pytest.mark.parametrize("external", [True, False])
def test_a2p_external_campaign_replace_refused_after_the_delete_says_what_was_deleted(requests_mock, run_module, external):
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    old = campaign(MG, QE, None if external else BN, is_externally_registered=external, campaign_id="COLD123")
    requests_mock.get(USA2P, [listed("compliance", [old], USA2P), listed("compliance", [], USA2P)])
    requests_mock.delete(USA2P + "/" + QE, status_code=204)
    requests_mock.post(EXTERNAL_URL, status_code=400, json=error(30904, 400, "Campaign not found"))
    result = run_module(a2p_external_campaign, {**AUTH, "service": MG, "campaign_id": "CNEW123", "replace": True})
    assert result["failed"] is True and result["changed"] is True and result["writes"]["applied"] == 1
    assert result["deleted_campaign"]["sid"] == QE and "had already been deleted" in result["msg"]
    if external:
        assert result["restore"] == {"service": MG, "campaign_id": "COLD123"}
    else:
        assert "restore" not in result and "tendlc.twilio.a2p_campaign" in result["msg"]
