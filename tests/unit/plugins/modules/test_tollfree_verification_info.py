"""tollfree_verification_info against requests-mock: the account's toll-free numbers only, each with its verification's
status (no personal data) or null, two requests whatever the count, and the phone_numbers filter."""

from __future__ import annotations

import json

from twilio_payloads import ACCOUNT_SID, AUTH, NUMBERS_URL, owned_number, page, page2010

from ansible_collections.tendlc.twilio.plugins.module_utils._numbers import is_toll_free
from ansible_collections.tendlc.twilio.plugins.modules import tollfree_verification_info

URL = "https://messaging.twilio.com/v1/Tollfree/Verifications"
TF1, TF2, LOCAL = "+18005550100", "+18335550101", "+15555550100"
PN1, PN2, PN3 = ("PN" + c * 32 for c in "abc")
HH = "HH" + "d" * 32


def numbers(mock):
    mock.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [owned_number(PN1, TF1), owned_number(PN2, TF2), owned_number(PN3, LOCAL)],
                                        NUMBERS_URL))
    mock.get(URL, json=page("verifications", [{
        "sid": HH, "account_sid": ACCOUNT_SID, "tollfree_phone_number_sid": PN1, "status": "TWILIO_REJECTED", "edit_allowed": True,
        "edit_expiration": "2026-12-09T10:00:00Z", "rejection_reason": "Website not accessible", "rejection_reasons": [{"reason": "x"}],
        "error_code": 30446, "notification_email": "notify.q7@example.com", "business_contact_phone": "+15557340100",
        "date_created": "2026-11-27T10:00:00Z", "date_updated": "2026-11-28T10:00:00Z"}], URL))


def test_toll_free_numbers_with_their_verification(requests_mock, run_module):
    numbers(requests_mock)
    result = run_module(tollfree_verification_info, AUTH, check_mode=True)
    assert [n["phone_number"] for n in result["phone_numbers"]] == [TF1, TF2] and not result["changed"]
    first, second = result["phone_numbers"]
    assert first["verification"]["sid"] == HH and first["verification"]["status"] == "TWILIO_REJECTED"
    assert first["verification"]["edit_allowed"] is True and first["verification"]["edit_expiration"] == "2026-12-09T10:00:00Z"
    assert first["verification"]["error_code"] == 30446 and second["verification"] is None and second["verifications"] == 0
    assert "q7@example.com" not in json.dumps(result) and "+15557340100" not in json.dumps(result)
    assert [r.method for r in requests_mock.request_history] == ["GET", "GET"]


def test_filter_by_number_or_sid_and_missing(requests_mock, run_module):
    numbers(requests_mock)
    result = run_module(tollfree_verification_info, {**AUTH, "phone_numbers": [PN2, LOCAL, "+18885550199"]})
    assert [n["sid"] for n in result["phone_numbers"]] == [PN2] and result["missing"] == [LOCAL, "+18885550199"]


def test_bad_filter_value_is_refused_before_any_request(requests_mock, run_module):
    result = run_module(tollfree_verification_info, {**AUTH, "phone_numbers": ["800-555-0100"]})
    assert result["failed"] and "800-555-0100" in result["msg"] and not requests_mock.request_history


def test_toll_free_codes():
    assert all(is_toll_free("+1%s5550100" % code) for code in ("800", "833", "844", "855", "866", "877", "888"))
    assert not any(is_toll_free(n) for n in ("+18225550100", "+15555550100", "+1800555010", "+448005550100", None, "+1800555O100"))
