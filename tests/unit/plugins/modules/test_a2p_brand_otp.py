"""a2p_brand's resend_otp (one new one-time code for an APPROVED, UNVERIFIED sole-proprietor brand) and the check-mode fee warning."""

from __future__ import annotations

import json

import pytest
from test_brand_vetting import fixture_run, warned  # noqa: F401 (the fixture run) pylint: disable=unused-import
from twilio_payloads import ACCOUNT_SID, AUTH, BRANDS_URL, brand, page

from ansible_collections.tendlc.twilio.plugins.module_utils import _a2p
from ansible_collections.tendlc.twilio.plugins.modules import a2p_brand

BN = "BN" + "e" * 32
CUSTOMER, A2P = "BU" + "c" * 32, "BU" + "d" * 32
SOLE = {**AUTH, "customer_profile_bundle_sid": CUSTOMER, "a2p_profile_bundle_sid": A2P, "brand_type": "SOLE_PROPRIETOR"}
OTP_URL = "%s/%s/SmsOtp" % (BRANDS_URL, BN)


def writes(mock):
    return [(r.method, r.url) for r in mock.request_history if r.method != "GET"]


@pytest.fixture(name="twilio")
def fixture_twilio(requests_mock):
    """The account's sole-proprietor brand for the bundles (set per test); SmsOtp answers as the spec's create example."""
    requests_mock.post(OTP_URL, status_code=201, json={"account_sid": ACCOUNT_SID, "brand_registration_sid": BN})
    return requests_mock


def has(mock, **fields):
    mock.get(BRANDS_URL, json=page("data", [brand(BN, brand_type="SOLE_PROPRIETOR", **fields)], url=BRANDS_URL))


def test_resend_otp_sends_one_code_to_an_approved_unverified_sole_proprietor_brand(twilio, run):
    has(twilio, identity_status="UNVERIFIED")
    result = run(a2p_brand, {**SOLE, "resend_otp": True})
    assert writes(twilio) == [("POST", OTP_URL)]
    assert (result["changed"], result["adopted"], result["otp_sent"]) == (True, True, True)
    assert any("waiting for the OTP" in w and "replying YES" in w for w in warned(result))


def test_resend_otp_then_waits_for_verified(twilio, run, monkeypatch):
    has(twilio, identity_status="UNVERIFIED")
    monkeypatch.setattr(_a2p.time, "sleep", lambda seconds: None)
    twilio.get("%s/%s" % (BRANDS_URL, BN), [{"json": brand(BN, brand_type="SOLE_PROPRIETOR", identity_status=status)}
                                            for status in ("UNVERIFIED", "VERIFIED")])
    result = run(a2p_brand, {**SOLE, "resend_otp": True, "wait": True, "poll_interval": 1})
    assert writes(twilio) == [("POST", OTP_URL)]
    assert (result["changed"], result["otp_sent"], result["brand"]["identity_status"]) == (True, True, "VERIFIED")


def test_check_mode_plans_the_code_and_sends_none(twilio, run):
    has(twilio, identity_status="UNVERIFIED")
    result = run(a2p_brand, {**SOLE, "resend_otp": True}, check_mode=True)
    assert writes(twilio) == []
    assert (result["changed"], result["otp_sent"]) == (True, True)


@pytest.mark.parametrize("fields", [
    {"identity_status": "VERIFIED"},
    {"identity_status": "UNVERIFIED", "status": "PENDING"},
    {"identity_status": "UNVERIFIED", "status": "FAILED"},
    {"identity_status": None, "status": "IN_REVIEW"},
])
def test_resend_otp_sends_nothing_to_a_brand_that_does_not_wait_for_it(twilio, run, fields):
    has(twilio, **fields)
    result = run(a2p_brand, {**SOLE, "resend_otp": True})
    assert writes(twilio) == []
    assert (result["changed"], result["otp_sent"]) == (False, False)


def test_without_resend_otp_no_code_is_sent(twilio, run):
    has(twilio, identity_status="UNVERIFIED")
    result = run(a2p_brand, SOLE)
    assert writes(twilio) == [] and (result["changed"], result["otp_sent"]) == (False, False)


def test_resend_otp_for_a_standard_brand_is_refused_before_any_request(twilio, run):
    result = run(a2p_brand, {**SOLE, "brand_type": "STANDARD", "resend_otp": True})
    assert result["failed"] is True and "resend_otp applies to SOLE_PROPRIETOR brands only" in result["msg"]
    assert twilio.request_history == []


def test_check_mode_registration_warns_that_it_costs_a_fee_and_adoption_does_not(twilio, run):
    twilio.get(BRANDS_URL, json=page("data", [], url=BRANDS_URL))
    planned = run(a2p_brand, SOLE, check_mode=True)
    assert planned["changed"] is True and any("registering a brand costs a fee" in w for w in warned(planned))
    has(twilio)
    adopted = run(a2p_brand, SOLE, check_mode=True)
    assert adopted["changed"] is False and not any("fee" in w for w in warned(adopted))
    assert writes(twilio) == []


def test_the_otp_wait_says_what_the_owner_must_do_and_no_personal_data(twilio, run):
    has(twilio, identity_status="UNVERIFIED", mobile_phone="+15550001234")
    result = run(a2p_brand, SOLE)
    [text] = [w for w in warned(result) if "OTP" in w]
    assert ("the brand's owner must confirm the one-time code sent by SMS to the mobile number registered with the brand, by replying YES "
            "to that text within 24 hours") in text
    assert "resend_otp" in text and "+1555" not in json.dumps(warned(result))
