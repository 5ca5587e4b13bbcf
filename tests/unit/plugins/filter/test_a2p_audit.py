"""The a2p_audit filter: verdicts and findings from registered results."""

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.filter.a2p_audit import FilterModule, a2p_audit

MG = "MG" + "a" * 32
OTHER = "MG" + "b" * 32
BN = "BN" + "c" * 32


def results(**overrides):
    base = {
        "account": "prod",
        "brand_sid": BN,
        "service": {"changed": False, "service": {"sid": MG, "friendly_name": "Flex"},
                    "diff": {"before": {"sticky_sender": True}, "after": {"sticky_sender": True}}},
        "pool": {"changed": False, "added": [], "removed": [], "moved": [], "senders": [{"sid": "PN1", "kind": "phone_number", "value": "+15550000001"}]},
        "campaign": {"changed": False, "campaign": {"sid": "QE1"}},
        "numbers": {"phone_numbers": [{"sid": "PN1", "phone_number": "+15550000001", "messaging_service_sid": MG}]},
        "brands": {"brands": [{"sid": BN, "status": "APPROVED", "identity_status": "VERIFIED", "errors": []}],
                   "campaigns": [{"sid": "QE1", "messaging_service_sid": MG, "brand_registration_sid": BN, "campaign_status": "VERIFIED", "errors": []}]},
        "routing": {"phone_numbers": [], "broken": [], "missing": []},
    }
    base.update(overrides)
    return base


def test_a_matching_account_is_ok():
    audit = a2p_audit(results())
    assert audit["verdict"] == "ok" and audit["findings"] == []
    assert audit["pool"]["size"] == 1 and audit["campaign"]["status"] == "VERIFIED" and audit["brand"]["status"] == "APPROVED"


def test_service_settings_drift():
    service = {"changed": True, "service": {"sid": MG}, "diff": {"before": {"use_inbound_webhook_on_number": False, "usecase": "discussion"},
                                                                 "after": {"use_inbound_webhook_on_number": True, "usecase": "discussion"}}}
    audit = a2p_audit(results(service=service))
    assert audit["verdict"] == "drift"
    assert audit["findings"] == ["messaging service settings differ: use_inbound_webhook_on_number"]


def test_missing_service_is_drift():
    audit = a2p_audit(results(service={"changed": True, "service": {"friendly_name": "Flex"}}, pool={"skipped": True}, campaign={"skipped": True}))
    assert audit["verdict"] == "drift" and "the messaging service does not exist" in audit["findings"]
    assert audit["pool"]["checked"] is False


def test_pool_drift_lists_the_senders():
    pool = {"changed": True, "added": [{"value": "+15550000002"}], "removed": [{"value": "+15550000009"}], "moved": [], "senders": []}
    audit = a2p_audit(results(pool=pool))
    assert audit["verdict"] == "drift"
    assert "1 number(s) would be added: +15550000002" in audit["findings"]
    assert "1 number(s) would be removed: +15550000009" in audit["findings"]


def test_unregistered_senders_and_unverified_campaign_are_risks():
    numbers = {"phone_numbers": [{"sid": "PN1", "phone_number": "+15550000001", "messaging_service_sid": MG},
                                 {"sid": "PN2", "phone_number": "+15550000002", "messaging_service_sid": None},
                                 {"sid": "PN3", "phone_number": "+15550000003", "messaging_service_sid": OTHER}]}
    brands = results()["brands"]
    brands = {**brands, "campaigns": [{**brands["campaigns"][0], "campaign_status": "FAILED", "errors": [{"error_code": 30896, "description": "Opt-in"}]}]}
    audit = a2p_audit(results(numbers=numbers, brands=brands))
    assert audit["verdict"] == "at-risk"
    assert [s["phone_number"] for s in audit["unregistered_senders"]] == ["+15550000001", "+15550000002", "+15550000003"]
    assert audit["unregistered_senders"][1]["reason"] == "in no messaging service"
    assert "campaign is FAILED (30896 Opt-in)" in audit["findings"]


def test_brand_not_approved_is_a_risk():
    brands = results()["brands"]
    brands = {**brands, "brands": [{"sid": BN, "status": "FAILED", "errors": [{"error_code": 30794, "description": "Tax ID"}]}]}
    audit = a2p_audit(results(brands=brands))
    assert audit["verdict"] == "at-risk" and "brand %s is FAILED (30794 Tax ID)" % BN in audit["findings"]


def test_broken_routing_is_a_risk():
    routing = {"phone_numbers": [], "broken": [{"phone_number": "+15550000001", "problems": ["sms_url is 'x'"]}], "missing": ["+15559999999"]}
    audit = a2p_audit(results(routing=routing))
    assert audit["verdict"] == "at-risk"
    assert "+15550000001 does not route to Flex: sms_url is 'x'" in audit["findings"]
    assert "the account does not own +15559999999" in audit["findings"]


def test_a_refused_campaign_is_drift_with_the_modules_message():
    campaign = {"changed": False, "failed_when_result": False, "msg": "The A2P campaign QE1 ... cannot change these fields: usecase is 'MIXED'"}
    audit = a2p_audit(results(campaign=campaign))
    assert audit["verdict"] == "drift"
    assert audit["campaign"]["error"].startswith("The A2P campaign QE1")


def test_a_twilio_error_makes_the_verdict_error():
    service = {"changed": False, "msg": "Failed to list messaging services: Twilio error 20003 (HTTP 401): Authenticate."}
    audit = a2p_audit(results(service=service, pool={"skipped": True}, campaign={"skipped": True}))
    assert audit["verdict"] == "error"


def test_the_filter_is_registered():
    assert FilterModule().filters()["a2p_audit"] is a2p_audit
