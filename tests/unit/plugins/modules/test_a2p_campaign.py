"""a2p_campaign against requests-mock: checks before writing, update vs replace, and the wait loop."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
from twilio_payloads import AUTH, BRANDS_URL, SERVICES_URL, brand, campaign, error, mock_carried, page, service

from ansible_collections.tendlc.twilio.plugins.module_utils import _a2p
from ansible_collections.tendlc.twilio.plugins.modules import a2p_campaign

MG = "MG" + "a" * 32
BN = "BN" + "b" * 32
BN2 = "BN" + "e" * 32
QE = "QE" + "c" * 32
USA2P = "%s/%s/Compliance/Usa2p" % (SERVICES_URL, MG)
FIELDS = {
    "service": MG, "brand_registration_sid": BN, "usecase": "CUSTOMER_CARE",
    "description": "Customer care conversations between agents and customers.",
    "message_flow": "Customers text our published support number first.",
    "message_samples": ["Hi, this is support. Your replacement ships today.", "Your case is resolved. Reply STOP to opt out."],
    "has_embedded_links": False, "has_embedded_phone": False,
}


@pytest.fixture(name="twilio")
def fixture_twilio(requests_mock):
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    requests_mock.get(BRANDS_URL + "/" + BN, json=brand(BN))
    requests_mock.get(BRANDS_URL + "/" + BN2, json=brand(BN2))
    requests_mock.get(USA2P + "/Usecases", json={"us_app_to_person_usecases": [
        {"code": "CUSTOMER_CARE", "name": "Customer Care", "description": "x", "post_approval_required": False},
        {"code": "MIXED", "name": "Mixed", "description": "x", "post_approval_required": False}]})
    return requests_mock


def existing(mock, **fields):
    mock.get(USA2P, json=page("compliance", [campaign(MG, QE, BN, **fields)], url=USA2P))


def writes(mock):
    return [(r.method, r.path, parse_qs(r.text or "")) for r in mock.request_history if r.method in ("POST", "DELETE")]


def test_creates_after_checking_brand_and_usecase(twilio, run_module):
    twilio.get(USA2P, json=page("compliance", [], url=USA2P))
    twilio.post(USA2P, status_code=201, json=campaign(MG, QE, BN, status="PENDING"))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS})
    assert result["changed"] is True and result["campaign"]["campaign_status"] == "PENDING"
    [(method, path, form)] = writes(twilio)
    assert method == "POST" and path.endswith("/usa2p")
    assert form["UsAppToPersonUsecase"] == ["CUSTOMER_CARE"]
    assert form["MessageSamples"] == FIELDS["message_samples"]
    assert form["BrandRegistrationSid"] == [BN]


@pytest.mark.parametrize("numbers", [0, 1, 2, 3])
def test_a_sole_proprietor_campaign_is_refused_on_a_pool_of_more_than_one_number(twilio, run_module, numbers):
    """Issue 11 F5: a sole-proprietor campaign may use one phone number (Twilio's "Troubleshooting A2P Phone Number registration issues")."""
    twilio.get(BRANDS_URL + "/" + BN, json=brand(BN, brand_type="SOLE_PROPRIETOR"))
    twilio.get(SERVICES_URL, json=page("services", [service(MG, "Flex")], url=SERVICES_URL))
    mock_carried(twilio, MG, phone_numbers=[("PN%032d" % n, "+1555000%04d" % n) for n in range(numbers)])
    twilio.get(USA2P + "/Usecases", json={"us_app_to_person_usecases": [
        {"code": "SOLE_PROPRIETOR", "name": "Sole Proprietor", "description": "x", "post_approval_required": False}]})
    twilio.post(USA2P, status_code=201, json=campaign(MG, QE, BN, status="PENDING", us_app_to_person_usecase="SOLE_PROPRIETOR"))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "usecase": "SOLE_PROPRIETOR"})
    if numbers <= 1:
        assert result["changed"] is True and len(writes(twilio)) == 1
        return
    assert result["failed"] is True and result["changed"] is False and not writes(twilio)
    assert result["msg"] == ("brand_registration_sid=%r is a sole-proprietor brand, whose campaign may use one phone number, and messaging "
                             "service %s holds %d; remove all but one from its pool (tendlc.twilio.sender_pool) first." % (BN, MG, numbers))
    assert "+1555" not in result["msg"] and result["phone_numbers"] == numbers


def test_same_campaign_is_a_noop(twilio, run_module):
    existing(twilio)
    result = run_module(a2p_campaign, {**AUTH, **FIELDS})
    assert result["changed"] is False
    assert writes(twilio) == []


def test_updatable_field_updates_in_place_sending_every_required_field(twilio, run_module):
    existing(twilio)
    twilio.post(USA2P + "/" + QE, json=campaign(MG, QE, BN, has_embedded_links=True))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "has_embedded_links": True}, diff=True)
    assert result["changed"] is True
    [(method, path, form)] = writes(twilio)
    assert path.endswith(QE.lower())
    assert sorted(form) == ["AgeGated", "Description", "DirectLending", "HasEmbeddedLinks", "HasEmbeddedPhone", "MessageFlow", "MessageSamples"]
    assert form["HasEmbeddedLinks"] == ["true"]
    assert result["diff"]["before"]["has_embedded_links"] is False and result["diff"]["after"]["has_embedded_links"] is True


def test_fixed_field_change_is_refused_without_writing(twilio, run_module):
    existing(twilio)
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "usecase": "MIXED", "opt_out_keywords": ["STOP"]})
    assert result["failed"] is True
    assert "usecase is 'CUSTOMER_CARE', wanted 'MIXED'" in result["msg"]
    assert "opt_out_keywords is [], wanted ['STOP']" in result["msg"]
    assert result["fields"] == ["opt_out_keywords", "usecase"]
    assert writes(twilio) == []


def test_replace_deletes_then_creates_and_warns(twilio, run_module):
    existing(twilio)
    twilio.delete(USA2P + "/" + QE, status_code=204)
    twilio.post(USA2P, status_code=201, json=campaign(MG, "QE" + "f" * 32, BN2, status="PENDING"))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "brand_registration_sid": BN2, "replace": True})
    assert result["changed"] is True and result["replaced"] is True
    assert [w[0] for w in writes(twilio)] == ["DELETE", "POST"]
    assert "sends no A2P traffic" in json.dumps(result["warnings"])


def test_replace_refused_by_twilio_after_the_delete_says_what_was_deleted_and_how_to_restore(twilio, run_module):
    existing(twilio)
    twilio.delete(USA2P + "/" + QE, status_code=204)
    twilio.post(USA2P, status_code=400, json=error(21719, 400, "Messaging Service use case is incompatible with the campaign use case"))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "brand_registration_sid": BN2, "replace": True})
    assert result["failed"] is True and result["changed"] is True and result["replaced"] is False
    assert [w[0] for w in writes(twilio)] == ["DELETE", "POST"]
    assert result["writes"] == {"applied": 1, "unknown": 0}
    assert "Twilio error 21719" in result["msg"] and "had already been deleted" in result["msg"] and QE in result["msg"]
    assert result["deleted_campaign"]["sid"] == QE and result["deleted_campaign"]["campaign_status"] == "VERIFIED"
    assert result["restore"]["brand_registration_sid"] == BN and result["restore"]["service"] == MG
    assert result["restore"]["message_samples"] == campaign(MG, QE, BN)["message_samples"]
    assert result["campaign"] == {}


def test_wait_that_fails_after_a_create_reports_the_created_campaign(twilio, run_module, monkeypatch):
    monkeypatch.setattr(_a2p.time, "sleep", lambda seconds: None)
    twilio.get(USA2P, json=page("compliance", [], url=USA2P))
    twilio.post(USA2P, status_code=201, json=campaign(MG, QE, BN, status="PENDING"))
    twilio.get(USA2P + "/" + QE, json=campaign(MG, QE, BN, status="FAILED", errors=[{"error_code": 30896, "description": "bad flow"}]))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "wait": True})
    assert result["failed"] is True and result["changed"] is True
    assert result["campaign"]["sid"] == QE and "FAILED" in result["msg"]


def test_brand_not_approved_fails_without_writing(twilio, run_module):
    twilio.get(USA2P, json=page("compliance", [], url=USA2P))
    twilio.get(BRANDS_URL + "/" + BN, json=brand(BN, status="FAILED", errors=[{"error_code": 30794, "description": "Tax ID mismatch", "fields": ["ein"]}]))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS})
    assert result["failed"] is True
    assert "the brand is FAILED, not APPROVED (30794 Tax ID mismatch (fields: ein))" in result["msg"]
    assert writes(twilio) == []


def test_usecase_the_brand_may_not_use_fails_listing_allowed(twilio, run_module):
    twilio.get(USA2P, json=page("compliance", [], url=USA2P))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "usecase": "MARKETING"})
    assert result["failed"] is True
    assert result["allowed"] == ["CUSTOMER_CARE", "MIXED"]
    assert writes(twilio) == []


def test_check_mode_never_writes_nor_waits(twilio, run_module):
    twilio.get(USA2P, json=page("compliance", [], url=USA2P))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "wait": True}, check_mode=True)
    assert result["changed"] is True
    assert result["campaign"]["us_app_to_person_usecase"] == "CUSTOMER_CARE"
    assert writes(twilio) == []
    assert not any(QE.lower() in r.path for r in twilio.request_history)


@pytest.mark.parametrize("args, text", [
    ({"description": "too short"}, "description must be 40 to 4096 characters long, got 9"),
    ({"message_flow": "x" * 2049}, "message_flow must be 40 to 2048 characters long, got 2049"),
    ({"message_samples": ["only one sample, long enough"]}, "message_samples must hold 2 to 5 samples, got 1"),
    ({"message_samples": ["a" * 20] * 6}, "message_samples must hold 2 to 5 samples, got 6"),
    ({"message_samples": ["a" * 20, "short"]}, "message_samples[1] must be 20 to 1024 characters long, got 5"),
    ({"brand_registration_sid": "BN123"}, "brand_registration_sid='BN123' is not an A2P brand SID"),
    ({"poll_interval": 0.5}, "poll_interval must be at least 1.0 second"),
    ({"privacy_policy_url": "example.com/privacy"}, "privacy_policy_url='example.com/privacy' is not an absolute"),
])
def test_bad_input_fails_before_any_request(requests_mock, run_module, args, text):
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, **args})
    assert result["failed"] is True
    assert text in result["msg"]
    assert not requests_mock.request_history


class Clock:
    """A fake clock: sleeping advances it, so waits run instantly."""

    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(name="clock")
def fixture_clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(_a2p.time, "monotonic", clock.monotonic)
    monkeypatch.setattr(_a2p.time, "sleep", clock.sleep)
    return clock


def test_wait_polls_until_verified(twilio, run_module, clock):
    existing(twilio, status="PENDING")
    statuses = ("PENDING", "IN_PROGRESS", "VERIFIED")
    twilio.get(USA2P + "/" + QE, [{"json": campaign(MG, QE, BN, status=status)} for status in statuses])
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "wait": True, "poll_interval": 2})
    assert result["changed"] is False
    assert result["campaign"]["campaign_status"] == "VERIFIED"
    assert clock.sleeps == [2, 2]


def test_wait_fails_on_failed_with_errors(twilio, run_module, clock):
    existing(twilio, status="PENDING")
    twilio.get(USA2P + "/" + QE, json=campaign(MG, QE, BN, status="FAILED", errors=[{"error_code": 30896, "description": "Opt-in missing"}]))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "wait": True})
    assert result["failed"] is True
    assert result["msg"] == "A2P campaign %s of messaging service %s is FAILED: 30896 Opt-in missing." % (QE, MG)
    assert result["errors"][0]["error_code"] == 30896


def test_wait_times_out_with_last_status(twilio, run_module, clock):
    existing(twilio, status="PENDING")
    twilio.get(USA2P + "/" + QE, json=campaign(MG, QE, BN, status="IN_PROGRESS"))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "wait": True, "wait_timeout": 30, "poll_interval": 10})
    assert result["failed"] is True
    assert "Timed out after 30s" in result["msg"] and "still IN_PROGRESS" in result["msg"]
    assert sum(clock.sleeps) == 30


def test_absent_deletes_and_warns_when_verified(twilio, run_module):
    existing(twilio)
    twilio.delete(USA2P + "/" + QE, status_code=204)
    result = run_module(a2p_campaign, {"service": MG, "state": "absent", **AUTH})
    assert result["changed"] is True and result["campaign"] == {}
    assert [w[0] for w in writes(twilio)] == ["DELETE"]
    assert "sends no A2P traffic" in json.dumps(result["warnings"])


def test_suspended_campaign_error_is_reported(twilio, run_module):
    existing(twilio)
    twilio.post(USA2P + "/" + QE, status_code=400, json=error(21729, 400, "Campaign is suspended"))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "age_gated": True})
    assert result["failed"] is True
    assert "Twilio error 21729 (HTTP 400): Campaign is suspended" in result["msg"]


def test_plan_new_service_plans_a_create_in_check_mode_only(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", []))
    requests_mock.get(BRANDS_URL + "/" + BN, json=brand(BN))
    args = {**AUTH, **FIELDS, "service": "Flex new", "plan_new_service": True}
    planned = run_module(a2p_campaign, args, check_mode=True)
    assert planned["changed"] is True and planned["campaign"]["us_app_to_person_usecase"] == "CUSTOMER_CARE"
    assert "planned as a new service" in json.dumps(planned["warnings"])
    assert not [r for r in requests_mock.request_history if r.method != "GET"]
    real = run_module(a2p_campaign, args)
    assert real["failed"] is True and "has no messaging service with that name" in real["msg"]
