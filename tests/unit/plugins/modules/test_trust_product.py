"""trust_product against requests-mock, on customer_profile's TrustHubFake."""

from __future__ import annotations

import json

import pytest
from test_customer_profile import A2P, SECONDARY, TrustHubFake, writes
from twilio_payloads import ACCOUNT_SID, AUTH

from ansible_collections.tendlc.twilio.plugins.modules import trust_product

PROFILE = "BU" + "5" * 32
CONTACT = "brand.contact@acme.example"
EMAIL = "compliance@acme.example"
ARGS = {**AUTH, "friendly_name": "Acme Plumbing A2P", "email": EMAIL, "customer_profile_sid": PROFILE, "company_type": "private",
        "brand_contact_email": CONTACT}


@pytest.fixture(name="hub")
def fixture_hub(requests_mock):
    fake = TrustHubFake()
    fake.add_bundle(PROFILE, "Acme Plumbing", EMAIL, "pending-review", SECONDARY, "CustomerProfiles")
    fake.install(requests_mock)
    return fake


def product(hub):
    found = [b for b in hub.bundles.values() if b["policy_sid"] == A2P]
    assert len(found) == 1
    return found[0]


def test_create_from_empty_then_rerun_without_writes(hub, requests_mock, run_module):
    result = run_module(trust_product, ARGS, diff=True)
    assert result["changed"] is True and result["submitted"] is True, result
    bundle = product(hub)
    sid = bundle["sid"]
    assert writes(requests_mock) == ["POST /v1/TrustProducts", "POST /v1/EndUsers"] + ["POST /v1/TrustProducts/%s/EntityAssignments" % sid] * 2 + [
        "POST /v1/TrustProducts/%s/Evaluations" % sid, "POST /v1/TrustProducts/%s" % sid]
    assert bundle["status"] == "pending-review"
    info = hub.end_users[result["entities"]["messaging_profile_information"]]
    assert info["type"] == "us_a2p_messaging_profile_information" and info["attributes"] == {"company_type": "private", "brand_contact_email": CONTACT}
    assert set(hub.assigned(sid)) == {info["sid"], PROFILE}
    assert result["entities"]["customer_profile"] == PROFILE
    assert result["diff"]["after"]["messaging_profile_information"]["brand_contact_email"] == "(changed)"
    count = len(writes(requests_mock))
    again = run_module(trust_product, ARGS)
    assert again["changed"] is False and len(writes(requests_mock)) == count
    assert CONTACT not in json.dumps(result) + json.dumps(again) and EMAIL not in json.dumps(result)


def test_resume_assigns_the_end_user_made_before_the_interruption(hub, requests_mock, run_module):
    bundle = hub.add_bundle("BU" + "6" * 32, "Acme Plumbing A2P", EMAIL, "draft", A2P, "TrustProducts")
    hub.end_users["IT" + "6" * 32] = {"sid": "IT" + "6" * 32, "account_sid": ACCOUNT_SID, "friendly_name": "Acme Plumbing A2P - messaging profile information",
                                      "type": "us_a2p_messaging_profile_information", "attributes": {"company_type": "private", "brand_contact_email": CONTACT},
                                      "date_created": "", "date_updated": "", "url": ""}
    result = run_module(trust_product, ARGS)
    assert result["entities"]["messaging_profile_information"] == "IT" + "6" * 32 and len(hub.end_users) == 1
    assert writes(requests_mock)[:2] == ["POST /v1/TrustProducts/%s/EntityAssignments" % bundle["sid"]] * 2


def test_the_customer_profile_is_read_before_any_write(hub, requests_mock, run_module):
    hub.bundles[PROFILE]["status"] = "draft"
    result = run_module(trust_product, ARGS)
    assert result["failed"] is True and "draft" in result["msg"] and "submit it first" in result["msg"]
    missing = run_module(trust_product, {**ARGS, "customer_profile_sid": "BU" + "4" * 32})
    assert missing["failed"] is True and "no such customer profile" in missing["msg"]
    hub.bundles[PROFILE].update(status="twilio-approved", policy_sid=A2P)
    wrong = run_module(trust_product, ARGS)
    assert wrong["failed"] is True and "not a secondary customer profile" in wrong["msg"]
    assert writes(requests_mock) == []


def test_a_change_while_approved_fails_naming_the_field(hub, requests_mock, run_module):
    run_module(trust_product, ARGS)
    product(hub)["status"] = "twilio-approved"
    count = len(writes(requests_mock))
    refused = run_module(trust_product, {**ARGS, "company_type": "public", "stock_exchange": "NASDAQ", "stock_ticker": "ACME"})
    assert refused["failed"] is True and "company_type" in refused["msg"] and "stock_ticker" in refused["msg"]
    assert len(writes(requests_mock)) == count


def test_check_mode_writes_nothing(hub, requests_mock, run_module):
    planned = run_module(trust_product, ARGS, check_mode=True)
    assert planned["changed"] is True and planned["trust_product"]["status"] == "draft" and "sid" not in planned["trust_product"]
    assert planned["entities"] == {"messaging_profile_information": None, "customer_profile": PROFILE}
    assert writes(requests_mock) == []


@pytest.mark.parametrize("change, text", [
    ({"company_type": "public"}, "stock_exchange"),
    ({"company_type": "non-profit"}, "company_type"),
    ({"brand_contact_email": "nobody"}, "brand_contact_email"),
    ({"customer_profile_sid": "IT" + "1" * 32}, "customer_profile_sid"),
    ({"friendly_name": "a\nb"}, "friendly_name"),
    ({"poll_interval": 0.1}, "poll_interval"),
])
def test_bad_input_is_refused_before_any_request(requests_mock, run_module, change, text):
    result = run_module(trust_product, {**ARGS, **change})
    assert result["failed"] is True and text in result["msg"], result["msg"]
    assert requests_mock.request_history == []
    assert "nobody" not in result["msg"]
